"""One message read as the assistant reads it, for the understanding tests: the clinical NLU
component turns the words into entities (`ClinicalEntityExtractor.entities_for`, its learned
detector off so that a test shows what the vocabulary decides), then the triage form's slot rules
(`bot.slots`) turn the entities into slots, with the message's text as the form passes it
(actions/common.py). Tests read through here rather than re-making either step."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Set

from rasa.nlu.utils.spacy_utils import SpacyModel

from bot.nlu import reading_day
from bot.nlu.build_spacy import build_pipeline
from bot.nlu.components import ClinicalEntityExtractor
from bot.red_flag_questions import flags_to_confirm
from bot.slots import clinical_updates


@dataclass(frozen=True)
class Reading:
    slots: Dict[str, Any]
    raised: Set[str]  # red flags the assistant raises
    asked: Set[str]  # red flags it asks to confirm (never one it raises)


def reading_of(entities: List[Mapping[str, Any]], text: Optional[str] = None) -> Reading:
    """What these entities leave in an empty conversation's slots."""
    slots = clinical_updates({}, entities, text)
    raised = set(slots.get("red_flags") or [])
    return Reading(slots, raised, set(flags_to_confirm({}, entities)) - raised)


_EXTRACTOR: Optional[ClinicalEntityExtractor] = None
_MODEL: Optional[SpacyModel] = None


def entities(text: str, today: Optional[datetime.date] = None) -> List[Dict[str, Any]]:
    """The entities one message gives, first in its conversation (the learned detector off);
    with `today`, read as on that day ("since Monday", "desde el verano")."""
    global _EXTRACTOR, _MODEL
    if _EXTRACTOR is None:
        _EXTRACTOR = ClinicalEntityExtractor({"detector_threshold": None})
        _MODEL = SpacyModel(model=build_pipeline(), model_name=".build/spacy_en")
    day = reading_day.today
    if today is not None:
        reading_day.today = lambda: today
    try:
        return _EXTRACTOR.entities_for(text, _MODEL)
    finally:
        reading_day.today = day


def read(text: str, today: Optional[datetime.date] = None) -> Reading:
    """One message, first in its conversation, through the extractor and the slot rules."""
    return reading_of(entities(text, today), text)


# The days the understanding tests read messages on ("since Monday", "desde el verano").
THURSDAY = datetime.date(2026, 12, 3)
FRIDAY = datetime.date(2026, 12, 4)
MARCH_12 = datetime.date(2026, 3, 12)
SPRING = datetime.date(2026, 5, 15)
MID_JUNE = datetime.date(2026, 6, 15)


def slots(text: str, today: Optional[datetime.date] = None) -> Dict[str, Any]:
    """The slots one first message fills."""
    return read(text, today).slots


def slots_and_asked(text: str):
    """(slots, red flags asked to confirm) for one first message."""
    reading = read(text)
    return reading.slots, reading.asked


def raised(text: str) -> Set[str]:
    return read(text).raised


def asked(text: str) -> Set[str]:
    return read(text).asked


def pain_weeks(text: str, today: Optional[datetime.date] = None) -> Optional[float]:
    """How long the pain has lasted, in weeks, as the slots keep it."""
    return read(text, today).slots.get("pain_duration_weeks")


def friday_weeks(text: str, today: datetime.date = FRIDAY) -> Optional[float]:
    return pain_weeks(text, today)


def duration_category(text: str, today: Optional[datetime.date] = None) -> Optional[str]:
    return read(text, today).slots.get("duration_category")


def friday_category(text: str, today: datetime.date = FRIDAY) -> Optional[str]:
    return duration_category(text, today)


def duration_values(text: str) -> List[Any]:
    """The lengths the assistant keeps as the pain's (its duration entities)."""
    return [e["value"] for e in entities(text) if e["entity"] == "duration"]


def tried(text: str) -> Set[str]:
    """The treatments tried, as a set (empty when none)."""
    return set(read(text).slots.get("treatments_tried") or [])


def tried_as_read(text: str):
    """The treatments_tried slot as it is filled (None when not filled)."""
    return read(text).slots.get("treatments_tried")


def place(text: str) -> Optional[str]:
    return read(text).slots.get("pain_location")


def read_after(earlier: List[str], text: str) -> Reading:
    """`text` read as the conversation means it, after the `earlier` messages (a relative who
    said they write for the patient: bot/typed_for.py)."""
    from bot.typed_for import as_meant

    return reading_of(as_meant(entities(text), [entities(t) for t in earlier]), text)


def weeks_since(day: datetime.date) -> float:
    """Weeks from `day` to the real today (a date the tests do not fix)."""
    return (datetime.date.today() - day).days / 7
