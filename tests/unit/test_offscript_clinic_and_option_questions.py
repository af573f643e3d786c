"""Clinic and option questions asked off-script: which topic answers them, and what is no question.

New clinic topics in both languages (what to bring, scan results, a companion, someone typing
for the patient), statements that are no clinic question, a message for another practice, and
questions about an option (which section, which option, what it is for). Sentences written for
these tests, none from a blind set."""
from __future__ import annotations

import re

import pytest

from bot.advice import answer_option_question
from bot.content import load_content
from bot.faq import load_faq, simple_words
from bot.option_select import aftercare_question, question_aspect
from tests.unit.turns import clinic_topics


@pytest.mark.parametrize("lang, text", [
    ("en", "Will I be OK to drive home after it, or do I need someone with me?"),
    ("es", "¿me puedo ir manejando a casa después de la inyección o tengo que ir acompañada?"),
])
def test_a_procedure_day_question_is_the_option_s_how(lang, text):
    content = load_content(lang=lang)
    assert question_aspect(content, text) == "how"
    assert aftercare_question(content, text, ["companion"], "epidural_steroid_injection")
    assert not aftercare_question(content, text, ["companion"], None)
    assert not aftercare_question(content, text, ["parking"], "epidural_steroid_injection")


@pytest.mark.parametrize("lang, words", [
    ("en", "can you just look at my mri report first".split()),
    ("en", "what does my scan mean".split()),
    ("es", "me puede decir que significa mi resonancia".split()),
])
def test_a_report_asked_to_be_read_is_the_results_topic(lang, words):
    assert load_faq(lang=lang).match(words) == ["results"]


def test_bringing_the_report_is_still_what_to_bring():
    assert "results" not in load_faq(lang="en").match("can i bring my mri report".split())


@pytest.mark.parametrize("lang, text", [
    ("en", "hello, I'm typing for my dad, he's not good with computers"),
    ("en", "This is his wife writing, he asked me to do this on his behalf"),
    ("en", "my grandma can't type so I'll answer for her"),
    ("es", "hola, le escribo de parte de mi suegra que no sabe usar el celular"),
    ("es", "soy la hija, estoy escribiendo por mi mamá"),
    ("es", "mi nieto me ayuda a escribir"),
])
def test_someone_typing_for_the_patient_is_the_proxy_topic(lang, text):
    assert load_faq(lang=lang).match(simple_words(text)) == ["proxy"]


@pytest.mark.parametrize("lang, text", [
    ("en", "can I bring my mother to the appointment?"),
    ("en", "my mother had the same back problem"),
    ("es", "me duele la parte baja de la espalda"),
])
def test_a_relative_named_without_typing_for_them_is_no_proxy(lang, text):
    assert "proxy" not in load_faq(lang=lang).match(simple_words(text))


@pytest.mark.parametrize("question,topic", [
    ("can my family come and see him, what are the visiting times?", "visiting_hours"),
    ("is there an MRI machine on site?", "mri"),
    ("could you refill my prescription?", "prescription_refill"),
    ("is this chat private?", "privacy"),
    ("how do I get my old scans sent over?", "records"),
    ("do you treat kids or only adults?", "children"),
])
def test_new_clinic_topics(question, topic):
    assert load_faq(lang="en").match(re.findall(r"[\w'-]+", question.lower()))[:1] == [topic]


@pytest.mark.parametrize("said", ["I had an MRI last year", "I had an MRI done there",
                                  "I take prescription meds", "my daughter visited me"])
def test_statements_are_no_clinic_question(said):
    assert load_faq(lang="en").match(re.findall(r"[\w'-]+", said.lower())) == []


def test_a_message_for_another_practice():
    words = re.findall(r"[\w'-]+", "hello, is this the dentist? I need to rebook".lower())
    assert load_faq(lang="en").match(words) == ["wrong_clinic"]


@pytest.mark.parametrize("text, topic", [
    ("can I walk-in or must I phone first", "walk_in"),
    ("do you take walk ins", "walk_in"),
    ("can I bring my mum along", "companion"),
    ("is my husband allowed in with me", "companion"),
    ("will I be charged if I cancel late? is there a cancellation fee", "cancel"),
    ("is an interpreter available for my father", "interpreter"),
    ("what's the surgeon's name", "doctor_name"),
    ("is there a lift at the clinic or only stairs", "accessibility"),
    ("¿atienden sin cita los sábados?", "walk_in"),
    ("¿puede entrar conmigo mi hijo?", "companion"),
    ("¿hay un traductor? no hablo inglés", "interpreter"),
    ("¿tengo que llevar mis estudios?", "what_to_bring"),
    ("¿me cubre Molina?", "insurance"),
])
def test_the_new_topics_are_found(text, topic):
    assert clinic_topics(text)[:1] == [topic]


@pytest.mark.parametrize("text", [
    "I can't walk far without my back seizing",
    "I will talk it over with my wife and come back to you",
    "some days it's there, some days it isn't",
    "I can't lift my arm above my head",
    "please cancel my request",
    "llevo tres meses con este dolor",
    "the MRI showed a disc bulge",
])
def test_ordinary_sentences_are_no_clinic_question(text):
    assert clinic_topics(text) == []


def test_a_companion_question_is_not_also_what_to_bring():
    assert clinic_topics("can I bring my wife") == ["companion"]


@pytest.mark.parametrize("text, aspect", [
    ("¿la cortisona me sube la glucosa? soy diabético", "risks"),
    ("¿cada cuánto me la pueden repetir?", "relief"),
    ("y eso komo funsiona?", "how"),
    ("¿y entonces pa qué me sirve si no me quita el dolor?", "what"),
])
def test_spanish_option_questions_find_their_section(text, aspect):
    assert question_aspect(load_content(lang="es"), text) == aspect


def test_the_option_named_wins_over_the_one_it_is_compared_with():
    es = load_content(lang="es")
    _, option = answer_option_question(es, "¿y el bloqueo de la raíz nerviosa qué es?", {})
    assert option == "nerve_root_block"
    _, option = answer_option_question(es, "ese bloqueo del nervio, ¿duele?", {})
    assert option == "nerve_root_block"


def test_an_option_named_in_english_in_a_spanish_question():
    es, en = load_content(lang="es"), load_content(lang="en")
    answer, option = answer_option_question(es, "y la facet injection, ¿cuánto dura?", {}, also=en)
    assert option == "facet_joint_injection"
    assert "facet" in answer["text"].lower()


def test_dolor_and_para_point_to_no_option():
    es = load_content(lang="es")
    text = "¿y eso para qué me sirve si el dolor sigue?"
    _, option = answer_option_question(es, text, {"last_option": "facet_joint_injection"})
    assert option == "facet_joint_injection"
    assert question_aspect(es, text) == "what"


def test_purpose_words_outnumbering_a_procedure_word_ask_what_it_is_for():
    es = load_content(lang="es")
    text = "o sea que me ponen anestesia y ya? ¿y pa' qué me sirve entonces?"
    assert question_aspect(es, text) == "what"
