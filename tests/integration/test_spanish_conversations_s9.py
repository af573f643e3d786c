"""Whole Spanish conversations, session 9 (issues 16, 20): an answer to a confirming question
that speaks of not going to the emergency department is a yes; despair or a booking request
there is no yes; a greeting that says "tengo dolor" is no minor's; a message mixing Spanish
into English is answered in Spanish throughout; "agéndeme" at an offer books; an injection
named in a question about it is not one had. Sentences written for these tests."""
from __future__ import annotations

from bot import store

CONFIRM = "Por seguridad"
ENGLISH = ("the ", " you", "your", "please")


def _to_the_screen(c, first: str = "hola, me duele la espalda baja desde hace dos semanas") -> None:
    c.say(first)
    c.say("nada más paracetamol")


def test_not_wanting_the_emergency_department_counts_the_sign(chat):
    c = chat("urgencias")
    _to_the_screen(c)
    reply = c.say("pues a ratos como que se me duermen las nalgas, ¿eso es normal?")
    assert CONFIRM in reply
    reply = c.say("es que no puedo ir al hospital hoy, no tengo con quién dejar a mis hijos")
    assert c.slots["triage_level"] == "emergency"
    assert "saddle_numbness" in c.slots["red_flags"]


def test_fearing_paralysis_after_the_weakness_question_counts_it(chat):
    c = chat("paralisis")
    _to_the_screen(c)
    # (a leg "la tengo cada vez más floja" is now read as the sign at once: a vaguer one is asked)
    reply = c.say("creo que a veces siento la pierna izquierda rara, como que se me va, no sé si cuenta")
    assert CONFIRM in reply
    c.say("ay no, me da mucho miedo, ¿me voy a quedar paralítico?")
    assert c.slots["triage_level"] == "emergency"
    assert "leg_weakness" in c.slots["red_flags"]


def test_despair_and_a_booking_request_are_no_yes(chat):
    c = chat("desesperada")
    _to_the_screen(c, "hola, tengo dolor lumbar desde hace cuatro meses")
    reply = c.say("no, ninguno, aunque a veces siento la pierna rara, como que se me va")
    assert CONFIRM in reply
    c.say("ya nada me ayuda, de verdad no sé qué hacer")
    assert "leg_weakness" not in (c.slots["red_flags"] or [])
    reply = c.say("sí, agéndeme una cita por favor")
    assert c.slots["triage_level"] != "emergency"
    assert "leg_weakness" in (c.slots["red_flags_unconfirmed"] or [])
    assert c.active_form == "booking_form"


def test_a_greeting_with_tengo_dolor_is_no_minor(chat):
    c = chat("tengo")
    reply = c.say("buenas, tengo un dolor de cuello tremendo")
    assert "18" not in reply
    assert c.slots["pain_location"] == "neck"
    assert c.slots["language"] == "es"


def test_a_patient_mixing_spanish_into_english_is_answered_in_spanish(chat):
    c = chat("spanglish")
    said = [c.say("hola, my neck me duele un montón")]
    said.append(c.say("like three months más o menos"))
    said.append(c.say("physical therapy y a veces Tylenol"))
    said.append(c.say("no, nothing like that"))
    assert c.slots["language"] == "es"
    assert not [s for s in said if any(w in s.lower() for w in ENGLISH)], said


def test_agendeme_at_an_offer_books(chat):
    c = chat("agendeme")
    c.say("buenas tardes, me duele el cuello desde hace cinco meses")
    c.say("fisioterapia y masajes")
    c.answer_the_screen("no, ninguno de esos")
    if c.slots["requested_slot"] in ("pain_pattern", "prior_injection_relief"):
        c.say("no estoy seguro")
    assert c.slots["triage_level"] == "consultation"
    c.say("bueno, sí, agéndeme por favor")
    assert c.active_form == "booking_form"
    c.say("Rigoberto Salinas Cuevas")
    c.say("555 301 4477")
    c.say("los martes por la tarde")
    [booking] = store.list_bookings(c.sender)
    assert booking["kind"] == "consultation"
    assert c.slots["booking_name"] == "Rigoberto Salinas Cuevas"


def test_an_injection_named_in_a_question_is_not_one_had(chat):
    c = chat("facetaria")
    c.say("hola, me duele la parte baja de la espalda desde hace un año, no se me baja a las piernas")
    c.say("ibuprofeno y calor")
    c.answer_the_screen("no, ninguno de esos")
    c.say("¿y esa inyección facetaria me la ponen dormida o despierta?")
    assert "injection" not in (c.slots["treatments_tried"] or [])
    assert not c.slots.get("prior_injections")


def test_a_new_time_asked_for_after_booking_is_said_back_and_sent_to_staff(chat):
    c = chat("otra-hora")
    c.say("quiero pedir una cita")
    c.say("Leticia Granados Peña")
    c.say("555 404 7781")
    c.say("los lunes por la mañana")
    assert c.slots["booking_reference"]
    reply = c.say("oiga, mejor cámbiemela para la tarde, que en la mañana no puedo. Los lunes por la tarde.")
    assert "Los lunes por la tarde" in reply
    assert c.slots["booking_time"] == "Los lunes por la tarde"
    calls = [b for b in store.list_bookings(c.sender) if b["kind"] == "callback"]
    assert calls and "Los lunes por la tarde" in calls[0]["preferred_time"]


def test_a_time_at_the_time_question_is_its_answer_not_a_change(chat):
    c = chat("hora")
    c.say("quisiera pedir una cita")
    c.say("Anselmo Quiroga Vidal")
    c.say("555 233 9810")
    c.say("mejor por las tardes, después de las cuatro, que antes trabajo")
    [booking] = store.list_bookings(c.sender)
    assert booking["kind"] == "consultation"
    assert "tardes" in booking["preferred_time"]
