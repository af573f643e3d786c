"""Off-script words about booking: asking to book, putting it off, call backs, names and times.

A booking asked for in plain words (either language), "let me think about it" as putting it off,
a call back asked beside the pain, sentences that are no name, a name or time corrected, a
changed detail after the request, "I am" that is no time of day. Pure decisions (bot/booking.py,
bot/offscript.py, intent rules). Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.booking import details_in_request, names_a_time, time_beside_question
from bot.booking_change import change_after_booking
from bot.booking_request import asks_to_book
from bot.language import requested_language
from bot.name_correction import name_correction
from bot.nlu.intent_rules import _CALL_ME, _CALL_ME_BACK, _defers_last
from bot.offscript import booking_later, defers_booking, questions_end_after_booking
from tests.unit.turns import DECIDED, intent_after_rules


@pytest.mark.parametrize("answered_by", ["action_answer_clinic", "action_next_step", "utter_welcome",
                                         "action_change_booking", "action_acknowledge_distress"])
def test_after_a_booking_an_answered_question_ends_the_questions(answered_by):
    booked = {"booking_reference": "R00012"}
    assert questions_end_after_booking(booked, answered_by, "is there a lift in the building?")
    assert not questions_end_after_booking({}, answered_by, "is there a lift in the building?")


@pytest.mark.parametrize("text, slot", [
    ("oh wait, evenings would suit me better than mornings", "booking_time"),
    ("could we move it to Friday instead?", "booking_time"),
    ("mejor los viernes, que entre semana no puedo", "booking_time"),
    ("please use my work email instead: r.okafor@example.org", "booking_contact"),
    ("mejor llámenme al 555 020 7788, ese es el de mi casa", "booking_contact"),
])
def test_a_changed_detail_after_the_booking_is_a_change(text, slot):
    assert slot in change_after_booking(text, "5550102030")


@pytest.mark.parametrize("text", [
    "mornings are the worst, it's stiff until lunch",
    "it gets bad in the evenings",
    "555 010 2030",  # the same number again
])
def test_an_answer_naming_a_time_is_no_change(text):
    assert change_after_booking(text, "5550102030") == {}


@pytest.mark.parametrize("old, text, new", [
    ("weekday mornings", "oh, evenings would actually suit me better", "weekday evenings"),
    ("Tuesday or Thursday afternoons", "could we make it mornings instead?", "Tuesday or Thursday mornings"),
    ("entre semana por las mañanas", "mejor por las noches, que de día trabajo", "entre semana por las noches"),
])
def test_a_new_part_of_the_day_keeps_the_days_already_given(old, text, new):
    from bot.booking_change import time_changed_from
    assert time_changed_from(old, text) == new
    assert change_after_booking(text, "5550102030", old) == {"booking_time": new}


def test_a_change_naming_a_day_is_taken_as_said():
    from bot.booking_change import time_changed_from
    assert time_changed_from("weekday mornings", "could we do Friday afternoon instead?") is None


@pytest.mark.parametrize("text", [
    "let me think about it",
    "I’m not ready to book yet",
    "maybe later",
    "not today, thanks",
    "I'd like to sleep on it first",
    "I'll come back to this chat later",
    "déjeme pensarlo",
    "de momento no, gracias",
    "todavía no estoy segura, lo voy a pensar",
    "más adelante",
])
def test_putting_the_booking_off_is_not_a_leaving(text):
    assert defers_booking(text, DECIDED)


@pytest.mark.parametrize("text", [
    "No thank you, maybe later. Goodbye.",
    "ok I'll think about it, thx bye",
    "lo pienso y le escribo, chao",
    "Lo voy a pensar. Muchas gracias, hasta luego.",
    "no, none of those", "not really, my legs are fine",
                                  "todavía no he probado nada", "hoy no tengo fiebre",
])
def test_a_farewell_or_an_ordinary_answer_puts_nothing_off(text):
    assert not defers_booking(text, DECIDED)


def test_after_a_request_or_a_warning_sign_there_is_nothing_to_put_off():
    assert not defers_booking("let me think about it", {"booking_reference": "R00001"})
    assert not defers_booking("let me think about it", {"triage_level": "urgent"})
    assert not defers_booking("let me think about it", {"triage_level": "emergency"})


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_kind_answer_gives_the_phone_the_emergency_number_and_a_button_to_book(lang):
    from actions.settings import clinic, content
    message = booking_later(content(lang), clinic())
    assert clinic().phone in message["text"] and clinic().emergency_number in message["text"]
    assert "?" not in message["text"]  # no pressure: nothing asked
    assert message["buttons"][0]["payload"] == "/book_consultation"


@pytest.mark.parametrize("text, defers", [
    ("todavía no quiero hacer la cita, lo quiero pensar", True),
    ("todavía no quiero pedir la cita", True),
    ("De momento no quiero pedir cita, lo consultaré con mi hijo.", True),
    ("I'm not ready to book yet, I'd like to read up on it first.", True),
    ("lo pensaré y les aviso", True),
    ("I'll think about it. no wait, book me in now", False),  # booking said last
    ("book me in please", False),
    ("quiero pedir una cita", False),
])
def test_putting_the_booking_off_is_read_around_booking_words(text, defers):
    assert _defers_last(text) is defers


@pytest.mark.parametrize("text, asks", [
    ("I'd still like to see one of your doctors to be on the safe side", True),
    ("I'd rather see a specialist anyway", True),
    ("can you see me anyway?", True),
    ("ok yeah let's set something up", True),
    ("¿y no me podrían ver de todas formas?", True),
    ("quiero que me vea un doctor", True),
    ("bueno dale, apúntame", True),
    ("do I need to see a doctor about this?", False),  # a question, no request
    ("did you see my message?", False),
    ("I'm not ready to book yet", False),
    ("fine, I'll book", True), ("go ahead and book me", True),
                                        ("I'll book later", False),
                                        ("let's book another time, bye", False),
])
def test_whether_a_message_asks_to_book(text, asks):
    assert asks_to_book(text) is asks


@pytest.mark.parametrize("text", [
    "I'd still like to see one of your doctors to be on the safe side, if that's possible.",
    "Alright then. Please make me an appointment.",
    "Quiero una cita. Entonces eso, si es posible.",
])
def test_sentences_of_a_request_are_no_name(text):
    assert "booking_name" not in details_in_request(text)


def test_a_name_said_as_a_sentence_is_still_taken():
    assert details_in_request("Yes, an appointment please. Harold Pike.")["booking_name"] == "Harold Pike"


@pytest.mark.parametrize("text, time", [
    ("Is there a lift? I am in a wheelchair.", False),  # "am" the verb, no time
    ("I am free whenever, I am retired", False),
    ("9am please", True),
    ("after 5 pm", True),
    ("mornings, a.m. is best", True),
])
def test_am_alone_is_no_time_of_day(text, time):
    assert names_a_time(text) is time


@pytest.mark.parametrize("text", [
    "Yes book please", "ok sure, book", "yeah please book",
                                  "we would love to book", "I'm ready to book",
                                  "ok great, let's get it booked", "alright let's set one up",
    "agéndeme, por favor", "ok, pídame una cita", "kiero una cita",
                                  "me gustaría sacar una consulta", "resérveme un turno",
])
def test_a_booking_asked_for_in_plain_words(text):
    assert asks_to_book(text)


@pytest.mark.parametrize("text", [
    "I don't want to book yet", "I'd like to book later on",
                                  "I read a book about backs", "my booking is on Monday",
                                  "yes the book you sent was useful",
    "necesito cancelar mi cita", "¿puedo cambiar la cita al jueves?",
                                  "mi cita es mañana",
])
def test_no_booking_asked_for(text):
    assert not asks_to_book(text)


def test_a_time_beside_a_clinic_question_is_the_time_alone():
    assert time_beside_question("Thursday afternoons are good. Can I park outside?") \
        == "Thursday afternoons are good."
    assert time_beside_question("Friday if you're open, otherwise Monday") \
        == "Friday if you're open, otherwise Monday"
    assert time_beside_question("are you open on Sundays?") is None


def test_a_call_back_asked_for_beside_the_pain():
    text = "my back is killing me, can someone please call me back this afternoon"
    assert _CALL_ME.search(text) and _CALL_ME_BACK.search(text)
    assert _CALL_ME.search("I would prefer it if someone rang me, typing hurts")
    assert not _CALL_ME_BACK.search("my doctor called me yesterday about the scan")


def test_part_of_the_phone_number_corrected():
    from bot.booking import contact_digits_corrected

    assert contact_digits_corrected("oops I typed it wrong, should be 7781 not 7718", "5550147718") \
        == "5550147781"
    assert contact_digits_corrected("sorry, not 7718, it's 7781", "5550147718") == "5550147781"
    assert contact_digits_corrected("Monday 10 not 11", "5550147718") is None  # no correction said
    assert contact_digits_corrected("sorry, wrong, 44 not 99", "5550147718") is None  # not in it


def test_a_name_put_down_differently():
    assert name_correction("can you put me down as Elizabeth Moore instead of Liz", "Liz Moore") \
        == "Elizabeth Moore"


@pytest.mark.parametrize("text", ["¿me pueden llamar ustedes? no se me da escribir",
                                  "¿me podrían marcar por la tarde?", "mejor llámenme"])
def test_asking_to_be_called_in_spanish_is_a_call_back(text):
    assert intent_after_rules(text, "express_distress") == "request_callback"
    assert intent_after_rules(text + " al 555 010 4455", "give_contact",
                   [{"entity": "injection_relief", "value": "good"}]) == "request_callback"


def test_booking_in_the_first_person_and_asking_for_spanish_in_english():
    assert asks_to_book("bueno, entonces pido una cita")
    assert asks_to_book("ok, saco turno")
    assert intent_after_rules("vale, pues pido cita", "goodbye") == "book_consultation"
    assert not asks_to_book("ya pedí cita la semana pasada")
    assert requested_language("Hi, is there anyone there who speaks Spanish?") == "es"
    assert requested_language("¿tienen a alguien que hable español?") == "es"
    assert requested_language("my dad doesn't speak spanish") is None


def test_a_full_name_given_again_after_a_colon_replaces_the_first():
    from bot.name_correction import name_correction

    assert name_correction("Disculpe, ponga mi nombre completo: Lucía Ferrer Gil", "Lucy Ferrer") == \
        "Lucía Ferrer Gil"


def test_asking_whose_name_to_give_is_a_question_not_a_name():
    from bot.booking_request import asks_whose_name

    assert asks_whose_name("la cita es para mi abuela, ¿pongo mi nombre o el de ella?")
    assert asks_whose_name("is it for my dad, so his name or mine?")
    assert not asks_whose_name("Rosario Méndez Lira")
    assert not asks_whose_name("me llamo Ana y el teléfono es el de mi hija")


def test_who_the_booking_is_for_is_no_name():
    from bot.booking import details_in_request, parse_name

    assert details_in_request("quisiera una cita, es para mi cuñada... digo, para mi suegra") == {}
    assert details_in_request("sí, agende la cita, es para mi esposo") == {}
    assert parse_name("Su Min Park") == "Su Min Park"  # "su" is a name, too


def test_a_spanish_correction_of_the_booking_name():
    from bot.name_correction import name_correction

    assert name_correction("uy, me equivoqué en el nombre: es Maricela Ochoa, no Marisela Ochoa",
                           "Marisela Ochoa") == "Maricela Ochoa"
    assert name_correction("perdone, mi nombre se escribe Yéssica Duarte", "Yesica Duarte") == "Yéssica Duarte"
    assert name_correction("es el 555 010 2030, no el otro", "Ana Ruiz") is None


def test_the_new_time_in_a_change_request():
    from bot.booking import new_time_in_change

    assert new_time_in_change("mejor muévala, que trabajo temprano. Martes o jueves por la tarde.") \
        == "Martes o jueves por la tarde"
    assert new_time_in_change("can you move it to Friday morning?") == "Friday morning"  # the asking words left out
    assert new_time_in_change("necesito cancelar, me salió algo") is None
