"""Off-script turns of session 22, by kind: the clinic's number asked for to call it oneself
(the phone, and the question again, never a call back), and thanks followed by a question after
the advice (an answer, never the goodbye). Whole conversations on the real model and action
server; sentences written for these tests, none from a blind set."""
from __future__ import annotations

from tests.integration.steps import CLINIC, reach, to_self_care
from tests.words import question, question_in

WHAT_TRIED = question("utter_ask_treatments_tried")
WHAT_TRIED_ES = question_in("utter_ask_treatments_tried", "es")


def test_the_number_asked_for_in_spanish_is_given_and_the_question_asked_again(chat):
    c = chat("numero")
    reach(c, "asked_what_tried", "es")
    reply = c.say("mejor páseme el teléfono de ustedes y yo les marco")
    assert CLINIC.phone in reply and reply.rstrip().endswith(WHAT_TRIED_ES)
    assert c.slots["requested_slot"] == "treatments_tried" and not c.slots.get("booking_reference")


def test_the_number_asked_for_in_english_is_given_not_a_call_back(chat):
    c = chat("number")
    reach(c, "asked_what_tried")
    reply = c.say("actually just give me the number and I'll ring them myself")
    assert CLINIC.phone in reply and reply.rstrip().endswith(WHAT_TRIED)
    assert c.slots["requested_slot"] == "treatments_tried"


def test_thanks_and_a_day_asked_after_self_care_gets_the_hours_not_the_goodbye(chat):
    c = chat("gracias-domingo")
    to_self_care(c, "es")
    reply = c.say("Muchas gracias. ¿Y atienden los domingos?")
    assert "domingo" in reply.lower() and "Cuídese" not in reply


def test_thanks_and_a_question_after_self_care_is_answered_not_the_goodbye(chat):
    c = chat("thanks-question")
    to_self_care(c)
    reply = c.say("thank you. one more thing, is there a leaflet I could print?")
    assert CLINIC.phone in reply and "welcome" not in reply.lower()
