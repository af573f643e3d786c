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

from bot.nlu import message_durations
from bot.nlu.build_spacy import build_pipeline
from bot.nlu.components import ClinicalEntityExtractor
from bot.slots import clinical_updates, flags_to_confirm


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
    reading_day = message_durations.today
    if today is not None:
        message_durations.today = lambda: today
    try:
        return _EXTRACTOR.entities_for(text, _MODEL)
    finally:
        message_durations.today = reading_day


def read(text: str, today: Optional[datetime.date] = None) -> Reading:
    """One message, first in its conversation, through the extractor and the slot rules."""
    return reading_of(entities(text, today), text)
