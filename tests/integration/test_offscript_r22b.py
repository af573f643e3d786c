"""Off-script turns of round 22's second wave, by kind: a length said again as a correction
("did I say X? meant Y", "X pero me equivoqué, son Y") keeps only the one meant, and a nickname
given as the booking name replaced by the same person's full name with the contact in the same
message takes both. Whole conversations on the real model and action server; sentences
written for these tests, none from a blind set."""
from __future__ import annotations

from tests.integration.steps import reach


def test_a_length_asked_back_and_meant_otherwise_stores_the_one_meant(chat):
    c = chat("meant-weeks")
    reach(c, "asked_what_tried")  # "about 7 months" was said
    c.say("hmm did I put 7 months? meant 7 weeks. tried ice and tylenol")
    assert abs(c.slots["pain_duration_weeks"] - 7.0) < 1.0


def test_a_length_corrected_with_pero_me_equivoque_stores_the_one_meant(chat):
    c = chat("me-equivoque")
    reach(c, "asked_what_tried", "es")  # "unos 7 meses"
    c.say("escribí 7 meses pero me equivoqué, son como tres semanas. tomé ibuprofeno")
    assert abs(c.slots["pain_duration_weeks"] - 3.0) < 0.5


def test_a_full_name_for_a_nickname_with_the_phone_takes_both_and_asks_the_time(chat):
    c = chat("nickname")
    reach(c, "booking_asked_contact")  # "Sam Taylor" was given
    reply = c.say("sorry, Sam is only a nickname, it should be Samira Taylor-Okoye. number 555 010 3388")
    assert c.slots["booking_name"] == "Samira Taylor-Okoye" and "Samira Taylor-Okoye" in reply
    assert "3388" in (c.slots.get("booking_contact") or "")
    assert c.slots["requested_slot"] == "booking_time"
