"""Treatments read in session 12, by kind: regional over-the-counter brands and remedies
(Philippine Biogesic and Alaxan, hilot massage, Spain's Atamel, a marijuana ointment), a
relative who is the patient in Filipino English ("my nanay"), Spanglish ("me dieron muscle
relaxers"), a physio's exercises as physiotherapy, a shot at the pharmacy as an injection
only; and what is no treatment tried for this pain: an epidural in childbirth, a treatment
asked advice about, one that starts later, a back that "is shot", a muscle pull ("un
tirón"). Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.vocabulary_reading import slots_read


def treatments(text):
    return set(slots_read(text).get("treatments_tried") or [])


@pytest.mark.parametrize("text,expected", [
    ("took two Biogesic last night, still sore po", {"otc_medication"}),
    ("my lower back hurts, Alaxan helps a little", {"otc_medication"}),
    ("went for hilot twice this week for my lower back", {"massage"}),
    ("Medicol and a hot compress", {"otc_medication", "heat_ice"}),
    ("my nanay has neck pain for a month, she takes Biogesic", {"otc_medication"}),
    ("naproxen from the doctor and my physio's exercises every morning",
     {"prescription_medication", "physical_therapy"}),
    ("doing the exercises my physio gave me", {"physical_therapy"}),
    # Spanish and Spanglish
    ("me tomo un Atamel cuando me duele mucho la espalda", {"otc_medication"}),
    ("me unto ungüento de marihuana en la cintura", {"otc_medication"}),
    ("en urgencias me dieron muscle relaxers y ya", {"prescription_medication"}),
    ("en la farmacia me pusieron una inyección de antiinflamatorio", {"injection"}),
    ("me inyectaron un antiinflamatorio en la farmacia", {"prescription_medication"}),
    ("En la farmacia me pusieron una inyección de ketorolaco", {"injection"}),
])
def test_treatments_as_said(text, expected):
    assert treatments(text) == expected


@pytest.mark.parametrize("text", [
    "the epidural when my daughter was born is the only one I've had, nothing for my back",
    "had an epidural for my c-section years ago, the neck pain is new",
    "Please advise about physiotherapy for my lower back",
    "my back is shot after moving house, two weeks now",
    "me pusieron la epidural cuando tuve a mi hija, para la espalda nada",
    "me dio un tirón en la espalda al cargar la caja",
])
def test_no_treatment_tried(text):
    assert not treatments(text)


def test_a_treatment_that_starts_later_is_not_yet_tried():
    assert treatments("ibuprofen helps a bit, and physio starts next week") == {"otc_medication"}
