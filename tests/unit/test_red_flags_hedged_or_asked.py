"""Red flags hedged, feared, hypothetical or asked about: asked to confirm, not raised at once.

A sign the patient is unsure of, may have, fears or asks about ("what if I can't control my
bladder?"), an almost-fall, heat never measured, something leaking or removed never named, a
shoe slipping off, "the groin" typed as two words: the assistant asks; it never drops the sign
silently. English and Spanish. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import asked, read, slots_and_asked
from tests.vocabulary_reading import red_flags_read


def test_a_sign_said_unsure_is_asked_though_explained():
    from bot.red_flag_questions import flags_to_confirm

    entities = [{"entity": "red_flag_unsure", "value": "weight_loss", "reason": "hedged"},
                {"entity": "red_flag_denied", "value": "weight_loss"}]
    assert flags_to_confirm({}, entities) == ["weight_loss"]


def test_a_sign_asked_about_stays_a_question_past_a_new_verb():
    reading = read("¿perder peso me ayudaría con el dolor?")
    assert "weight_loss" not in reading.raised


@pytest.mark.parametrize("text,flag", [
    ("I'm cancer free", "cancer_history"),  # mostly said after a cancer: asked, never denied
    ("libre de cáncer, gracias a Dios", "cancer_history"),
    ("not trying to but I've gone from 190 to 160 since summer", "weight_loss"),
])
def test_a_sign_that_may_be_there_is_asked(text, flag):
    reading = read(text)
    assert flag in reading.asked | reading.raised


def test_an_almost_fall_flat_is_asked_not_raised():
    reading = read("my leg gave way and I nearly went flat on my back on the kerb")
    assert "trauma" not in reading.raised


def test_the_groin_typed_as_two_words_is_asked_at_least():
    reading = read("no tengo fiebre, pero se me duerme la entre pierna")
    assert "saddle_numbness" in reading.asked | reading.raised


def test_a_feared_sign_with_nothing_after_it_is_still_asked():
    assert "bladder_bowel" in asked("what if my back pain makes me lose control of my bladder?")


def test_feeling_hot_without_a_thermometer_is_asked_and_is_no_heat_pack():
    slots, asked = slots_and_asked("en las noches me siento calientita pero no tengo termómetro")
    assert "fever" in asked and not slots.get("treatments_tried")


@pytest.mark.parametrize("text,flag", [
    # a topic word "denied" only by an inability may be the sign itself
    ("I can't tell with my bladder anymore", "bladder_bowel"),
    # a problem "down there" the patient will not name: both signs asked
    ("something's not right down there, I don't want to go into it", "bladder_bowel"),
    ("something's not right down there, I don't want to go into it", "saddle_numbness"),
    # a writer who never speaks of themself, telling of a relative's present sign
    ("my grandad is 90 and he had a fall on the stairs this morning", "trauma"),
    ("She keeps wetting the bed, she never used to", "bladder_bowel"),
    ("Mum's been muddled, I think she's been wetting herself", "bladder_bowel"),
    ("he was treated for leukaemia when he was small", "cancer_history"),
    ("my sister wet herself laughing at a wedding", "bladder_bowel"),
])
def test_an_uncertain_sign_is_asked_not_raised(text, flag):
    reading = read(text)
    raised, asked = reading.raised, reading.asked
    assert flag in asked and flag not in raised


@pytest.mark.parametrize("text,flag", [
    # the writer unsure of a sign's topic word: asked, never silently dropped
    ("not sure about the bladder, it feels a bit odd lately", "bladder_bowel"),
    ("unsure about the numbness to be honest", "saddle_numbness"),
    ("not shure if the weakness is new", "leg_weakness"),
    ("my pee has been dribbly this week", "bladder_bowel"),
    ("they found a lesion on my spine on the MRI and are watching it", "cancer_history"),
    ("the consultant never said it was cancer, just a shadow", "cancer_history"),
    # look-alikes of a present sign: asked, never raised at once
    ("I thought I had a temperature but the thermometer said normal", "fever"),
    ("my leg went weak last yr after a disc problem", "leg_weakness"),
])
def test_signs_asked(text, flag):
    raised, asked = red_flags_read(text)
    assert flag in asked and flag not in raised


@pytest.mark.parametrize("text, flag", [
    ("tengo unas molestias en mis partes pero me da vergüenza contarle", "bladder_bowel"),
    ("tengo unas molestias en mis partes pero me da vergüenza contarle", "saddle_numbness"),
    ("me sacaron un quiste del brazo y no me acuerdo si era maligno", "cancer_history"),
    ("ando muy cansado, no sé si eso cuenta como lo de las piernas", "leg_weakness"),
    ("mis hijos dicen que me ven más delgada", "weight_loss"),
])
def test_a_vague_or_unsure_mention_is_confirmed(text, flag):
    present, unsure = red_flags_read(text)
    assert flag in present | unsure


def test_something_leaking_unnamed_is_asked():
    present, asked = red_flags_read("a veces se me sale algo sin darme cuenta")
    assert "bladder_bowel" in asked and "bladder_bowel" not in present


def test_numb_there_after_the_toilet_is_asked():
    _, asked = red_flags_read("cuando voy al baño siento dormido todo ahí")
    assert "saddle_numbness" in asked


def test_a_shoe_slipping_off_is_asked():
    present, asked = red_flags_read("se me sale el zapato del pie izquierdo cuando camino")
    assert "leg_weakness" in asked and "leg_weakness" not in present


def test_something_removed_never_named_is_asked_as_cancer():
    _, asked = red_flags_read("hace unos años me quitaron un bulto del brazo y no sé qué era")
    assert "cancer_history" in asked


@pytest.mark.parametrize("text,flag", [
    # a tag after the writer's words leads into the question: what follows it is asked about
    ("honestly im scared, could that shot leave me paralysed?", "leg_weakness"),  # the verb is no sign
    ("I'm worried, could this injection make my legs weak?", "leg_weakness"),
])
def test_a_sign_after_a_question_tag_is_asked_not_raised(text, flag):
    reading = read(text)
    assert flag not in reading.raised and flag in reading.asked


@pytest.mark.parametrize("text,flag", [
    ("my legs went weak yesterday, could that be serious?", "leg_weakness"),
    ("I can't feel my bum when I wipe, is that normal?", "saddle_numbness"),
])
def test_a_sign_said_before_the_tag_is_still_raised(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text", [
    "so they zap the nerve? can that paralyse me if they miss",
    "I worry the needle could paralyze me",
])
def test_the_verb_paralyse_is_a_fear_never_the_sign(text):
    reading = read(text)
    assert "leg_weakness" not in reading.raised
