"""More off-script turns in whole conversations (issue 16): the real model and action server.

Leaving in casual words, words that only look like crisis language, a follow-up about
another option, cancelling a request, booking for an adult relative, corrections after the
decision, and "I don't know" to each question. None of these sentences is from a blind set.
"""
from __future__ import annotations

import pytest

from bot import store
from bot.clinic import load_clinic

CLINIC = load_clinic()
CRISIS_OFFER = "I can also ask someone from"  # the full crisis answer's call-back offer


def to_duration_question(c):
    c.say("hello")
    assert "How long" in c.say("my lower back")


def to_the_options(c, story="my lower back has hurt for 6 months"):
    c.say("hello")
    c.say(story)
    c.say("physio and ibuprofen")
    c.answer_the_screen("no, none of those")  # the screen, then the story questions
    assert c.slots["triage_level"] == "consultation"


def book(c):
    c.say("I'd like to book an appointment")
    c.say("Robin Hale")
    c.say("555 010 4477")
    reply = c.say("afternoons")
    assert c.slots["booking_reference"] in reply
    return c.slots["booking_reference"]


@pytest.mark.parametrize("words", ["forget it", "nvm", "gotta go sorry"])
def test_leaving_in_casual_words_ends_kindly_with_both_numbers(chat, words):
    c = chat()
    to_duration_question(c)
    reply = c.say(words)
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert "?" not in reply  # no further question
    assert c.active_form is None
    assert c.slots["pain_location"] == "lower_back"  # nothing said is wiped


def test_leaving_while_asked_for_a_phone_number_is_not_a_bad_number(chat):
    c = chat()
    c.say("I'd like to book an appointment")
    c.say("Robin Hale")
    reply = c.say("sorry, got to head out now, bye")
    assert "doesn't look like a phone number" not in reply
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert c.active_form is None


@pytest.mark.parametrize("despair", [
    "I feel hopeless, like there's no way out",  # crisis.yml's despair_patterns
    "some days i dont see the point of going on like this",  # and the classifier's crisis
])
def test_despair_that_may_be_crisis_gets_the_line_and_the_questions_go_on(chat, despair):
    c = chat()
    to_duration_question(c)
    reply = c.say(despair)
    assert CLINIC.crisis_line.number in reply and CLINIC.emergency_number in reply
    assert CRISIS_OFFER not in reply
    assert reply.rstrip().endswith("How long have you had this pain?")
    assert c.active_form == "triage_form"
    assert c.slots["pain_location"] == "lower_back"


def test_clear_crisis_language_still_stops_everything_for_the_crisis_line(chat):
    c = chat()
    to_duration_question(c)
    reply = c.say("I've been thinking about killing myself")
    assert CLINIC.crisis_line.number in reply and CRISIS_OFFER in reply
    assert c.active_form is None
    assert c.slots["pending_offer"] == "callback"


def test_a_follow_up_naming_another_option_explains_that_option(chat):
    c = chat()
    to_the_options(c)
    c.say("what is a facet joint injection?")
    assert c.slots["last_option"] == "facet_joint_injection"
    reply = c.say("and what about the one that burns the nerves?")
    assert "Radiofrequency" in reply
    assert c.slots["last_option"] == "radiofrequency_rhizotomy"
    follow = c.say("does the nerve come back afterwards?")  # a shared word: still that one
    assert "Radiofrequency" in follow
    assert "I can explain any of these" not in follow


def test_a_question_comparing_options_explains_each_with_one_disclaimer(chat):
    c = chat()
    to_the_options(c)
    c.say("what is a facet joint injection?")
    reply = c.say("how is that different from an epidural?")
    assert "Facet joint injection:" in reply and "Epidural steroid injection:" in reply
    assert reply.count("not a diagnosis") == 1


def test_cancelling_a_request_passes_it_to_the_team_and_nothing_more_is_asked(chat, db_url):
    c = chat()
    reference = book(c)
    before = store.list_bookings(conversation_id=c.sender)
    reply = c.say("I need to cancel my booking, sorry")
    assert reference in reply and CLINIC.phone in reply
    assert "4477" not in reply  # details given earlier are never read back
    after = store.list_bookings(conversation_id=c.sender)
    assert len(after) == len(before) + 1  # staff see a call-back request about it
    assert after[-1]["kind"] == "callback" and reference in after[-1]["preferred_time"]
    # the questions after booking end on a turn that asks something else (session 13: the
    # patient reads the answer alone, not "Where does it hurt?" again)
    assert c.active_form is None and "Where does it hurt?" not in reply
    c.say("can I change my appointment instead?")
    assert len(store.list_bookings(conversation_id=c.sender)) == len(after)  # filed once


def test_cancelling_with_nothing_booked_here_says_how_and_files_nothing(chat, db_url):
    c = chat()
    reply = c.say("how do I cancel my appointment?")
    assert CLINIC.phone in reply and "front desk" in reply
    assert "technical trouble" not in reply
    assert store.list_bookings(conversation_id=c.sender) == []
    assert "Where does it hurt" not in reply  # here about an appointment, not a new pain
    assert c.active_form is None


@pytest.mark.parametrize("message", [
    "I'm writing for my dad, he's 74 and his lower back is bad",
    "can I book an appointment for my husband? his neck is killing him",
])
def test_an_adult_relative_is_not_a_minor(chat, message):
    c = chat()
    reply = c.say(message)
    assert "for adults" not in reply
    assert c.active_form in ("triage_form", "booking_form")


def test_a_child_of_the_writer_is_still_a_minor(chat):
    c = chat()
    reply = c.say("my daughter is 12 and her back hurts after gymnastics")
    assert "for adults" in reply
    assert c.active_form is None


def test_a_correction_after_the_options_decides_again(chat):
    c = chat()
    c.say("hello")
    c.say("my lower back")
    c.say("3 weeks")
    c.say("physio and ibuprofen")
    c.say("no, none of those")
    assert c.slots["triage_level"] == "self_care"
    reply = c.say("sorry, I meant 3 months, not weeks")
    assert "Got it: about 3 months." in reply
    while c.slots["requested_slot"] not in (None,):
        c.say("not sure")  # where the pain goes, now that the options depend on it
    assert c.slots["triage_level"] == "consultation"


def test_not_knowing_where_moves_on_after_one_re_ask(chat):
    c = chat()
    c.say("hello")
    first = c.say("I don't know")
    assert "For example" in first and c.slots["requested_slot"] == "pain_location"
    second = c.say("not sure really")
    assert "we can leave it" in second and "How long" in second
    assert c.slots["location_unknown"] is True and c.slots["pain_location"] is None


def test_not_remembering_what_was_tried_moves_on_and_is_never_told_back_as_nothing(chat):
    c = chat()
    to_duration_question(c)
    c.say("8 months")
    first = c.say("can't remember")
    assert c.slots["requested_slot"] == "treatments_tried" and "For example" in first
    c.say("no idea")
    assert c.slots["treatments_unknown"] is True and c.slots["treatments_tried"] is None
    reply = c.answer_the_screen("none of them")  # the screen, then the story questions
    assert "not tried any treatment" not in reply
    assert c.slots["triage_level"] == "consultation"


def test_not_knowing_about_the_warning_signs_is_never_recorded_as_none(chat):
    c = chat()
    c.say("hello")
    c.say("my neck has hurt for 2 weeks and I've rested it")
    assert c.slots["requested_slot"] == "red_flag_screen"
    reply = c.say("I don't know")
    assert c.slots["red_flag_screen"] == "unsure"
    assert CLINIC.emergency_number in reply
    assert c.slots["triage_level"] == "self_care"  # the questions go on to the decision


def test_not_understanding_the_warning_signs_question_gets_it_again_never_a_no(chat):
    c = chat()
    c.say("hello")
    c.say("my neck has hurt for 2 weeks and I've rested it")
    reply = c.say("sorry, I don't understand what you mean")
    assert c.slots["red_flag_screen"] is None
    assert c.slots["requested_slot"] == "red_flag_screen"
    # again: whole, or in plain words with one button a sign (session 18)
    assert "bladder" in reply or "pee" in reply and any(
        "bladder" in b["title"] for b in c.replies[-1].get("buttons") or [])
