"""A booking asked for in words the patient uses after the options (a name alone, "plz book",
"vamos a tomar la cita", "sí, quiero ir"), and leaving said as "les vuelvo a escribir".
Sentences written for these tests, none from a blind set."""
import pytest

from bot.booking_request import asks_to_book
from bot.names_told import written_as_a_name
from bot.nlu.request_words import request_words


@pytest.mark.parametrize("text", [
    "Dolores Whitfield", "Ramiro Quintanilla Soto", "Ángela Ibáñez", "Tom O'Reilly",
    "Keisha Brown-Lopez.",
])
def test_a_full_name_alone_is_written_as_a_name(text):
    assert written_as_a_name(text, [])


@pytest.mark.parametrize("text", [
    "Buenas Tardes", "Good Evening Doctor", "Thank You", "Por Supuesto", "Lower Back",
    "dolores whitfield",  # typed in lower case: the classifier's guess stands
    "Is It Serious?", "Sam", "Call Me Back", "Hasta Luego Señorita",
])
def test_greetings_courtesies_and_single_words_are_not(text):
    entities = [{"entity": "pain_location"}] if text == "Lower Back" else []
    assert not written_as_a_name(text, entities)


def test_a_surname_read_as_a_medicine_does_not_stop_a_name():
    assert written_as_a_name("Ramiro Quintanilla Soto", [{"entity": "treatment"}])
    assert not written_as_a_name("Ramiro Quintanilla Soto", [{"entity": "red_flag"}])


@pytest.mark.parametrize("text", [
    "sure, plz book", "ok pls book", "yes plz book it", "pls book me in",
    "bueno, vamos a tomar la cita", "listo, quiero coger una cita", "dale, separar la cita entonces",
    "vale, sí, queremos ir", "bueno, quisiera pasar a verlos", "sí, me gustaría venir.",
])
def test_booking_in_the_patients_words(text):
    assert asks_to_book(text)


@pytest.mark.parametrize("text", [
    "no quiero ir a urgencias", "quiero ir al baño antes", "no, no quiero ir",
    "plz don't book anything yet", "quiero ir mejorando poco a poco",
])
def test_not_a_booking(text):
    assert not asks_to_book(text)


@pytest.mark.parametrize("text", [
    "gracias, lo platico con mi hija y les vuelvo a escribir",
    "ya le vuelvo a marcar la otra semana",
    "muy amable, que tenga buena noche",
    "gracias, que pasen buenas tardes",
    "thanks a lot, I'll check back if the pain hangs around",
    "muchas gracias, si no se me quita para el lunes les escribo",
    "ah bueno, gracias, ya me quedo más tranquilo",
])
def test_coming_back_another_time_is_leaving(text):
    assert request_words().leaving.search(text)


@pytest.mark.parametrize("text", [
    "me quedo más tranquila si me ve un especialista",
    "I'll come back to the question about my legs",
    "si no mejora, ¿qué hago?",
])
def test_not_leaving(text):
    assert not request_words().leaving.search(text)


@pytest.mark.parametrize("text, books", [
    ("ok. honestly I think I want to talk to a real doctor about it", True),
    ("I'd rather speak with one of your specialists", True),
    ("we'd like to talk to a specialist", True),
    ("do I need to talk to a doctor?", False),
    ("should I speak to a physician first?", False),
    ("I want to talk to my doctor first", False),
])
def test_wanting_to_talk_to_a_doctor_is_a_booking(text, books):
    assert asks_to_book(text) == books
