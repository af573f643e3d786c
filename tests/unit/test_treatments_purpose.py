"""Treatments said for another purpose or under another name are read as the patient meant.

Kinds of misses of round 21 (a treatment in a comparison, exercise for weight lost on purpose,
a shot at the emergency room, dry needling by the physio, a relative walking on the patient's
back, "casi no me lo tomé", a relative's operation they recovered from, "nothing" texted without
vowels), on sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import tried, tried_as_read


@pytest.mark.parametrize("text", [
    "my bum feels numb, like when you get a jab at the dentist",
    "siento la nalga dormida, como cuando te ponen la inyección en el dentista",
])
def test_a_treatment_in_a_comparison_is_not_tried(text):
    assert "injection" not in tried(text)


@pytest.mark.parametrize("text", [
    "I dropped 20 pounds with diet and the gym last year, my back hurts since may",
    "bajé 8 kilos con dieta y caminando, pero a propósito",
])
def test_exercise_for_weight_lost_on_purpose_is_not_tried(text):
    assert "exercise" not in tried(text)


def test_exercise_said_apart_from_the_weight_is_still_tried():
    assert tried("I lost some weight, and walking helps my back a bit") == {"exercise"}


@pytest.mark.parametrize("text, expected", [
    ("A&E gave me a shot in the bum for the pain and some diazepam", {"prescription_medication"}),
    ("the ER doc gave me an injection and a week of naproxen", {"prescription_medication"}),
    ("en urgencias me pusieron una inyección para el dolor y me mandaron a casa", {"prescription_medication"}),
])
def test_a_shot_at_the_emergency_room_is_a_medicine_not_a_spinal_injection(text, expected):
    assert tried(text) == expected


def test_a_spinal_injection_stays_an_injection():
    assert tried("I had an epidural at the pain clinic in march") == {"injection"}


@pytest.mark.parametrize("text, expected", [
    ("the physio did some dry needling and gave me exercises", {"physical_therapy", "exercise"}),
    ("la fisio me hizo punción seca dos veces y masajes", {"physical_therapy", "massage"}),
])
def test_dry_needling_by_the_physio_is_physiotherapy(text, expected):
    assert tried(text) == expected


def test_dry_needling_without_a_physio_stays_acupuncture():
    assert tried("a guy at the gym did dry needling on my back") == {"acupuncture"}


@pytest.mark.parametrize("text, expected", [
    ("my wife walks on my back when it seizes up", {"massage"}),
    ("my son stands on my back most nights, and a bit of ibuprofen", {"massage", "otc_medication"}),
])
def test_a_relative_walking_on_the_patients_back_is_a_massage(text, expected):
    assert tried(text) == expected


def test_a_medicine_hardly_taken_was_taken():
    assert tried("me recetaron naproxeno pero casi no lo tomé") == {"prescription_medication"}


def test_a_medicine_never_taken_still_was_not():
    assert "prescription_medication" not in tried("me recetaron naproxeno pero no lo tomé")


def test_a_relatives_operation_they_recovered_from_is_not_the_patients():
    assert "surgery" not in tried("a mi tío lo operaron de la espalda y quedó bien, yo tengo dolor de cuello hace un mes")


@pytest.mark.parametrize("text", ["hvnt done anythin for it", "not done anythin yet tbh"])
def test_nothing_texted_without_vowels_is_nothing_tried(text):
    assert tried_as_read(text) == []


@pytest.mark.parametrize("text", [
    "con tanto estar acostado subí de peso y ahora la espalda me molesta más",
    "a mi papá le pregunté y dice que camina igual que siempre, sin cojear",
])
def test_rest_or_walking_told_as_a_cause_or_a_gait_is_not_tried(text):
    assert not tried(text) & {"rest", "exercise"}


def test_a_massage_a_friend_had_a_go_at_is_the_patients():
    assert tried("my cousin who does massage had a go at my neck last week") == {"massage"}


def test_physiotherapists_in_the_plural_are_physiotherapy():
    assert tried("he probado con dos fisios distintos y un quiropráctico") == {"physical_therapy", "chiropractic"}


@pytest.mark.parametrize("text", [
    "sore lower back for 6 weeks. I'm on thyroxine tablets since my thyroid came out",
    "Strewth, the neck's gone stiff again",
])
def test_a_thyroid_tablet_or_an_exclamation_is_no_treatment(text):
    assert not tried(text)


def test_exercise_for_weight_and_for_the_back_is_tried():
    assert "exercise" in tried("bajé 6 kilos con dieta y nadando, el médico dijo que era para la espalda")


def test_a_shot_into_the_back_at_urgent_care_stays_an_injection():
    assert "injection" in tried("urgent care gave me a shot in my lower back and it eased")
