"""A red flag's denial counts only close to the sign and governing it; a loose one is asked about.

bot/nlu/denial_scope.py: a "no" that is the sign's own ("sin poder retener", "no logro
aguantar"), a double negative, a denial far from the sign or past an exception, a "bien" that
says how ("bien floja"), a recovery after a cancer: the sign is asked about once, never silently
absent; a plain denial beside the sign still denies it. Sentences written for these tests, none
from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,flag", [
    ("llevo tres días sin poder retener la caca", "bladder_bowel"),
    ("no logro aguantar las ganas de orinar, se me escapa", "bladder_bowel"),
    ("no a todo menos que no siento nada al limpiarme", "saddle_numbness"),
    ("tengo la pierna derecha bien floja y cada día peor", "leg_weakness"),
    ("had a lymphoma as a kid, all good since", "cancer_history"),
])
def test_a_loose_denial_is_asked_not_dropped(text, flag):
    reading = read(text)
    assert flag in reading.asked | reading.raised


@pytest.mark.parametrize("text,flag", [
    ("no fever", "fever"),
    ("I can control my bladder fine", "bladder_bowel"),
    ("no problems with peeing or pooing", "bladder_bowel"),
    ("no he tenido fiebre", "fever"),
    ("no tengo problemas para orinar", "bladder_bowel"),
    ("I don't have any numbness down there", "saddle_numbness"),
    ("lost 5 kilos on a diet", "weight_loss"),
    ("bladder and bowels are normal", "bladder_bowel"),
    ("no fever, chills or weight loss", "weight_loss"),
    ("sin fiebre y sin caídas", "trauma"),
])
def test_a_denial_beside_its_sign_still_denies(text, flag):
    reading = read(text)
    assert flag not in reading.asked | reading.raised


def test_a_loose_denial_is_asked_though_the_message_denies_the_sign_elsewhere():
    reading = read("no tengo fiebre ni caídas, pero llevo días sin poder retener la orina")
    assert "bladder_bowel" in reading.asked | reading.raised
    assert not {"fever", "trauma"} & (reading.asked | reading.raised)


def test_a_cancer_survived_is_never_denied_by_feeling_well_now():
    reading = read("a tumour in my colon was taken out years back, it was cancer, and I'm well now")
    assert "cancer_history" in reading.asked | reading.raised


@pytest.mark.parametrize("text,lang,flag,word", [
    ("llevo tres días sin poder retener la caca", "es", "bladder_bowel", "evacuaciones"),
    ("no to anything on the list apart from I can't feel much on the seat of my pants", "en",
     "saddle_numbness", "numbness"),
])
def test_the_patient_gets_one_short_question_naming_the_sign(text, lang, flag, word):
    from actions.settings import content

    reading = read(text)
    assert reading.asked == {flag} and not reading.raised
    question = content(lang).self_care.red_flag_confirm[flag]
    assert word in question.lower() and question.count("?") == 1


def test_a_relatives_sign_with_its_own_no_is_asked_not_dropped():
    reading = read("mi papá tiene 79 años y lleva cuatro días sin poder retener la orina")
    assert "bladder_bowel" in reading.asked | reading.raised
