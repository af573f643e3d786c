"""content/faq.yml: topic matching, answers from clinic.yml, and the file's checks."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.clinic import load_clinic
from bot.faq import FaqError, load_faq, simple_words

FAQ = load_faq()
CLINIC = load_clinic()  # the example clinic: Mon-Fri 8:00-17:00, America/New_York
TUESDAY_NOON_NY = datetime(2026, 12, 1, 17, 0, tzinfo=timezone.utc)
SATURDAY_NOON_NY = datetime(2026, 12, 5, 17, 0, tzinfo=timezone.utc)


def topics(text):
    return FAQ.match(simple_words(text))


@pytest.mark.parametrize("text, topic", [
    ("is there somewhere to park? parking", "parking"),
    ("do you accept medicare", "insurance"),
    ("what's the clinic's adress", "location"),  # a typo forgiven
    ("what are your opening hours", "hours"),
    ("how do I get there by bus", "directions"),
    ("can I have a video appointment", "telehealth"),
])
def test_a_question_finds_its_topic(text, topic):
    assert topics(text)[0] == topic


@pytest.mark.parametrize("text", [
    "my lower back",
    "a human please",  # not the insurer Humana
    "could a nurse ring me",  # not "bring"
    "how long is the recovery",
])
def test_other_messages_find_no_topic(text):
    assert topics(text) == []


def test_open_now_is_computed_in_the_clinics_time_zone():
    open_answer = FAQ.answer(["open_now"], "are you open now", CLINIC, TUESDAY_NOON_NY)
    assert "We're open right now, until 17:00." in open_answer
    closed = FAQ.answer(["open_now"], "are you open now", CLINIC, SATURDAY_NOON_NY)
    assert "We're closed right now; we open again on Monday at 8:00." in closed


def test_a_named_day_gets_that_days_hours():
    answer = FAQ.answer(["hours"], "are you open on saturday", CLINIC, TUESDAY_NOON_NY)
    assert answer.startswith("We're closed on Saturdays.")
    assert "Mon–Fri 8:00–17:00" in answer


def test_what_the_clinic_has_not_filled_in_is_never_guessed():
    for topic in ("cost", "insurance", "parking", "languages", "directions"):
        answer = FAQ.answer([topic], "", CLINIC, TUESDAY_NOON_NY)
        assert answer == f"I don't have that information, sorry; the front desk on {CLINIC.phone} can tell you."


def test_filled_in_clinic_facts_are_used():
    assert CLINIC.address in FAQ.answer(["location"], "", CLINIC, TUESDAY_NOON_NY)
    assert CLINIC.email in FAQ.answer(["email"], "", CLINIC, TUESDAY_NOON_NY)


def test_a_broken_placeholder_is_reported_with_its_topic(tmp_path: Path):
    text = Path("content/faq.yml").read_text().replace(
        "answer: \"You can call {clinic_name} on {clinic_phone}.\"",
        "answer: \"You can call us on {clinic_fone}.\"")
    (tmp_path / "faq.yml").write_text(text)
    with pytest.raises(FaqError, match=r"topics.phone.answer.*clinic_fone"):
        load_faq(tmp_path / "faq.yml")
