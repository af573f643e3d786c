"""Treatments by kind, session 15, Spanish first: medicines by the local brand or generic of
Mexico, the Caribbean, South America and Spain; home rubs; therapies and injections as patients
name them; English words inside Spanish; "no he probado nada" (nothing tried) apart from "nada me
sirve" (tried, none helped); in English, short forms and names as a phone's dictation writes
them; and, in both, medicines taken for another condition (a heart aspirin, a diabetes or blood
thinner tablet, a stomach remedy), a cancer's operation and a birth's epidural, which are no
treatment tried for the pain. Sentences written for these tests, none from a blind set; read as
the assistant reads a first message."""
from __future__ import annotations

import pytest

from tests.unit.reading import read


def tried(text):
    return read(text).slots.get("treatments_tried")


@pytest.mark.parametrize("text,expected", [
    # brands and generics by country, in a list with no verb to tell them
    ("Supradol, calor y reposo", {"prescription_medication", "heat_ice", "rest"}),
    ("unos Sedalmercks y la bolsa de agua caliente", {"otc_medication", "heat_ice"}),
    ("me he tomado unas buscapinas y me unto alcoholado", {"otc_medication"}),
    ("el médico de cabecera me dio Zaldiar y Yurelax", {"prescription_medication"}),
    ("ibu y hielo", {"otc_medication", "heat_ice"}),
    ("estoy usando Lertopil cada noche", {"otc_medication"}),  # a name no list knows, told by the verb
    # home rubs and remedies
    ("me froto con bálsamo del tigre y me pongo el guatero", {"otc_medication", "heat_ice"}),
    ("alcohol con romero y unas pomaditas", {"otc_medication"}),
    # therapies and injections as said
    ("en el seguro me pusieron corrientes y onda corta", {"physical_therapy"}),
    ("me hicieron punción seca y un masaje descontracturante", {"acupuncture", "massage"}),
    ("me pusieron ozono en la columna hace un año", {"injection"}),
    ("fui al quiromasajista dos veces", {"massage"}),
    # English inside Spanish, and a message that tells no language
    ("Advil, heating pad y un massage", {"otc_medication", "heat_ice", "massage"}),
    ("Aleve, Bengay y compresas calientes", {"otc_medication", "heat_ice"}),
])
def test_spanish_treatments_as_said(text, expected):
    assert set(tried(text) or []) == expected


@pytest.mark.parametrize("text", [
    "de momento nada, quería saber qué me recomiendan",
    "mi papá no ha tomado nada para la espalda",
    "ninguna medicina todavía",
    "nomás me aguanto",
    "me mandaron a rehabilitación pero no he ido, hasta ahora nada",
])
def test_spanish_nothing_tried(text):
    assert tried(text) == []


@pytest.mark.parametrize("text", ["ya tomé de todo y nada", "no me sirve nada de lo que tomo"])
def test_spanish_nothing_helps_is_no_nothing_tried(text):
    assert tried(text) != []


@pytest.mark.parametrize("text,expected", [
    # medicines for another condition beside one for the pain
    ("tomo la aspirina diaria y la pastilla de la presión, para la espalda solo Tempra", {"otc_medication"}),
    ("mi esposo toma Adiro; yo para la espalda uso hielo", {"heat_ice"}),
    ("tomo Buscapina por el estómago y para el dolor paracetamol", {"otc_medication"}),
    # a cancer's operation, a birth's epidural, a treatment only asked for
    ("a mi papá le dio cáncer de colon y la operaron hace años", set()),
    ("me pusieron la epidural en el parto de mi segundo hijo", set()),
    ("quisiera saber si me pueden poner una infiltración", set()),
])
def test_spanish_not_a_treatment_for_the_pain(text, expected):
    assert set(tried(text) or []) == expected


@pytest.mark.parametrize("text,expected", [
    ("ibu, ice and rest", {"otc_medication", "heat_ice", "rest"}),
    ("my doctor put me on tylenol 3s", {"prescription_medication"}),
    ("I've had a few eye be profen and a heating pad", {"otc_medication", "heat_ice"}),
    ("she gave me flexor all for the spasms", {"prescription_medication"}),
    ("the GP said Panadeine Forte, it barely helps", {"prescription_medication"}),
])
def test_english_short_and_dictated_names(text, expected):
    assert set(tried(text) or []) == expected


@pytest.mark.parametrize("text,expected", [
    ("I'm on a baby aspirin and Synthroid, nothing for the back", []),
    ("I take glycomet for my sugar, my back hurts for two weeks", None),
    ("on Xarelto for AFib and I use a heat pack on my back", ["heat_ice"]),
    ("I had prostate cancer, operated in 2015, now my low back aches", None),
    ("I had an epidural when the baby came and the back has been sore ever since", None),
])
def test_english_another_conditions_medicine(text, expected):
    found = tried(text)
    assert (sorted(found) if found is not None else None) == expected


@pytest.mark.parametrize("text,expected", [
    # a rub made at home is no medicine; one bought is
    ("mi tía me soba con alcohol de romero cada noche", {"massage"}),
    ("una sobada con Bengué y trapos calientes", {"massage", "otc_medication", "heat_ice"}),
    ("masaje con aceite y luego me tomo un naproxeno", {"massage", "otc_medication"}),
    # heat patches are heat, whatever the word for patch
    ("unos parches de los calientitos", {"heat_ice"}),
    # a plural or one-letter slip of a long name
    ("unas fisioterapias y unos Sedalmercks", {"physical_therapy", "otc_medication"}),
])
def test_rubs_patches_and_plurals(text, expected):
    assert set(tried(text) or []) == expected


@pytest.mark.parametrize("text,expected", [
    # a shot into the muscle is a medicine; into the spine, an injection
    ("me pusieron una inyección en el glúteo para el dolor", {"prescription_medication"}),
    ("me pusieron suero para el dolor en urgencias", {"prescription_medication"}),
    ("el traumatólogo me puso una inyección en la columna", {"injection"}),
])
def test_spanish_shot_in_the_muscle_is_a_medicine(text, expected):
    assert set(tried(text) or []) == expected
