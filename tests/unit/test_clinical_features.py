"""What the intent classifier is told about a message by the clinical vocabularies."""
import pytest
from rasa.nlu.utils.spacy_utils import SpacyNLP

from bot.nlu.clinical_featurizer import ClinicalFeaturizer

FEATURIZER = ClinicalFeaturizer(ClinicalFeaturizer.get_default_config(), "clinical_features")
SPACY = SpacyNLP.load_model(".build/spacy_en")  # what Rasa's SpacyNLP hands the featurizer


@pytest.mark.parametrize("text,kinds", [
    ("6wks", {"duration"}),
    ("advil", {"treatment"}),
    ("bad back since the weekend", {"pain_location", "duration"}),
    ("do epidurals hurt?", {"treatment_not_tried"}),
    ("haven't tried anything", {"treatment_none"}),
    ("I can't control my bladder", {"red_flag"}),
    ("no fever", {"red_flag_denied"}),
    ("my knee", {"body_part_other"}),
    ("my mum had cancer", set()),  # someone else's history says nothing about the patient
    ("thanks, bye", set()),
])
def test_kinds_of_mention(text, kinds):
    assert FEATURIZER.kinds(text, SPACY) == kinds
