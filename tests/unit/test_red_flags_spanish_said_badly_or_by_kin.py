"""Spanish red flags said with their own "no ... bien" or by a relative, and look-alikes that are
no sign: the saddle not felt well (inner thighs too), a foot drop typed by a relative, something
that cracked while lifting (asked); a near fall "al piso", a jolt that "hits", a relative "with
the same" who had cancer, a fall only imagined with "si", a temperature now normal. Sentences
written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import asked, raised


@pytest.mark.parametrize("text", [
    "desde el martes no siento bien la entrepierna ni el trasero",
    "ya no noto bien las nalgas, las tengo como de cartón",
    "no siento bien la cara interna de los muslos ni las nalgas desde ayer",
])
def test_the_saddle_not_felt_well_is_numbness(text):
    assert "saddle_numbness" in raised(text)


def test_feeling_well_with_sore_buttocks_is_no_numbness():
    text = "me siento bien de ánimo, solo me duelen las nalgas al sentarme"
    assert "saddle_numbness" not in raised(text) | asked(text)


@pytest.mark.parametrize("text", [
    "le escribo por mi abuelo, no levanta bien el pie derecho y se le arrastra la punta, va peor",
    "mi mamá ya no levanta bien la pierna izquierda, arrastra la punta al caminar",
    "ya no levanto bien el pie, arrastro la punta desde el lunes",
])
def test_a_foot_that_no_longer_lifts_is_a_weak_leg(text):
    assert "leg_weakness" in raised(text) | asked(text)


@pytest.mark.parametrize("text", [
    "subiendo unas cajas al carro algo me tronó en la cintura y desde ahí no me enderezo",
    "cargando un costal de cemento sentí que algo me tronó abajo de la espalda",
])
def test_something_that_cracked_while_lifting_is_asked(text):
    assert "trauma" in asked(text)


@pytest.mark.parametrize("text", [
    "la pierna cada vez más floja, ayer por poco me voy al suelo en la cocina",
    "al bajar del camión casi me fui al piso porque la pierna no me respondió",
])
def test_a_near_fall_is_no_fall_told(text):
    assert "trauma" not in raised(text)


@pytest.mark.parametrize("text", [
    "abajo en la cintura y me pega un corrientazo hasta el tobillo",
    "me pegan unas punzadas por la nalga cuando camino",
])
def test_a_jolt_that_hits_is_no_blow(text):
    assert "trauma" not in raised(text) | asked(text)


def test_a_relative_with_the_same_pain_who_had_cancer_is_theirs():
    text = "la cintura, y mi tío que tiene lo mismo tuvo cáncer de colon, no sé si cuenta"
    assert "cancer_history" not in raised(text)


def test_the_patients_relative_clause_cancer_still_counts_when_typed_for_them():
    assert "cancer_history" in raised("mi mamá que tuvo cáncer de mama ahora tiene mucho dolor de espalda")


def test_a_fall_only_imagined_with_si_is_not_raised():
    text = "si me resbalo en la regadera con este dolor ya no me levanto, pero no, no me he caído"
    assert "trauma" not in raised(text)


@pytest.mark.parametrize("text", [
    "sí me caí el domingo en la banqueta",
    "si me caí el domingo en la banqueta",
])
def test_a_fall_said_with_si_for_yes_is_still_raised(text):
    assert "trauma" in raised(text)


@pytest.mark.parametrize("text", [
    "tuve calentura con el resfriado en noviembre pero se me pasó, ahora ando bien de temperatura",
    "ya ando normal de temperatura, lo de la semana pasada se me quitó",
])
def test_a_temperature_now_normal_is_no_fever(text):
    assert "fever" not in raised(text)


def test_a_high_temperature_now_is_still_fever():
    assert "fever" in raised("ando con temperatura alta desde anoche y me duele la espalda")
