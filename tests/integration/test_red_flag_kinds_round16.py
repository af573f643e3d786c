"""Whole conversations (real model, real action server) for the red-flag kinds round 16 found
missed: a sign whose own words begin with a negation said straight after a denial with no
punctuation, and leaking told with an amount or as "se me ha salido", at the warning-sign
question and in the middle of the questions. Sentences written for these tests, none from a
blind set."""
from __future__ import annotations

import pytest

from bot.clinic import load_clinic

CLINIC = load_clinic()


@pytest.mark.parametrize("first, second, sign", [
    ("my lower back has hurt for 3 days", "no fever cant control my bladder since this morning",
     "bladder_bowel"),
    ("my lower back has hurt for 3 days", "this morning I peed a bit in my trousers and didn't notice",
     "bladder_bowel"),
    ("me duele la cintura desde hace 3 días", "no tengo fiebre ya no aguanto la orina desde anoche",
     "bladder_bowel"),
    ("me duele la cintura desde hace 3 días", "y se me ha salido la caca sin querer dos veces",
     "bladder_bowel"),
])
def test_a_sign_said_after_a_denial_or_as_an_amount_is_an_emergency(chat, first, second, sign):
    c = chat("round16-sign")
    c.say(first)
    reply = c.say(second)
    assert c.slots["triage_level"] == "emergency" and sign in c.slots["red_flags"]
    assert CLINIC.emergency_number in reply


def test_a_denied_list_at_the_screen_goes_on(chat):
    c = chat("round16-denied")
    c.say("me duele la cintura desde hace 3 meses")
    c.say("ibuprofeno")
    c.say("caídas ninguna, fiebre no, ninguna pérdida de peso, de la orina bien")
    assert not c.slots.get("red_flags") and c.slots["triage_level"] not in ("emergency", "urgent")
