"""Booking details said as a patient says them: a phone or email in words, a name with a note
about it (its spelling, which part is the surname, the surnames in the other order), the word
"book" alone before the details. New sentences, none from a blind set."""
from __future__ import annotations

import pytest

from bot.booking import details_in_request, parse_contact
from bot.booking_request import asks_to_book
from bot.name_answer import name_in_answer
from bot.spoken_contact import as_typed


@pytest.mark.parametrize("text, contact", [
    ("my cell is five five five, two zero one eight", "5552018"),
    ("it's five five five oh one six two", "5550162"),
    ("mi número es el cinco cinco cinco, cero tres nueve dos", "5550392"),
    ("cinco cinco cinco - uno cero cuatro cuatro, a cualquier hora", "5551044"),
    ("555 two one zero four", "5552104"),
    ("you can write to gus.hale at example dot org", "gus.hale@example.org"),
    ("mi correo es marisol.vega arroba example punto com", "marisol.vega@example.com"),
    ("lena_k at mail dot co dot uk please", "lena_k@mail.co.uk"),
])
def test_a_contact_said_in_words_is_read(text, contact):
    assert parse_contact(text) == contact


@pytest.mark.parametrize("text", [
    "one or two pills a day, three or four days a week",
    "tomo una o dos pastillas, tres o cuatro veces",
    "I was at home at the time, dot on nine",
    "me caí en la casa de mi hermana hace dos o tres años",
])
def test_counting_in_words_is_no_contact(text):
    assert parse_contact(text) is None
    assert as_typed(text) == text


@pytest.mark.parametrize("text, name", [
    ("My name is Tran Bao Chau, the family name is Tran", "Tran Bao Chau"),
    ("Gwen Ashby, that's A-S-H-B-Y", "Gwen Ashby"),
    ("colin mcbride, with a small c in the middle", "Colin Mcbride"),
    ("Inés Cabrera, con tilde en la e", "Inés Cabrera"),
    ("Rocío Díaz Fuentes. Perdón, Fuentes Díaz, que siempre me los invierten", "Rocío Fuentes Díaz"),
])
def test_a_name_with_a_note_about_it(text, name):
    assert name_in_answer(text) == name


@pytest.mark.parametrize("text", [
    "Not sure, why does it matter?",
    "Okay, that's fine",
    "Sí, está bien, con gusto",
    "No thanks, that's all for now",
])
def test_an_answer_without_a_name_has_none(text):
    assert name_in_answer(text) is None


def test_the_word_book_alone_before_the_details_asks_to_book():
    text = "book. Tessa Lamb. tessa.lamb@example.net. fri pm"
    assert asks_to_book(text)
    assert details_in_request(text) == {"booking_name": "Tessa Lamb",
                                        "booking_contact": "tessa.lamb@example.net",
                                        "booking_time": "fri pm"}
    assert not asks_to_book("I dropped a book. It hurt to bend down for it")
