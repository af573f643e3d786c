"""Session 11's English front-desk classes, word by word: a booking asked for in plain words,
a time said beside a clinic question, a surname that names a language, a call back asked for
beside the pain, leaving to decide later, not knowing how long, getting to the hospital said
at a sign's confirming question, the pain's length beside an operation, and the clinic
topics a patient asks. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import re

import pytest

from bot.booking import asks_to_book, time_beside_question
from bot.faq import load_faq
from bot.language import requested_language
from bot.nlu.duration import parse_durations
from bot.nlu.intent_rules import _CALL_ME, _CALL_ME_BACK, _LEAVING
from bot.offscript import says_not_knowing
from bot.slots import confirm_answer


@pytest.mark.parametrize("text", ["Yes book please", "ok sure, book", "yeah please book",
                                  "we would love to book", "I'm ready to book",
                                  "ok great, let's get it booked", "alright let's set one up"])
def test_a_booking_asked_for_in_plain_words(text):
    assert asks_to_book(text)


@pytest.mark.parametrize("text", ["I don't want to book yet", "I'd like to book later on",
                                  "I read a book about backs", "my booking is on Monday",
                                  "yes the book you sent was useful"])
def test_no_booking_asked_for(text):
    assert not asks_to_book(text)


def test_a_time_beside_a_clinic_question_is_the_time_alone():
    assert time_beside_question("Thursday afternoons are good. Can I park outside?") \
        == "Thursday afternoons are good."
    assert time_beside_question("Friday if you're open, otherwise Monday") \
        == "Friday if you're open, otherwise Monday"
    assert time_beside_question("are you open on Sundays?") is None


def test_a_surname_is_no_request_for_spanish():
    assert requested_language("Ana Castellano") is None
    assert requested_language("Luis Castellano Ruiz") is None
    assert requested_language("¿me puede atender en castellano?") == "es"
    assert requested_language("castellano por favor") == "es"


def test_a_call_back_asked_for_beside_the_pain():
    text = "my back is killing me, can someone please call me back this afternoon"
    assert _CALL_ME.search(text) and _CALL_ME_BACK.search(text)
    assert _CALL_ME.search("I would prefer it if someone rang me, typing hurts")
    assert not _CALL_ME_BACK.search("my doctor called me yesterday about the scan")


@pytest.mark.parametrize("text", ["thanks, I'll think it over", "I need to talk this over with my "
                                  "husband before deciding", "let me sleep on it",
                                  "I'll check with my daughter first", "I'll get back to you"])
def test_leaving_to_decide_later(text):
    assert _LEAVING.search(text)


@pytest.mark.parametrize("text", ["what do you think about it?", "I talked to my GP about it",
                                  "I'll get back to you with my number"])
def test_not_leaving(text):
    assert not _LEAVING.search(text)


def test_not_knowing_how_long_in_other_words():
    assert says_not_knowing("oh I could not tell you, it crept up on me")
    assert says_not_knowing("I've lost track, honestly")
    assert not says_not_knowing("about 3 months")


@pytest.mark.parametrize("text", ["should we ring an ambulance?", "ok my son can drive me in",
                                  "can my wife take me or do I need the paramedics"])
def test_getting_to_hospital_at_a_confirming_question_is_a_yes(text):
    assert confirm_answer("saddle_numbness", "inform", text, []) == "yes"


def test_a_lift_to_the_appointment_is_no_answer():
    assert confirm_answer("leg_weakness", "inform", "my husband will take me to the appointment",
                          []) is None


def test_the_pains_length_said_after_an_operations_time():
    found = parse_durations("it came back 6 months after the operation so it's been 2 years now")
    assert [m.text for m in found] == ["2 years"]


@pytest.mark.parametrize("question,topic", [
    ("can my family come and see him, what are the visiting times?", "visiting_hours"),
    ("is there an MRI machine on site?", "mri"),
    ("could you refill my prescription?", "prescription_refill"),
    ("is this chat private?", "privacy"),
    ("how do I get my old scans sent over?", "records"),
    ("do you treat kids or only adults?", "children"),
])
def test_new_clinic_topics(question, topic):
    assert load_faq(lang="en").match(re.findall(r"[\w'-]+", question.lower()))[:1] == [topic]


@pytest.mark.parametrize("said", ["I had an MRI last year", "I had an MRI done there",
                                  "I take prescription meds", "my daughter visited me"])
def test_statements_are_no_clinic_question(said):
    assert load_faq(lang="en").match(re.findall(r"[\w'-]+", said.lower())) == []


def test_stepping_away_for_a_moment():
    from bot.offscript import steps_away

    assert steps_away("one sec, the kettle's boiling") and steps_away("hang on, doorbell, brb")
    assert not steps_away("I can't go on like this")


def test_part_of_the_phone_number_corrected():
    from bot.booking import contact_digits_corrected

    assert contact_digits_corrected("oops I typed it wrong, should be 7781 not 7718", "5550147718") \
        == "5550147781"
    assert contact_digits_corrected("sorry, not 7718, it's 7781", "5550147718") == "5550147781"
    assert contact_digits_corrected("Monday 10 not 11", "5550147718") is None  # no correction said
    assert contact_digits_corrected("sorry, wrong, 44 not 99", "5550147718") is None  # not in it


def test_a_sign_said_unsure_is_asked_though_explained():
    from bot.slots import flags_to_confirm

    entities = [{"entity": "red_flag_unsure", "value": "weight_loss", "reason": "hedged"},
                {"entity": "red_flag_denied", "value": "weight_loss"}]
    assert flags_to_confirm({}, entities) == ["weight_loss"]


def test_a_message_for_another_practice():
    words = re.findall(r"[\w'-]+", "hello, is this the dentist? I need to rebook".lower())
    assert load_faq(lang="en").match(words) == ["wrong_clinic"]
