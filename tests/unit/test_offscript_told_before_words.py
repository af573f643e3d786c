"""Session 20's off-script words, read alone: told before, explained again, not knowing how to
put it, a booking refused, a name corrected to a fuller one or another person's, a new time
asked in voseo, and an example word that is no typo of another. New sentences, none from a
blind set."""
from __future__ import annotations

import pytest

from bot.booking import new_time_in_change
from bot.booking_request import asks_to_book
from bot.faq import load_faq, simple_words
from bot.name_correction import name_correction
from bot.nlu.request_words import request_words
from bot.offscript import says_not_knowing
from bot.question_about import asks_about_the_question, told_before


@pytest.mark.parametrize("text", [
    "I already went through all of this with the receptionist",
    "why am I typing everything over again",
    "do I have to explain it a second time?",
    "ya se lo conté a la enfermera la semana pasada",
    "¿tengo que escribirlo todo de nuevo?",
    "otra vez tengo que volver a contar todo",
])
def test_told_before_is_heard_as_a_question_about_the_question(text):
    assert told_before(text) and asks_about_the_question(text)


@pytest.mark.parametrize("text", ["my lower back, it started again last week", "ya le di ibuprofeno",
                                  "the pain came back again"])
def test_pain_said_again_is_no_complaint_about_typing(text):
    assert not told_before(text)


@pytest.mark.parametrize("text", ["can you go over that again in english", "¿me lo explica otra vez?"])
def test_explained_again(text):
    assert request_words().explain_again.search(text)


@pytest.mark.parametrize("text", ["I don't rightly know, dear", "it's hard to describe really",
                                  "no sé cómo explicarlo, es raro", "es difícil de describir"])
def test_not_knowing_how_to_put_it(text):
    assert says_not_knowing(text)


@pytest.mark.parametrize("text,books", [
    ("no quiero sacar cita con un robot", False),
    ("I don't want to book with a machine, just get me a human", False),
    ("no, quiero una cita para el lunes", True),
    ("I don't want to wait any longer, book me in", True),
])
def test_a_booking_refused_in_so_many_words_is_no_request(text, books):
    assert asks_to_book(text) is books


@pytest.mark.parametrize("text,current,new", [
    ("could you write Katherine not Kate, Katherine Moss", "Kate Moss", "Katherine Moss"),
    ("perdón, me equivoqué de nombre, la consulta es para mi esposo: Raúl Andrés Pino", "Sam Taylor",
     "Raúl Andrés Pino"),
    ("sorry wrong name, it's for my dad, Peter Olsen", "Sam Taylor", "Peter Olsen"),
    # "put the name down as": what is put is the name itself (it was read as "the name down as")
    ("can you put the name down as Roberta Lane rather than Bobbie? it's on my ID", "Bobbie Lane", "Roberta Lane"),
])
def test_a_name_corrected_to_a_fuller_one_or_to_the_patients(text, current, new):
    assert name_correction(text, current) == new


@pytest.mark.parametrize("text,when", [
    ("las mañanas no me sirven, ¿me lo pasás para los jueves a la tarde?", "los jueves a la tarde"),
    ("¿lo podés mover a los lunes temprano? a la tarde trabajo", "los lunes temprano"),
])
def test_a_new_time_asked_in_voseo_is_the_time_alone(text, when):
    assert new_time_in_change(text) == when


@pytest.mark.parametrize("lang,text,topic", [
    ("es", "¿lo que escribo queda guardado en algún lado?", "privacy"),
    ("es", "¿en qué parte queda la clínica?", "location"),
    ("es", "tengo mis radiografías en casa, ¿cómo se las hago llegar?", "records"),
    ("en", "is this chat stored somewhere? could my boss see it?", "privacy"),
])
def test_clinic_questions_said_in_other_words(lang, text, topic):
    found = load_faq(lang=lang).match(simple_words(text))
    assert topic in found and "directions" not in found  # sending papers is no way to the clinic
