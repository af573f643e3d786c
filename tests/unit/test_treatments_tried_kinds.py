"""What staff see stored as treatments tried (slot `treatments_tried`), by kind of wording
(session 17, issues 15 and 20): a treatment referred or waited for is not tried; one asked
about and then told as had ("Mine lasted...") is; a treatment word said of something else
(a gun's shot, an ice rink, the gym as the pain's cause) is none; regional names, a medicine
listed beside a prescribed one, "ni con" and a clipped "na'". Sentences written for these
tests, none from a blind set; read as the assistant reads a first message."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def tried(text):
    return sorted(read(text).slots.get("treatments_tried") or [])


@pytest.mark.parametrize("text,expected", [
    # referred, waiting: only what was really had counts
    ("My GP referred me for a nerve block, the appointment isn't until March. Ibuprofen for now",
     ["otc_medication"]),
    ("Physio referral went in but I'm on the waiting list. Heat packs help a bit", ["heat_ice"]),
    ("Plan: physio referral. Taking naproxen", ["otc_medication"]),
    ("la doctora me dio referral para chiropractor pero no tengo cita todavía, tomo paracetamol",
     ["otc_medication"]),
    ("me mandaron a fisioterapia pero todavía no me han dado la cita, tomo ibuprofeno", ["otc_medication"]),
    ("me ha derivado a la fisio pero estoy en lista de espera, de momento paracetamol", ["otc_medication"]),
    ("el médico me recetó pregabalina y me dijo que hiciera natación pero todavía no empiezo",
     ["prescription_medication"]),
])
def test_a_treatment_referred_or_waited_for_is_not_tried(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Do facet injections wear off? Mine helped for about 3 months", ["injection"]),
    ("Is it normal for a nerve block to stop working? I had one in the spring", ["injection"]),
    ("¿Cuánto suele durar una infiltración? La mía duró dos semanas", ["injection"]),
])
def test_a_treatment_asked_about_then_told_as_had_is_tried(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text", [
    "Do facet injections wear off? My neighbour says they do",
    "¿Sirve la radiofrecuencia? Quería saber antes de pedir cita",
])
def test_a_treatment_only_asked_about_is_still_not_tried(text):
    assert tried(text) == []


@pytest.mark.parametrize("text", [
    "My back has bothered me since my brother got shot in the war, that long",
    "About two weeks, since I went down hard at the ice rink",
    "after my spin class my back seized up, 5 days ago",
    "my lower back went back to the gym after the holidays and hurts since, 2 weeks",
    "el martes hice leg day en el gimnasio y desde entonces me duele la espalda baja",
    "se me duermen los pies como si los tuviera sobre hielo",
])
def test_a_treatment_word_said_of_something_else_is_no_treatment(text):
    assert tried(text) == []


@pytest.mark.parametrize("text,expected", [
    # Argentina's physiotherapist and ibuprofen brand, said after "ni con": tried, no help
    ("la cintura no me mejora ni con el kinesiólogo ni con el Ibupirac", ["otc_medication", "physical_therapy"]),
    ("no se me pasa ni siquiera con la pregabalina", ["prescription_medication"]),
    # an English treatment named in a Spanish message
    ("a mi papá le pusieron unas epidural injections el año pasado", ["injection"]),
    # a medicine bought beside one the doctor gave: both kinds
    ("I've had ibuprofen and some diclofenac the doctor gave me", ["otc_medication", "prescription_medication"]),
    ("took paracetamol and tramadol from my GP", ["otc_medication", "prescription_medication"]),
    # ... while one the doctor gave alone is still prescribed
    ("naproxen the GP gave me, no help", ["prescription_medication"]),
])
def test_regional_names_and_medicines_listed_together(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text", ["Na', no he probado na' todavía", "ná, no he hecho ná"])
def test_nada_cut_short_is_nothing_tried(text):
    slots = read(text).slots
    assert slots.get("treatments_tried") == []


def test_a_treatment_had_meanwhile_is_tried():
    assert tried("on the waiting list for physio, in the meantime ibuprofen") == ["otc_medication"]
