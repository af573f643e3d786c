"""Session 12 (issues 15 and 20), through the NLU component and the slots, in both languages:
a value taken back inside one message, a date the patient says it is now, Spanish places,
treatments and signs. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit import reading


def read(text):
    """(slots, red flags asked to confirm)"""
    r = reading.read(text)
    return r.slots, r.asked


# --- 1. the value after a correction wins (durations, places, treatments), both languages
@pytest.mark.parametrize("text,weeks", [
    ("4 weeks, no wait, more like 6 weeks", 6.0),
    ("about a month, sorry, I mean two months", 8.7),
    ("tres semanas, bueno no, cuatro", 4.0),
    ("unos dos meses, perdón, me equivoqué, tres meses", 13.0),
])
def test_a_length_taken_back_gives_way_to_the_next(text, weeks):
    assert read(text)[0]["pain_duration_weeks"] == pytest.approx(weeks, rel=0.05)


@pytest.mark.parametrize("text,place", [
    ("my neck, sorry, my mistake, it's my lower back", "lower_back"),
    ("en el cuello, perdón, quise decir la parte baja de la espalda", "lower_back"),
    ("la espalda baja, no no, es entre los omóplatos", "upper_back"),
])
def test_a_place_taken_back_gives_way_to_the_next(text, place):
    assert read(text)[0]["pain_location"] == place


@pytest.mark.parametrize("text,tried", [
    ("chiropractor, sorry, I mean physio", ["physical_therapy"]),
    ("me ponía hielo, perdón, digo compresas calientes y me daban masajes", ["heat_ice", "massage"]),
    # no correction word: both were tried; "too" adds one
    ("I did physio, actually massage helped more", ["physical_therapy", "massage"]),
])
def test_a_treatment_taken_back_is_not_tried(text, tried):
    assert sorted(read(text)[0]["treatments_tried"]) == sorted(tried)


# --- 2. a date said to be today dates the pain's start, not the day the message is read
@pytest.mark.parametrize("text,weeks", [
    ("empezó el 5 de marzo, hoy es 2 de abril", 4.0),
    ("desde el Día de Reyes. Estamos a principios de febrero", 4.1),
    ("it began on March 5th, today is April 2nd", 4.0),
    ("hurting since Jan 10, it's Feb 21 now", 6.0),
])
def test_a_stated_today_dates_the_start(text, weeks):
    assert read(text)[0]["pain_duration_weeks"] == pytest.approx(weeks, rel=0.15)


# --- 3. Spanish places
@pytest.mark.parametrize("text,place", [
    ("me duele la espalda donde va el sostén desde hace un mes", "upper_back"),
    ("es en la parte baja, del lado derecho", "lower_back"),
    ("abajo a la derecha, cuando me agacho", "lower_back"),
])
def test_spanish_places(text, place):
    assert read(text)[0]["pain_location"] == place


@pytest.mark.parametrize("text", [
    "me pusieron una infiltración en la espalda y me ayudó un mes",
    "una epidural en la columna el año pasado, me sirvió poco",
])
def test_a_back_named_only_as_where_a_procedure_went_is_no_place_of_pain(text):
    slots = read(text)[0]
    assert "pain_location" not in slots and slots["treatments_tried"] == ["injection"]


@pytest.mark.parametrize("text", [
    "me infiltraron en la espalda baja hace un año",  # a named part stays
    "me operaron de la espalda hace dos años",  # what was operated on
    "had an injection in my back last spring, it helped a little",  # English: the place of pain
])
def test_a_place_of_a_procedure_that_stays(text):
    assert read(text)[0]["pain_location"] == "lower_back"


# --- 4. Spanish treatments
@pytest.mark.parametrize("text,tried", [
    ("tomé Kitadol y me dieron licencia médica una semana", ["otc_medication", "rest"]),
    ("mi mamá me da masajitos en la noche", ["massage"]),
    ("tomé ibuprofeno y un relajante que me recetó la doctora", ["otc_medication", "prescription_medication"]),
])
def test_spanish_treatments(text, tried):
    assert sorted(read(text)[0]["treatments_tried"]) == sorted(tried)


@pytest.mark.parametrize("text", [
    "el doctor me dio tramadol pero nunca lo tomé",
    "the GP gave me naproxen but I never took it",
])
def test_a_medicine_given_but_not_taken_is_not_tried(text):
    assert not read(text)[0].get("treatments_tried")


def test_a_treatment_never_gone_back_to_was_tried():
    assert read("went to a chiropractor once but never went back")[0]["treatments_tried"] == ["chiropractic"]


@pytest.mark.parametrize("text,weeks", [
    ("unas tres semanas. Ya había tenido el mismo dolor hace 5 años", 3.0),
    ("about 3 weeks now. I'd had the same pain 5 years ago but it settled", 3.0),
])
def test_an_earlier_episodes_time_is_not_this_pains(text, weeks):
    assert read(text)[0]["pain_duration_weeks"] == pytest.approx(weeks, rel=0.05)


def test_a_relatives_medicine_does_not_cancel_nothing():
    assert read("mi esposo toma tramadol para la rodilla, yo no he tomado nada")[0]["treatments_tried"] == []


# --- 5. Spanish signs
def test_a_relatives_fall_told_for_them_is_asked():
    slots, asked = read("mi abuelo se cayó de la silla el sábado y ahora le duele la cintura, tiene 85 años")
    assert "trauma" in asked or "trauma" in (slots.get("red_flags") or [])


def test_feeling_hot_without_a_thermometer_is_asked_and_is_no_heat_pack():
    slots, asked = read("en las noches me siento calientita pero no tengo termómetro")
    assert "fever" in asked and not slots.get("treatments_tried")


@pytest.mark.parametrize("text", [
    "Fiebre no tengo y de la orina estoy bien",
    "Control de esfínteres normal, fiebre no",
])
def test_a_denial_raises_no_other_sign(text):
    slots, _ = read(text)
    assert not slots.get("red_flags")


def test_an_injury_that_dates_years_of_pain_is_asked_not_raised():
    slots, asked = read("unos 6 años, desde un accidente en la moto")
    assert not slots.get("red_flags") and "trauma" in asked


def test_a_recent_fall_in_years_of_pain_stays_a_red_flag():
    slots, _ = read("back pain for years, worse since a fall last week")
    assert "trauma" in slots["red_flags"]


@pytest.mark.parametrize("text,tried", [
    ("un bloqueo de ramo medial, me dijeron que soy candidata para la radiofrecuencia", ["injection"]),
    ("the facet block helped a day, a good sign for radiofrequency ablation they said", ["injection"]),
])
def test_a_procedure_the_patient_may_be_fit_for_is_not_tried(text, tried):
    assert read(text)[0]["treatments_tried"] == tried
