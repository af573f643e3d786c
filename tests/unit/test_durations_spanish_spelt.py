"""Spanish number words misspelt as they sound are read as numbers by one spelling rule
(bot/nlu/number_spelling_es.py), not a list. Sentences written for these tests, none from a
blind set."""
from __future__ import annotations

import pytest

from bot.nlu.number_spelling_es import respelt, sound_key
from tests.vocabulary_reading import vocab_weeks


@pytest.mark.parametrize("text, expected", [
    ("me duele la espalda hace kinse dias", 15 / 7),
    ("ya son sieti meses con este dolor de cintura", 7 * 4.345),
    ("tengo el cuello mal hace cuatru meses", 4 * 4.345),
    ("hace disiseis dias que me duele abajo", 16 / 7),
    ("desde hace trenta dias no me puedo agachar", 30 / 7),
    ("llevo bentiun dias asi", 3.0),
    ("hace seys semanas me empezo el dolor", 6.0),
    ("hace quatro semanas que no duermo del dolor", 4.0),
    ("hace treinta y sinco dias", 5.0),
])
def test_a_number_misspelt_as_it_sounds_is_read(text, expected):
    assert vocab_weeks(text) == pytest.approx(expected, rel=0.03)


@pytest.mark.parametrize("text", [
    "tengo dolor de meses en la espalda baja",  # "de" sounds like no number here
    "me duele sin dias de descanso",
])
def test_an_everyday_word_is_no_number(text):
    assert vocab_weeks(text) not in (pytest.approx(10 * 4.345), pytest.approx(100 / 7))  # not "diez", "cien"


def test_an_age_misspelt_stays_an_age():
    assert vocab_weeks("tengo trenta y dos años y me duele hace sinco semanas") == pytest.approx(5.0)


def test_the_patients_own_words_are_kept():
    text, edits = respelt("hace kinse dias")
    assert text == "hace quince dias" and edits
    assert sound_key("beinte") == sound_key("veinte") != sound_key("seis")
