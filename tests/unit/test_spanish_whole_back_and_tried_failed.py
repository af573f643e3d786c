"""Spanish places and treatments as said (session 21): the whole back, the middle of it, a
relative's whole spine, "no aguanto la cintura", the shoulder blades in Spanglish; "ni el
ibuprofeno me hace" (tried, failed); "me han infiltrado"; a pain told in its own sentence beside
a question about the clinic. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.faq import ClinicQuestionMatcher
from tests.unit.reading import entities, pain_weeks, place, tried


@pytest.mark.parametrize("text", [
    "me duele toda la espalda, no sé decirle dónde exactamente",  # Mexico
    "che, me duele toda la espalda desde hace dos semanas",  # Río de la Plata
])
def test_the_whole_back_is_no_one_region(text):
    assert place(text) == "other"


@pytest.mark.parametrize("text, expected", [
    ("me duele toda la espalda baja desde el lunes", "lower_back"),
    ("toda la espalda alta, de hombro a hombro", "upper_back"),
])
def test_a_region_named_after_the_whole_back_wins(text, expected):
    assert place(text) == expected


@pytest.mark.parametrize("text", [
    "me duele la espalda a media altura desde hace un mes",  # Spain
    "mi mamá tiene un dolor en la espalda en la mitad, como a la altura del pecho",  # Andes
    "tengo pain entre los shoulder blades desde hace 3 semanas",  # Spanglish
])
def test_the_middle_of_the_back_is_the_upper_back(text):
    assert place(text) == "upper_back"


@pytest.mark.parametrize("text", [
    "mi tía dice que le duele todo el lomo, de arriba hasta abajo, ya va para un año",  # Central America
    "escribo por mi abuelo, le duele todito el espinazo de arriba abajo",  # Caribbean
])
def test_a_relatives_whole_spine_told_by_the_writer_is_the_patients_place(text):
    assert place(text) == "other"


@pytest.mark.parametrize("text, expected", [
    ("no aguanto la cintura desde el sábado", "lower_back"),
    ("ya no aguanto el cuello, mano", "neck"),
])
def test_a_place_one_cannot_bear_is_the_pains(text, expected):
    assert place(text) == expected


def test_a_place_denied_is_still_no_place():
    assert place("no me duele la espalda, es la rodilla") is None


@pytest.mark.parametrize("text, expected", [
    ("ni el paracetamol me hace efecto, llevo una semana con la cintura fatal", {"otc_medication"}),
    ("ya ni la pregabalina me quita este dolor de cuello", {"prescription_medication"}),
    ("ni siquiera el naproxeno me sirve pa la espalda", {"otc_medication"}),
])
def test_a_treatment_that_does_nothing_was_tried(text, expected):
    assert tried(text) == expected


def test_a_treatment_named_in_a_denial_is_still_not_tried():
    assert tried("no he tomado nada, ni el ibuprofeno") == set()


@pytest.mark.parametrize("text", [
    "me han infiltrado tres veces la zona lumbar",
    "el traumatólogo me infiltró la cintura y nada",
])
def test_an_infiltration_told_with_the_verb_is_an_injection(text):
    assert "injection" in tried(text)


def _asked(text: str) -> Message:
    message = Message(data={TEXT: text, INTENT: {"name": "inform", "confidence": 0.9},
                            ENTITIES: entities(text)})
    return ClinicQuestionMatcher().process([message])[0]


@pytest.mark.parametrize("text", [
    "¿aceptan seguro? me duele mucho la espalda",
    "¿cuánto sale la consulta? tengo dolor de espalda",
])
def test_a_pain_told_beside_a_clinic_question_keeps_its_place(text):
    message = _asked(text)
    assert message.get(INTENT)["name"] == "ask_clinic"
    assert [e["value"] for e in message.get(ENTITIES) if e["entity"] == "pain_location"] == ["lower_back"]


def test_a_back_named_in_passing_beside_a_clinic_question_is_still_no_place():
    message = _asked("Can the first visit be by video? Driving that far is half the problem with my back lol")
    assert message.get(INTENT)["name"] == "ask_clinic"
    assert not [e for e in message.get(ENTITIES) if e["entity"] == "pain_location"]


@pytest.mark.parametrize("text, years", [
    ("me empezó cuando quedé embarazada de la niña, y ella ya tiene 3 años", 3),  # Caribbean
    ("el dolor me viene de cuando estaba embarazada de mi segundo, que ya tiene 4 años", 4),  # Andes
])
def test_a_pain_from_a_pregnancy_is_at_least_the_childs_age(text, years):
    assert pain_weeks(text) == pytest.approx(years * 52.14, rel=0.05)


def test_a_pregnancy_now_is_still_no_length_of_the_pain():
    assert pain_weeks("estoy embarazada de 5 meses y me duele la espalda desde hace dos semanas") == pytest.approx(2.0)


def test_rest_one_was_told_to_take_but_cannot_is_not_tried():
    assert "rest" not in tried("el doctor me dijo que descansara, pero no puedo faltar al trabajo")


@pytest.mark.parametrize("text, kept", [
    ("tomo ibuprofeno porque no puedo parar de trabajar", "otc_medication"),
    ("descansé dos días y luego ya no pude descansar más", "rest"),
])
def test_not_being_able_to_stop_work_denies_only_rest_not_yet_taken(text, kept):
    assert kept in tried(text)


@pytest.mark.parametrize("text, expected", [
    ("compresas calientes y un tecito de árnica que me hace mi suegra", {"heat_ice"}),  # Central America
    ("me unto pomada de árnica en la cintura", {"otc_medication"}),
])
def test_an_arnica_tea_is_a_home_remedy_and_its_ointment_a_medicine(text, expected):
    assert tried(text) == expected
