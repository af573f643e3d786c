"""Round 13's red-flag misses by kind, in wordings of our own: crash slang and "week" typed
for weak are asked about; a relative's numbness told in Spanglish is asked; the learned
detector asks nothing of a clause with no word of the flag's own, nor of a treatment's name."""
from __future__ import annotations

import pytest

from tests.unit.test_red_flag_detector import MODEL, WITH_DETECTOR, asked


def flags(text):
    raised, confirm = asked(WITH_DETECTOR, text)
    return raised | confirm


@pytest.mark.parametrize("text, flag", [
    ("se le volteó el carro a mi hijo y desde entonces le duele la espalda", "trauma"),
    ("nos dimos una hostia con el coche el lunes, me duele la nuca", "trauma"),
    ("rolled the car on a gravel road last week, neck is stiff since", "trauma"),
    ("my legs feel week and I've wet myself twice", "leg_weakness"),
    ("legs going week on the stairs since the back went", "leg_weakness"),
    ("mi tío says he can't feel his nalgas since yesterday", "saddle_numbness"),
])
def test_a_sign_in_slang_or_misspelt_is_at_least_asked(text, flag):
    assert flag in flags(text)


@pytest.mark.parametrize("text", [
    "I keep meaning to book a massage",
    "rubbing Deep Heat on it at night",
    "took some Advil, then Icy Hot",
    "my back hurts after a week of gardening",
    "me volteé a ver a mi hija y me dolió la espalda",
])
def test_ordinary_words_and_treatment_names_ask_nothing(text):
    assert flags(text) == set()


def test_the_detector_needs_a_word_of_the_flags_own():
    detector = WITH_DETECTOR._detectors["en"]
    assert detector.in_territory("bladder_bowel", "can't make it to the loo in time")
    assert detector.in_territory("fever", "running a temprature")  # misspelt
    assert not detector.in_territory("leg_weakness", "Icy Hot")


def test_a_treatments_name_is_no_evidence():
    detector = WITH_DETECTOR._detectors["en"]
    text = "Icy Hot"
    assert detector.find(text, mask=[(0, len(text))]) == []
    assert MODEL is not None


def test_a_feverish_word_of_its_own_is_asked():
    assert "fever" in flags("me siento como afiebrada y calenturienta en las noches")
