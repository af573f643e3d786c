"""Whole conversations at a red flag's confirming question: yes, no, and everything else.

Asking whether to wait, fearing paralysis or not wanting the emergency department counts the
sign; despair, a doubt about how long or a booking request is no yes; an ignored question still
ends with a level; leaving there still stores one. Real model, real action server. Sentences
written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from tests.integration.steps import (
    AGAIN_ES,
    CLINIC,
    CONFIRM,
    CONFIRM_ES,
    to_a_confirming_question,
    to_the_screen_es,
)


def test_asking_whether_to_wait_is_a_yes_to_the_sign(chat):
    c = chat("wait")
    to_a_confirming_question(c)
    reply = c.say("hmm, should I wait and see if it settles by the morning?")
    assert c.slots["triage_level"] == "emergency"
    assert c.slots["red_flags"] == ["bladder_bowel"]
    assert "emergency department" in reply


def test_a_confirming_question_ignored_twice_is_left_and_a_booking_said_then_starts(chat):
    c = chat("ignored")
    to_a_confirming_question(c)
    again = c.say("yeah it shoots right down into my calf")
    assert CONFIRM in again  # the yes was about the leg: asked again, no sign counted
    assert not c.slots["red_flags"]
    reply = c.say("could I book an appointment? I'm Nora Fitzgerald")
    assert CONFIRM not in reply  # never a third time
    assert "emergency department" in reply  # when to go, said once
    assert not c.slots["red_flags"] and not c.slots["red_flags_unsure"]
    # never "absent": staff see the sign that was asked about and not answered
    assert c.slots["red_flags_unconfirmed"] == ["bladder_bowel"]
    assert "bladder_bowel" not in (c.slots["red_flags_ruled_out"] or [])
    shown = store.get_conversation(c.sender)
    assert shown["red_flags_unconfirmed"] == ["bladder_bowel"]
    assert c.slots["booking_name"] == "Nora Fitzgerald"  # the name with the request is taken
    assert c.active_form == "booking_form" and c.slots["requested_slot"] == "booking_contact"
    c.say("nora.fitz@example.org")
    c.say("thursday afternoons")
    assert [b["name"] for b in store.list_bookings(c.sender)] == ["Nora Fitzgerald"]


def test_an_ignored_confirming_question_still_ends_with_a_level(chat):
    c = chat("level")
    c.say("my neck has been stiff for 5 days")
    c.say("nothing so far")
    question = c.say("no to all of that. I was rear-ended years ago but it all healed")
    if CONFIRM not in question:  # understood as past: nothing to confirm
        assert c.slots["triage_level"] == "self_care"
        return
    c.say("it just stays in my neck")
    c.say("how long do these usually last?")
    assert c.slots["triage_level"] == "self_care"
    assert not c.slots["red_flags"]


def test_a_relative_asking_whether_to_wait_is_a_yes_to_the_sign(chat):
    c = chat("proxy-wait")
    c.say("hello")
    c.say("lower back")
    question = c.say("what if I can't control my bladder? it's been 3 weeks")
    assert "Just to be safe" in question
    reply = c.say("should we just wait until her doctor's appointment next week?")
    assert c.slots["triage_level"] == "emergency" and "emergency department" in reply


def test_leaving_at_a_confirming_question_still_stores_a_level(chat):
    c = chat("leave-at-confirm")
    c.say("my lower back has hurt for 2 years")
    c.say("ibuprofen")
    reply = c.say("no. but I'm scared my legs will go weak one day, can that happen?")
    assert "Just to be safe" in reply
    reply = c.say("ok thanks, I'll think it over and talk to my husband first. bye")
    assert CLINIC.emergency_number in reply and "yes or a no" not in reply
    assert "didn't understand" not in reply
    slots = c.slots
    assert slots["triage_level"] == "consultation" and not slots["red_flags"]
    assert "leg_weakness" in slots["red_flags_unconfirmed"]
    assert c.active_form is None


def test_a_yes_with_a_goodbye_at_a_confirming_question_counts(chat):
    c = chat("yes-bye-confirm")
    c.say("my lower back has hurt for 2 years")
    c.say("ibuprofen")
    c.say("no. but I'm scared my legs will go weak one day, can that happen?")
    reply = c.say("yes actually they are getting weaker. gotta go, bye")
    assert c.slots["triage_level"] == "emergency" and "emergency" in reply


def test_asking_for_an_ambulance_at_a_confirming_question_is_a_yes(chat):
    c = chat("ambulance")
    c.say("hello")
    c.say("lower back")
    question = c.say("what if I can't control my bladder? it's been 3 weeks")
    assert "Just to be safe" in question
    reply = c.say("oh no. should we ring an ambulance?")
    assert c.slots["triage_level"] == "emergency" and "emergency department" in reply


def test_a_booking_asked_for_at_a_confirming_question_starts_once_it_is_settled(chat):
    c = chat("book-at-confirm")
    c.say("hello")
    c.say("lower back")
    c.say("5 months")
    question = c.say("ibuprofen. what if I can't control my bladder?")
    assert "Just to be safe" in question
    c.say("can I book an appointment?")
    reply = c.say("no")
    assert c.active_form == "booking_form" and "What name" in reply


def test_a_sign_said_unsure_at_the_screen_is_asked_and_the_screen_is_not_clear(chat):
    c = chat("screen-unsure")
    c.say("hello")
    c.say("my lower back")
    c.say("about 7 months")
    c.say("physio and naproxen")
    reply = c.say("none of the others. not sure about the weight, my trousers are looser "
                  "but I've been eating less")
    assert "Just to be safe" in reply and c.slots["red_flag_screen"] != "clear"


def test_a_doubt_about_how_long_at_a_signs_question_is_asked_again(chat):
    c = chat("doubt")
    first = c.say("hola, me duele la espalda baja y a veces siento raro entre las piernas")
    assert "Por seguridad" in first, first
    reply = c.say("uf no sé, serán como cuatro meses")
    assert AGAIN_ES in reply, reply
    assert c.slots.get("triage_level") != "emergency"
    assert "saddle_numbness" not in (c.slots.get("red_flags") or [])
    c.say("no, eso no")
    assert "saddle_numbness" in (c.slots.get("red_flags_ruled_out") or [])


def test_a_booking_asked_for_at_a_confirming_question_starts_when_it_is_settled(chat):
    c = chat("book-at-confirm")
    first = c.say("buenas, tengo dolor de espalda baja y a veces siento raro entre las piernas")
    assert "Por seguridad" in first, first
    assert AGAIN_ES in c.say("sí, quiero pedir una cita")
    reply = c.say("no, no tengo eso")
    assert c.active_form == "booking_form", reply
    assert c.slots.get("requested_slot") == "booking_name", (reply, c.slots.get("booking_name"))


def test_not_wanting_the_emergency_department_counts_the_sign(chat):
    c = chat("urgencias")
    to_the_screen_es(c)
    reply = c.say("pues a ratos como que se me duermen las nalgas, ¿eso es normal?")
    assert CONFIRM_ES in reply
    reply = c.say("es que no puedo ir al hospital hoy, no tengo con quién dejar a mis hijos")
    assert c.slots["triage_level"] == "emergency"
    assert "saddle_numbness" in c.slots["red_flags"]


def test_fearing_paralysis_after_the_weakness_question_counts_it(chat):
    c = chat("paralisis")
    to_the_screen_es(c)
    # (a leg "la tengo cada vez más floja" is now read as the sign at once: a vaguer one is asked)
    reply = c.say("creo que a veces siento la pierna izquierda rara, como que se me va, no sé si cuenta")
    assert CONFIRM_ES in reply
    c.say("ay no, me da mucho miedo, ¿me voy a quedar paralítico?")
    assert c.slots["triage_level"] == "emergency"
    assert "leg_weakness" in c.slots["red_flags"]


def test_despair_and_a_booking_request_are_no_yes(chat):
    c = chat("desesperada")
    to_the_screen_es(c, "hola, tengo dolor lumbar desde hace cuatro meses")
    reply = c.say("no, ninguno, aunque a veces siento la pierna rara, como que se me va")
    assert CONFIRM_ES in reply
    c.say("ya nada me ayuda, de verdad no sé qué hacer")
    assert "leg_weakness" not in (c.slots["red_flags"] or [])
    reply = c.say("sí, agéndeme una cita por favor")
    assert c.slots["triage_level"] != "emergency"
    assert "leg_weakness" in (c.slots["red_flags_unconfirmed"] or [])
    assert c.active_form == "booking_form"
