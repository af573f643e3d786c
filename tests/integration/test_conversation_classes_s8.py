"""Whole conversations (real model, real action server) for session 8's English classes: a
confirming question the patient does not answer, a length said in passing, a relative passing
on the answers, and the details given with a request to book. Sentences written for these
tests, none from a blind set."""
from __future__ import annotations

from bot import store

CONFIRM = "Just to be safe"


def _to_confirm(c):
    c.say("hello")
    c.say("lower back")
    question = c.say("what if I can't control my bladder? it's been 3 weeks")
    assert CONFIRM in question and "bladder" in question


def test_asking_whether_to_wait_is_a_yes_to_the_sign(chat):
    c = chat("wait")
    _to_confirm(c)
    reply = c.say("hmm, should I wait and see if it settles by the morning?")
    assert c.slots["triage_level"] == "emergency"
    assert c.slots["red_flags"] == ["bladder_bowel"]
    assert "emergency department" in reply


def test_a_confirming_question_ignored_twice_is_left_and_a_booking_said_then_starts(chat):
    c = chat("ignored")
    _to_confirm(c)
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


def test_a_length_said_in_passing_does_not_replace_the_pain_length(chat):
    c = chat("passing")
    c.say("my lower back hurts since 9 days")
    reply = c.say("I lift my grandson all day, he is 2 years old, and I took some advil")
    assert "Got it" not in reply
    assert c.slots["pain_duration_weeks"] < 2


def test_a_relative_passing_on_the_screen_answer(chat):
    c = chat("relative")
    c.say("I'm asking for my husband, he has had neck pain for 8 months")
    c.say("physio and naproxen")
    c.say("He says no fever, no problems with his bladder, no weakness, no cancer")
    assert c.slots["red_flag_screen"] == "clear"
    assert c.slots["triage_level"] == "consultation"


def test_i_said_one_place_but_it_is_another(chat):
    c = chat("place")
    c.say("hello")
    c.say("my neck")
    reply = c.say("hang on, I said neck but I meant the middle of my back, between the shoulder blades")
    assert c.slots["pain_location"] == "upper_back"
    assert "Got it" in reply and "How long" in reply  # said back, the pending question again
