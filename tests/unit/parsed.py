"""What the duration parsers and the red-flag readers with the learned detector give for one
message, for the understanding tests that check a parser or the detector on its own (the whole
reading is tests/unit/reading.py)."""
from __future__ import annotations

import datetime
from functools import lru_cache

from bot.nlu.duration import parse_durations
from bot.nlu.duration_es import parse_durations_es
from bot.red_flag_questions import flags_to_confirm
from bot.slots import clinical_updates
from tests.unit.reading import FRIDAY, MARCH_12, MID_JUNE, THURSDAY


def first_weeks(text: str, today: datetime.date = FRIDAY) -> float | None:
    """The first length the English parser finds, in weeks (None when none)."""
    found = parse_durations(text, today)
    return found[0].weeks if found else None


def first_weeks_mid_june(text: str) -> float | None:
    return first_weeks(text, MID_JUNE)


def weeks_parsed_thursday(text: str) -> list[float]:
    """Every length the English parser finds, in weeks, read on Thursday 3 December."""
    return [d.weeks for d in parse_durations(text, THURSDAY)]


def weeks_parsed_friday(text: str) -> list[float]:
    return [d.weeks for d in parse_durations(text, FRIDAY)]


def weeks_parsed_es(text: str, today: datetime.date) -> list[float]:
    """Every length the Spanish parser finds, in weeks to two places."""
    return [round(m.weeks, 2) for m in parse_durations_es(text, today)]


@lru_cache(maxsize=1)
def _detector_at_035():
    from rasa.nlu.utils.spacy_utils import SpacyModel

    from bot.nlu.build_spacy import build_pipeline
    from bot.nlu.components import ClinicalEntityExtractor

    model = SpacyModel(model=build_pipeline(), model_name=".build/spacy_en")
    return model, ClinicalEntityExtractor({**ClinicalEntityExtractor.get_default_config(),
                                           "detector_threshold": 0.35})


def with_detector(text: str) -> tuple[set, set]:
    """(raised at once, asked first) for a first message, the learned detector on (0.35)."""
    model, extractor = _detector_at_035()
    found = extractor.entities_for(text, model)
    raised = set(clinical_updates({}, found, text).get("red_flags") or [])
    return raised, set(flags_to_confirm({}, found)) - raised


def caught_with_detector(text: str) -> set:
    """Every flag raised or asked, the learned detector on (tests/unit/test_red_flag_detector)."""
    from tests.unit.test_red_flag_detector import WITH_DETECTOR, asked

    raised, confirm = asked(WITH_DETECTOR, text)
    return raised | confirm


def weeks_parsed_es_march_12(text: str) -> list[float]:
    return weeks_parsed_es(text, MARCH_12)
