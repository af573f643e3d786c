"""Crisis language and a stated age under the clinic's minimum in the middle of every flow,
through the real model and action server. The numbers and the minimum age are read from the
loaded clinic.yml, so a clinic that changes them keeps a meaningful suite."""
from __future__ import annotations

import pytest

from bot import store
from bot.advice import under_18_message
from bot.clinic import load_clinic
from bot.content import load_content

CLINIC = load_clinic()
CRISIS = "honestly I can't go on anymore, I want to end it all"


def _under_age() -> str:
    return f"sorry I should say I'm only {CLINIC.min_patient_age - 3} years old"


def _reach(c, flow: str) -> None:
    if flow == "triage":
        c.say("hello")
        c.say("lower back")
        assert c.active_form == "triage_form"
    elif flow == "booking":
        c.say("hello")
        c.say("can I book an appointment with a specialist?")
        c.say("Jane Smith")
        assert c.active_form == "booking_form"
    elif flow == "pain questions":
        c.say("my lower back has hurt for 6 months, it stays in my back, physio didn't help")
        c.say("none of those")
        c.say("yes")
        c.say("7")
        assert c.active_form == "peg_form"


FLOWS = ["triage", "booking", "pain questions"]


@pytest.mark.parametrize("flow", FLOWS)
def test_crisis_language_mid_flow_gets_the_crisis_line_and_ends_the_form(chat, flow):
    c = chat("crisis-mid")
    _reach(c, flow)
    reply = c.say(CRISIS)
    assert CLINIC.crisis_line.number in reply
    assert c.active_form is None
    assert c.slots["pending_offer"] == "callback"
    assert store.list_bookings(c.sender) == []  # nothing half-filled was stored


@pytest.mark.parametrize("flow", FLOWS)
def test_a_stated_age_under_the_minimum_mid_flow_ends_the_form(chat, flow):
    c = chat("young-mid")
    _reach(c, flow)
    reply = c.say(_under_age())
    assert under_18_message(CLINIC, load_content())["text"] in reply
    assert c.active_form is None
    assert c.slots["pending_offer"] is None
    c.say("yes")
    assert store.list_bookings(c.sender) == []


@pytest.mark.parametrize("first, despair", [
    ("my lower back has hurt for 8 months", "some days I just want to die, it's been 8 months like this"),
    ("me duele la parte baja de la espalda desde hace 8 meses",
     "a veces pienso que mi familia estaría mejor sin mí, ya son ocho meses así y no veo salida"),
])
def test_despair_said_beside_a_detail_mid_form_gets_the_crisis_line(chat, first, despair):
    # a detail in the same message ("8 months") must not make it an answer to the question
    c = chat("despair-detail")
    c.say(first)
    asked = c.say(despair)
    assert CLINIC.crisis_line.number in asked
