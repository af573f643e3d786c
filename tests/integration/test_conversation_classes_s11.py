"""Session 11 (issue 15, English): a sign the patient says is not there now asks nothing and
raises nothing; a sign told in other words is raised at once. Whole conversations through the
real trained model and the real action server; sentences written for this test."""
from __future__ import annotations

CONFIRM = "Just to be safe"


def test_a_fever_asked_about_then_denied_asks_no_confirming_question(chat):
    c = chat("s11-fever-denied")
    c.say("hello")
    c.say("lower back")
    reply = c.say("could a bad back give you a fever? I don't have one, just curious")
    assert CONFIRM not in reply
    assert not c.slots["red_flags"] and not c.slots.get("red_flags_unsure")
    assert c.active_form == "triage_form"


def test_clothes_hanging_off_without_dieting_is_weight_loss_at_once(chat):
    c = chat("s11-weight")
    c.say("hello")
    c.say("lower back")
    c.say("my jeans are literally hanging off me these days and I haven't been dieting, pain about 6 weeks")
    assert "weight_loss" in c.slots["red_flags"]
