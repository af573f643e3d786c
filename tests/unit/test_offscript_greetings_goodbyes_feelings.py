"""Off-script greetings, goodbyes, pauses and feelings: leaving, stepping away, distress, thanks.

Leaving to decide later or for now, a blessing as a farewell, stepping away for a moment,
starting again, distress and "nothing helped" in plain words, thanks, and a greeting that tells
of no minor. Pure decisions. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.nlu.age import says_nothing_of_age
from bot.nlu.intent_rules import _LEAVING
from bot.nlu.request_words import request_words
from bot.offscript import questions_end_after_booking
from tests.unit.turns import intent_after_rules


def test_stepping_away_after_a_booking_keeps_the_question_waiting():
    booked = {"booking_reference": "R00012"}
    assert not questions_end_after_booking(booked, "action_cannot_help", "one sec, doorbell")
    assert not questions_end_after_booking(booked, None, "my lower back")  # an answer


@pytest.mark.parametrize("text", [
    "the nerve blocks did zilch, and the ones before that did nothing either",
    "honestly those pills have done nothing for me",
    "three rounds of physio, zero difference",
    "I've tried pretty much everything by now",
    "ya he probado de todo y nada me calma el dolor",
    "las inyecciones no me hicieron nada",
])
def test_nothing_helped_in_new_words_is_heard(text):
    from bot.offscript import says_nothing_helped
    assert says_nothing_helped(text)


@pytest.mark.parametrize("text", [
    "I did nothing about it yet",  # tried nothing: never "sorry nothing helped"
    "nothing special, I just rest",
    "no relief from the heat pad but the stretches are good",
])
def test_tried_nothing_or_one_thing_failing_is_not_nothing_helped(text):
    from bot.offscript import says_nothing_helped
    assert not says_nothing_helped(text)


@pytest.mark.parametrize("text", ["Thank you dear, you have been very kind. God bless.",
                                  "Muchas gracias, que Dios la bendiga",
                                  "gracias, Dios le bendiga"])
def test_a_blessing_is_a_farewell(text):
    assert request_words().leaving.search(text)


@pytest.mark.parametrize("text", ["Good afternoon, God bless you. I wanted to ask about parking",
                                  "Buenas tardes mi amor, Dios le bendiga. Yo quería saber si aceptan Medicare"])
def test_a_blessing_that_opens_the_message_greets(text):
    assert not request_words().leaving.search(text)


@pytest.mark.parametrize("words, text, found", [
    ("restart", "start over", True), ("restart", "can we begin again", True),
    ("restart", "reset", True), ("restart", "from the top", True),
    ("restart", "empezar de nuevo", True), ("restart", "volver a empezar", True),
    ("restart", "reiniciar", True),
    ("restart", "Reinaldo Cabrera", False), ("restart", "Restrepo Gómez", False),  # names
    ("restart", "555 661 3320", False), ("restart", "yes", False),
    ("distress", "I can't take this anymore, I cry every night", True),
    ("distress", "this is freaking me out", True),
    ("distress", "ya no puedo más, no duermo bien, lloro a cada rato", True),
    ("distress", "estoy desesperada, no sé qué hacer", True),
    ("distress", "no, none of those", False), ("distress", "ibuprofen and physio", False),
    ("distress", "no sé", False), ("distress", "not sure how long", False),
])
def test_words_of_starting_again_and_of_distress(words, text, found):
    assert bool(getattr(request_words(), words).search(text)) is found


@pytest.mark.parametrize("text", ["thanks, I'll think it over", "I need to talk this over with my "
                                  "husband before deciding", "let me sleep on it",
                                  "I'll check with my daughter first", "I'll get back to you"])
def test_leaving_to_decide_later(text):
    assert _LEAVING.search(text)


@pytest.mark.parametrize("text", ["what do you think about it?", "I talked to my GP about it",
                                  "I'll get back to you with my number"])
def test_not_leaving(text):
    assert not _LEAVING.search(text)


def test_stepping_away_for_a_moment():
    from bot.offscript import steps_away

    assert steps_away("one sec, the kettle's boiling") and steps_away("hang on, doorbell, brb")
    assert not steps_away("I can't go on like this")


@pytest.mark.parametrize("text, young", [("Hello love, my lower back is sore", False),
                                          ("hi dear, neck pain", False),
                                          ("my grandson plays rugby", True),
                                          ("I'm fifteen", True), ("soy menor", True)])
def test_a_greeting_tells_of_no_minor(text, young):
    assert says_nothing_of_age(text) is not young


@pytest.mark.parametrize("text", ["lo voy a pensar con calma y después les llamo",
                                  "déjeme consultarlo con mis hijos, gracias",
                                  "ahorita estoy en el trabajo, más tarde les escribo",
                                  "I'll talk it over with my husband, thanks",
                                  "let me think about it and I'll get back to you"])
def test_leaving_for_now_is_a_goodbye(text):
    assert intent_after_rules(text, "express_distress") == "goodbye"


def test_leaving_words_beside_a_sign_stay_what_they_were():
    flag = [{"entity": "red_flag", "value": "fever"}]
    assert intent_after_rules("tengo fiebre, luego les aviso", "inform", flag) == "inform"


def test_thanks_that_lead_are_thanks_and_thanks_with_a_but_stay_distress():
    assert intent_after_rules("mil gracias por explicarme con tanta paciencia 🙏", "express_distress") == "thank"
    assert intent_after_rules("thank you so much, that was really kind", "express_distress") == "thank"
    assert intent_after_rules("gracias, pero ya no aguanto este dolor", "express_distress") == "express_distress"


@pytest.mark.parametrize("text", ["buenas, tengo un dolor de cuello tremendo",
                                  "qué tal, traigo la espalda fatal", "hello, my back is killing me"])
def test_no_age_said(text):
    assert says_nothing_of_age(text)


@pytest.mark.parametrize("text", ["tengo catorce", "estoy en la secundaria", "I'm still at school",
                                  "soy menor", "tengo 16 años"])
def test_an_age_or_a_youth_word_is_left_to_the_classifier(text):
    assert not says_nothing_of_age(text)


@pytest.mark.parametrize("text", [
    "my wife has had a temperature all week, not me though",
    "not me, my son is the one with the fever",
    "mi mamá sí bajó de peso, yo no",
    "a mí no, el de la fiebre es mi hijo",
])
def test_someone_elses_sign_heard_as_a_goodbye_is_an_answer(text):
    # the classifier's goodbye ended the questions on such answers to the screen
    assert intent_after_rules(text, "goodbye") == "inform"


@pytest.mark.parametrize("text", [
    "not me, bye",
    "I'll ask my husband and get back to you tomorrow",
    "gracias, lo hablo con mi esposo, adiós",
])
def test_someone_else_named_while_leaving_is_still_a_goodbye(text):
    assert intent_after_rules(text, "goodbye") == "goodbye"
