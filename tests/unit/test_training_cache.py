"""Rasa's training cache must see a changed vocabulary: the reading components' fingerprint
changes with any vocabulary file or reading code, so `rasa train` does not reuse features
computed with the old words (it did: a retrain after a vocabulary merge took 9 s and kept them)."""
import shutil
from pathlib import Path

from bot.nlu.clinical_featurizer import ClinicalFeaturizer
from bot.nlu.clinical_vocab import reading_fingerprint
from bot.nlu.components import ClinicalEntityExtractor

NLU = Path(__file__).resolve().parents[2] / "bot" / "nlu"


def test_a_changed_vocabulary_file_changes_the_reading_components_fingerprint(tmp_path):
    copy = tmp_path / "nlu"
    shutil.copytree(NLU, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = reading_fingerprint(copy)
    assert reading_fingerprint(copy) == before  # the same files, the same fingerprint
    treatments = copy / "vocab" / "treatments.yml"
    treatments.write_text(treatments.read_text(encoding="utf-8") + "\n# a clinician's edit\n", encoding="utf-8")
    assert reading_fingerprint(copy) != before


def test_both_reading_components_carry_it_into_rasas_fingerprint():
    assert ClinicalFeaturizer.fingerprint_addon({}) == reading_fingerprint()
    assert ClinicalEntityExtractor.fingerprint_addon({}) == reading_fingerprint()
