"""Shared steps of the whole-conversation tests: the words the assistant's replies are known by,
and the turns that bring a conversation (the `chat` fixture's, tests/conftest.py) to the
question a test starts from."""
from __future__ import annotations

from bot.clinic import load_clinic

CLINIC = load_clinic()

CONFIRM = "Just to be safe"  # a sign's confirming question, English
CONFIRM_ES = "Por seguridad"  # and Spanish
AGAIN_ES = "Perdone, para esta pregunta necesito un sí o un no."
DONT_HAVE = "I don't have that information"
NO_TENGO = "No tengo esa información"
ENGLISH = ("the ", " you", "your", "please")  # words only an English reply holds

STEPS = {
    "en": {"greet": "hello", "triage": ["my lower back", "about 7 months", "physio and naproxen"],
           "book": "I'd like to book an appointment",
           "booking": ["Sam Taylor", "555 017 3390", "weekday mornings"]},
    "es": {"greet": "hola", "triage": ["la espalda baja", "unos 7 meses", "fisioterapia y naproxeno"],
           "book": "quiero pedir una cita",
           "booking": ["Sam Taylor", "555 017 3390", "entre semana por las mañanas"]},
}
BOOKING_STATES = {"booking_asked_name": 0, "booking_asked_contact": 1, "booking_asked_time": 2,
                  "booking_done": 3}


def reach(c, state: str, lang: str = "en") -> str:
    """Drive the conversation to `state` (a triage question, options_explained, or a booking
    question / booking_done after a request made at the greeting); the last reply."""
    steps = STEPS[lang]
    reply = c.say(steps["greet"])
    if state in BOOKING_STATES:
        reply = c.say(steps["book"])
        for answer in steps["booking"][:BOOKING_STATES[state]]:
            reply = c.say(answer)
        return reply
    asked = {"asked_where": 0, "asked_how_long": 1, "asked_what_tried": 2, "asked_red_flags": 3}
    for answer in steps["triage"][:asked.get(state, 3)]:
        reply = c.say(answer)
    if state in asked:
        return reply
    assert state == "options_explained", state
    return c.answer_the_screen("no" if lang == "en" else "no, nada de eso")


def dont_have(reply: str, words: str = DONT_HAVE) -> bool:
    """The honest "I don't have that information", with the clinic's phone."""
    return words in reply and CLINIC.phone in reply


def to_a_confirming_question(c):
    c.say("hello")
    c.say("lower back")
    question = c.say("what if I can't control my bladder? it's been 3 weeks")
    assert CONFIRM in question and "bladder" in question


def to_the_offer(c) -> str:
    """English, to the options and the offer to book (the screen answered no)."""
    c.say("hello")
    c.say("my lower back")
    c.say("about 7 months")
    c.say("physio and naproxen")
    return c.answer_the_screen()


def to_the_booking_offer(c, lang: str = "en") -> str:
    """To the offer to book, the three questions about the pain skipped."""
    if lang == "es":
        c.say("hola")
        c.say("me duele la parte baja de la espalda")
        c.say("unos 7 meses")
        c.say("fisioterapia y naproxeno")
        said = c.answer_the_screen("no, nada de eso")
        return said + "\n" + c.say("no, gracias")  # the three questions about the pain, skipped
    c.say("hello")
    c.say("my lower back")
    c.say("about 7 months")
    c.say("physio and naproxen")
    said = c.answer_the_screen()
    return said + "\n" + c.say("skip")


def to_self_care(c, lang: str = "en") -> str:
    """A short pain with nothing tried: to the self-care advice."""
    if lang == "es":
        c.say("hola, me duele la parte baja de la espalda desde hace 10 días")
        c.say("nada todavía")
        return c.answer_the_screen("no, nada de eso")
    c.say("hi, my lower back has hurt for 10 days")
    c.say("nothing yet")
    return c.answer_the_screen()


def to_the_options(c, lang: str = "en") -> str:
    """A long pain with treatments tried: to the options explained."""
    if lang == "es":
        c.say("hola, me duele la parte baja de la espalda desde hace 7 meses")
        c.say("fisioterapia y naproxeno")
        return c.answer_the_screen("no, nada de eso")
    c.say("hello, my lower back has hurt for 7 months")
    c.say("physio and naproxen")
    return c.answer_the_screen()


def to_the_screen_es(c, first: str = "hola, me duele la espalda baja desde hace dos semanas") -> None:
    c.say(first)
    c.say("nada más paracetamol")


def book(c, name: str, contact: str, when: str) -> str:
    """Answer the booking's three questions; the last reply."""
    c.say(name)
    c.say(contact)
    return c.say(when)
