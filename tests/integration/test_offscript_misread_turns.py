"""Whole conversations with an off-script turn once misread, and read right now.

A fear about an option's risk said with "paralyse"; what happens after a booking asked
with a word of a topic ("an email"); a clinic question beside a relative, read as a request for a
person; the screen's words not understood; what to do at home after the self-care advice. Real
model, real action server. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.content import load_content
from tests.integration.steps import CLINIC, NO_TENGO, dont_have, reach, to_self_care, to_the_options

CONTENT = {"en": load_content(lang="en"), "es": load_content(lang="es")}


def test_a_fear_of_being_paralysed_by_an_option_gets_its_risks_never_an_emergency(chat):
    c = chat("paralyse-fear")
    to_the_options(c)
    rhizotomy = next(o for o in CONTENT["en"].options if o.id == "radiofrequency_rhizotomy")
    c.say("what is " + rhizotomy.title.lower())
    said = c.say("so they zap the nerve? can that paralyse me if they miss")
    assert rhizotomy.risks.strip()[:40] in said
    assert not c.slots["red_flags"] and c.slots["triage_level"] == "consultation"
    assert CLINIC.emergency_number not in said.split("\n")[0]


@pytest.mark.parametrize("question", [
    "Thanks. So do I just wait for a text, or will you phone me?",
    "ok what now, should I expect an email from you?",
])
def test_what_happens_after_a_booking_asked_with_a_topic_word_is_the_next_step(chat, question):
    c = chat("after-booking-" + question[:8])
    reach(c, "booking_done")
    reference = c.slots["booking_reference"]
    said = c.say(question)
    assert reference in said  # the request already with the clinic, and what comes next
    assert (CLINIC.email or "@") not in said


@pytest.mark.parametrize("lang,question,again", [
    ("es", "Una pregunta, ¿se puede dejar el coche cerca de la clínica? Llevo a mi padre, que usa andador.",
     "probado"),
    ("en", "is there somewhere to park? my wife will drive me, she uses a cane", "tried"),
])
def test_a_parking_question_beside_a_relative_is_answered_then_the_question_again(chat, lang, question, again):
    c = chat("parking-relative-" + lang)
    reach(c, "asked_what_tried", lang=lang)
    said = c.say(question)
    assert CLINIC.phone in said and again in said.split("\n")[-1]
    assert c.slots["requested_slot"] == "treatments_tried" and c.slots["treatments_tried"] is None
    assert not c.slots.get("pending_offer")  # no call back offered: nobody was asked for


def test_the_screens_words_not_understood_get_plain_words_then_a_short_question_with_buttons(chat):
    c = chat("screen-plain")
    question = reach(c, "asked_red_flags")
    said = c.say("honestly not sure, half of those words I don't understand")
    last = said.split("\n")[-1]
    assert "pee" in said and last != question.split("\n")[-1]
    assert len(c.replies[-1].get("buttons") or []) >= 3  # one a sign, and "none of these"
    assert c.slots["red_flag_screen"] is None
    c.answer_the_screen("none of these")
    assert c.slots["red_flag_screen"] == "clear" and c.slots["triage_level"] == "consultation"


@pytest.mark.parametrize("lang,question", [
    ("en", "what can I do at home in the meantime?"),
    ("es", "¿y qué puedo hacer en casa mientras tanto?"),
])
def test_what_to_do_at_home_after_the_self_care_advice_is_the_self_care_advice(chat, lang, question):
    c = chat("home-care-" + lang)
    to_self_care(c, lang=lang)
    said = c.say(question)
    assert CONTENT[lang].self_care.intro.strip()[:30] in said
    assert CONTENT[lang].conversation["option_list_intro"] not in said



def test_nothing_special_done_at_the_treatments_question_is_nothing_tried(chat):
    c = chat("nothing-special")
    reach(c, "asked_what_tried")
    c.say("honestly I do nothing special for it, I just get on with my day")
    assert c.slots["treatments_tried"] == [] and c.slots["requested_slot"] == "red_flag_screen"


@pytest.mark.parametrize("lang,first", [("es", "buenas, quiero información"),
                                        ("en", "hi, I'd like some information please")])
def test_information_asked_for_at_the_start_is_no_booking(chat, lang, first):
    c = chat("information-" + lang)
    c.say(first)
    assert c.active_form == "triage_form" and c.slots["requested_slot"] == "pain_location"


def test_a_wait_time_question_beside_no_sleep_is_answered_and_nothing_is_denied(chat):
    c = chat("wait-no-sleep")
    to_the_options(c, lang="es")
    said = c.say("vale, pero cuánto hay que esperar para la cita, que en otro sitio me dijeron seis semanas "
                 "y yo no duermo nada")
    assert dont_have(said, NO_TENGO)  # no wait time configured: said so, with the phone
    assert c.slots["treatments_tried"]  # "no duermo nada" is no "tried nothing"


def test_an_option_only_considered_after_the_options_is_not_recorded_as_tried(chat):
    c = chat("considered-option")
    to_the_options(c)
    tried = list(c.slots["treatments_tried"])
    c.say("that facet injection sounds like what my brother-in-law had")
    assert c.slots["treatments_tried"] == tried and not c.slots.get("prior_injections")
