"""Whole conversations through the real trained model and the real action server.

Each test is a patient's path the contract names; assertions are on what the patient reads
and on the tracker slots staff tools read.
"""
from __future__ import annotations

import pytest

from bot import store
from bot.clinic import load_clinic
from tests.words import (
    CANNOT_HELP,
    CORRECTION,
    GREETING,
    HOW_LONG,
    I_AM_A_BOT,
    NOT_A_DIAGNOSIS,
    NOT_UNDERSTOOD,
    OFFER_DECLINED,
    PEG_OFFER,
    PEG_PAIN,
    RESTART,
    TRIED,
    WHERE,
    question,
    question_in,
    response,
    said,
)

# The clinic's numbers and words as the loaded files have them: a clinic that changes them keeps
# a meaningful suite (tests/words.py).
CLINIC = load_clinic()
EMERGENCY, CRISIS_LINE = CLINIC.emergency_number, CLINIC.crisis_line.number
HOW_LONG_REASKED = question("utter_ask_pain_duration_weeks", conditioned=True)
HOW_LONG_SPANISH = question_in("utter_ask_pain_duration_weeks", "es")


def answer_triage(conversation, *answers):
    for text in answers:
        reply = conversation.say(text)
    return reply


def test_chronic_pain_gets_options_and_a_stored_booking(chat, db_url):
    c = chat("chronic")
    greeting = c.say("hello")
    assert GREETING in greeting
    assert EMERGENCY in greeting
    assert WHERE in greeting

    assert HOW_LONG in c.say("my lower back")
    assert c.slots["pain_location"] == "lower_back"
    assert TRIED in c.say("about 6 months")
    assert c.slots["pain_duration_weeks"] == pytest.approx(26.07, abs=0.1)
    assert c.slots["duration_category"] == "chronic"
    screening = c.say("physio and ibuprofen, it doesn't spread")
    assert "bladder" in screening and "fever" in screening
    assert set(c.slots["treatments_tried"]) == {"physical_therapy", "otc_medication"}

    options = c.say("no, none of those")
    assert c.slots["triage_level"] == "consultation"
    assert c.slots["red_flags"] in (None, [])
    assert c.slots["options_explained"], "fitting options are explained"
    assert NOT_A_DIAGNOSIS in options
    assert "6 months" in options  # the why: how long it has lasted
    assert PEG_OFFER in options  # the PEG scale is offered

    assert PEG_PAIN in c.say("yes")
    assert "enjoyment of life" in c.say("7")
    assert "general activity" in c.say("about a 5")
    offer = c.say("6")
    assert c.slots["peg_score"] == 6.0
    assert "consultation" in offer.lower()
    assert NOT_UNDERSTOOD not in offer

    assert "name" in c.say("yes please")
    assert c.active_form == "booking_form"
    assert "phone" in c.say("Jane Smith")
    assert "When" in c.say("jane@example.com")
    confirmation = c.say("weekday mornings")
    assert "Jane Smith" in confirmation and "reference" in confirmation
    [booking] = store.list_bookings(c.sender)
    assert booking["name"] == "Jane Smith"
    assert booking["contact"] == "jane@example.com"
    assert booking["preferred_time"] == "weekday mornings"
    assert booking["kind"] == "consultation"
    assert booking["triage_level"] == "consultation"


def test_everything_said_in_one_message_is_never_asked_again(chat):
    c = chat("one-message")
    reply = c.say("my low back has hurt for 6 months, it stays in my back, physio and tylenol didn't help")
    slots = c.slots
    assert slots["pain_location"] == "lower_back"
    assert slots["duration_category"] == "chronic"
    assert set(slots["treatments_tried"]) == {"physical_therapy", "otc_medication"}
    assert WHERE not in reply and HOW_LONG not in reply
    assert "bladder" in reply  # straight to the red-flag screen


def test_acute_pain_gets_self_care_and_no_booking_offer(chat):
    c = chat("acute")
    c.say("hi")
    reply = answer_triage(c, "my neck", "5 days", "nothing yet", "no")
    assert c.slots["triage_level"] == "self_care"
    assert c.slots["treatments_tried"] == []
    assert "active" in reply.lower()  # self-care advice
    assert "seek help" in reply.lower() or "come back" in reply.lower()
    assert c.slots["pending_offer"] is None


def test_red_flag_mid_form_is_an_emergency_and_never_booked(chat):
    c = chat("emergency")
    c.say("hello")
    c.say("lower back")
    reply = c.say("I've lost control of my bladder since yesterday")
    assert c.slots["triage_level"] == "emergency"
    assert c.slots["red_flags"] == ["bladder_bowel"]
    assert "emergency" in reply.lower() and EMERGENCY in reply
    assert "lost control of my bladder" in reply  # the patient's own words echoed
    assert c.active_form is None  # no more questions

    reply = c.say("I'd like to book an appointment")
    assert "emergency" in reply.lower()
    assert store.list_bookings(c.sender) == []


@pytest.mark.parametrize("question", [
    "what should I do?", "should I go to the hospital?", "what is a facet injection?",
    "asdfgh", "can I talk to a person", "ok",
])
def test_after_an_emergency_sign_every_question_gets_the_emergency_advice_again(chat, question):
    c = chat("after-emergency")
    c.say("hello")
    c.say("numbness in my groin and I can't feel the toilet paper")
    assert c.slots["triage_level"] == "emergency"
    reply = c.say(question)
    assert "emergency department" in reply and EMERGENCY in reply
    assert CANNOT_HELP not in reply and NOT_UNDERSTOOD not in reply


def test_after_an_emergency_goodbye_and_crisis_language_go_on_as_usual(chat):
    c = chat("after-emergency-crisis")
    c.say("I've lost control of my bowels since this morning")
    assert c.slots["triage_level"] == "emergency"
    assert CRISIS_LINE in c.say("I want to end my life")
    assert response("utter_goodbye") in c.say("bye")


def test_urgent_red_flag_advises_24_hours_and_offers_a_callback(chat):
    c = chat("urgent")
    reply = c.say("I fell off a ladder last week and now my back is killing me")
    assert c.slots["triage_level"] == "urgent"
    assert "trauma" in c.slots["red_flags"]
    assert "24 hours" in reply
    assert c.slots["pending_offer"] == "callback"


def test_negated_and_family_red_flags_change_nothing(chat):
    c = chat("negated")
    c.say("no fever and my mum had cancer, but my lower back has hurt for 2 months")
    assert not c.slots["red_flags"]
    assert c.slots["triage_level"] is None
    assert c.active_form == "triage_form"


def test_the_pain_questions_can_be_skipped(chat):
    c = chat("peg-skip")
    c.say("my lower back has hurt for 6 months, it stays in my back, physio didn't help")
    c.say("none of those")
    offer = c.say("no thanks")
    assert c.slots["peg_score"] is None
    assert "consultation" in offer.lower()
    assert c.slots["pending_offer"] == "booking"


def test_the_pain_questions_can_be_skipped_halfway(chat):
    c = chat("peg-halfway")
    c.say("my lower back has hurt for 6 months, it stays in my back, physio didn't help")
    c.say("none of those")
    c.say("yes")
    c.say("8")
    offer = c.say("skip the rest please")
    assert c.slots["peg_pain"] == 8.0 and c.slots["peg_score"] is None
    assert c.slots["pending_offer"] == "booking" and "consultation" in offer.lower()


def test_declining_the_booking_ends_politely_and_stores_nothing(chat):
    c = chat("decline")
    c.say("my lower back has hurt for 6 months, it stays in my back, physio didn't help")
    c.say("none of those")
    c.say("skip")
    assert c.slots["pending_offer"] == "booking"
    reply = c.say("no thanks")
    assert OFFER_DECLINED in reply
    assert store.list_bookings(c.sender) == []


def test_asking_to_book_mid_triage_starts_booking_at_once(chat):
    c = chat("book-now")
    c.say("hi")
    c.say("lower back")
    reply = c.say("can I just book an appointment with a specialist?")
    assert c.active_form == "booking_form"
    assert "name" in reply
    assert c.slots["pain_location"] == "lower_back"  # nothing said is lost


def test_interruptions_keep_the_form_progress(chat):
    c = chat("interrupt")
    c.say("hello")
    c.say("my neck")
    reply = c.say("are you a bot?")
    assert I_AM_A_BOT in reply
    assert HOW_LONG in reply  # back to the open question
    assert c.slots["pain_location"] == "neck"
    assert c.active_form == "triage_form"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😀😀😀🙏", "<script>alert('hi')</script>",
     "¿Dónde está el hospital más cercano?", "'; DROP TABLE events; --"],
    ids=["empty", "spaces", "emoji", "markup", "spanish", "sql"],
)
def test_bad_input_gets_a_kind_answer_and_keeps_the_form(chat, text):
    c = chat("bad")
    c.say("hello")
    c.say("lower back")
    reply = c.say(text)
    assert reply.strip(), "every message gets an answer"
    assert c.active_form == "triage_form"
    assert c.slots["pain_location"] == "lower_back"
    # the same question, again (a Spanish message: the conversation goes on in Spanish)
    assert HOW_LONG in reply or HOW_LONG_REASKED in reply or HOW_LONG_SPANISH in reply


def test_an_unparsed_answer_is_reasked_with_an_example_not_repeated(chat):
    c = chat("reask")
    c.say("hello")
    c.say("lower back")
    reply = c.say("it's been a while I guess")
    assert "for example" in reply.lower() or "something like" in reply.lower()
    assert c.active_form == "triage_form"


def test_declining_leaves_no_confused_reply(chat):
    c = chat("decline-clean")
    c.say("my lower back has hurt for 6 months, it stays in my back, physio didn't help")
    c.say("no")
    c.say("I'd rather not")
    assert NOT_UNDERSTOOD not in c.say("no thanks")


def test_a_person_please_offers_a_callback_and_collects_it(chat):
    c = chat("handoff")
    c.say("hello")
    reply = c.say("can I talk to a real person please")
    assert "call" in reply.lower() and CLINIC.phone in reply
    assert NOT_UNDERSTOOD not in reply
    assert c.active_form == "triage_form"  # the first question comes back (issue 16)
    assert "name" in c.say("yes")
    assert c.active_form == "booking_form"
    c.say("Ahmed Khan")
    c.say("555 010 2030")
    reply = c.say("this afternoon")
    assert said("booking_sent_callback") in reply
    [request] = store.list_bookings(c.sender)
    assert request["kind"] == "callback" and request["contact"] == "5550102030"


def test_crisis_language_gets_the_crisis_line_at_any_turn(chat):
    c = chat("crisis")
    c.say("hello")
    c.say("lower back")
    reply = c.say("honestly I can't go on anymore, I want to end it all")
    assert CRISIS_LINE in reply
    assert c.active_form is None
    assert c.slots["pending_offer"] == "callback"


def test_under_18_is_told_the_service_is_for_adults(chat):
    c = chat("young")
    reply = c.say("I'm 15 and my back hurts")
    assert "adults" in reply
    assert c.active_form is None


def test_a_question_about_an_option_is_answered_from_the_content_file(chat):
    c = chat("option-question")
    c.say("hello")
    c.say("lower back")
    reply = c.say("what is a facet joint injection?")
    assert "Facet joint injection" in reply
    assert NOT_A_DIAGNOSIS in reply
    assert HOW_LONG in reply  # then back to where the conversation was
    assert c.active_form == "triage_form"


def test_a_misunderstood_red_flag_can_be_corrected_and_re_decided(chat):
    c = chat("correction")
    c.say("my lower back has hurt for 6 months and I had a fever last week")
    assert c.slots["triage_level"] == "urgent"
    reply = c.say("sorry, I don't have a fever")
    assert c.slots["red_flags"] == []
    assert CORRECTION in reply
    assert c.slots["triage_level"] in ("consultation", None)


def test_start_over_restarts_but_skip_the_rest_does_not(chat):
    c = chat("start-over")
    c.say("my lower back has hurt for 6 months, it stays in my back")
    reply = c.say("let's start over")
    assert RESTART in reply
    assert c.slots["pain_location"] is None


def _reach(c, stage):
    """Bring a conversation to a stage of the flow."""
    if stage == "greeting":
        return
    if stage == "triage questions":
        c.say("hello")
        c.say("lower back")
    elif stage == "red-flag screen":
        c.say("my lower back has hurt for 6 months, it stays in my back, physio didn't help")
    elif stage in ("after the options", "pain questions", "booking"):
        c.say("my lower back has hurt for 6 months, it stays in my back, physio didn't help")
        c.say("none of those")
        if stage == "pain questions":
            c.say("yes")
            c.say("6")
        elif stage == "booking":
            c.say("skip")
            c.say("yes please")
            c.say("Jane Smith")


STAGES = ["greeting", "triage questions", "red-flag screen", "after the options",
          "pain questions", "booking"]


@pytest.mark.parametrize("stage", STAGES)
def test_an_emergency_sign_at_any_stage_stops_everything(chat, stage):
    c = chat("emergency-stage")
    _reach(c, stage)
    reply = c.say("hi, my legs keep getting weaker and giving way")
    assert c.slots["triage_level"] == "emergency"
    assert "leg_weakness" in c.slots["red_flags"]
    assert "emergency" in reply.lower() and EMERGENCY in reply
    assert c.active_form is None
    assert c.slots["pending_offer"] is None  # nothing to book
    c.say("yes")
    assert store.list_bookings(c.sender) == []


@pytest.mark.parametrize("stage", STAGES)
def test_an_urgent_sign_at_any_stage_advises_24_hours_and_offers_a_callback(chat, stage):
    c = chat("urgent-stage")
    _reach(c, stage)
    reply = c.say("I've had a fever for two days as well")
    assert c.slots["triage_level"] == "urgent"
    assert "24 hours" in reply
    assert c.active_form is None
    assert c.slots["pending_offer"] == "callback"


def test_a_denied_red_flag_changes_nothing_at_the_screen(chat):
    c = chat("denied")
    c.say("my lower back has hurt for 6 months, it stays in my back, physio didn't help")
    reply = c.say("no fever, no numbness, I can control my bladder fine")
    assert not c.slots["red_flags"]
    assert c.slots["triage_level"] == "consultation"
    assert "24 hours" not in reply and "emergency department" not in reply
