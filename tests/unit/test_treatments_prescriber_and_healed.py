"""A medicine a prescriber gave with words between is prescribed; a treatment of a past episode
the patient recovered from is no treatment of the pain now, unless the pain came back. Both
languages; sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import tried


@pytest.mark.parametrize("text", [
    "the doctor at the clinic gives me the pink tablets for it",
    "went to see the doctor on friday, he give me some tablets, cant remember the name",
    "el médico me mandó unas pastillas",
    "la doctora del seguro me dio unas pastillas blancas",
])
def test_a_medicine_a_doctor_gave_with_words_between_is_prescribed(text):
    assert tried(text) == {"prescription_medication"}


@pytest.mark.parametrize("text, expected", [
    ("the doctor gave me a sick note so i bought some ibuprofen", {"otc_medication"}),
    ("my wife gave me some paracetamol", {"otc_medication"}),
    ("el médico me mandó reposo y yo compré ibuprofeno", {"rest", "otc_medication"}),
])
def test_the_patients_own_medicine_stays_over_the_counter(text, expected):
    assert tried(text) == expected


@pytest.mark.parametrize("text", [
    "hace tres años se me durmió la pierna por un disco, me operaron y quedé bien. lo de ahora es la nuca",
    "mi papá tuvo la pierna floja hace años pero se recuperó del todo con la terapia, ahora le duele el cuello",
    "after my second baby i leaked a little when i sneezed but physio sorted it. now it's my neck",
])
def test_a_past_episodes_treatment_healed_is_no_treatment_now(text):
    assert not tried(text)


@pytest.mark.parametrize("text, expected", [
    ("hace tres años me operaron de la columna y quedé bien, pero desde enero volvió el dolor", "surgery"),
    ("i had a discectomy in 2019, physio sorted it, but the pain came back in march", "physical_therapy"),
    ("tomé ibuprofeno y quedé bien por unos días, pero me sigue doliendo la espalda", "otc_medication"),
])
def test_the_pain_come_back_or_a_relief_for_a_while_is_still_tried(text, expected):
    assert expected in tried(text)
