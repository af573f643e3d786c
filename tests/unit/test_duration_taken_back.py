"""A duration the patient takes back in the same message is not the pain's (bot/slots.py)."""
from __future__ import annotations

from bot.slots import clinical_updates


def _duration(text: str, words: str, weeks: float):
    return {"entity": "duration", "value": weeks, "start": text.index(words)}


def test_a_duration_taken_back_gives_way_to_the_one_meant_even_when_shorter():
    text = "uy, me confundí: no son 3 años, son como 6 meses"
    entities = [_duration(text, "3 años", 156.4), _duration(text, "6 meses", 26.1)]
    assert clinical_updates({"pain_duration_weeks": 156.4}, entities, text)["pain_duration_weeks"] == 26.1
    text = "sorry, not 4 years, it's been 10 months"
    entities = [_duration(text, "4 years", 208.6), _duration(text, "10 months", 43.5)]
    assert clinical_updates({}, entities, text)["pain_duration_weeks"] == 43.5


def test_two_durations_without_a_take_back_keep_the_longest():
    text = "me caí hace 2 semanas pero el dolor lo tengo desde hace 5 meses"
    entities = [_duration(text, "2 semanas", 2.0), _duration(text, "5 meses", 21.7)]
    assert clinical_updates({}, entities, text)["pain_duration_weeks"] == 21.7
    # no text (older callers): unchanged
    assert clinical_updates({}, entities)["pain_duration_weeks"] == 21.7
