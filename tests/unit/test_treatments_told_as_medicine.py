"""A name no list knows, told as a medicine by the words around it.

One mechanism, its words in each language's told_as_medicine.yml; read as the assistant reads
a first message (tests/unit/reading.py). Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlu.medicines_told import load_told
from tests.unit.reading import tried

VOCAB = Path("bot/nlu/vocab")


@pytest.mark.parametrize("text,expected", [
    ("two Dorvanex tablets at night for the low back", {"otc_medication"}),
    ("I rub on Kayaflex oil every night", {"otc_medication"}),  # a rub under a regional brand
    ("some Kayaflex liniment on the sore bit", {"otc_medication"}),
    ("Dorvanex 650 twice a day", {"otc_medication"}),
    ("been taking a Dorvanex for my back", {"otc_medication"}),
    ("the doctor prescribed Dorvanex", {"prescription_medication"}),
    ("me tomé un Dorvanex", {"otc_medication"}),
    ("me tomo dos Dorvanex cuando me duele la espalda", {"otc_medication"}),
    ("tomé unas pastillas de Dorvanex y nada", {"otc_medication"}),
    ("me unto Dorvanex en la espalda", {"otc_medication"}),
    ("el doctor me recetó Dorvanex", {"prescription_medication"}),
    # a prescribing verb right before a medicine sold over the counter prescribes it
    ("el doctor me recetó paracetamol para la espalda", {"prescription_medication"}),
])
def test_a_name_told_as_a_medicine(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text", [
    "tried everything, nothing works",
    "should I take Dorvanex?",
    "my husband takes Dorvanex for his knee",
    "no me tomé el Dorvanex",
    "tomo Dorvanex para la presión",  # another condition, named after it (context.yml)
    "mi esposo toma Dorvanex para su rodilla",
    "me tomé un cafecito y me duele la espalda",
    "me dio el COVID y desde entonces me duele la espalda",
    "me dieron quimio hace años, ahora me duele la espalda",
])
def test_no_medicine_tried(text):
    assert not tried(text) & {"otc_medication", "prescription_medication"}


@pytest.mark.parametrize("vocab_dir", [VOCAB, VOCAB / "es"])
def test_each_language_has_its_words(vocab_dir):
    told = load_told(vocab_dir)
    assert told.forms and told.taken_cues and told.doses


def test_a_mistake_in_the_words_is_refused_at_start_up(tmp_path):
    text = (VOCAB / "told_as_medicine.yml").read_text(encoding="utf-8")
    (tmp_path / "told_as_medicine.yml").write_text(text.replace("doses: [25,", "doses: [twenty-five,"),
                                                   encoding="utf-8")
    with pytest.raises(ValueError, match="doses"):
        load_told(tmp_path)
