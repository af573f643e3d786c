"""Where it hurts: regions named, misspelt, corrected or regional, and what is no place of pain.

English and Spanish names of the back and neck (regional words, "me" for "my", clothing lines),
the worse or corrected-to place, a carer's "his back", a back named only as a procedure's site;
and no place where none is of pain (the back of the head, "call me back"). Sentences written for
these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import place, slots, slots_and_asked
from tests.vocabulary_reading import slots_read, vocab_place


def test_just_above_the_bottom_is_the_low_back():
    assert slots_read("low down, just above my bottom").get("pain_location") == "lower_back"


def test_a_back_injury_named_alone_keeps_its_place():
    assert place("I fell and landed on my back last week") == "lower_back"


@pytest.mark.parametrize("text", [
    "me pusieron una infiltración en la espalda y me ayudó un mes",
    "una epidural en la columna el año pasado, me sirvió poco",
])
def test_a_back_named_only_as_where_a_procedure_went_is_no_place_of_pain(text):
    slots = slots_and_asked(text)[0]
    assert "pain_location" not in slots and slots["treatments_tried"] == ["injection"]


@pytest.mark.parametrize("text", [
    "me infiltraron en la espalda baja hace un año",  # a named part stays
    "me operaron de la espalda hace dos años",  # what was operated on
    "had an injection in my back last spring, it helped a little",  # English: the place of pain
])
def test_a_place_of_a_procedure_that_stays(text):
    assert slots_and_asked(text)[0]["pain_location"] == "lower_back"


@pytest.mark.parametrize("text,place", [
    ("my mid back is really aching", "upper_back"),
    ("the spine hurts, right in the middle", "upper_back"),
    ("it's my back, mostly the middle part", "upper_back"),
    ("an ache in the lower part of my spine", "lower_back"),
    ("the neck and the upper back, but the neck is much worse", "neck"),
    ("low back and neck, neck worse", "neck"),
    ("I wrote lower back but it's actually more my neck", "neck"),
    ("pins and needles in my hand, the physio says it comes from my neck", "neck"),
    ("just under my neck, upper back really", "upper_back"),
    ("pain in my neck and low back but mostly asking about my lower back", "lower_back"),
    ("my lower back and my neck", "lower_back"),  # otherwise the first named
    ("pain at the back of my head", None),
    ("a sore scar on my back", None),
    ("my back end is sore from sitting", None),
    ("siatica all down my left leg", "lower_back"),
    ("my nek is stiff as a board", "neck"),
    ("it hurts in the middle part of my back", "upper_back"),
    ("it's right along my bra line", "upper_back"),
    ("a band of pain across the belt line", "lower_back"),
    ("fell off my bike and landed on my back, it's my neck that hurts", "neck"),
    ("I had physio for my neck years ago but for this lower back pain nothing", "lower_back"),
    ("my neck, sorry, my mistake, it's my lower back", "lower_back"),
    ("en el cuello, perdón, quise decir la parte baja de la espalda", "lower_back"),
    ("la espalda baja, no no, es entre los omóplatos", "upper_back"),
    ("me duele la espalda donde va el sostén desde hace un mes", "upper_back"),
    ("es en la parte baja, del lado derecho", "lower_back"),
    ("abajo a la derecha, cuando me agacho", "lower_back"),
])
def test_places_as_read(text, place):
    assert slots(text).get("pain_location") == place


def test_the_spine_only_named_as_a_procedures_site_sets_no_place():
    assert "pain_location" not in slots("they gave me two injections in my spine in 2023")


@pytest.mark.parametrize("text", [
    "I woke up in the middle of the night with my back hurting",
    "I'm middle aged and my back hurts",
])
def test_a_middle_that_is_no_region_leaves_the_bare_back(text):
    assert slots(text).get("pain_location") == "lower_back"


def test_a_named_region_treated_is_still_the_pain_place():
    assert slots("a cortisone shot in my lower back, helped a bit")["pain_location"] == "lower_back"


@pytest.mark.parametrize("text,place", [
    ("I hurt me back lifting the telly", "lower_back"),
    ("me lower back's been playing up", "lower_back"),
    ("a dull ache around my kidneys, on the left", "lower_back"),
    ("back's stuffed since the weekend", "lower_back"),
    ("sciatcia down the right leg", "lower_back"),
    ("my neck started hurting, hmm, last week? no actually the week before", "neck"),
    ("typing for my dad: the middle of his back has hurt for weeks", "upper_back"),
    ("my wife says the top of her back is the worst", "upper_back"),
    ("his pain is at the base of his spine", "lower_back"),
    ("me duele la espalda, entre las paletillas", "upper_back"),
    ("dolor de espalda entre los omóplatos hace días", "upper_back"),
    ("me duelen las pompis y me baja a la pierna", "lower_back"),
    ("me duele el cueyo", "neck"),
    ("en la espalda alta... no, perdón, en la espalda baja", "lower_back"),
    ("me duelen los riñones i me arde la piel", "lower_back"),
    ("en la espalda, no sé decirle bien dónde, como por todo lado", "other"),
    ("me duele la colita cuando me siento", "lower_back"),
    ("me duele la cerviz", "neck"),
    ("me duele la espaldilla derecha", "upper_back"),
    ("me duelen los riñones, como en la cintura", "lower_back"),
    ("me duele el espinazo", "lower_back"),
    ("me duele la rabadilla", "lower_back"),
    ("me duele la nuca", "neck"),
    ("tengo una piedra en el riñón y me duele", None),
    ("me duele la cadera", None),
    ("me duele harto el lomo desde que cargué unos bultos", "lower_back"),
    ("tengo dolor en el espinazo, bien abajo, casi llegando a las nalgas", "lower_back"),
    ("me duele la parte baja del espinazo cuando me agacho", "lower_back"),
    ("tengo dolor de espalda media desde hace un mes", "upper_back"),
    ("me duele mucho la espalda a la altura de los omóplatos", "upper_back"),
    ("es en la espalda, por en medio, donde no alcanzo con la mano", "upper_back"),
    ("me duele todo el lomo, de la nuca a la cintura", "other"),
    ("primero me dolía la cintura y ahora lo que me duele es el cuello", "neck"),
    ("me duele el cogote cuando volteo", "neck"),
])
def test_places_the_vocabulary_reads(text, place):
    assert slots_read(text).get("pain_location") == place


@pytest.mark.parametrize("text", [
    "a pounding pain at the back of my head every evening",
    "headaches, the back of it mostly. my neck feels fine",
    "can you call me back tomorrow",
])
def test_no_place_of_pain(text):
    assert slots_read(text).get("pain_location") is None


@pytest.mark.parametrize("text", [
    "se me escapa la orina sin darme cuenta y el dolor de cintura sigue igual",
    "tengo fiebre que no me baja con nada y el dolor de cintura",
])
def test_what_goes_with_a_sign_does_not_deny_the_place_after_it(text):
    assert vocab_place(text) == "lower_back"


def test_english_spine_does_not_take_over_the_lower_back():
    assert slots_read("lower back pain for months, also a lump near my spine").get(
        "pain_location") == "lower_back"
