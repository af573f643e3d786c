"""Spanish red flags, their denials and whose time a duration is: classes found on a seen set
(session 7), tested with sentences of our own."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.drugs import closest_drug_name
from bot.nlu.duration_es import parse_durations_es
from bot.slots import clinical_updates
from tests.unit.reading import entities
from tests.unit.reading import read as reading

TODAY = datetime.date(2026, 12, 3)


def read(text):
    """(slots, red flags asked to confirm) after one message, as the assistant reads it on TODAY."""
    r = reading(text, TODAY)
    return r.slots, r.asked


def weeks(text):
    return [round(m.weeks, 2) for m in parse_durations_es(text, TODAY)]


# ---------------------------------------------------------------- missed signs
@pytest.mark.parametrize("text", [
    "la pierna izquierda ya no tiene fuerza y me tropiezo con todo",
    "el pie derecho ya no tiene fuerzas desde el martes",
    "la pierna derecha no me aguanta, me tengo que agarrar de la pared",
])
def test_a_leg_without_strength_named_with_its_side(text):
    slots, _ = read(text)
    assert "leg_weakness" in (slots.get("red_flags") or [])


@pytest.mark.parametrize("text", [
    "se me cayó encima un estante en la bodega",
    "me cayó un costal de cemento en la espalda",
    "m cayo una tabla en la cabeza y desde ahí me duele el cuello",
])
def test_something_heavy_falling_on_the_patient_is_an_injury(text):
    slots, _ = read(text)
    assert "trauma" in (slots.get("red_flags") or [])


@pytest.mark.parametrize("text", [
    "me tropecé con un cable en la oficina, no me caí del todo pero quedé adolorido",
    "casi me caigo bajando del camión y sentí un tirón",
])
def test_a_near_fall_is_asked_not_denied(text):
    slots, unsure = read(text)
    assert "trauma" in unsure | set(slots.get("red_flags") or [])


def test_a_fall_is_not_read_in_a_meal_that_disagreed():
    slots, unsure = read("la comida me cayó mal y me duele la espalda")
    assert "trauma" not in unsure | set(slots.get("red_flags") or [])


# ---------------------------------------------------------------- false signs
@pytest.mark.parametrize("text", [
    "cáncer jamás he tenido, gracias a Dios",
    "tumores nunca me han dado",
    "nunca he tenido cáncer",
])
def test_a_denial_after_or_before_the_sign(text):
    slots, _ = read(text)
    assert "cancer_history" not in (slots.get("red_flags") or [])


def test_a_relative_named_after_the_sign_owns_it():
    slots, unsure = read("el cáncer lo tuvo mi abuela, a mí nunca")
    assert "cancer_history" not in unsure | set(slots.get("red_flags") or [])


@pytest.mark.parametrize("text", [
    "me sacaron un tumor de la rodilla pero era benigno",
    "tuve un tumor benigno en el ovario",
])
def test_a_benign_growth_is_no_cancer_history(text):
    slots, _ = read(text)
    assert "cancer_history" not in (slots.get("red_flags") or [])


@pytest.mark.parametrize("text", [
    "bajé unos 5 kilos pero porque voy al gym todos los días",
    "he bajado de peso, estoy comiendo sano con la nutrióloga",
])
def test_weight_lost_on_purpose_is_no_red_flag(text):
    slots, _ = read(text)
    assert "weight_loss" not in (slots.get("red_flags") or [])


# ---------------------------------------------------------------- whose time
@pytest.mark.parametrize("text", [
    "tengo temperatura de 38.7 desde el domingo y me duele la espalda",
    "se me escapa la orina desde antier",
    "me caí en la obra hace 5 días, de lo demás nada",
    "me caí hace 4 años y me rompí el brazo, ya sané",
    "el doctor me mandó 5 días de reposo",
    "estuve dos semanas en cama con la gripa",
    "tuve calentura hace un mes por una infección de garganta",
])
def test_a_time_of_something_else_is_not_the_pains(text):
    slots, _ = read(text)
    assert slots.get("pain_duration_weeks") is None


@pytest.mark.parametrize("text,expected", [
    ("el sábado me resbalé en la banqueta y desde ahí me duele la cintura", (0.71,)),  # 5 days
    ("me caí de la bici ayer y ahora me duele todo el cuello", (0.14,)),
    ("me caí de un caballo hace 20 años, pero este dolor empezó hace 3 semanas", (3.0,)),
    ("desde el choque hace un año", (52.14,)),
])
def test_a_fall_dates_the_pain_when_the_pain_followed_it(text, expected):
    slots, _ = read(text)
    assert slots.get("pain_duration_weeks") == pytest.approx(expected[0], abs=0.02)


@pytest.mark.parametrize("text,expected", [
    ("me empezó hace semana y media", [1.5]),
    ("desde el día del padre", [24.0]),
    ("desde San Valentín", [41.71]),
    ("Meses, ya no sé cuántos", [13.04]),
    ("el dolor tiene 3 semanas", [3.0]),
    ("ojalá un día se me quite", []),
    ("me duele un día sí y otro no", []),
])
def test_spanish_duration_wordings(text, expected):
    assert weeks(text) == pytest.approx(expected, abs=0.02)


# ---------------------------------------------------------------- treatments
@pytest.mark.parametrize("text,tried", [
    ("tomé Dolex y Apronax", {"otc_medication"}),
    ("me estoy tomando el Enantyum cada ocho horas", {"prescription_medication"}),
    ("paracetamol que me mandó el doctor", {"prescription_medication"}),
    ("me pusieron fomentos calientes y me dieron una soba", {"heat_ice", "massage"}),
    ("me hicieron una artrodesis en L5", {"surgery"}),
    ("nado y también hago pilates", {"exercise"}),
])
def test_spanish_treatments_across_countries(text, tried):
    slots, _ = read(text)
    assert set(slots.get("treatments_tried") or []) == tried


def test_a_medicine_for_another_condition_is_no_treatment_tried():
    slots, _ = read("tomo metformina que me recetaron para el azúcar")
    assert not slots.get("treatments_tried")


@pytest.mark.parametrize("word", ["tambien", "rinones", "despues"])
def test_spanish_words_typed_without_accents_are_no_misspelt_drug(word):
    assert closest_drug_name(word) is None


# ---------------------------------------------------------------- places
@pytest.mark.parametrize("text,place", [
    ("no me baja la fiebre ni nada y el cuello me duele un montón", "neck"),
    ("ya no puedo trabajar por la cintura", "lower_back"),
    ("la nuca me molesta poquito, pero lo que más me duele es la espalda baja", "lower_back"),
])
def test_a_place_said_after_a_denial_or_as_what_hurts_most(text, place):
    slots, _ = read(text)
    assert slots.get("pain_location") == place


def test_what_follows_nomas_is_not_denied():
    found = entities("no tengo calentura ni nada, nomás el dolor de espalda")
    denied = {e["value"] for e in found if e["entity"] == "red_flag_denied"}
    assert denied == {"fever"}
    assert clinical_updates({}, found).get("pain_location") == "lower_back"


# ---------------------------------------------------------------- old injuries, weight not dieted
@pytest.mark.parametrize("text", [
    "me atropellaron pero fue hace 20 años, ya ni me acuerdo",
    "sí tuve una caída, pero eso fue hace como doce años",
])
def test_an_injury_dated_years_back_after_pero_is_no_recent_trauma(text):
    slots, _ = read(text)
    assert "trauma" not in (slots.get("red_flags") or [])


def test_a_recent_fall_after_pero_stays_an_injury():
    slots, unsure = read("me caí en la calle, pero fue apenas ayer")
    assert "trauma" in unsure | set(slots.get("red_flags") or [])


def test_a_foot_that_drops_is_no_fall():
    slots, unsure = read("el pie se me cae al caminar y lo arrastro")
    assert "trauma" not in unsure | set(slots.get("red_flags") or [])
    assert "leg_weakness" in (slots.get("red_flags") or [])


def test_weight_lost_while_not_dieting_is_the_sign():
    slots, _ = read("los pantalones me quedan flojos y no he hecho dieta")
    assert "weight_loss" in (slots.get("red_flags") or [])


def test_a_number_said_beside_a_holiday_wins():
    assert weeks("desde el día de reyes, o sea unos once meses") == pytest.approx([47.8], abs=0.05)


@pytest.mark.parametrize("text,flag_kind", [
    ("las piernas las siento como pesadas, no sé", "unsure"),
    ("la pierna izquierda la siento débil desde el lunes", "present"),
])
def test_legs_named_first_then_how_they_feel(text, flag_kind):
    slots, unsure = read(text)
    found = set(slots.get("red_flags") or []) if flag_kind == "present" else unsure
    assert "leg_weakness" in found
