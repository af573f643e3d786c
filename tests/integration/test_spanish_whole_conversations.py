"""Whole Spanish conversations, issue 20: a faint learned guess in a where-or-how-long answer
waits for the warning-sign screen instead of a one-sign question that blocks the intake; a
sign said plainly while a confirming question waits is decided at once; booking details
given with the request, or offered with nothing pending, are taken and the request filed."""
from __future__ import annotations

from bot import store

CONFIRM = "Por seguridad"


def _screen_then_clear(c, answer: str = "no, ninguno de esos") -> str:
    return c.say(answer)


def test_a_where_answer_is_not_interrupted_by_a_one_sign_question(chat):
    c = chat("donde")
    c.say("buenas, me duele la espalda")
    reply = c.say("pues abajo del todo, por la cintura, más del lado izquierdo")
    assert CONFIRM not in reply
    assert c.slots["pain_location"] == "lower_back"
    c.say("unas cinco semanas")
    assert c.slots["pain_duration_weeks"] is not None
    c.say("me pongo una faja y tomo naproxeno")
    reply = _screen_then_clear(c)
    assert not c.slots["red_flags"]
    assert c.slots["triage_level"] in ("consultation", "self_care")
    assert c.slots["language"] == "es"


def test_a_sign_said_plainly_while_a_confirming_question_waits_is_decided(chat):
    c = chat("claro")
    c.say("hola, tengo dolor lumbar desde hace un mes")
    c.say("solo paracetamol")
    # the screen answered with a sign in words the detector only guesses at
    reply = c.say("sí, noto algo raro ahí abajo entre las piernas, como acorchado")
    assert CONFIRM in reply
    # not yes or no, but a plain emergency sign: decided now, never "yes or no, please"
    reply = c.say("y desde anoche no puedo orinar, lo intento y nada")
    assert "bladder_bowel" in c.slots["red_flags"]
    assert c.slots["triage_level"] == "emergency"
    assert "sí o un no" not in reply


def test_booking_details_given_with_the_request_are_taken(chat):
    c = chat("cita")
    c.say("hola, me duele el cuello desde hace cuatro meses")
    c.say("fisioterapia y masajes")
    c.say("no, ninguno")
    reply = c.say("Quiero pedir una cita. Me llamo Rosa Beltrán")
    assert c.slots["booking_name"] == "Rosa Beltrán"
    assert "nombre" not in reply.lower() or "teléfono" in reply.lower()
    c.say("rosa.beltran@example.org")
    c.say("los lunes por la tarde")
    [booking] = store.list_bookings(c.sender)
    assert booking["kind"] == "consultation"
    assert c.slots["language"] == "es"


def test_name_and_phone_offered_with_nothing_pending_start_the_booking(chat):
    c = chat("datos")
    c.say("buenas, dolor en la parte alta de la espalda desde hace tres meses")
    c.say("nada todavía")
    c.say("nada de eso")
    reply = c.say("Esteban Quiroga, 555 013 4477")
    assert c.slots["booking_name"] == "Esteban Quiroga"
    assert c.slots["booking_contact"] == "5550134477"
    assert "Este servicio es para adultos" not in reply
    c.say("cualquier mañana")
    [booking] = store.list_bookings(c.sender)
    assert booking["contact"] == "5550134477"
