"""Whole conversations with clinic questions asked off-script: answered, then the questions resume.

Questions the clinic's file does not know (an honest answer with the phone), how to cancel, "are
you a bot?", a scan report, a message for the dentist, questions after the request is sent,
questions about the option just explained. Real model, real action server. Sentences written for
these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.integration.steps import CLINIC, NO_TENGO, dont_have, reach, to_the_booking_offer


@pytest.mark.parametrize("question", [
    "is it ok to just drop by without an appointment?",
    "do you accept walk ins on a saturday?",
    "could my partner come along to the consultation?",
    "am I allowed to bring my sister with me?",
    "do you have someone who can translate, my english is not very good",
    "is there a sign language interpreter?",
    "what's the doctor's name?",
    "which specialist would I be seeing?",
    "my mum uses a walker frame, are there ramps?",
    "I'm two hours' drive away. Could the first appointment be over video?",
    "does medicaid cover this",
])
def test_a_new_clinic_question_gets_an_honest_answer_and_the_question_resumes(chat, question):
    c = chat("faq-new")
    c.say("hello")
    assert "How long" in c.say("my neck")
    reply = c.say(question)
    assert dont_have(reply), reply
    assert reply.rstrip().endswith("How long have you had this pain?")
    assert c.active_form == "triage_form" and c.slots["pain_location"] == "neck"


def test_how_to_cancel_is_answered_from_the_file_and_a_request_is_not_changed(chat):
    c = chat("faq-cancel")
    c.say("hello")
    c.say("my lower back")
    reply = c.say("if I can't make it on the day, how do I cancel?")
    assert "To cancel or change an appointment, call" in reply and CLINIC.phone in reply
    assert reply.rstrip().endswith("How long have you had this pain?")
    assert not c.slots.get("change_requested")


def test_a_question_beside_a_clinical_detail_in_another_sentence_is_answered(chat):
    c = chat("faq-beside")
    c.say("hello")
    c.say("lower back")
    c.say("about 4 months")
    # (surgery on the spine: an operation on a knee is no treatment of the back, session 11)
    reply = c.say("I had surgery on my spine last year. Is the building wheelchair accessible?")
    assert dont_have(reply)
    assert "surgery" in (c.slots["treatments_tried"] or [])  # the detail is still taken


def test_a_clinic_question_the_classifier_took_for_despair_is_answered(chat):
    c = chat("faq-pension")
    c.say("hello")
    reply = c.say("do you take medicare? I can't be paying out of pocket on my pension")
    assert dont_have(reply)
    assert "988" not in reply  # no crisis line for a question about money


@pytest.mark.parametrize("question", [
    "¿se puede llegar sin cita?",
    "¿puedo ir acompañada de mi hermana?",
    "¿tienen intérprete? mi papá no habla inglés",
    "¿cuál es el nombre del doctor?",
    "¿hay rampa para la silla de ruedas?",
])
def test_the_new_clinic_questions_in_spanish(chat, question):
    c = chat("faq-es")
    c.say("hola, me duele la espalda")
    before = c.slots["requested_slot"]
    reply = c.say(question)
    assert dont_have(reply, NO_TENGO), reply
    assert c.active_form == "triage_form" and c.slots["requested_slot"] == before


def test_a_bot_question_at_hello_is_answered_and_the_questions_start(chat):
    c = chat("bot-first")
    reply = c.say("before we start, is this an actual human or a computer?")
    assert "automated assistant" in reply and "Where does it hurt?" in reply
    assert c.active_form == "triage_form"


def test_a_clinic_question_during_booking_with_a_clinical_word_is_answered(chat):
    c = chat("faq-booking-es")
    c.say("hola")
    c.say("quiero pedir una cita")
    reply = c.say("antes de darle mi nombre, ¿tienen ascensor? uso andador desde la cirugía")
    assert dont_have(reply, NO_TENGO), reply
    assert c.slots["requested_slot"] == "booking_name" and c.active_form == "booking_form"


def test_spanish_questions_about_the_option_just_explained(chat):
    from actions.settings import content
    options = {o.id: o for o in content("es").options}
    c = chat("es-option-questions")
    to_the_booking_offer(c, "es")
    c.say("¿qué es la inyección facetaria?")
    facet = options["facet_joint_injection"]
    for question, section in [("¿y duele?", facet.how), ("¿cuánto dura el efecto?", facet.relief),
                              ("¿qué riesgos tiene?", facet.risks),
                              ("¿puedo volver manejando a casa?", facet.how),
                              ("¿cuántas de esas se pueden hacer por año?", facet.relief)]:
        reply = c.say(question)
        assert section[:40] in reply, question


@pytest.mark.parametrize("first, question, expected", [
    ("my lower back has hurt for 5 months",
     "could you read my MRI first? it says mild disc bulge at L5-S1, is that bad?",
     ("specialist", "can't", "What have you tried")),
    ("me duele la parte baja de la espalda desde hace 5 meses",
     "¿me puede revisar la resonancia? dice hernia discal L4-L5, ¿es grave?",
     ("especialista", "No puedo", "Qué ha probado")),
])
def test_a_scan_report_asked_to_be_read_goes_to_the_specialist(chat, first, question, expected):
    c = chat("mri-read")
    c.say(first)
    reply = c.say(question)
    assert all(words in reply for words in expected), reply  # then the pending question again


def test_is_this_a_real_person_is_answered_as_such(chat):
    c = chat("real-person")
    c.say("my neck hurts")
    reply = c.say("hang on, am I talking to a real person? not sure I want a computer knowing my health stuff")
    # said to be automated, or how to reach a person: never a clinic question left unanswered
    assert "automated" in reply or "not a person" in reply or CLINIC.phone in reply
    assert "I don't have that information" not in reply
    assert c.active_form == "triage_form"


def test_a_message_for_the_dentist_is_told_kindly_and_no_questions_follow(chat):
    c = chat("dentist")
    reply = c.say("hiya is this the dentist? I need to rebook my check up")
    assert "spine and pain clinic" in reply and "Where does it hurt" not in reply
    assert c.active_form is None


def test_a_person_asked_for_with_bot_gets_the_phone_and_a_call_back(chat):
    c = chat("want-a-human")
    reach(c, "options_explained")
    reply = c.say("is this a bot?? I want a human")
    assert CLINIC.phone in reply
    assert c.slots.get("pending_offer") == "callback" or c.slots.get("booking_kind") == "callback"


def test_a_clinic_question_after_the_request_is_answered_and_nothing_more_is_asked(chat):
    c = chat("question-after-booking")
    reach(c, "booking_done")
    reply = c.say("is there a lift, or will I have to manage stairs?")
    assert c.active_form is None and "?" not in c.replies[-1]["text"]
    assert "Where does it hurt" not in reply
    assert CLINIC.emergency_number in reply  # the warning signs never asked: said once


def test_what_happens_now_after_the_request_says_the_consultation_and_stops(chat):
    c = chat("what-now-after-booking")
    reach(c, "booking_done")
    reply = c.say("ok so what do I do now, just wait by the phone?")
    assert "consultation" in reply and c.slots["booking_reference"] in reply
    assert c.active_form is None and "Where does it hurt" not in reply


def test_an_injection_named_in_a_question_is_not_one_had(chat):
    c = chat("facetaria")
    c.say("hola, me duele la parte baja de la espalda desde hace un año, no se me baja a las piernas")
    c.say("ibuprofeno y calor")
    c.answer_the_screen("no, ninguno de esos")
    c.say("¿y esa inyección facetaria me la ponen dormida o despierta?")
    assert "injection" not in (c.slots["treatments_tried"] or [])
    assert not c.slots.get("prior_injections")
