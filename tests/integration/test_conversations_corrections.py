"""Whole conversations where the patient corrects a detail: the correction is taken.

A treatment taken back, a place corrected (either language), a length said in passing, a name
put down differently or in full, a new email after the request. Real model, real action server.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from tests.integration.steps import reach


def test_a_length_said_in_passing_does_not_replace_the_pain_length(chat):
    c = chat("passing")
    c.say("my lower back hurts since 9 days")
    reply = c.say("I lift my grandson all day, he is 2 years old, and I took some advil")
    assert "Got it" not in reply
    assert c.slots["pain_duration_weeks"] < 2


def test_i_said_one_place_but_it_is_another(chat):
    c = chat("place")
    c.say("hello")
    c.say("my neck")
    reply = c.say("hang on, I said neck but I meant the middle of my back, between the shoulder blades")
    assert c.slots["pain_location"] == "upper_back"
    assert "Got it" in reply and "How long" in reply  # said back, the pending question again


def test_a_name_put_down_differently_at_a_later_question_is_corrected(chat):
    c = chat("name-fix")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Bob Carter")
    reply = c.say("actually can you put me down as Robert Carter rather than Bob")
    assert "Got it: Robert Carter" in reply and c.slots["booking_name"] == "Robert Carter"
    assert c.slots["requested_slot"] == "booking_contact"


def test_a_treatment_taken_back_at_the_screen_is_taken_off_and_the_screen_asked_again(chat):
    c = chat("taken-back-screen")
    c.say("hello")
    c.say("my lower back")
    c.say("about 7 months")
    c.say("physio and ibuprofen")
    reply = c.say("wait. no physio. it was the chiropractor. ibuprofen yes.")
    slots = c.slots
    assert "physical_therapy" not in slots["treatments_tried"]
    assert {"chiropractic", "otc_medication"} <= set(slots["treatments_tried"])
    assert slots["requested_slot"] == "red_flag_screen" and "bladder" in reply


def test_a_place_corrected_at_the_screen_keeps_the_screen_open(chat):
    c = chat("place-corrected-at-screen")
    c.say("hello")
    c.say("my lower back")
    c.say("about 8 months")
    c.say("physio and ibuprofen")
    reply = c.say("no, it's my neck not my back")
    slots = c.slots
    assert slots["pain_location"] == "neck" and "neck" in reply
    # the "no" took back the place: it is no answer to the warning signs, asked again
    assert slots["red_flag_screen"] is None and slots["requested_slot"] == "red_flag_screen"
    assert "bladder" in reply


def test_a_treatment_taken_back_is_taken_off_and_said(chat):
    c = chat("taken-back")
    reach(c, "options_explained")
    reply = c.say("sorry, not physio, it was a chiropractor I saw")
    tried = c.slots["treatments_tried"]
    assert "physical_therapy" not in tried and "chiropractic" in tried and "otc_medication" in tried
    assert "chiro" in reply.lower()


def test_a_spanish_treatment_taken_back_at_the_screen_keeps_the_screen(chat):
    c = chat("taken-back-es")
    reach(c, "asked_red_flags", "es")
    c.say("perdón, al final no fui a la fisioterapia, nada más he tomado el naproxeno")
    assert "physical_therapy" not in c.slots["treatments_tried"]
    assert "otc_medication" in c.slots["treatments_tried"]
    assert c.slots["requested_slot"] == "red_flag_screen"


def test_the_name_put_in_full_at_the_contact_question_replaces_the_short_one(chat):
    c = chat("name-in-full")
    reach(c, "booking_asked_contact")
    reply = c.say("oh could you put Samuel Taylor instead, Sam is only what friends call me")
    assert c.slots["booking_name"] == "Samuel Taylor" and "Samuel Taylor" in reply
    assert c.slots["requested_slot"] == "booking_contact"


def test_a_spanish_place_corrected_at_the_length_question_is_taken(chat):
    c = chat("place-corrected-es")
    reach(c, "asked_how_long", "es")
    reply = c.say("perdón, escribí la espalda baja pero me equivoqué, lo que tengo es dolor de cuello")
    assert c.slots["pain_location"] == "neck" and "cuello" in reply.lower()
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_a_new_email_after_the_request_replaces_the_contact_and_goes_to_staff(chat):
    from bot import store
    c = chat("email-after-booking")
    reach(c, "booking_done")
    c.say("actually could you email me instead? it's tay.sam@example.net")
    assert c.slots["booking_contact"] == "tay.sam@example.net"
    assert c.active_form is None
    requests = store.list_bookings(c.sender)
    assert any(r.get("kind") == "callback" and r.get("contact") == "tay.sam@example.net" for r in requests)
