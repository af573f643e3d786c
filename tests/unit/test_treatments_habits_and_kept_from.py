"""Treatments told in everyday words, and medicines the patient is kept from.

A walk or a swim with how often or how far is exercise (a walk as the scene of the pain is
not), therapy told as "the physical kind", needles without the word acupuncture, a relative's
massage given to the patient, heat wraps by brand, pharmacy brands the drug dictionary lacks;
a medicine a doctor said to hold off on, or one the patient is allergic to, is not tried; nor is one taken for another part ("for my knees"), while one
said to be for the back stays tried beside it (the words that say so: context.yml `for_the_spine`).
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import shutil

import pytest
import yaml

from bot.nlu.clinical_vocab import VOCAB_DIR, load_vocabulary
from tests.unit.reading import tried, tried_as_read


@pytest.mark.parametrize("text,expected", [
    ("I walk every evening round the park, about two miles", {"exercise"}),
    ("naproxen and a walk every morning before work", {"otc_medication", "exercise"}),
    ("I swim laps at the leisure centre on weekends", {"exercise"}),
    ("a few laps of the pool and a Thermacare wrap at night", {"exercise", "heat_ice"}),
    ("I went to therapy, the physical kind, for about six weeks", {"physical_therapy"}),
    ("a woman stuck needles in me at a clinic in town", {"acupuncture"}),
    ("my mum does massage with oil for me on Sundays", {"massage"}),
    ("my husband rubs in some Voltaren gel at night", {"otc_medication"}),
    ("my son puts on a heat pack for me", {"heat_ice"}),
    ("Naprogesic from the chemist and Panamax when it's bad", {"otc_medication"}),
    ("I sit in the hot tub most evenings", {"heat_ice"}),
    ("I ride the exercise bike most days", {"exercise"}),
])
def test_treatments_told_in_everyday_words(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text", [
    "it hurts when I walk every morning to the bus",
    "I get pins and needles in my back when I sit too long",
    "my legs ache after a long walk",
])
def test_a_walk_as_the_scene_or_pins_and_needles_is_no_treatment(text):
    assert tried(text) == set()


@pytest.mark.parametrize("text,expected", [
    ("nothing, the GP told me to hold off on ibuprofen because of my stomach", []),
    ("I'm allergic to codeine so just a heat pack", ["heat_ice"]),
    ("not allowed anti-inflammatories with my kidneys, so nothing yet", []),
])
def test_a_medicine_the_patient_is_kept_from_is_not_tried(text, expected):
    assert tried_as_read(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("I've been on meloxicam for about two years for my knees, the back is new", set()),
    ("gabapentin for my feet for a few years, nothing for the back", set()),
    ("tramadol for my lower back and a statin for my cholesterol", {"prescription_medication"}),
    ("ibuprofen for my neck and sumatriptan for my migraines", {"otc_medication"}),
    ("tomo tramadol para la espalda y atorvastatina para el colesterol", {"prescription_medication"}),
    ("me tomo tramadol para la ciática y losartán para la presión", {"prescription_medication"}),
    ("tomo metformina para la diabetes", set()),
])
def test_a_medicine_for_another_part_is_not_tried_for_the_pain(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("language", ["", "es"])
def test_a_vocabulary_without_its_words_for_the_spine_stops_the_start(tmp_path, language):
    """Without them every medicine told with another condition's would be dropped, silently."""
    shutil.copytree(VOCAB_DIR / language, tmp_path / "vocab")
    path = tmp_path / "vocab" / "context.yml"
    context = yaml.safe_load(path.read_text(encoding="utf-8"))
    del context["for_the_spine"]
    path.write_text(yaml.safe_dump(context, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="for_the_spine"):
        load_vocabulary(tmp_path / "vocab")
