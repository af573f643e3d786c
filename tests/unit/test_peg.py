import pytest

from bot.peg import parse_score, peg_score, wants_to_skip


@pytest.mark.parametrize("text,score", [
    ("7", 7.0), ("seven", 7.0), ("about a 6 I'd say", 6.0), ("8/10", 8.0),
    ("8 out of 10", 8.0), ("0", 0.0), ("10", 10.0), ("6.5", 6.5),
    ("11", None), ("-3", None), ("no idea", None), ("", None),
])
def test_a_0_to_10_answer_is_read_from_the_patients_words(text, score):
    assert parse_score(text) == score


def test_the_peg_score_is_the_mean_of_all_three_answers():
    assert peg_score([7, 5, 6]) == 6.0
    assert peg_score([7, None, 6]) is None


@pytest.mark.parametrize("text", ["skip", "I'd rather not", "pass", "no thanks"])
def test_the_patient_can_skip(text):
    assert wants_to_skip(text)
