"""Red flags that are someone else's: a relative's sign is not the patient's; the patient's stays.

A carer writing for the patient tells the patient's signs (in that message, or said in an
earlier message: bot/typed_for.py); a patient who mentions a relative keeps the relative's
history, fever or fall theirs, asked at most, never raised and never silently dropped; a denial
told of a relative in the third person ("no ha tenido") denies nothing of the patient's. Read as
the assistant reads a first message (tests/unit/reading.py, the learned detector off). Sentences
written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.typed_for import as_meant, each_entities_said, entities_said, typed_for_patient
from tests.unit.reading import entities, read, read_after, slots_and_asked
from tests.vocabulary_reading import red_flags_read


@pytest.mark.parametrize("text", [
    "none of those my brother had kidney cancer though",
    "ninguna de esas, mi tía tuvo cáncer de ovario",
    "my grandad had prostate cancer, none of the rest apply to me",
])
def test_a_relatives_history_after_a_denial_stays_theirs(text):
    assert "cancer_history" not in read(text).raised | read(text).asked


@pytest.mark.parametrize("text, flag", [
    ("mi papá se cayó en la calle anoche, yo lo veo muy adolorido", "trauma"),
    ("mi suegra se cayó de la cama, ella está aquí al lado y dice que le duele la espalda", "trauma"),
    ("mi tío tuvo cáncer de pulmón hace 4 años. el resto no tiene", "cancer_history"),
    ("my husband slipped on the stairs yesterday and I'm writing this for him", "trauma"),
    ("I look after my dad, he fell in the garden on Tuesday", "trauma"),
    ("I read the list to mum - she says no to all of it, but she did have ovarian cancer", "cancer_history"),
])
def test_a_carer_writing_for_the_patient_tells_the_patients_signs(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text, flag", [
    ("my husband fell off a ladder last year, my back has hurt for 2 weeks", "trauma"),
    ("my mum had bowel cancer, I've had back pain for 3 weeks, no fever", "cancer_history"),
    ("mi esposa se cayó ayer, a mí me duele la espalda desde hace un mes", "trauma"),
    ("mi mamá tuvo cáncer de mama, lo demás no tengo", "cancer_history"),
])
def test_a_patient_who_mentions_someone_else_keeps_it_theirs(text, flag):
    assert flag not in read(text).raised


@pytest.mark.parametrize("text", [
    "my kid had a temperature on Sunday and I've been carrying her about, now my back aches",
    "I had a fever with a kidney infection at Christmas but that is all finished",
])
def test_someone_elses_fever_or_one_long_over_is_no_flag(text):
    reading = read(text)
    assert "fever" not in reading.raised | reading.asked


def test_a_carer_who_hurt_their_own_back_keeps_the_relatives_fall_theirs():
    text = ("mi hermano se cayó el lunes y se rompió el brazo, yo lo estoy cuidando y de tanto "
            "levantarlo me empezó a doler la espalda")
    assert "trauma" not in read(text).raised


@pytest.mark.parametrize("earlier, text, flag", [
    (["I'm writing for my dad"], "he can't hold his water since yesterday", "bladder_bowel"),
    (["hello, I'm asking on behalf of my mum", "her lower back, for 3 weeks"], "she fell in the garden on Sunday",
     "trauma"),
    (["I look after my husband, he has had back pain for 2 months"], "he can't lift his left foot any more",
     "leg_weakness"),
    (["escribo por mi papá"], "él tuvo cáncer de próstata hace dos años", "cancer_history"),
    (["soy su hija, le duele la cintura"], "mi papá se cayó ayer en el baño", "trauma"),
])
def test_a_relatives_sign_after_they_said_they_write_for_the_patient_is_the_patients(earlier, text, flag):
    assert flag in read_after(earlier, text).raised


@pytest.mark.parametrize("text, flag", [
    ("he can't control his bladder", "bladder_bowel"),
    ("mi papá se cayó ayer en la calle", "trauma"),
])
def test_without_it_the_same_sign_is_asked_never_raised_nor_dropped(text, flag):
    reading = read_after(["my lower back has hurt for 3 weeks"], text)
    assert flag not in reading.raised


@pytest.mark.parametrize("earlier, text, flag", [
    (["I'm writing for my dad"], "his mum had breast cancer", "cancer_history"),
    (["escribo por mi papá"], "su hermana murió de cáncer", "cancer_history"),
])
def test_the_patients_relatives_stay_someone_else_when_typed_for_the_patient(earlier, text, flag):
    assert flag not in read_after(earlier, text).raised


def test_the_conversation_fact_is_read_from_its_messages():
    said = entities_said([{"event": "user", "parse_data": {"entities": entities("typing this for my wife")}},
                          {"event": "bot", "text": "Where is the pain?"}])
    assert typed_for_patient(said)
    assert not typed_for_patient([entities("my wife had a fever last week")])


def test_the_conversation_read_lazily_gives_the_same_reading():
    """Rasa's events and the SDK's dicts, read one message at a time as the red-flag policy and
    the forms read them: the same reading of a later message as the whole list gives."""
    from rasa.shared.core.events import BotUttered, UserUttered

    text = "he fell yesterday and can't feel his bum"
    for carer in ("I'm writing for my dad", "my dad had a fall last month"):
        events = [UserUttered(carer, parse_data={"entities": entities(carer)}),
                  BotUttered("Where is the pain?"),
                  UserUttered(text, parse_data={"entities": entities(text)})]
        sdk = [{"event": "user", "parse_data": {"entities": entities(carer)}},
               {"event": "bot", "text": "Where is the pain?"}]
        for said in (events, sdk):
            assert as_meant(entities(text), each_entities_said(said)) == \
                as_meant(entities(text), entities_said(said))
        assert list(each_entities_said(events)) == entities_said(events) == \
            [entities(carer), entities(text)]


def test_a_message_said_for_the_patient_keeps_its_own_reading():
    # the second reading adds signs; it never takes away what the first found
    text = "he fell yesterday and can't feel his bum"
    first = {e["value"] for e in entities(text) if e["entity"].startswith("red_flag")}
    meant = {e["value"] for e in as_meant(entities(text), [entities("I'm writing for my dad")])
             if e["entity"].startswith("red_flag")}
    assert first <= meant


def test_a_carer_telling_their_own_pain_is_the_patient():
    """A carer who writes of their own back does not make the cared-for person's signs theirs
    (an emergency for the wrong person); a carer writing of the person is still the proxy."""
    own = read("I take care of my husband, he can't control his bladder since his stroke. "
               "My own back is killing me from lifting him, that's why I'm writing")
    assert "bladder_bowel" not in own.raised
    assert "bladder_bowel" in read("I look after my dad, he has been wetting himself since "
                                   "yesterday and his back is agony").raised


def test_a_relatives_fall_told_for_them_is_asked():
    slots, asked = slots_and_asked("mi abuelo se cayó de la silla el sábado y ahora le duele la cintura, tiene 85 años")
    assert "trauma" in asked or "trauma" in (slots.get("red_flags") or [])


@pytest.mark.parametrize("text", [
    "escribo por mi mamá: fiebre no ha tenido, y caídas tampoco",
    "soy el hijo, mi papá bajó de peso pero golpes no ha tenido",
])
def test_a_relatives_sign_denied_in_the_third_person(text):
    present, _ = red_flags_read(text)
    assert "trauma" not in present and "fever" not in present


@pytest.mark.parametrize("text", [
    "lo de la vejiga: desde ayer se orina sin darse cuenta, antes no le pasaba",
    "mi papá ya se hace pipí encima y le duele la espalda",
])
def test_a_relatives_leaking_told_in_the_third_person_is_never_dropped(text):
    present, asked = red_flags_read(text)
    assert "bladder_bowel" in present | asked


@pytest.mark.parametrize("text,own,theirs", [
    ("Le escribe el hijo de don Pedro. A mi papá le duele la espalda y se le doblan las piernas, "
     "cada día más. Yo fui el que me caí la semana pasada, no él.", "trauma", "leg_weakness"),
])
def test_the_writers_own_fall_told_for_a_parent_is_not_the_patients(text, own, theirs):
    reading = read(text)
    assert own not in reading.raised and theirs in reading.raised
