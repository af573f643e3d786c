"""Spanish understanding: classes of wording found on the seen sets of session 11 (wiping
without feeling, a relative typing for a parent, misspelt signs and places, denials said after
the sign, ages beside the pain's time, home heat and chemist's brands, a bare "espalda" beside
its upper part), tested with our own sentences."""
from __future__ import annotations

import pytest

from tests.vocabulary_reading import red_flags_read as read
from tests.vocabulary_reading import slots_read


# ---------------------------------------------------------------- red flags that must count
@pytest.mark.parametrize("text, flag", [
    ("cuando me limpio después de hacer pipí no noto nada, me da miedo", "saddle_numbness"),
    ("no noto el papel cuando me limpio y me duele la cintura", "saddle_numbness"),
    ("al limpiarme casi no siento nada", "saddle_numbness"),
    ("escribo por mi abuelo, él tuvo cáncer de próstata y ahora le duele la espalda", "cancer_history"),
    ("pregunto por mi papá, se resbaló en la cocina y le duele la espalda baja", "trauma"),
    ("siento las piernas sin fuersa desde ayer", "leg_weakness"),
    ("la pierna izquierda la tengo mas devil", "leg_weakness"),
    ("calentura no tengo, pero sí se me sale la orina sin darme cuenta", "bladder_bowel"),
])
def test_signs_said_in_these_words_count(text, flag):
    present, asked = read(text)
    assert flag in present | asked


def test_an_accented_si_is_a_yes_not_an_if():
    present, _ = read("fiebre no, pero sí se me escapa el pipí")
    assert "bladder_bowel" in present


# ---------------------------------------------------------------- no red flag
@pytest.mark.parametrize("text, flag", [
    ("calentura no tengo, pero sí me duele mucho la espalda", "fever"),
    ("la doctora me hizo estudios y descartó un tumor, es una hernia", "cancer_history"),
    ("de niña me caí de la bici pero nada que ver, esto empezó solo", "trauma"),
    ("escribo por mi mamá. su vecino se cayó de la escalera y ella se asustó", "trauma"),
    ("a mi comadre le dio cáncer y yo estoy preocupada, me duele la espalda", "cancer_history"),
])
def test_denied_ruled_out_past_or_someone_elses(text, flag):
    present, _ = read(text)
    assert flag not in present


# ---------------------------------------------------------------- durations
@pytest.mark.parametrize("text, weeks", [
    ("mi abuela de 81 años tiene dolor de espalda desde hace 3 semanas", 3.0),
    ("escribo por mi suegro, 70 años, con dolor de cintura hace un mes", 4.35),
    ("me duele el cuello hace mes y pico", 5.43),
    ("la espalda me duele hace un par d semanas", 2.0),
    ("desde el martes me duele la espalda. hoy es jueves", 0.29),
    ("me duele desde que nació mi nieta la chiquita, que ya tiene 5 años", 260.7),
    ("me duele la cintura desde hace 3 semanas y anoche se me durmió la pierna", 3.0),
    ("unos cuatro días, desde que cargué a mi nieto de 2 años", 0.57),
    ("me cambié de trabajo en marzo, y desde hace como mes y medio me empezó el dolor de espalda", 6.52),
])
def test_the_pains_own_time(text, weeks):
    assert slots_read(text).get("pain_duration_weeks") == pytest.approx(weeks, abs=0.05)


def test_a_day_here_and_a_day_there_is_no_time():
    slots = slots_read("me duele la espalda, un día arriba y otro día abajo")
    assert slots.get("pain_duration_weeks") is None


# ---------------------------------------------------------------- treatments
@pytest.mark.parametrize("text, tried", [
    ("me puse unos trapitos tibios y tomé Actron", {"heat_ice", "otc_medication"}),
    ("una bolsa de semillas calentita y complejo b", {"heat_ice", "otc_medication"}),
    ("la fisio no me ayudó nada, ni el Medrol", {"physical_therapy", "prescription_medication"}),
    ("me hicieron medial branch blocks el año pasado", {"injection"}),
    ("tomo las pastillas para la presión y nada más", set()),
    ("la rizotomía no me la han querido hacer", set()),
    ("mi papá ya falleció, que en paz descanse", set()),
    ("creo que me lastimé en el gimnasio", set()),
    ("tuve cáncer de tiroides, me operaron y quedé bien", set()),
])
def test_what_was_tried(text, tried):
    assert set(slots_read(text).get("treatments_tried") or []) == tried


def test_nothing_helps_is_no_nothing_tried():
    assert slots_read("he provado de todo y nada me funsiona").get("treatments_tried") != []
    assert slots_read("no se me kita con nada").get("treatments_tried") != []


# ---------------------------------------------------------------- places
@pytest.mark.parametrize("text, place", [
    ("me duele la espalda, entre las paletillas", "upper_back"),
    ("dolor de espalda entre los omóplatos hace días", "upper_back"),
    ("me duelen las pompis y me baja a la pierna", "lower_back"),
    ("me duele el cueyo", "neck"),
    ("en la espalda alta... no, perdón, en la espalda baja", "lower_back"),
    ("me duelen los riñones i me arde la piel", "lower_back"),
    ("en la espalda, no sé decirle bien dónde, como por todo lado", "other"),
])
def test_where(text, place):
    assert slots_read(text).get("pain_location") == place


def test_english_spine_does_not_take_over_the_lower_back():
    assert slots_read("lower back pain for months, also a lump near my spine").get(
        "pain_location") == "lower_back"


@pytest.mark.parametrize("text", [
    "lo de la vejiga: desde ayer se orina sin darse cuenta, antes no le pasaba",
    "mi papá ya se hace pipí encima y le duele la espalda",
])
def test_a_relatives_leaking_told_in_the_third_person_is_never_dropped(text):
    present, asked = read(text)
    assert "bladder_bowel" in present | asked
