"""Spanish understanding: classes of wording found on the seen sets of session 9 (leaking
without noticing, not feeling the toilet, a bone broken or a fall told as patients tell it,
"no longer" of a worsening leg, a relative's "no ha tenido", treatments and times said in
other words), tested with our own sentences."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration_es import parse_durations_es
from tests.vocabulary_reading import red_flags_read as read
from tests.vocabulary_reading import slots_read

TODAY = datetime.date(2026, 3, 12)  # a Thursday


def weeks(text: str) -> list[float]:
    return [round(m.weeks, 2) for m in parse_durations_es(text, TODAY)]


# ---------------------------------------------------------------- bladder and bowel
@pytest.mark.parametrize("text", [
    "ya no controlo la caca, desde el lunes",
    "no controlo el pis desde ayer en la noche",
    "se me salen los gases sin darme cuenta y eso nunca me pasaba",
    "no siento nada cuando hago del baño",
    "no siento cuando evacuo desde que empezó esto",
    "cada vez me cuesta más orinar, tengo que esperar un rato",
    "no me puedo ni levantar del sillón y se me sale la orina",
])
def test_control_and_feeling_of_the_toilet_in_everyday_words(text):
    present, _ = read(text)
    assert "bladder_bowel" in present


@pytest.mark.parametrize("text", [
    "no tengo fiebre y se me sale la orina",
    "sin calentura y se me escapa la caca",
])
def test_a_denial_does_not_reach_a_sign_after_y_se(text):
    present, _ = read(text)
    assert "bladder_bowel" in present


def test_voy_typed_with_a_b_is_read():
    present, _ = read("ya no siento cuando boy a hacer pipí")
    assert "bladder_bowel" in present


@pytest.mark.parametrize("text", [
    "se me salen los gases muy seguido, será la comida",
    "no siento dolor cuando orino",
    "no me duele cuando hago pipí",
    "se me salen las lágrimas sin querer cuando me duele",
])
def test_wind_or_a_painless_toilet_is_no_sign(text):
    present, asked = read(text)
    assert "bladder_bowel" not in present | asked


def test_something_leaking_unnamed_is_asked():
    present, asked = read("a veces se me sale algo sin darme cuenta")
    assert "bladder_bowel" in asked and "bladder_bowel" not in present


def test_numb_there_after_the_toilet_is_asked():
    _, asked = read("cuando voy al baño siento dormido todo ahí")
    assert "saddle_numbness" in asked


# ---------------------------------------------------------------- a weak leg
@pytest.mark.parametrize("text", [
    "siento la pierna derecha floja desde el domingo",
    "la pierna izquierda sin fuerza, ya casi no subo escalones",
    "el pie ya no me responde como antes y cada semana es peor",
    "la rodilla ya no me sostiene, ya no puedo ni ir a la tienda",
])
def test_a_weak_or_failing_leg_with_no_longer_is_the_sign(text):
    present, _ = read(text)
    assert "leg_weakness" in present


@pytest.mark.parametrize("text", [
    "la pierna der ya no la puedo mover desde el lunes",
    "el pie izquierdo ya no se me levanta al caminar",
    "la pierna izquierda cada semana la noto más débil",
])
def test_the_leg_named_then_said_of_as_la(text):
    present, _ = read(text)
    assert "leg_weakness" in present


def test_a_leg_the_pain_stops_lifting_is_no_weak_leg():
    present, _ = read("la pierna no la puedo levantar mucho por el dolor")
    assert "leg_weakness" not in present


@pytest.mark.parametrize("text", [
    "desde el domingo no siento cuando necesito orinar",
    "me mojé encima anoche y ni cuenta me di",
])
def test_the_need_unfelt_or_wetting_oneself(text):
    present, _ = read(text)
    assert "bladder_bowel" in present


def test_wet_in_the_rain_is_no_sign():
    present, asked = read("me mojé con la lluvia y ahora me duele la espalda")
    assert "bladder_bowel" not in present | asked


def test_a_shoe_slipping_off_is_asked():
    present, asked = read("se me sale el zapato del pie izquierdo cuando camino")
    assert "leg_weakness" in asked and "leg_weakness" not in present


def test_a_fever_gone_for_good_is_still_over():
    present, _ = read("tuve calentura el domingo pero ya no tengo")
    assert "fever" not in present


# ---------------------------------------------------------------- injuries
@pytest.mark.parametrize("text", [
    "me quebré una costilla la semana pasada",
    "se me fisuró el coxis cuando resbalé",
    "me di un sentón en la banqueta el martes",
    "me fui de espaldas en la regadera antier",
    "me lastimé la cadera al caerme del banco",
])
def test_a_broken_bone_or_a_fall_as_patients_tell_it(text):
    present, _ = read(text)
    assert "trauma" in present


@pytest.mark.parametrize("text", [
    "me rompo la espalda trabajando de sol a sol",
    "me fui de viaje el mes pasado y ahí empezó",
    "tengo miedo de caerme en la calle",
])
def test_no_injury_in_idioms_or_a_fear(text):
    present, _ = read(text)
    assert "trauma" not in present


@pytest.mark.parametrize("text", [
    "escribo por mi mamá: fiebre no ha tenido, y caídas tampoco",
    "soy el hijo, mi papá bajó de peso pero golpes no ha tenido",
])
def test_a_relatives_sign_denied_in_the_third_person(text):
    present, _ = read(text)
    assert "trauma" not in present and "fever" not in present


def test_something_removed_never_named_is_asked_as_cancer():
    _, asked = read("hace unos años me quitaron un bulto del brazo y no sé qué era")
    assert "cancer_history" in asked


# ---------------------------------------------------------------- treatments
@pytest.mark.parametrize("text, tried", [
    ("hice kinesio dos meses", ["physical_therapy"]),
    ("el médico me da Nolotil", ["prescription_medication"]),
    ("me pusieron una inyección de diclofenaco en la farmacia", ["injection"]),
    ("me inyectaron un diclofenaco en la farmacia", ["prescription_medication"]),
    ("mi esposo me sobaba la espalda en las noches", ["massage"]),
    ("me la pasé en cama tres días", ["rest"]),
    ("parche de lidocaína que me recetaron", ["prescription_medication"]),
    ("me operaron la columna hace un año, es normal que duela?", ["surgery"]),
])
def test_treatments_in_other_words(text, tried):
    assert sorted(slots_read(text).get("treatments_tried") or []) == tried


@pytest.mark.parametrize("text", [
    "la epidural me la pusieron cuando nació mi hija",
    "mi mamá tuvo un quiste en el ovario que le operaron",
    "me operaron un quiste de la muñeca",
    "camino normal, fuerza tengo",
    "¿ustedes hacen radiofrecuencia?",
    "el doctor dice que me tengo que operar pero no quiero",
])
def test_not_a_treatment_tried_for_the_back(text):
    assert not slots_read(text).get("treatments_tried")


# ---------------------------------------------------------------- times
@pytest.mark.parametrize("text, expected", [
    ("ya va pa tres semanas que me duele", [3.0]),
    ("eso ya tiene meses", [13.04]),
    ("hace dos semanas, no, perdón, tres", [3.0]),
    ("m cai el lunes y desde entonces m duele", [0.43]),
    ("me resbalé bajando del camión en la parada el lunes y desde ahí me duele", [0.43]),
    ("desde la caída, hace cinco días", [0.71]),
    ("me duele la nuca dsd el lunes", [3.0 / 7]),
    ("me he caído en la ducha esta mañana y me duele la espalda", [0.0]),
    ("desde el martes que me resbalé en la cocina", [2.0 / 7]),
    ("ya va para ocho meses", [34.76]),
    ("o sea que son como cinco semanas", [5.0]),
    ("tres semanas i media", [3.5]),
    ("empezó cuando me embaracé de mi hijo, que ya tiene 2 años", [104.28]),
])
def test_spanish_durations_said_in_other_words(text, expected):
    assert weeks(text) == [round(w, 2) for w in expected]


def test_the_date_the_patient_says_it_is_counts():
    # "desde junio ... ahora a finales de agosto": about ten weeks (from mid-June), whatever
    # day the message is read
    assert 9 <= weeks("me duele desde junio y ahora a finales de agosto sigo igual")[0] <= 12


def test_a_scan_finding_dates_the_scan_not_the_pain():
    assert weeks("me duele hace un mes; la hernia la vieron en una resonancia hace 3 años") == [4.35]
