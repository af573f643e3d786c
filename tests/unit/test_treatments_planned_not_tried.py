"""Treatments planned, offered, referred or asked about but not begun are not tried.

A referral not yet answered, the doctor's plan or suggestion, a medicine given but not taken, a
treatment offered and refused, one that starts later or the patient may be fit for, an injection
named in a question about it; what was had beside them still counts. English and Spanish.
Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.slots import asked_not_had
from tests.unit.reading import slots, slots_and_asked, tried_as_read
from tests.vocabulary_reading import vocab_tried


def test_an_injection_named_in_a_question_about_it_is_not_one_had():
    entities = [{"entity": "prior_injection", "value": "facet"},
                {"entity": "treatment", "value": "injection"},
                {"entity": "treatment", "value": "otc_medication"}]
    kept = asked_not_had("ask_option_info", "esa inyección facetaria, ¿me duermen?", entities)
    assert kept == [{"entity": "treatment", "value": "otc_medication"}]
    assert asked_not_had("ask_option_info", "ya me pusieron una facetaria, ¿me ponen otra?",
                         entities) == entities
    assert asked_not_had("inform", "me pusieron una facetaria", entities) == entities


def test_how_an_injection_went_is_never_taken_for_a_question_about_it():
    entities = [{"entity": "prior_injection", "value": "medial_branch"},
                {"entity": "injection_relief", "value": "good"}]
    assert asked_not_had("ask_option_info", "the blocks worked really well for the day", entities) == entities
    assert asked_not_had("ask_option_info", "¿los bloqueos me funcionaron bien, sirve otro?", entities) == entities


@pytest.mark.parametrize("text,tried", [
    ("chiropractor, sorry, I mean physio", ["physical_therapy"]),
    ("me ponía hielo, perdón, digo compresas calientes y me daban masajes", ["heat_ice", "massage"]),
    # no correction word: both were tried; "too" adds one
    ("I did physio, actually massage helped more", ["physical_therapy", "massage"]),
])
def test_a_treatment_taken_back_is_not_tried(text, tried):
    assert sorted(slots_and_asked(text)[0]["treatments_tried"]) == sorted(tried)


@pytest.mark.parametrize("text", [
    "el doctor me dio tramadol pero nunca lo tomé",
    "the GP gave me naproxen but I never took it",
])
def test_a_medicine_given_but_not_taken_is_not_tried(text):
    assert not slots_and_asked(text)[0].get("treatments_tried")


@pytest.mark.parametrize("text,tried", [
    ("un bloqueo de ramo medial, me dijeron que soy candidata para la radiofrecuencia", ["injection"]),
    ("the facet block helped a day, a good sign for radiofrequency ablation they said", ["injection"]),
])
def test_a_procedure_the_patient_may_be_fit_for_is_not_tried(text, tried):
    assert slots_and_asked(text)[0]["treatments_tried"] == tried


@pytest.mark.parametrize("text", [
    "my brother gave me a few of his codeine tablets but I never took them",
    "the GP prescribed naproxen but I haven't taken it",
    "I was sent to physiotherapy but haven't started it yet",
])
def test_a_treatment_offered_and_not_taken_is_nothing_tried(text):
    assert slots(text).get("treatments_tried") == []


def test_a_treatment_not_taken_leaves_the_one_taken():
    assert slots("I use ibuprofen gel, never took the diazepam they gave me")[
        "treatments_tried"] == ["otc_medication"]


def test_a_treatment_that_starts_later_is_not_yet_tried():
    assert vocab_tried("ibuprofen helps a bit, and physio starts next week") == {"otc_medication"}


@pytest.mark.parametrize("text", [
    "the doctor offered me pregabalin but I turned it down",
    "they suggested tramadol and I declined it",
    "do you do epidurals? never had one",
    "is surgery an option? I'd rather not",
])
def test_a_treatment_offered_refused_or_asked_about_is_not_tried(text):
    assert not vocab_tried(text)


@pytest.mark.parametrize("text,expected", [
    ("the GP reckons acupuncture might help, I've only had ibuprofen", {"otc_medication"}),
    ("I've done physio and my sister thinks massage could be worth a try", {"physical_therapy"}),
    ("a bag of frozen peas on it every evening", {"heat_ice"}),
    ("can you do nerve blocks? had one last year and it helped", {"injection"}),
    ("is physio any use? I've tried it already", {"physical_therapy"}),
])
def test_only_what_was_had_is_tried_beside_a_suggestion_or_a_question(text, expected):
    assert vocab_tried(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("chiro referral got denied by my insurance, so just tylenol", ["otc_medication"]),
    ("cyclobenzaprine for now, the plan is physio after Christmas", ["prescription_medication"]),
    ("I've taken ibuprofen; my doctor says next step is the epidural", ["otc_medication"]),
    ("Been on gabapentin. Please advise whether I require surgery", ["prescription_medication"]),
    ("heat packs so far, I'm due to start physio next week", ["heat_ice"]),
    ("El doctor me quiere mandar a terapia. Por ahora solo paracetamol", ["otc_medication"]),
    ("Quería saber si la radiofrecuencia sirve, yo solo he tomado ibuprofeno", ["otc_medication"]),
])
def test_a_treatment_not_begun_is_not_tried(text, expected):
    assert sorted(tried_as_read(text) or []) == sorted(expected)


def test_a_treatment_had_is_still_tried():
    assert "physical_therapy" in tried_as_read("I did physio for 6 weeks and it helped, the plan is to keep going")
