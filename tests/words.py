"""What the patient reads, as the clinic has worded it: tests assert WHICH message a patient got
by a sentence of that message read from the loaded files (content/, domain.yml's responses,
clinic.yml), never by a copy of today's wording. A clinic that edits its words, as the README
invites, keeps a suite that passes and still fails when the wrong message is sent."""
from __future__ import annotations

import re

import yaml

from bot.clinic import load_clinic
from bot.content import load_content
from tests.harness import ROOT

CLINIC = load_clinic()
CONTENT = load_content()
RESPONSES = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
EMERGENCY = CLINIC.emergency_number


def sentence(text: str) -> str:
    """The longest sentence of `text` with no {placeholder} in it: the part every patient reads
    word for word, whatever the clinic's name or numbers."""
    parts = re.split(r"\{[a-z_]+\}", " ".join(text.split()))
    sentences = [s.strip() for part in parts for s in re.split(r"(?<=[.?!:])\s+", part)]
    best = max(sentences, key=len)
    assert len(best) >= 8, f"no fixed sentence long enough to recognise in {text!r}"
    return best


def response(name: str, conditioned: bool = False) -> str:
    """A sentence of a domain.yml response: its plain variation (or its conditioned one)."""
    return sentence(next(v["text"] for v in RESPONSES[name] if ("condition" in v) is conditioned))


def said(key: str) -> str:
    """A sentence of a content/conversation.yml text."""
    return sentence(CONTENT.conversation[key])


def question(name: str, conditioned: bool = False) -> str:
    """A form's whole question as domain.yml words it (no placeholders in questions)."""
    return next(v["text"] for v in RESPONSES[name] if ("condition" in v) is conditioned)


TROUBLE = response("utter_technical_trouble")
NOT_UNDERSTOOD = response("utter_default")
GREETING = response("utter_greet")
NOT_A_DIAGNOSIS = sentence(CONTENT.disclaimer)  # said with every option
SELF_CARE_DISCLAIMER = sentence(CONTENT.self_care.disclaimer)
PEG_OFFER = said("peg_offer")
PEG_PAIN = question("utter_ask_peg_pain")
TOO_LONG = said("message_too_long")
TOO_FAST = said("messages_too_fast")
BOOKING_NOT_SENT = said("booking_not_sent")
OFFER_DECLINED = said("offer_declined")
CANNOT_HELP = said("cannot_help")
CORRECTION = said("correction")
HANDOFF = said("handoff_open")
I_AM_A_BOT = response("utter_iamabot")
RESTART = question("utter_restart")  # no placeholders: the whole text
WHERE = question("utter_ask_pain_location")
HOW_LONG = question("utter_ask_pain_duration_weeks")
TRIED = question("utter_ask_treatments_tried")
