"""Session 9, Spanish conversations (issues 16, 20): the dialogue-level readings behind whole
conversations that went wrong: an answer to a confirming question that speaks of not going
to the emergency department, despair that is no doubt about the sign, a booking request said
with "sí"; the classifier's "under 18" with no age said; a message mixing Spanish into
English; option questions in Spanish (section and option); an injection named in a question
about it; a name one letter from a drug's. Sentences written for these tests."""
from __future__ import annotations

import pytest

from bot.advice import answer_option_question
from bot.booking import asks_to_book
from bot.content import load_content
from bot.language import choose_language
from bot.nlu.age import says_nothing_of_age
from bot.nlu.language import detect_language
from bot.option_select import question_aspect
from bot.slots import asked_not_had, confirm_answer


@pytest.mark.parametrize("text", [
    "es que no puedo ir al hospital ahorita, estoy cuidando a mi mamá",
    "no quiero ir a urgencias, siempre tardan horas",
    "no tengo cómo llegar al hospital, vivo lejos",
    "I can't go to the ER tonight, I have nobody to watch the kids",
    "honestly I don't want to go to the hospital, can you fit me in instead?",
])
def test_not_going_to_the_emergency_department_speaks_of_the_sign_as_present(text):
    assert confirm_answer("saddle_numbness", "book_consultation", text, []) == "yes"
    assert confirm_answer("leg_weakness", "deny", text, []) == "yes"


@pytest.mark.parametrize("text", [
    "ya nada me funciona, de verdad ya no sé qué hacer",
    "no sé qué más hacer con este dolor",
    "I just don't know what to do anymore",
])
def test_despair_is_no_doubt_about_the_sign(text):
    assert confirm_answer("leg_weakness", "nothing_helped", text, []) is None


@pytest.mark.parametrize("text", ["Sí, pídame la cita, por favor.", "sí, agéndeme para la semana que viene",
                                  "sí, quiero sacar una cita"])
def test_a_yes_with_a_booking_request_is_no_answer_to_the_sign(text):
    # whatever the classifier made of it ("cambiar una cita", a yes)
    assert confirm_answer("leg_weakness", "change_booking", text, []) is None
    assert confirm_answer("leg_weakness", "affirm", text, []) is None


def test_a_plain_spanish_yes_and_no_still_answer():
    assert confirm_answer("leg_weakness", "affirm", "sí, la noto más débil", []) == "yes"
    assert confirm_answer("leg_weakness", "deny", "no, eso no", []) == "no"
    assert confirm_answer("leg_weakness", "inform", "no sé, a lo mejor un poco", []) == "yes"


@pytest.mark.parametrize("text", ["agéndeme, por favor", "ok, pídame una cita", "kiero una cita",
                                  "me gustaría sacar una consulta", "resérveme un turno"])
def test_spanish_booking_requests(text):
    assert asks_to_book(text)


@pytest.mark.parametrize("text", ["necesito cancelar mi cita", "¿puedo cambiar la cita al jueves?",
                                  "mi cita es mañana"])
def test_a_request_already_made_is_no_new_booking(text):
    assert not asks_to_book(text)


@pytest.mark.parametrize("text", ["buenas, tengo un dolor de cuello tremendo",
                                  "qué tal, traigo la espalda fatal", "hello, my back is killing me"])
def test_no_age_said(text):
    assert says_nothing_of_age(text)


@pytest.mark.parametrize("text", ["tengo catorce", "estoy en la secundaria", "I'm still at school",
                                  "soy menor", "tengo 16 años"])
def test_an_age_or_a_youth_word_is_left_to_the_classifier(text):
    assert not says_nothing_of_age(text)


def test_a_message_mixing_spanish_into_english_sets_spanish_and_keeps_it():
    first = "hola, my neck me duele mucho"
    assert choose_language(None, detect_language(first), first) == "es"
    later = "no, nothing like that at all"
    assert choose_language("es", detect_language(later), later, mixed_before=True) == "es"
    # without the mixing, a clear English message still changes it; a request always does
    assert choose_language("es", detect_language(later), later) == "en"
    assert choose_language("es", detect_language("English please"), "English please",
                           mixed_before=True) == "en"


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


def test_an_injection_named_in_a_question_about_it_is_not_one_had():
    entities = [{"entity": "prior_injection", "value": "facet"},
                {"entity": "treatment", "value": "injection"},
                {"entity": "treatment", "value": "otc_medication"}]
    kept = asked_not_had("ask_option_info", "esa inyección facetaria, ¿me duermen?", entities)
    assert kept == [{"entity": "treatment", "value": "otc_medication"}]
    assert asked_not_had("ask_option_info", "ya me pusieron una facetaria, ¿me ponen otra?",
                         entities) == entities
    assert asked_not_had("inform", "me pusieron una facetaria", entities) == entities


@pytest.mark.parametrize("text", ["estoy muy asustado, ¿me voy a quedar paralítico?",
                                  "am I going to end up paralysed?? I'm scared"])
def test_fearing_what_a_nerve_sign_will_do_speaks_of_it_as_present(text):
    assert confirm_answer("leg_weakness", "express_distress", text, []) == "yes"
    # not for a sign paralysis is no outcome of
    assert confirm_answer("fever", "express_distress", text, []) is None


def test_a_sign_left_unconfirmed_is_not_asked_a_third_time_on_a_learned_guess():
    from bot.slots import flags_to_confirm

    slots = {"red_flags_unconfirmed": ["leg_weakness"]}
    guess = [{"entity": "red_flag_unsure", "value": "leg_weakness", "reason": "learned",
              "confidence_entity": 0.42}]
    assert flags_to_confirm(slots, guess) == []
    confident = [{**guess[0], "confidence_entity": 0.9}]
    assert flags_to_confirm(slots, confident) == ["leg_weakness"]
    words = [{"entity": "red_flag_unsure", "value": "leg_weakness", "reason": "near"}]
    assert flags_to_confirm(slots, words) == ["leg_weakness"]
    assert flags_to_confirm({}, guess) == ["leg_weakness"]


def test_a_spanish_correction_of_the_booking_name():
    from bot.booking import name_correction

    assert name_correction("uy, me equivoqué en el nombre: es Maricela Ochoa, no Marisela Ochoa",
                           "Marisela Ochoa") == "Maricela Ochoa"
    assert name_correction("perdone, mi nombre se escribe Yéssica Duarte", "Yesica Duarte") == "Yéssica Duarte"
    assert name_correction("es el 555 010 2030, no el otro", "Ana Ruiz") is None


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


def test_the_new_time_in_a_change_request():
    from bot.booking import new_time_in_change

    assert new_time_in_change("mejor muévala, que trabajo temprano. Martes o jueves por la tarde.") \
        == "Martes o jueves por la tarde"
    assert new_time_in_change("can you move it to Friday morning?") == "can you move it to Friday morning"
    assert new_time_in_change("necesito cancelar, me salió algo") is None


def test_how_an_injection_went_is_never_taken_for_a_question_about_it():
    entities = [{"entity": "prior_injection", "value": "medial_branch"},
                {"entity": "injection_relief", "value": "good"}]
    assert asked_not_had("ask_option_info", "the blocks worked really well for the day", entities) == entities
    assert asked_not_had("ask_option_info", "¿los bloqueos me funcionaron bien, sirve otro?", entities) == entities


def test_no_se_at_the_screen():
    from actions.triage import _CLEAR_ANSWER

    assert not _CLEAR_ANSWER.match("no sé si cuenta, pero la pierna la noto más débil")
    assert not _CLEAR_ANSWER.match("no lo sé")
    assert _CLEAR_ANSWER.match("no, se me queda en la espalda nada más")
    assert _CLEAR_ANSWER.match("no se me baja a las piernas, nada de eso")
    assert _CLEAR_ANSWER.match("no, ninguno")
