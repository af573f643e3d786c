"""Spanish messages as the NLU component reads them (the extractor, not the vocabulary alone):
where the pain goes and the spine injections already had, injuries long ago against recent
ones, a relative who writes for the patient against someone else's history, and nothing tried
against nothing helping. Sentences written here, not taken from the blind sets."""
from __future__ import annotations

import pytest

from bot.slots import clinical_updates
from tests.unit.reading import entities, read


def of(text, name):
    return [e for e in entities(text) if e["entity"] == name]


def flags(text):
    """(raised at once, confirmed with the patient first) for a first message."""
    reading = read(text)
    return reading.raised, reading.asked


# ---------------------------------------------------------------- where the pain goes
@pytest.mark.parametrize("text,pattern", [
    ("me baja por la pierna derecha", "radiating_leg"),
    ("el dolor se me va hasta el tobillo", "radiating_leg"),
    ("se me corre al brazo izquierdo", "radiating_arm"),
    ("siento hormigueo en la mano cuando muevo el cuello", "radiating_arm"),
    ("no se me va a ningún lado, se queda en la cintura", "axial"),
    ("no me baja a la pierna", "axial"),
])
def test_where_spanish_pain_goes_is_read(text, pattern):
    assert [e["value"] for e in of(text, "pain_pattern")] == [pattern]


# ---------------------------------------------------------------- injections had
def test_an_epidural_that_helped_for_three_months():
    [had] = of("la epidural me ayudó unos tres meses", "prior_injection")
    [relief] = of("la epidural me ayudó unos tres meses", "injection_relief")
    assert had["value"] == "epidural"
    assert (relief["value"], relief["kind"], relief["weeks"]) == ("good", "epidural", 13.0)


def test_facet_blocks_that_did_nothing():
    text = "me pusieron dos bloqueos de faceta y no me hicieron nada"
    assert [e["value"] for e in of(text, "prior_injection")] == ["facet"]
    assert [e["value"] for e in of(text, "injection_relief")] == ["none"]


@pytest.mark.parametrize("text", ["nunca me han puesto una epidural",
                                  "¿qué es un bloqueo de rama medial?",
                                  "me pusieron una inyección para el dolor en la nalga"])
def test_injections_not_had_or_not_in_the_spine_are_not_counted(text):
    assert not of(text, "prior_injection")


def test_the_pains_own_duration_survives_an_injections_time():
    found = entities("me duele la cintura desde hace 8 meses y me pusieron una epidural hace 2 meses")
    assert clinical_updates({}, found)["duration_category"] == "chronic"
    assert [e["value"] for e in found if e["entity"] == "prior_injection"] == ["epidural"]


# ---------------------------------------------------------------- injuries long ago
@pytest.mark.parametrize("text", [
    "hace 10 años me caí de una escalera",
    "me caí del caballo hace como veinte años y desde entonces me duele",
    "tuve un choque hace 3 años, la espalda me duele desde hace un mes",
    "hace año y medio me atropelló una moto",
])
def test_an_injury_years_ago_is_no_recent_trauma(text):
    assert "trauma" not in flags(text)[0] | flags(text)[1]


@pytest.mark.parametrize("text", ["me caí el martes", "me caí hace dos semanas en el trabajo",
                                  "hace 3 días me resbalé en la cocina",
                                  "hace 10 días tuve un accidente de carro"])
def test_a_recent_injury_still_counts(text):
    assert "trauma" in flags(text)[0]


def test_another_sign_years_ago_is_asked_about_not_raised():
    assert flags("hace 5 años tuve fiebre muy alta") == (set(), {"fever"})


def test_a_cancer_years_ago_is_still_a_cancer_history():
    assert "cancer_history" in flags("hace 12 años me quitaron un tumor maligno del seno")[0] | \
        flags("hace 12 años tuve cáncer de seno")[0]


# ---------------------------------------------------------------- who the sign belongs to
@pytest.mark.parametrize("text,flag", [
    ("soy su hija, mi papá no puede levantar el pie", "leg_weakness"),
    ("le escribo por mi mamá: se le sale la orina desde ayer", "bladder_bowel"),
    ("escribo de parte de mi abuelo, se le duerme la entrepierna", "saddle_numbness"),
    ("mi suegra es la paciente, tiene fiebre desde el domingo", "fever"),
])
def test_a_relative_writing_for_the_patient_tells_the_patients_signs(text, flag):
    assert flag in flags(text)[0]


@pytest.mark.parametrize("text", ["mi mamá tuvo cáncer", "mi hermano tiene cáncer de colon",
                                  "escribo por mi papá, su hermana murió de cáncer"])
def test_someone_elses_history_is_not_the_patients(text):
    raised, asked = flags(text)
    assert "cancer_history" not in raised | asked


def test_a_relatives_emergency_sign_is_asked_about_never_dropped():
    # the writer may be typing for him without having said so
    assert flags("mi papá ya no puede levantar el pie") == (set(), {"leg_weakness"})


def test_a_relatives_sign_the_patient_denies_is_nothing():
    assert flags("a mi esposo se le duermen las nalgas, a mí no") == (set(), set())


# ---------------------------------------------------------------- nothing tried, nothing helps
@pytest.mark.parametrize("text", ["nada me ha funcionado", "nada me alivia", "nada me ha quitado el dolor"])
def test_nothing_helping_is_not_nothing_tried(text):
    assert not of(text, "treatment_none")


@pytest.mark.parametrize("text", ["nada, no he usado nada", "todavía no he tomado nada"])
def test_nothing_tried_is_an_answer(text):
    assert read(text).slots.get("treatments_tried") == []


# ---------------------------------------------------------------- "bien" inside a sign
# Found writing the SMS conversation: "bien" (well) after a sign's own "no" read as "fine".
@pytest.mark.parametrize("text,flag", [
    ("ya no puedo mover bien las piernas desde ayer", "leg_weakness"),
    ("no puede mover la pierna izquierda", "leg_weakness"),
    ("las piernas se me doblan cuando bajo escaleras", "leg_weakness"),
    ("no aguanto bien el pipí", "bladder_bowel"),
    ("no controla bien la orina desde el lunes", "bladder_bowel"),
])
def test_well_inside_a_signs_own_words_is_no_denial(text, flag):
    assert flag in flags(text)[0]


@pytest.mark.parametrize("text", ["no, las piernas las muevo bien", "las piernas están bien",
                                  "puedo mover las piernas sin problema"])
def test_legs_that_are_fine_are_no_sign(text):
    assert flags(text) == (set(), set())


@pytest.mark.parametrize("text", ["llevo unos días así, no más", "me duele un poco desde hace unos días"])
def test_a_relief_word_about_no_injection_leaves_the_pains_duration(text):
    assert read(text).slots.get("duration_category") == "acute"


# ---------------------------------------------------------------- a leg said with "la tiene"
@pytest.mark.parametrize("text", [
    "escribo por mi suegro: la pierna derecha la tiene cada vez más floja y se tropieza",
    "la pierna izquierda la tengo muy floja desde ayer",
])
def test_a_leg_getting_weak_said_with_la_tiene_is_leg_weakness(text):
    raised, _ = flags(text)
    assert "leg_weakness" in raised
