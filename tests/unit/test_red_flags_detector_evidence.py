"""The learned red-flag detector asks only where a clause holds the flag's own evidence.

With the detector on (tests/unit/parsed.py, tests/unit/test_red_flag_detector.py): no question
where no word is the flag's own, nor of a treatment's name; signs in new words, slang or
misspelt are at least asked; an explained weight loss or a fever that is over is not raised; a
relative's sign told by a carer is still caught. Sentences written for these tests, none from a
blind set."""
from __future__ import annotations

import pytest

from tests.unit.parsed import caught_with_detector, with_detector
from tests.unit.test_red_flag_detector import MODEL, WITH_DETECTOR


@pytest.mark.parametrize("text", [
    "a hot water bottle and a warm bath at night",
    "been meaning to try yoga for it",
    "it runs down the back of my leg to my heel",
    "I haven't tried anything yet, I keep swearing I will",
    "me baja por la pierna hasta el tobillo",
    "la bolsa de agua caliente por las noches",
    "arriba, entre las paletillas",
])
def test_no_question_where_no_word_is_the_flags_own(text):
    assert with_detector(text) == (set(), set())


@pytest.mark.parametrize("text, flag", [
    ("my legs feel strange lately", "leg_weakness"),
    ("siento las piernas raras desde el lunes", "leg_weakness"),
    ("la pierna derecha se me dobla, ya no tengo fuerza", "leg_weakness"),
    ("ya no tengo fuerza", "leg_weakness"),
    ("I bent to tie my shoe and felt something snap in my back", "trauma"),
    ("a veces se me duerme la nalga izquierda", "saddle_numbness"),
    # a carer's own first person ("yo le doy") keeps the relative's sign caught
    ("mi mamá no siente sus partes ni la cola desde ayer, yo le doy sus pastillas", "saddle_numbness"),
    # "ni" joining two places of one sign is no denial
    ("no siente sus partes ni la cola", "saddle_numbness"),
    ("I can't feel down there nor my backside", "saddle_numbness"),
    # a foot that catches or drags: a foot drop beginning, asked at least
    ("my right foot has started catching on the rug, worse every week", "leg_weakness"),
    ("the toes of my left foot keep catching on the stairs", "leg_weakness"),
    ("no fever or falls. lately my left foot catches on the kerb, getting worse", "leg_weakness"),
    ("se me atora el pie izquierdo en los escalones", "leg_weakness"),
    # heat felt and never measured: asked, and "not measured" denies nothing
    ("he andado calientito estos días y no tengo termómetro", "fever"),
    ("me he sentido caliente por las tardes, no me la he medido", "fever"),
    ("I've felt hot most nights, haven't taken my temperature", "fever"),
])
def test_a_sign_in_new_words_a_relatives_or_without_its_words_is_caught(text, flag):
    raised, asked = with_detector(text)
    assert flag in raised | asked


@pytest.mark.parametrize("text, flag", [
    ("I've dropped 8 kilos since spring. I'm on Mounjaro for it.", "weight_loss"),
    ("lost a stone but that's deliberate, I'm on a diet", "weight_loss"),
    ("I had a fever at Christmas but it came right", "fever"),
    ("Calentura no tiene. Le duele la espalda desde el viernes.", "fever"),
])
def test_an_explained_loss_or_a_fever_that_is_over_is_not_raised(text, flag):
    assert flag not in with_detector(text)[0]


@pytest.mark.parametrize("text, flag", [
    ("I'm losing weight without trying", "weight_loss"),
    ("I've got a fever, it hasn't come right", "fever"),
    ("fever since Tuesday, still not cleared", "fever"),
    ("tengo fiebre desde el martes", "fever"),
    ("bajé de peso sin querer", "weight_loss"),
    # someone else's diet explains nothing: asked at least, never dropped
    ("my wife is on a diet. I've lost 10 kg since March", "weight_loss"),
])
def test_a_present_sign_stays_caught(text, flag):
    raised, asked = with_detector(text)
    assert flag in raised | asked
    if "diet" not in text:
        assert flag in raised


def test_a_temperature_not_taken_is_no_denial_and_a_fever_denied_stays_denied():
    assert with_detector("no tengo fiebre, la temperatura está normal") == (set(), set())
    raised, asked = with_detector("no me he tomado la temperatura, pero ando calientito")
    assert "fever" in raised | asked


@pytest.mark.parametrize("text,flag", [
    # a sign said, then a tag asking about it: reported, not asked in general
    ("desde ayer no siento nada cuando me limpio, ¿es normal?", "saddle_numbness"),
    ("se me sale la orina sin darme cuenta, ¿eso es grave?", "bladder_bowel"),
    ("I've been wetting myself since Monday, is that bad?", "bladder_bowel"),
    # a misspelt adverb inside the sign's words
    ("since yesterday i cant realy feel my bum when i wipe", "saddle_numbness"),
])
def test_a_sign_said_then_asked_about_is_present(text, flag):
    raised, _ = with_detector(text)
    assert flag in raised


@pytest.mark.parametrize("text,flag", [
    ("¿la fiebre con dolor de espalda es peligrosa?", "fever"),
    ("is numbness down below serious with back pain?", "saddle_numbness"),
])
def test_a_general_question_about_a_sign_raises_nothing(text, flag):
    raised, _ = with_detector(text)
    assert flag not in raised


@pytest.mark.parametrize("text", [
    "I lost 8 kilo in two months and I am not on a diet",
    "dropped 12 pounds since summer and I'm not on any diet",
])
def test_a_loss_said_not_to_be_a_diet_is_raised(text):
    raised, asked = with_detector(text)
    assert "weight_loss" in raised


def test_a_weight_phrase_too_long_to_ever_match_stops_the_start():
    from bot.nlu.clinical_vocab import words_in_reach
    with pytest.raises(ValueError, match="never matched"):
        words_in_reach("unexplained_weight_loss", ["not been on a diet"], str.lower, 4)


@pytest.mark.parametrize("text,raised_flag,asked_flag", [
    # a near fall is no fall: asked; the weakness that caused it is raised
    ("I almost fell yesterday because my leg gave way", "leg_weakness", "trauma"),
    ("le escribo por mi papá, se le dobla la pierna y ya casi se cae", "leg_weakness", "trauma"),
])
def test_a_near_fall_is_asked_and_the_weakness_raised(text, raised_flag, asked_flag):
    raised, asked = with_detector(text)
    assert raised_flag in raised and asked_flag in asked and asked_flag not in raised


def test_a_relatives_weakening_leg_told_by_the_carer_is_raised():
    raised, _ = with_detector("escribo por mi mamá: se le está debilitando la pierna izquierda")
    assert "leg_weakness" in raised


def test_a_hedged_sign_then_asked_about_is_asked_first():
    raised, asked = with_detector("pues a ratos como que se me duermen las nalgas, ¿eso es normal?")
    assert "saddle_numbness" in asked and "saddle_numbness" not in raised


@pytest.mark.parametrize("text, flag", [
    ("se le volteó el carro a mi hijo y desde entonces le duele la espalda", "trauma"),
    ("nos dimos una hostia con el coche el lunes, me duele la nuca", "trauma"),
    ("rolled the car on a gravel road last week, neck is stiff since", "trauma"),
    ("my legs feel week and I've wet myself twice", "leg_weakness"),
    ("legs going week on the stairs since the back went", "leg_weakness"),
    ("mi tío says he can't feel his nalgas since yesterday", "saddle_numbness"),
])
def test_a_sign_in_slang_or_misspelt_is_at_least_asked(text, flag):
    assert flag in caught_with_detector(text)


@pytest.mark.parametrize("text", [
    "I keep meaning to book a massage",
    "rubbing Deep Heat on it at night",
    "took some Advil, then Icy Hot",
    "my back hurts after a week of gardening",
    "me volteé a ver a mi hija y me dolió la espalda",
])
def test_ordinary_words_and_treatment_names_ask_nothing(text):
    assert caught_with_detector(text) == set()


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
    assert "fever" in caught_with_detector("me siento como afiebrada y calenturienta en las noches")
