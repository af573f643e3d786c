"""Whole conversations that must end with a triage level (issue 16), on the real model and
action server: the warning-sign screen before the pain's story questions, a booking made
before the questions were done, a length corrected at a later question, and "not sure" how
long. What the patient reads, what is stored."""
from bot import store

SCREEN = "Before we go on"
SPREAD = "spread into your leg or arm"


def to_the_screen(c, story="my lower back has hurt for 6 months", tried="physio and ibuprofen"):
    c.say("hello")
    c.say(story)
    assert SCREEN in c.say(tried)
    assert c.slots["requested_slot"] == "red_flag_screen"


def test_a_blanket_no_answers_the_screen_and_the_level_is_decided_before_the_story_questions(chat):
    c = chat()
    to_the_screen(c)
    reply = c.say("No, none of those")
    assert c.slots["red_flag_screen"] == "clear"
    assert c.slots["pain_pattern"] is None  # the "no" was never taken for where the pain goes
    assert SPREAD in reply
    assert c.slots["triage_level"] == "consultation"  # a patient who leaves now still has one
    c.say("Thanks, I'll have a think and come back")
    assert c.slots["triage_level"] == "consultation"
    # answered, the story question chooses the options, which are said once
    options = c.say("it goes down my leg")
    assert c.slots["pain_pattern"] == "radiating_leg"
    assert c.slots["options_explained"]
    assert "worth discussing with a specialist" in options


def test_a_sign_at_the_screen_stops_there_without_story_questions(chat):
    c = chat()
    to_the_screen(c)
    reply = c.say("yes, I can't control my bladder since yesterday")
    assert c.slots["triage_level"] == "emergency"
    assert SPREAD not in reply and c.active_form is None


def test_story_said_at_the_screen_is_kept_and_the_screen_asked_again_as_it_was(chat):
    c = chat()
    to_the_screen(c)
    reply = c.say("it shoots down my left leg")
    assert c.slots["pain_pattern"] == "radiating_leg"
    assert SCREEN in reply and "Which of these" not in reply
    assert c.slots["red_flag_screen"] is None


def test_booking_at_the_screen_carries_a_level_and_the_screen_follows(chat):
    c = chat()
    to_the_screen(c)
    assert "name" in c.say("can I just book an appointment")
    c.say("Jane Smith")
    c.say("jane@example.com")
    sent = c.say("weekday mornings")
    assert "reference" in sent
    assert "check that nothing needs care sooner" in sent and SCREEN in sent
    [booking] = store.list_bookings(c.sender)
    assert booking["triage_level"] == "consultation"  # decided from what was known
    assert c.slots["decision_trail"][-1]["note"].startswith("decided at booking")
    reply = c.answer_the_screen("no, none of those")
    assert c.slots["red_flag_screen"] == "clear" and c.active_form is None
    assert "worth discussing with a specialist" in reply  # the options, now the story is known


def test_booking_first_then_the_questions_and_a_sign_still_interrupts(chat):
    c = chat()
    assert "name" in c.say("Hi, I'd like to make an appointment please")
    c.say("Denise Walsh")
    c.say("denise@example.com")
    sent = c.say("any weekday afternoon")
    assert "reference" in sent and "Where does it hurt?" in sent
    assert c.slots["triage_level"] is None  # nothing known yet: nothing decided
    c.say("my lower back, for about 2 years")
    c.say("physio")
    reply = c.say("well I did fall down the stairs last week")
    assert c.slots["triage_level"] == "urgent"
    assert "24 hours" in reply


def test_a_misspelt_length_is_read(chat):
    c = chat()
    c.say("my nek hurts and it goes down my rite arm")
    c.say("abuot a yeer")
    assert c.slots["pain_duration_weeks"] == 52.14
    assert c.slots["requested_slot"] == "treatments_tried"


def test_a_length_corrected_at_a_later_question_is_taken_said_back_and_decides(chat):
    c = chat()
    c.say("Hello, I have pain in lower back.")
    c.say("Two months.")
    reply = c.say("Sorry, mistake. Two weeks, not two months.")
    assert "Got it: about 2 weeks." in reply
    assert c.slots["pain_duration_weeks"] == 2.0
    assert c.slots["requested_slot"] == "treatments_tried"  # the pending question again
    c.say("I take paracetamol and put ice.")
    c.say("No, nothing from this.")
    assert c.slots["triage_level"] == "self_care"


def test_one_day_as_some_day_is_no_correction(chat):
    c = chat()
    to_the_screen(c, story="lower back pain down my leg for about 3 months")
    reply = c.say("no bladder problems, no numbness down there, no fever. "
                  "but what if my leg goes numb one day??")
    assert "Got it" not in reply
    assert c.slots["pain_duration_weeks"] == 13.04


def test_not_knowing_how_long_gets_examples_then_choices_then_moves_on(chat):
    c = chat()
    c.say("hello")
    c.say("my lower back")
    first = c.say("not sure honestly")
    assert "For example" in first or "something like" in first
    choices = c.say("can't remember")
    assert [b["title"] for b in c.replies[-1].get("buttons", [])] == [
        "Under 4 weeks", "1 to 3 months", "More than 3 months", "Not sure"], choices
    c.say("not sure")
    assert c.slots["duration_unknown"] is True and c.slots["pain_duration_weeks"] is None
    c.say("physio")
    c.answer_the_screen("none of those")
    assert c.slots["triage_level"] == "consultation"  # rule 3b: duration not known


def test_a_name_with_the_phone_in_one_message_books_with_both(chat):
    c = chat()
    to_the_screen(c)
    c.answer_the_screen("no, none of those")
    c.say("I'd like to book an appointment")
    asked = c.say("Yesenia Rodriguez, 555 017 8123")
    assert "When" in asked  # name and phone both taken: only the time is asked
    assert "reference" in c.say("any day after 3")
    [booking] = store.list_bookings(c.sender)
    assert booking["name"] == "Yesenia Rodriguez" and booking["contact"] == "5550178123"


def test_not_remembering_a_tablet_at_the_screen_is_no_answer_to_it(chat):
    c = chat()
    c.say("hello")
    c.say("my lower back has hurt for 5 months")
    c.say("physio")
    reply = c.say("also some tablets from the doctor, I can't remember the name")
    assert c.slots["red_flag_screen"] is None  # never "not sure" about the signs
    assert SCREEN in reply
