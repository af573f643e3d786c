"""Whole conversations typed for the patient by someone else: welcomed, their answers the patient's.

A relative passing on the screen's answer, someone typing for their father or mother (either
language) books for them, a sign passed on is not read as none. Real model, real action server.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from tests.integration.steps import book


def test_a_relative_passing_on_the_screen_answer(chat):
    c = chat("relative")
    c.say("I'm asking for my husband, he has had neck pain for 8 months")
    c.say("physio and naproxen")
    c.say("He says no fever, no problems with his bladder, no weakness, no cancer")
    assert c.slots["red_flag_screen"] == "clear"
    assert c.slots["triage_level"] == "consultation"


def test_someone_typing_for_their_father_is_welcomed_and_books_for_him(chat):
    c = chat("proxy-en")
    reply = c.say("hello, I'm typing this for my dad, he isn't good with computers")
    assert "Of course" in reply and "Where does it hurt" in reply
    c.say("his lower back")
    c.say("for about half a year now")
    c.say("he takes tylenol and did a few physio sessions")
    reply = c.say("he has none of those")
    assert c.slots["red_flags"] in (None, [])
    assert c.slots["red_flag_screen"] == "clear"
    assert "Which of these" not in reply
    c.say("it stays in his back")
    c.say("no thanks")
    c.say("yes, please book him in")
    reply = book(c, "Frank Delgado", "I'm his daughter, call me on 555 440 1290", "mornings are best")
    assert "Frank Delgado" in reply
    assert any(b.get("kind") == "consultation" for b in store.list_bookings(c.sender))


def test_someone_typing_for_their_mother_in_spanish(chat):
    c = chat("proxy-es")
    reply = c.say("buenas, le escribo de parte de mi suegra porque ella no sabe usar el celular")
    assert "Claro" in reply and "¿Dónde le duele?" in reply
    c.say("en la cintura, la parte baja")
    c.say("como 7 meses")
    c.say("toma paracetamol y le dieron masajes")
    reply = c.say("dice que nada de eso")
    assert c.slots["red_flag_screen"] == "clear"
    assert "Cuál de estos" not in reply
    assert c.slots["language"] == "es"


def test_a_proxy_passing_on_a_sign_is_not_read_as_none(chat):
    c = chat("proxy-sign")
    c.say("I'm writing for my mum, her lower back has hurt for 3 months")
    c.say("paracetamol")
    c.say("she says no, but she has had a temperature since yesterday")
    assert c.slots["red_flag_screen"] != "clear" or "fever" in (c.slots["red_flags"] or [])
