"""Off-script turns of session 20, by kind: told before and asked to type it again, not knowing
how to describe where, a name corrected to a fuller one or to another person's, a new time in
voseo, a clinic or privacy question in Spanish, and a booking refused for a person. Whole conversations on the
real model and action server; sentences written for these tests, none from a blind set."""
from __future__ import annotations

from tests.integration.steps import CLINIC, reach, to_the_booking_offer
from tests.words import question, question_in

WHERE = question("utter_ask_pain_location")
WHERE_ES = question_in("utter_ask_pain_location", "es")
HOW_LONG_ES = question_in("utter_ask_pain_duration_weeks", "es")


def test_told_before_and_asked_to_type_it_again_gets_an_apology_then_the_question(chat):
    c = chat("again")
    reach(c, "asked_where")
    reply = c.say("I gave every bit of this to the nurse last week, do I really have to write it all again?")
    assert "sorry" in reply.lower() and reply.rstrip().endswith(WHERE)
    assert c.slots["requested_slot"] == "pain_location"


def test_told_before_in_spanish_gets_an_apology_then_the_question(chat):
    c = chat("otra-vez")
    reach(c, "asked_where", "es")
    reply = c.say("ya le expliqué todo a la doctora por teléfono, ¿tengo que contarlo de nuevo?")
    assert "Perdone" in reply and reply.rstrip().endswith(WHERE_ES)


def test_not_knowing_how_to_describe_where_gets_examples_not_the_same_question(chat):
    c = chat("describe")
    reach(c, "asked_where")
    reply = c.say("honestly I don't really know how to explain where, it just aches")
    assert "For example" in reply and not reply.rstrip().endswith(WHERE)
    assert "exhausting" not in reply  # no distress told: none acknowledged
    assert c.slots["requested_slot"] == "pain_location"


def test_a_fuller_first_name_put_instead_of_the_short_one_is_taken(chat):
    c = chat("fuller")
    reach(c, "booking_asked_contact")  # the name given was Sam Taylor
    reply = c.say("oops could you put Samuel not Sam, Samuel Taylor, like on my card")
    assert c.slots["booking_name"] == "Samuel Taylor" and "Samuel Taylor" in reply
    assert c.slots["requested_slot"] == "booking_contact"


def test_a_booking_for_a_parent_named_after_a_colon_takes_their_name(chat):
    c = chat("mama")
    reach(c, "booking_asked_contact", "es")
    reply = c.say("disculpe, el nombre no es ese, la cita es para mi mamá: María Elena Suárez")
    assert c.slots["booking_name"] == "María Elena Suárez" and "María Elena Suárez" in reply


def test_a_new_time_asked_in_voseo_is_stored_without_the_asking_words(chat):
    c = chat("voseo")
    reach(c, "booking_done", "es")
    reply = c.say("uh, al final a la mañana no puedo, ¿me lo cambiás para los martes a la tarde?")
    assert c.slots["booking_time"] == "los martes a la tarde"
    assert "los martes a la tarde" in reply


def test_where_the_clinic_is_asked_first_in_spanish_gets_the_address_then_where(chat):
    c = chat("donde")
    reply = c.say("hola, antes que nada, ¿en qué parte queda el consultorio? voy en metro")
    assert CLINIC.address in reply
    assert reply.rstrip().endswith(WHERE_ES) and c.slots["treatments_tried"] is None


def test_privacy_asked_in_spanish_is_answered_then_the_question_again(chat):
    c = chat("privado")
    reach(c, "asked_how_long", "es")
    reply = c.say("oiga, ¿lo que escribo aquí queda guardado? ¿lo puede ver mi jefe?")
    assert "personal de la clínica" in reply
    assert reply.rstrip().endswith(HOW_LONG_ES)


def test_a_booking_refused_for_a_real_person_gets_the_phone_and_a_call_back(chat):
    c = chat("persona")
    to_the_booking_offer(c, "es")
    reply = c.say("no quiero agendar con un robot, páseme con una persona real")
    assert CLINIC.phone in reply
    assert c.slots["pending_offer"] == "callback" and c.active_form is None
