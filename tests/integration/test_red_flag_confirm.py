"""A red flag the patient may not have now (feared, asked about, past): one confirming
question, and the answer decides. Whole conversations through the real trained model and
the real action server."""
from __future__ import annotations

from bot import store

CONFIRM = "Just to be safe"


def test_confirm_yes_counts_the_flag_and_sends_to_the_emergency_department(chat):
    c = chat("confirm-yes")
    c.say("hello")
    c.say("lower back")
    question = c.say("what if I can't control my bladder? it's been 3 weeks")
    assert CONFIRM in question and "bladder" in question
    assert c.slots["red_flags_unsure"] == ["bladder_bowel"]
    assert not c.slots["red_flags"]
    assert c.slots["pain_duration_weeks"] == 3  # the rest of the message still counts

    reply = c.say("yes")
    assert c.slots["red_flags"] == ["bladder_bowel"]
    assert c.slots["triage_level"] == "emergency"
    assert "emergency department" in reply and "911" in reply
    assert c.active_form is None
    assert not c.slots["red_flags_unsure"]


def test_confirm_no_rules_the_flag_out_and_the_questions_go_on(chat):
    c = chat("confirm-no")
    c.say("hello")
    c.say("lower back")
    question = c.say("is a fever with back pain serious?")
    assert "emergency department" in question  # the plain answer first
    assert CONFIRM in question and "fever" in question
    assert not c.slots["red_flags"]

    reply = c.say("no")
    assert not c.slots["red_flags"]
    assert c.slots["red_flags_ruled_out"] == ["fever"]
    assert c.slots["triage_level"] is None
    assert "How long" in reply  # back to the question it was on
    assert c.active_form == "triage_form"

    for answer in ("2 months", "physio", "it stays in my back", "none of those"):
        c.say(answer)  # the rest of the questions, however many the form asks
        if c.slots["triage_level"]:
            break
    assert c.slots["triage_level"] == "consultation"
    assert not c.slots["red_flags"]


def test_no_but_a_present_sign_counts_that_sign(chat):
    c = chat("no-but")
    c.say("my lower back has hurt for 2 months, physio didn't help")
    question = c.say("no, but what if my legs give way?")
    assert CONFIRM in question and "legs" in question
    assert not c.slots["red_flags"]

    reply = c.say("no, but I do have a temperature")
    assert c.slots["red_flags"] == ["fever"]
    assert c.slots["red_flags_ruled_out"] == ["leg_weakness"]
    assert c.slots["triage_level"] == "urgent"
    assert "24 hours" in reply
    assert store.list_bookings(c.sender) == []


def test_an_unclear_answer_is_asked_again_never_dropped(chat):
    c = chat("confirm-unclear")
    c.say("I'm scared I might lose control of my bowels, my back's been bad for a week")
    again = c.say("hmm what do you mean")
    assert CONFIRM in again
    assert c.slots["red_flags_unsure"] == ["bladder_bowel"]
    reply = c.say("not sure to be honest")  # a doubtful answer counts as yes
    assert c.slots["triage_level"] == "emergency"
    assert "emergency department" in reply


def test_a_spanish_sign_in_words_no_vocabulary_holds_is_confirmed_in_spanish(chat):
    # the learned detector reads Spanish too: one confirming question, in Spanish
    c = chat("aprendido-es")
    c.say("hola")
    c.say("me duele la espalda baja desde hace dos semanas")
    question = c.say("y siento como dormido el asiento")
    assert "Por seguridad" in question and "entre las piernas" in question
    assert c.slots["red_flags_unsure"] == ["saddle_numbness"]
    assert not c.slots["red_flags"]
    reply = c.say("sí")
    assert c.slots["red_flags"] == ["saddle_numbness"]
    assert c.slots["triage_level"] == "emergency"
    assert "911" in reply


def test_a_spanish_sign_about_someone_else_gets_no_confirming_question(chat):
    c = chat("negado-es")
    c.say("hola")
    c.say("me duele la espalda baja desde hace dos semanas")
    # a relative's history, not a current emergency sign (those are asked about: the writer
    # may be typing for them, bot/nlu/vocab/es/context.yml others_signs_confirmed)
    reply = c.say("a mi esposa le quitaron un tumor hace años, yo nunca he tenido cáncer")
    assert "Por seguridad" not in reply
    assert not c.slots["red_flags_unsure"] and not c.slots["red_flags"]


def test_a_sign_supposed_inside_a_question_gets_the_plain_answer_first(chat):
    # "should I be worried if ...?" asks in general as much as "is ... serious?": the patient
    # reads when to go to an emergency department, then the one confirming question
    c = chat("supposed-question")
    c.say("hello")
    c.say("lower back")
    question = c.say("should I be worried if I start losing control of my bowels?")
    assert "emergency department" in question
    assert CONFIRM in question
    assert c.slots["red_flags_unsure"] == ["bladder_bowel"] and not c.slots["red_flags"]


def test_a_spanish_sign_supposed_inside_a_question_gets_the_plain_answer_first(chat):
    c = chat("supuesto-pregunta")
    c.say("hola")
    c.say("me duele la espalda baja")
    question = c.say("¿qué pasa si no puedo controlar la orina?")
    assert "urgencias" in question and "Por seguridad" in question
    assert c.slots["red_flags_unsure"] == ["bladder_bowel"] and not c.slots["red_flags"]


def test_a_supposition_said_as_a_plan_gets_only_the_confirming_question(chat):
    c = chat("supposed-plan")
    c.say("hello")
    c.say("lower back")
    question = c.say("if it ever spreads to my bladder I'll go straight to the hospital")
    assert CONFIRM in question
    assert "emergency department or call" not in question
