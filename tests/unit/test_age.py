import pytest

from bot.nlu.age import stated_age


@pytest.mark.parametrize("text,age", [
    ("I'm 15 and my back hurts", 15), ("im 16", 16), ("I am fourteen", 14),
    ("14 yo here", 14), ("I'm 52", 52), ("I'm 41 years old", 41), ("aged 17", 17),
    ("fifteen years old, is that a problem?", 15), ("my 12-year-old has neck pain", 12),
    ("my back has hurt for 6 years", None), ("it started 15 years ago", None),
    ("I'm 6 weeks into physio", None), ("I lost 10 pounds", None), ("I'm 80kg", None),
    ("pain is 7 out of 10", None), ("", None),
])
def test_a_stated_age_is_read_and_durations_are_not(text, age):
    assert stated_age(text) == age
