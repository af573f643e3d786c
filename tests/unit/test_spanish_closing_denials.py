"""Spanish denials said after the sign, last in their clause ("cáncer tampoco.", "fiebre nunca",
"cáncer gracias a Dios no"), and the same words inside a sign's own wording ("la pierna tampoco
me responde"), which stay the sign. Our own sentences."""
from __future__ import annotations

import pytest

from tests.vocabulary_reading import red_flags_read as read


@pytest.mark.parametrize("text, flag", [
    ("Orino normal, las piernas bien. Cáncer tampoco.", "cancer_history"),
    ("fiebre tampoco, ni escalofríos", "fever"),
    ("del baño bien y cáncer nunca", "cancer_history"),
    ("no me he caído, y cáncer gracias a Dios no", "cancer_history"),
    ("calentura jamás, nada de eso", "fever"),
])
def test_a_denial_said_last_in_its_clause_denies_the_sign_before_it(text, flag):
    present, unsure = read(text)
    assert flag not in present and flag not in unsure


@pytest.mark.parametrize("text", [
    "la pierna derecha tampoco me responde bien, cada día peor",
    "me hago pipí sin sentir y las piernas tampoco me responden",
])
def test_tampoco_inside_the_signs_own_words_is_still_the_sign(text):
    present, _ = read(text)
    assert "leg_weakness" in present


def test_fever_that_never_goes_away_is_a_fever():
    present, _ = read("la fiebre nunca se me quita del todo, sudo en las noches")
    assert "fever" in present
