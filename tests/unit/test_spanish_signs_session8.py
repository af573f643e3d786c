"""Spanish red flags: classes of wording found on the seen sets of session 8 (a sign said with
"no consigo", a leg getting weak or obeying less, the saddle named as "la parte de entre las
piernas", "si" typed without its accent as the patient's yes), tested with our own sentences."""
from __future__ import annotations

import pytest

from tests.vocabulary_reading import red_flags_read as read
from tests.vocabulary_reading import slots_read


# ---------------------------------------------------------------- signs said another way
@pytest.mark.parametrize("text", [
    "desde anoche no consigo orinar aunque tengo ganas",
    "ya no logro hacer pipí, me duele la panza",
    "no he conseguido hacer del baño en tres días y no siento nada",
    "me cuesta muchísimo trabajo mear, tengo que estar un buen rato",
    "no soy capaz de aguantar la orina desde el lunes",
])
def test_not_managing_to_pass_or_hold_urine_is_the_sign(text):
    present, _ = read(text)
    assert "bladder_bowel" in present


@pytest.mark.parametrize("text", [
    "el pie derecho cada vez me responde peor",
    "ya no me responden bien las piernas cuando subo al camión",
    "la pierna izquierda se me ha puesto floja desde el sábado",
    "siento que la rodilla se me está quedando sin fuerza",
    "las piernas están cada vez más débiles",
    "ya no puedo pararme de puntas con el pie izquierdo",
])
def test_a_leg_getting_weaker_or_obeying_less(text):
    present, _ = read(text)
    assert "leg_weakness" in present


@pytest.mark.parametrize("text", [
    "desde el martes traigo dormida la zona de entre las piernas",
    "siento anestesiada la parte íntima, como cuando va uno al dentista",
])
def test_the_saddle_in_other_words(text):
    present, _ = read(text)
    assert "saddle_numbness" in present


def test_a_weak_leg_after_a_cause_is_not_denied_by_what_came_before():
    present, _ = read("no subo las escaleras porque la pierna se me pone débil")
    assert "leg_weakness" in present


def test_participle_without_its_h():
    present, _ = read("e bajado de peso y no se por que, como igual que siempre")
    assert "weight_loss" in present


# ---------------------------------------------------------------- "si" as the patient's yes
@pytest.mark.parametrize("text, flag", [
    ("si, he perdido como 6 kilos sin querer", "weight_loss"),
    ("si me golpeé la espalda con una viga ayer", "trauma"),
    ("si tuve cáncer de tiroides hace tiempo", "cancer_history"),
])
def test_si_without_its_accent_before_a_past_sign_is_yes(text, flag):
    present, _ = read(text)
    assert flag in present


def test_si_as_if_before_a_present_sign_stays_a_question():
    present, unsure = read("si me caigo otra vez, ¿tengo que ir a urgencias?")
    assert "trauma" not in present and "trauma" in unsure


# ---------------------------------------------------------------- asked, never dropped
@pytest.mark.parametrize("text, flag", [
    ("tengo unas molestias en mis partes pero me da vergüenza contarle", "bladder_bowel"),
    ("tengo unas molestias en mis partes pero me da vergüenza contarle", "saddle_numbness"),
    ("me sacaron un quiste del brazo y no me acuerdo si era maligno", "cancer_history"),
    ("ando muy cansado, no sé si eso cuenta como lo de las piernas", "leg_weakness"),
    ("mis hijos dicen que me ven más delgada", "weight_loss"),
])
def test_a_vague_or_unsure_mention_is_confirmed(text, flag):
    present, unsure = read(text)
    assert flag in present | unsure


# ---------------------------------------------------------------- no false alarms
@pytest.mark.parametrize("text, flag", [
    ("el doctor dice que tengo que bajar de peso por la espalda", "weight_loss"),
    ("estoy intentando perder peso para que no me duela tanto", "weight_loss"),
    ("no puedo caminar mucho porque me duele la cintura", "leg_weakness"),
    ("me hicieron una biopsia de la piel y salió benigna", "cancer_history"),
    ("de peso sigo igual, ni subo ni bajo", "weight_loss"),
    ("la entrepierna la siento normal", "saddle_numbness"),
    ("tuve calentura con la gripa la semana pasada pero ya está", "fever"),
])
def test_no_flag_where_the_patient_has_none(text, flag):
    present, unsure = read(text)
    assert flag not in present | unsure


# ---------------------------------------------------------------- places
def place(text):
    return slots_read(text).get("pain_location")


@pytest.mark.parametrize("text, where", [
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
def test_regional_and_qualified_names_of_the_back(text, where):
    assert place(text) == where


@pytest.mark.parametrize("text", [
    "se me escapa la orina sin darme cuenta y el dolor de cintura sigue igual",
    "tengo fiebre que no me baja con nada y el dolor de cintura",
])
def test_what_goes_with_a_sign_does_not_deny_the_place_after_it(text):
    assert place(text) == "lower_back"


# ---------------------------------------------------------------- treatments
def tried(text):
    return slots_read(text).get("treatments_tried")


@pytest.mark.parametrize("text, want", [
    ("me pusieron un shot de esteroide en la columna", {"injection"}),
    ("la medicina que me dio el doctor no me hizo nada", {"prescription_medication"}),
    ("me unté alcohol de marihuana en la cintura", {"otc_medication"}),
    ("compré novalgin en la farmacia", {"otc_medication"}),
    ("me pongo ice en la noche", {"heat_ice"}),
])
def test_treatments_as_spoken(text, want):
    assert set(tried(text) or []) == want


@pytest.mark.parametrize("text", [
    "mi papá cada vez camina peor por la espalda",
    "me pusieron una inyección de vitaminas por el cansancio",
])
def test_no_treatment_where_none_was_tried_for_the_pain(text):
    assert not tried(text)


def test_pain_no_remedy_takes_away_is_tried_unnamed_not_nothing():
    assert tried("el dolor no se me quita con nada") is None


# ---------------------------------------------------------------- whose time
@pytest.mark.parametrize("text, weeks", [
    ("tengo diabetes desde hace 12 años, pero la cintura me duele desde hace dos semanas", 2.0),
    ("tuve problemas de la rodilla desde hace ocho años, lo de la espalda empezó hace un mes", 4.35),
])
def test_another_illness_or_body_parts_time_is_not_the_pains(text, weeks):
    got = slots_read(text).get("pain_duration_weeks")
    assert got is not None and abs(got - weeks) <= 0.25 * weeks
