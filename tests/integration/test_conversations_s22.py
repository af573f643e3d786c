"""Whole conversations of session 22: a patient who answers the question they expected next
instead of "how long?" is not asked it a third time (the questions go on to the warning signs
and a level), and a patient who leaves before the warning signs were asked reads them named.
Real model and action server; sentences written for these tests, none from a blind set."""
from __future__ import annotations

from tests.integration.steps import CLINIC


def test_how_long_answered_twice_with_other_things_moves_on_to_the_signs(chat):
    c = chat("duration-left")
    c.say("hi there, my lower back is giving me grief")
    c.say("the pills from the chemist, paracetamol mostly")  # what was tried, at "how long?"
    assert c.slots["requested_slot"] == "pain_duration_weeks"  # asked once more, as it was
    reply = c.say("oh and I do some stretches on the floor every morning")
    assert "How long have you had" not in reply and "Roughly how long" not in reply
    assert "bladder" in reply  # the warning-sign question comes next
    assert c.slots["duration_unknown"] is True and c.slots["pain_duration_weeks"] is None
    c.answer_the_screen("no, none of that")
    assert c.slots["triage_level"] == "consultation"  # not known: a specialist, never self-care
    assert c.slots["decision_trail"][-1]["rule"].startswith("3b")


def test_spanish_how_long_answered_with_other_things_moves_on(chat):
    c = chat("duration-left-es")
    c.say("buenas, tengo dolor en la parte baja de la espalda")
    c.say("uf, no le sabría decir")  # not knowing: asked again with examples
    reply = c.say("me tomo un paracetamol en la noche y me pongo una bolsa de agua caliente")
    assert "Desde hace cuánto" not in reply and "Más o menos" not in reply
    assert "vejiga" in reply
    assert c.slots["duration_unknown"] is True
    assert not any(w in reply for w in (" the ", " you ", "please"))


def test_a_duration_told_after_other_answers_is_still_taken(chat):
    c = chat("duration-late")
    c.say("my neck hurts")
    c.say("ibuprofen")  # at "how long?": kept, the question again
    c.say("about five weeks now")
    assert c.slots["duration_category"] == "subacute"
    assert not c.slots.get("duration_unknown")


def test_leaving_before_the_signs_were_asked_names_them(chat):
    c = chat("leaving-signs")
    c.say("my upper back hurts between the shoulder blades")
    c.say("since about ten days")
    reply = c.say("sorry, have to go now, bye")
    assert "bladder" in reply and CLINIC.emergency_number in reply and CLINIC.phone in reply
    assert "?" not in reply


def test_leaving_after_the_signs_were_asked_does_not_repeat_them(chat):
    c = chat("leaving-after")
    c.say("lower back")
    c.say("4 months")
    c.say("massage")
    c.answer_the_screen("no")
    reply = c.say("ok thanks, bye")
    assert "bladder" not in reply


def test_thanks_at_a_signs_question_moves_on_and_keeps_the_sign_for_staff(chat):
    c = chat("thanks-confirm")
    c.say("my lower back has ached for about 10 days")
    c.say("nothing so far")
    question = c.answer_the_screen("no. but I worry I will get a fever with it one day, can that happen?")
    assert "Just to be safe" in question
    reply = c.say("alright, thank you")
    assert "yes or a no" not in reply and CLINIC.emergency_number in reply
    assert "fever" in (c.slots["red_flags_unconfirmed"] or [])
    assert not c.slots["red_flags"]
    assert c.slots["triage_level"] == "self_care"
