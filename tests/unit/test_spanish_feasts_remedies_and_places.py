"""Spanish times from feasts, harvests, decades and "hace un rato"; brands, "nada de doctor" and
other organs' operations that are no treatment of the pain; a back told after a comma past a
"no". Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import THURSDAY, pain_weeks, place, read, tried

# THURSDAY is 3 December 2026


@pytest.mark.parametrize("text, expected", [
    ("me duele la espalda desde la vendimia", 11.4),  # the harvest: mid-September, rough
    ("ando con el cuello mal desde el Grito", 11.3),  # 16 September
    ("la cintura me duele desde nochebuena", 49.3),  # last 24 December
    ("me duele desde q nació mi nieta, ya tiene 3 meses", 13.0),
])
def test_a_feast_a_harvest_or_a_birth_dates_the_pain(text, expected):
    assert pain_weeks(text, THURSDAY) == pytest.approx(expected, rel=0.05)


def test_decades_are_chronic():
    assert pain_weeks("uf, décadas con este dolor de espalda", THURSDAY) >= 12


def test_a_moment_ago_is_today():
    assert pain_weeks("me empezó hace un rato cargando unas cajas", THURSDAY) < 1


def test_a_shout_is_no_feast():
    assert pain_weeks("le pegué un grito a mi hijo y me dio un tirón en la espalda", THURSDAY) is None


@pytest.mark.parametrize("text", [
    "no me he golpeado, a mí el dolor de espalda me vino solo",
    "ni caídas ni nada, me levanté con la espalda trabada",
])
def test_a_back_told_after_a_comma_past_a_no_is_the_pains_place(text):
    assert place(text) == "lower_back"


def test_a_back_denied_in_its_own_clause_is_still_no_place():
    assert place("no tengo dolor de espalda, es el cuello") == "neck"


def test_a_back_taken_back_after_a_comma_is_no_place():
    assert place("me duele la cintura, bueno no, más bien el cuello") == "neck"


def test_no_doctor_seen_is_not_nothing_tried():
    assert read("puros remedios caseros, nada de doctor").slots.get("treatments_tried") != []


@pytest.mark.parametrize("text", [
    "me operaron de la cadera hace un año y ahora me duele la espalda baja",
    "me quitaron un nódulo de la tiroides, y la espalda me duele desde agosto",
])
def test_an_operation_on_another_organ_is_no_treatment_of_the_pain(text):
    assert "surgery" not in tried(text)


@pytest.mark.parametrize("text, expected", [
    ("me pongo Voltarén Emulgel en la cintura", {"otc_medication"}),
    ("el doctor me recetó Palexia", {"prescription_medication"}),
])
def test_brands_of_spain_and_latin_america_are_read(text, expected):
    assert tried(text) == expected


def test_the_gym_the_pain_began_at_is_no_exercise_tried():
    assert "exercise" not in tried("me duele la cintura desde que empecé el gym")


@pytest.mark.parametrize("text, expected", [
    ("antier se me trabó la espalda", 0.29),  # the day before yesterday, then a back locking up
    ("se me trabó la cintura el domingo cargando a la niña", 0.57),  # the Sunday before Thursday
    ("el lunes me dio un aire en el cuello", 0.43),  # a draft, as the pain's cause
])
def test_a_back_locking_up_or_a_draft_dates_the_pain(text, expected):
    assert pain_weeks(text, THURSDAY) == pytest.approx(expected, abs=0.05)
