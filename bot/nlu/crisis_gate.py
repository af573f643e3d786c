"""When the classifier's own crisis guess keeps the crisis line, and in which wording.

The classifier reads word pieces, so it guesses `crisis` on some ordinary answers ("not sure,
years I guess", a name with a note on who writes). A missed crisis is far worse than a jarring
line, so its guess is set aside only when both hold: the message is clearly about the care
(the NLU found a pain place, a duration, a treatment, a warning sign, a clinic question, a
phone or email, or it says "not sure" or the day it is now) and it says no crisis cue (vocab/crisis.yml
`cue_words`, kept broad). Crisis words and despair (`patterns`, `despair_patterns`) are decided
before this and always win. A guess kept on no cue gets the gentler wording of the line.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Optional

from bot.booking import names_a_time, parse_contact
from bot.nlu import reading_day
from bot.nlu.crisis import CrisisDetector
from bot.nlu.duration_anchor import _anchor
from bot.offscript import says_not_knowing

# What the NLU finds in a message about the care (domain.yml entities; `writing_for` is a
# note on who writes, from the proxy reader)
CARE_ENTITIES = {"pain_location", "duration", "treatment", "treatment_none", "red_flag",
                 "red_flag_denied", "red_flag_unsure", "body_part_other", "pain_pattern",
                 "prior_injection", "injection_relief", "faq_topic", "writing_for"}
# What a crisis guess set aside becomes: the classifier's next guess among answers, else
# `inform` (never a change of booking or a question the message is not).
ANSWERS = ("inform", "deny", "affirm", "nothing_helped", "give_contact")


def about_the_care(text: str, entities: Iterable[Mapping]) -> bool:
    """Whether the message is clearly about the pain, the clinic or the booking (the day it is
    now, "Now is end of September", dates the pain's start told before)."""
    return (any(e.get("entity") in CARE_ENTITIES for e in entities or [])
            or says_not_knowing(text) or parse_contact(text) is not None
            or _anchor(text or "", reading_day.today()) is not None)


def answer_guess(ranking) -> dict:
    """The classifier's next guess among answers, or `inform`."""
    return next((dict(r) for r in ranking or [] if r.get("name") in ANSWERS),
                {"name": "inform", "confidence": 1.0})


def says_crisis(detect: CrisisDetector, text: str) -> bool:
    """Whether the message itself says crisis words, despair or a crisis cue."""
    return bool(detect(text) or detect.may_be(text) or detect.cues(text))


def set_aside(detect: CrisisDetector, text: str, entities: Iterable[Mapping]) -> bool:
    """Whether the classifier's own crisis guess (no crisis words, no despair) is set aside:
    only on a message clearly about the care that says no crisis cue."""
    return about_the_care(text, entities) and not says_crisis(detect, text)


def crisis_wording(detect: CrisisDetector, text: Optional[str]) -> str:
    """The content key for `possible_crisis`: the full line on crisis words, despair or a cue;
    the gentler one when only the classifier heard crisis in the message."""
    return "distress_safety" if says_crisis(detect, text or "") else "distress_safety_gentle"


def time_answer_heard_as_crisis(detect: CrisisDetector, text: str, requested: Optional[str]) -> bool:
    """A preferred time at "when suits you?" that only the classifier heard as crisis ("el
    viernes, pero en la tarde no tengo quién me lleve"): it names a day or a time and says no
    crisis words, despair or cue, so it is the answer, with no crisis line (the gate above
    cannot tell: the NLU does not know which question was asked)."""
    return requested == "booking_time" and names_a_time(text) and not says_crisis(detect, text)
