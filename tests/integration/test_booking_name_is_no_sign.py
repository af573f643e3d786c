"""Whole conversations (real model, real action server): a name typed at the booking form's name
question is a name, never a misspelt warning-sign word ("Walter" read as "water" used to bring a
bladder question). Names written for this test, none from a blind set."""
from __future__ import annotations

import pytest

from bot import store

CONTACT_QUESTION = "What phone number or email address"


@pytest.mark.parametrize("name", ["Walter", "Walter Brown"])
def test_a_name_at_the_name_question_goes_on_to_the_contact_question(chat, name):
    c = chat()
    c.say("hello")
    c.say("I want to book a consultation")
    assert c.slots["requested_slot"] == "booking_name"
    reply = c.say(name)
    assert CONTACT_QUESTION in reply
    assert not c.slots.get("red_flags") and not c.slots.get("red_flags_unsure")
    c.say("555 204 7781")
    c.say("monday mornings")
    [request] = store.list_bookings(c.sender)
    assert request["name"] == name
