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


def _kept_weeks(text: str, spanish: bool = False):
    from bot.nlu.components import SPANISH_VOCAB, _duration_entity
    from bot.nlu.duration import parse_durations
    from bot.nlu.duration_es import parse_durations_es
    from bot.nlu.self_correction import taken_back
    found = [_duration_entity(m) for m in (parse_durations_es if spanish else parse_durations)(text)]
    return [e["value"] for e in taken_back(found, text, SPANISH_VOCAB if spanish else None)]


def test_a_length_asked_back_then_meant_otherwise_keeps_only_the_one_meant():
    # "did I say X? meant Y", "X pero me equivoqué, son Y": the second value is the pain's
    assert _kept_weeks("hmm did I write 6 months? meant 6 weeks") == [6.0]
    assert _kept_weeks("perdón, escribí 5 meses pero me equivoqué, son como cinco semanas", True) == [5.0]
    assert _kept_weeks("le puse un año pero no, son unos tres meses", True) == [13.04]


def test_two_lengths_joined_by_but_alone_are_both_kept():
    assert _kept_weeks("2 weeks but the ache for 5 years") == [2.0, 260.7]
    assert len(_kept_weeks("hace 2 semanas pero el dolor desde hace 5 meses", True)) == 2


def test_a_length_corrected_at_a_later_question_in_spanish_correction_words_replaces_the_first():
    text = "escribí 7 meses pero me equivoqué, son como tres semanas"
    slots = {"pain_duration_weeks": 30.42, "requested_slot": "treatments_tried"}
    entities = [_duration(text, "tres semanas", 3.0)]
    assert clinical_updates(slots, entities, text)["pain_duration_weeks"] == 3.0
    # a length told of something else at a later question is still no new length
    text = "mi hijo tiene 3 años y me ayuda"
    assert "pain_duration_weeks" not in clinical_updates(slots, [_duration(text, "3 años", 156.4)], text)
