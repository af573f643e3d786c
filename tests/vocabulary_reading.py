"""What the clinician-readable vocabulary alone reads in one message: the extractor as the
pipeline applies it with the learned detector off, and the red flags it makes present or asks
about. Shared by the tests of red-flag wordings."""
from __future__ import annotations

from functools import lru_cache

from bot.nlu.components import ClinicalEntityExtractor
from bot.red_flag_questions import flags_to_confirm
from bot.slots import clinical_updates


@lru_cache(maxsize=1)
def vocabulary_extractor() -> ClinicalEntityExtractor:
    return ClinicalEntityExtractor({**ClinicalEntityExtractor.get_default_config(),
                                    "detector_threshold": None})


@lru_cache(maxsize=1)
def english_model():
    """SpacyNLP's pipeline, as the English reading needs it (Spanish builds its own)."""
    from rasa.nlu.utils.spacy_utils import SpacyModel

    from bot.nlu.build_spacy import build_pipeline

    return SpacyModel(model=build_pipeline(), model_name=".build/spacy_en")


def red_flags_read(text: str) -> tuple[set, set]:
    """(present, asked about) for a first message saying `text`."""
    entities = vocabulary_extractor().entities_for(text, english_model())
    present = set(clinical_updates({}, entities).get("red_flags") or [])
    return present, set(flags_to_confirm({}, entities)) - present


def slots_read(text: str) -> dict:
    """The slots a first message saying `text` fills."""
    return clinical_updates({}, vocabulary_extractor().entities_for(text, english_model()))


def vocab_weeks(text: str) -> float | None:
    return slots_read(text).get("pain_duration_weeks")


def vocab_tried(text: str) -> set:
    """The treatments tried the vocabulary reads, as a set (empty when none)."""
    return set(slots_read(text).get("treatments_tried") or [])


def vocab_tried_as_read(text: str):
    return slots_read(text).get("treatments_tried")


def vocab_place(text: str):
    return slots_read(text).get("pain_location")
