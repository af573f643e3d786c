"""Session 13's conversation kinds, on the pure decisions: after a booking, an off-script turn
ends the questions and a changed detail is read as a change; the language follows a patient
whose only English was a greeting; a procedure-day question is the option's, not the clinic's."""
from __future__ import annotations

import pytest

from bot.booking_change import change_after_booking
from bot.content import load_content
from bot.language import choose_language, settled_by
from bot.nlu.language import detect_language
from bot.offscript import questions_end_after_booking
from bot.option_select import aftercare_question, question_aspect


@pytest.mark.parametrize("answered_by", ["action_answer_clinic", "action_next_step", "utter_welcome",
                                         "action_change_booking", "action_acknowledge_distress"])
def test_after_a_booking_an_answered_question_ends_the_questions(answered_by):
    booked = {"booking_reference": "R00012"}
    assert questions_end_after_booking(booked, answered_by, "is there a lift in the building?")
    assert not questions_end_after_booking({}, answered_by, "is there a lift in the building?")


def test_stepping_away_after_a_booking_keeps_the_question_waiting():
    booked = {"booking_reference": "R00012"}
    assert not questions_end_after_booking(booked, "action_cannot_help", "one sec, doorbell")
    assert not questions_end_after_booking(booked, None, "my lower back")  # an answer


@pytest.mark.parametrize("text, slot", [
    ("oh wait, evenings would suit me better than mornings", "booking_time"),
    ("could we move it to Friday instead?", "booking_time"),
    ("mejor los viernes, que entre semana no puedo", "booking_time"),
    ("please use my work email instead: r.okafor@example.org", "booking_contact"),
    ("mejor llámenme al 555 020 7788, ese es el de mi casa", "booking_contact"),
])
def test_a_changed_detail_after_the_booking_is_a_change(text, slot):
    assert slot in change_after_booking(text, "5550102030")


@pytest.mark.parametrize("text", [
    "mornings are the worst, it's stiff until lunch",
    "it gets bad in the evenings",
    "555 010 2030",  # the same number again
])
def test_an_answer_naming_a_time_is_no_change(text):
    assert change_after_booking(text, "5550102030") == {}


@pytest.mark.parametrize("first, later", [
    ("hello", "me duele mucho la espalda baja"),
    ("hi", "tengo dolor de cuello desde hace meses"),
    ("hey", "tengo back pain, en la parte de abajo"),
])
def test_a_lone_english_greeting_then_spanish_is_a_spanish_conversation(first, later):
    current = choose_language(None, detect_language(first), first)
    assert current == "en"
    assert not settled_by(current, [first])
    assert choose_language(current, detect_language(later), later,
                           settled=settled_by(current, [first])) == "es"


def test_a_settled_english_conversation_keeps_english_on_a_short_spanish_word_or_two():
    earlier = ["hi, my lower back has been sore for a few weeks"]
    assert settled_by("en", earlier)
    later = "gracias amigo"
    assert choose_language("en", detect_language(later), later, settled=True) == "en"


@pytest.mark.parametrize("lang, text", [
    ("en", "Will I be OK to drive home after it, or do I need someone with me?"),
    ("es", "¿me puedo ir manejando a casa después de la inyección o tengo que ir acompañada?"),
])
def test_a_procedure_day_question_is_the_option_s_how(lang, text):
    content = load_content(lang=lang)
    assert question_aspect(content, text) == "how"
    assert aftercare_question(content, text, ["companion"], "epidural_steroid_injection")
    assert not aftercare_question(content, text, ["companion"], None)
    assert not aftercare_question(content, text, ["parking"], "epidural_steroid_injection")


@pytest.mark.parametrize("text", [
    "the nerve blocks did zilch, and the ones before that did nothing either",
    "honestly those pills have done nothing for me",
    "three rounds of physio, zero difference",
    "I've tried pretty much everything by now",
    "ya he probado de todo y nada me calma el dolor",
    "las inyecciones no me hicieron nada",
])
def test_nothing_helped_in_new_words_is_heard(text):
    from bot.offscript import says_nothing_helped
    assert says_nothing_helped(text)


@pytest.mark.parametrize("text", [
    "I did nothing about it yet",  # tried nothing: never "sorry nothing helped"
    "nothing special, I just rest",
    "no relief from the heat pad but the stretches are good",
])
def test_tried_nothing_or_one_thing_failing_is_not_nothing_helped(text):
    from bot.offscript import says_nothing_helped
    assert not says_nothing_helped(text)


@pytest.mark.parametrize("old, text, new", [
    ("weekday mornings", "oh, evenings would actually suit me better", "weekday evenings"),
    ("Tuesday or Thursday afternoons", "could we make it mornings instead?", "Tuesday or Thursday mornings"),
    ("entre semana por las mañanas", "mejor por las noches, que de día trabajo", "entre semana por las noches"),
])
def test_a_new_part_of_the_day_keeps_the_days_already_given(old, text, new):
    from bot.booking_change import time_changed_from
    assert time_changed_from(old, text) == new
    assert change_after_booking(text, "5550102030", old) == {"booking_time": new}


def test_a_change_naming_a_day_is_taken_as_said():
    from bot.booking_change import time_changed_from
    assert time_changed_from("weekday mornings", "could we do Friday afternoon instead?") is None
