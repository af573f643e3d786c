"""Spanish red flags in the patient's words: bladder and bowel, a weak leg, the saddle, falls.

Everyday Spanish for leaking and not feeling the toilet, a leg that gets weak or "ya no" obeys,
the saddle as "la parte de entre las piernas", a broken bone or a fall as patients tell it,
typing slips ("boy" for "voy", a participle without its h), "si" without its accent as the
patient's yes; and what is no sign (wind, wet in the rain, idioms of breaking). Read by the
vocabulary alone (tests/vocabulary_reading.py). Sentences written for these tests, none from a
blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import read
from tests.vocabulary_reading import red_flags_read


@pytest.mark.parametrize("text", [
    "desde anoche no consigo orinar aunque tengo ganas",
    "ya no logro hacer pipí, me duele la panza",
    "no he conseguido hacer del baño en tres días y no siento nada",
    "me cuesta muchísimo trabajo mear, tengo que estar un buen rato",
    "no soy capaz de aguantar la orina desde el lunes",
    "ya no controlo la caca, desde el lunes",
    "no controlo el pis desde ayer en la noche",
    "se me salen los gases sin darme cuenta y eso nunca me pasaba",
    "no siento nada cuando hago del baño",
    "no siento cuando evacuo desde que empezó esto",
    "cada vez me cuesta más orinar, tengo que esperar un rato",
    "no me puedo ni levantar del sillón y se me sale la orina",
    "desde el domingo no siento cuando necesito orinar",
    "me mojé encima anoche y ni cuenta me di",
])
def test_bladder_and_bowel_in_everyday_words(text):
    present, _ = red_flags_read(text)
    assert "bladder_bowel" in present


@pytest.mark.parametrize("text", [
    "el pie derecho cada vez me responde peor",
    "ya no me responden bien las piernas cuando subo al camión",
    "la pierna izquierda se me ha puesto floja desde el sábado",
    "siento que la rodilla se me está quedando sin fuerza",
    "las piernas están cada vez más débiles",
    "ya no puedo pararme de puntas con el pie izquierdo",
    "siento la pierna derecha floja desde el domingo",
    "la pierna izquierda sin fuerza, ya casi no subo escalones",
    "el pie ya no me responde como antes y cada semana es peor",
    "la rodilla ya no me sostiene, ya no puedo ni ir a la tienda",
    "la pierna der ya no la puedo mover desde el lunes",
    "el pie izquierdo ya no se me levanta al caminar",
    "la pierna izquierda cada semana la noto más débil",
])
def test_a_weak_leg_in_everyday_words(text):
    present, _ = red_flags_read(text)
    assert "leg_weakness" in present


@pytest.mark.parametrize("text", [
    "desde el martes traigo dormida la zona de entre las piernas",
    "siento anestesiada la parte íntima, como cuando va uno al dentista",
])
def test_the_saddle_in_other_words(text):
    present, _ = red_flags_read(text)
    assert "saddle_numbness" in present


def test_participle_without_its_h():
    present, _ = red_flags_read("e bajado de peso y no se por que, como igual que siempre")
    assert "weight_loss" in present


@pytest.mark.parametrize("text, flag", [
    ("si, he perdido como 6 kilos sin querer", "weight_loss"),
    ("si me golpeé la espalda con una viga ayer", "trauma"),
    ("si tuve cáncer de tiroides hace tiempo", "cancer_history"),
])
def test_si_without_its_accent_before_a_past_sign_is_yes(text, flag):
    present, _ = red_flags_read(text)
    assert flag in present


def test_si_as_if_before_a_present_sign_stays_a_question():
    present, unsure = red_flags_read("si me caigo otra vez, ¿tengo que ir a urgencias?")
    assert "trauma" not in present and "trauma" in unsure


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
    present, unsure = red_flags_read(text)
    assert flag not in present | unsure


def test_voy_typed_with_a_b_is_read():
    present, _ = red_flags_read("ya no siento cuando boy a hacer pipí")
    assert "bladder_bowel" in present


@pytest.mark.parametrize("text", [
    "se me salen los gases muy seguido, será la comida",
    "no siento dolor cuando orino",
    "no me duele cuando hago pipí",
    "se me salen las lágrimas sin querer cuando me duele",
])
def test_wind_or_a_painless_toilet_is_no_sign(text):
    present, asked = red_flags_read(text)
    assert "bladder_bowel" not in present | asked


def test_a_leg_the_pain_stops_lifting_is_no_weak_leg():
    present, _ = red_flags_read("la pierna no la puedo levantar mucho por el dolor")
    assert "leg_weakness" not in present


def test_wet_in_the_rain_is_no_sign():
    present, asked = red_flags_read("me mojé con la lluvia y ahora me duele la espalda")
    assert "bladder_bowel" not in present | asked


@pytest.mark.parametrize("text", [
    "me quebré una costilla la semana pasada",
    "se me fisuró el coxis cuando resbalé",
    "me di un sentón en la banqueta el martes",
    "me fui de espaldas en la regadera antier",
    "me lastimé la cadera al caerme del banco",
])
def test_a_broken_bone_or_a_fall_as_patients_tell_it(text):
    present, _ = red_flags_read(text)
    assert "trauma" in present


@pytest.mark.parametrize("text", [
    "me rompo la espalda trabajando de sol a sol",
    "me fui de viaje el mes pasado y ahí empezó",
    "tengo miedo de caerme en la calle",
])
def test_no_injury_in_idioms_or_a_fear(text):
    present, _ = red_flags_read(text)
    assert "trauma" not in present


@pytest.mark.parametrize("text, flag", [
    ("cuando me limpio después de hacer pipí no noto nada, me da miedo", "saddle_numbness"),
    ("no noto el papel cuando me limpio y me duele la cintura", "saddle_numbness"),
    ("al limpiarme casi no siento nada", "saddle_numbness"),
    ("escribo por mi abuelo, él tuvo cáncer de próstata y ahora le duele la espalda", "cancer_history"),
    ("pregunto por mi papá, se resbaló en la cocina y le duele la espalda baja", "trauma"),
    ("siento las piernas sin fuersa desde ayer", "leg_weakness"),
    ("la pierna izquierda la tengo mas devil", "leg_weakness"),
    ("calentura no tengo, pero sí se me sale la orina sin darme cuenta", "bladder_bowel"),
])
def test_signs_said_in_these_words_count(text, flag):
    present, asked = red_flags_read(text)
    assert flag in present | asked


def test_an_accented_si_is_a_yes_not_an_if():
    present, _ = red_flags_read("fiebre no, pero sí se me escapa el pipí")
    assert "bladder_bowel" in present


@pytest.mark.parametrize("text, flag", [
    ("calentura no tengo, pero sí me duele mucho la espalda", "fever"),
    ("la doctora me hizo estudios y descartó un tumor, es una hernia", "cancer_history"),
    ("de niña me caí de la bici pero nada que ver, esto empezó solo", "trauma"),
    ("escribo por mi mamá. su vecino se cayó de la escalera y ella se asustó", "trauma"),
    ("a mi comadre le dio cáncer y yo estoy preocupada, me duele la espalda", "cancer_history"),
])
def test_denied_ruled_out_past_or_someone_elses(text, flag):
    present, _ = red_flags_read(text)
    assert flag not in present


@pytest.mark.parametrize("text,flag", [
    # "sin poder" is "no puede": the sign, not its denial
    ("llevo tres días sin poder aguantar la orina", "bladder_bowel"),
    ("estoy desde ayer sin poder controlar el pipí", "bladder_bowel"),
    ("no puedo detener la orina desde el domingo", "bladder_bowel"),
    # "muy" or "bien" before the weakness, the side abbreviated
    ("tengo la pierna der bien débil desde hace días", "leg_weakness"),
    ("la pierna izquierda muy débil, cada día peor", "leg_weakness"),
    # a cancer the patient got over is still a cancer history
    ("me operaron de un cáncer de mama hace años y quedé bien", "cancer_history"),
])
def test_a_spanish_sign_in_these_words_is_raised(text, flag):
    assert flag in read(text).raised


def test_a_relative_who_says_the_patient_lost_weight_is_asked_about():
    reading = read("mi marido dise q e bajado mucho de peso sin hacer nada")
    assert "weight_loss" in reading.raised | reading.asked


@pytest.mark.parametrize("text", [
    "me caí hace años y quedé bien",                   # an old fall, over
    "mi hija dice que no he bajado nada de peso",      # weight said not lost
    "no tengo la pierna muy débil, solo me duele",
])
def test_a_spanish_sign_over_or_denied_is_not_raised(text):
    assert not read(text).raised


@pytest.mark.parametrize("text", [
    "me duele la espalda baja y se me va por la pierna izquierda hasta el talón",
    "el dolor se me va hasta el pie, sobre todo cuando manejo",
    "es en la cintura y se me corre por la pierna derecha",
])
def test_pain_that_goes_down_the_leg_is_no_weak_leg(text):
    assert "leg_weakness" not in read(text).raised | read(text).asked


@pytest.mark.parametrize("text", [
    "he rebajado unas 20 libras y no estoy a dieta",
    "rebajé como 8 kilos en dos meses sin proponérmelo",
])
def test_rebajar_is_losing_weight(text):
    assert "weight_loss" in read(text).raised
