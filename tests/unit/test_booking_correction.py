"""A correction of the booking name said while a later booking question is pending."""
from __future__ import annotations

import pytest

from bot.name_correction import name_correction


@pytest.mark.parametrize("text, current, corrected", [
    ("oops, I spelt it wrong, it's Katrina not Katrine", "Katrine Olsen", "Katrina Olsen"),
    ("sorry, my name is actually Marek Nowak", "Mark Nowak", "Marek Nowak"),
    ("I got my name wrong. It should be Amara Okafor-Bello, with a hyphen", "Amara Okafor",
     "Amara Okafor-Bello"),
    ("typo in the name: it is Ines Duarte", "Ines Duart", "Ines Duarte"),
])
def test_a_name_correction_gives_the_new_name(text, current, corrected):
    assert name_correction(text, current) == corrected


@pytest.mark.parametrize("text", [
    "weekday mornings", "my name is Katrine Olsen", "it's my neck not my back",
    "sorry, any time after 3 is fine", "actually mornings are better",
])
def test_other_answers_are_not_a_name_correction(text):
    assert name_correction(text, "Katrine Olsen") is None


def test_a_name_given_with_the_phone_or_email_is_read_without_it():
    from bot.booking import name_beside_contact
    assert name_beside_contact("Yesenia Rodríguez, 555-0178") == "Yesenia Rodríguez"
    assert name_beside_contact("luis peña 555-0134") == "Luis Peña"
    assert name_beside_contact("jane.doe@example.com Jane Doe") == "Jane Doe"
    assert name_beside_contact("555-0178") is None
    assert name_beside_contact("call me on 555-0178 after six") is None


@pytest.mark.parametrize("text, current, corrected", [
    # a short name given first, then the same person's full one, with no word "name"
    ("Oh, sorry - Jo is just a nickname. For the records it should be Joanna Pérez-Lind. "
     "My number is 555 010 9911.", "Jo Perez", "Joanna Pérez-Lind"),
    ("perdón, no es Ale Ruiz, es Alejandra Ruiz Paredes, Ale me dicen en casa", "Ale Ruiz",
     "Alejandra Ruiz Paredes"),
    ("sorry, Bill is what friends call me, it should be William Ortega", "Bill Ortega", "William Ortega"),
])
def test_the_same_persons_fuller_name_after_a_correction_replaces_the_short_one(text, current, corrected):
    assert name_correction(text, current) == corrected


@pytest.mark.parametrize("text", [
    "sorry, my number is 555 010 2233", "perdón, es que no tengo correo",
    "sorry, it is Ale Ruiz as before", "perdón, es Marta López quien viene conmigo",
])
def test_a_cue_without_the_same_persons_new_name_is_no_correction(text):
    assert name_correction(text, "Ale Ruiz") is None
