"""The learned red-flag detector in each language: a sign in words no vocabulary holds is
asked about (a confirming question), in Spanish as in English; a clause the vocabulary reads
as denied or someone else's is not. Sentences written for these tests, in none of the
vocabularies, the labelled examples or the blind sets."""
from __future__ import annotations

import pytest
from rasa.nlu.utils.spacy_utils import SpacyModel

from bot.nlu.build_spacy import build_pipeline
from bot.nlu.components import ClinicalEntityExtractor
from bot.red_flag_questions import flags_to_confirm
from bot.slots import clinical_updates

NLP = build_pipeline()
MODEL = SpacyModel(model=NLP, model_name=".build/spacy_en")
CONFIG = {**ClinicalEntityExtractor.get_default_config(), "detector_threshold": 0.35}
WITH_DETECTOR = ClinicalEntityExtractor(CONFIG)
VOCABULARY_ONLY = ClinicalEntityExtractor({**CONFIG, "detector_threshold": None})


def asked(extractor, text, territory=True):
    """(raised at once, confirmed with the patient first) for a first message; without
    `territory`, what the vocabulary's phrases decide alone (the territory net's questions,
    tests/unit/test_red_flag_territory.py, left out)."""
    found = extractor.entities_for(text, MODEL)
    if not territory:
        found = [e for e in found if e.get("reason") != "territory"]
    return set(clinical_updates({}, found).get("red_flags") or []), set(flags_to_confirm({}, found))


@pytest.mark.parametrize("text, flag", [
    ("siento como dormido el asiento", "saddle_numbness"),
    ("ya no me aguanto las ganas de hacer del uno", "bladder_bowel"),
    ("me tiemblan las piernas y se me doblan solitas", "leg_weakness"),
    ("me dieron un llegue en la espalda con el carro", "trauma"),
    ("he enflacado mucho sin hacer nada", "weight_loss"),
    ("my feet keep catching the pavement and I stumble", "leg_weakness"),
    ("I've shrunk two belt notches and I'm eating normal", "weight_loss"),
])
def test_a_sign_in_words_no_vocabulary_holds_is_asked_about(text, flag):
    assert asked(VOCABULARY_ONLY, text, territory=False) == (set(), set())  # the phrases alone miss it
    assert asked(WITH_DETECTOR, text) == (set(), {flag})  # asked, never raised on its own


@pytest.mark.parametrize("text", [
    # (the detector no longer asks on "my legs are fine, they don't give way" at all: no word
    # of its clauses is the flag's own; "buckle" is)
    "my legs are fine and they don't give way or buckle",
    "my feet are ok, no dragging",  # the feet denied: only the vocabulary's reading tells
    # (a writer telling of their own pain too: a silent writer's relative is asked, see
    # test_red_flags_hedged_or_asked.py)
    "my brother's legs keep giving way, I just have a stiff neck",
    "my father's foot drags when he walks, my own back is only sore",
    "mi esposa tiene calentura",  # (a relative's emergency sign is asked: es/context.yml)
    "mi hermano se cayó de la escalera ayer",
    "no siento adormecidas las nalgas",
    "las piernas de mi hermano no tienen fuerza",
])
def test_a_denied_or_someone_elses_sign_is_not_asked_about(text):
    language, _ = WITH_DETECTOR.read(text, MODEL)
    assert WITH_DETECTOR._detectors[language].find(text)  # the detector alone would ask
    assert asked(WITH_DETECTOR, text) == (set(), set())
