"""Spanish and Spanglish red flags: not feeling the bladder empty, the saddle 'sin sensación',
the toilet paper not felt 'tampoco', tripping more and more, a relative's 'peed herself'; and
an old fracture dated 'hace como N años' in the clause before. Sentences written for these
tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import asked, raised


def caught(text: str) -> set:
    """Raised at once or asked about first: either way the nurse hears of it."""
    return raised(text) | asked(text)


@pytest.mark.parametrize("text", [
    "no sé si ya terminé de orinar, siempre me quedan ganas",
    "escribo por mi abuelo, dice que no siente bien cuando va al baño y no sabe si ya terminó",
    "ya no siento bien cuando hago pipí desde el jueves",
])
def test_not_feeling_the_bladder_empty_is_bladder(text):
    assert "bladder_bowel" in caught(text)


@pytest.mark.parametrize("text", [
    "my abuelo has back pain and he peed himself last night without noticing, he's 90",
    "mi suegra tiene mucho dolor en la espalda y ayer she wet herself en la cocina, que hago",
    "my abuela tiene dolor de espalda and she peed herself yesterday, que hago?",
])
def test_a_relative_wetting_themself_in_spanglish_is_heard(text):
    assert "bladder_bowel" in caught(text)


@pytest.mark.parametrize("text", [
    "tengo sin sensación las nalgas desde ayer",
    "me siento acalambrada la entrepierna y no aguanto la orina",
    "la entrepierna sin sensación desde el lunes, y me duele la cintura",
])
def test_the_saddle_without_feeling_or_cramped_numb(text):
    assert "saddle_numbness" in raised(text)


def test_the_toilet_paper_not_felt_either_is_the_saddle():
    text = "se me sale la orina y tampoco siento el papel cuando me limpio"
    assert {"bladder_bowel", "saddle_numbness"} <= raised(text)


@pytest.mark.parametrize("text", [
    "cada vez me tropiezo más seguido con la banqueta, ya van tres esta semana",
    "me tropiezo en la calle cada vez más y no sé por qué",
])
def test_tripping_more_and_more_is_a_weak_leg(text):
    assert "leg_weakness" in raised(text)


def test_one_trip_is_no_weak_leg():
    assert "leg_weakness" not in raised("me tropecé ayer con un juguete en la sala")


@pytest.mark.parametrize("text", [
    "hace como 15 años me rompí el tobillo jugando futbol, ya no tiene que ver",
    "hace unos 8 años me caí de la bici y me quebré el brazo",
])
def test_an_injury_hace_como_n_anos_is_no_recent_injury(text):
    assert "trauma" not in raised(text)


def test_a_fall_now_after_an_old_one_is_still_heard():
    text = "hace muchos años me fracturé la pierna y me caí otra vez ayer en la calle"
    assert "trauma" in caught(text)
