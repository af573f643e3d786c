"""Session 11's Spanish conversation classes, as pure functions: a doubt about the length at a
sign's question, asking whether to take a relative to hospital, disbelief at the news; leaving
for now, "pido cita" and "¿me pueden llamar?" by rule; correction words are no fall to the
learned detector. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.booking import asks_to_book
from bot.language import requested_language
from bot.nlu.intent_rules import RequestCheck
from bot.slots import confirm_answer, flags_to_confirm


def _guess(flag: str, p: float):
    return {"entity": "red_flag_unsure", "value": flag, "reason": "learned", "confidence_entity": p}


def test_a_doubt_said_with_how_long_is_no_yes_to_the_sign():
    weeks = [{"entity": "duration", "value": 8.0}]
    assert confirm_answer("saddle_numbness", "inform", "uy no sé, serán unos dos meses", weeks) is None
    assert confirm_answer("fever", "inform", "I don't know, about two months now", weeks) is None
    # a doubt alone, or said with the sign itself, still counts as yes
    assert confirm_answer("saddle_numbness", "inform", "no sé, a veces", []) == "yes"
    assert confirm_answer("saddle_numbness", "inform", "no sé, desde hace dos meses",
                          weeks + [_guess("saddle_numbness", 0.9)]) == "yes"


@pytest.mark.parametrize("text", ["¿entonces lo llevo al hospital?", "¿me voy ya a urgencias?",
                                  "¿la llevamos ahorita a emergencias?", "bueno, voy a ir",
                                  "no puede ser... ok, voy a ir"])
def test_asking_to_go_or_saying_they_will_go_is_the_sign(text):
    assert confirm_answer("bladder_bowel", "inform", text, []) == "yes"


def test_disbelief_is_no_denial_and_a_plain_no_still_is():
    assert confirm_answer("saddle_numbness", "inform", "no me diga, ¿en serio?", []) is None
    assert confirm_answer("saddle_numbness", "inform", "no, para nada", []) == "no"
    assert confirm_answer("saddle_numbness", "inform", "no, voy a ir al trabajo mañana", []) == "no"


def test_a_faint_guess_at_the_screen_is_always_asked():
    # a sign described in the patient's own words at the screen answers it: never deferred
    at_screen = {"requested_slot": "red_flag_screen"}
    assert flags_to_confirm(at_screen, [_guess("bladder_bowel", 0.45)]) == ["bladder_bowel"]


def _intent(text: str, intent: str, entities=None) -> str:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.7},
                            "intent_ranking": [{"name": intent, "confidence": 0.7}],
                            "entities": entities or []})
    [out] = RequestCheck().process([message])
    return out.get("intent")["name"]


@pytest.mark.parametrize("text", ["lo voy a pensar con calma y después les llamo",
                                  "déjeme consultarlo con mis hijos, gracias",
                                  "ahorita estoy en el trabajo, más tarde les escribo",
                                  "I'll talk it over with my husband, thanks",
                                  "let me think about it and I'll get back to you"])
def test_leaving_for_now_is_a_goodbye(text):
    assert _intent(text, "express_distress") == "goodbye"


def test_leaving_words_beside_a_sign_stay_what_they_were():
    flag = [{"entity": "red_flag", "value": "fever"}]
    assert _intent("tengo fiebre, luego les aviso", "inform", flag) == "inform"


@pytest.mark.parametrize("text", ["¿me pueden llamar ustedes? no se me da escribir",
                                  "¿me podrían marcar por la tarde?", "mejor llámenme"])
def test_asking_to_be_called_in_spanish_is_a_call_back(text):
    assert _intent(text, "express_distress") == "request_callback"
    assert _intent(text + " al 555 010 4455", "give_contact",
                   [{"entity": "injection_relief", "value": "good"}]) == "request_callback"


def test_booking_in_the_first_person_and_asking_for_spanish_in_english():
    assert asks_to_book("bueno, entonces pido una cita")
    assert asks_to_book("ok, saco turno")
    assert _intent("vale, pues pido cita", "goodbye") == "book_consultation"
    assert not asks_to_book("ya pedí cita la semana pasada")
    assert requested_language("Hi, is there anyone there who speaks Spanish?") == "es"
    assert requested_language("¿tienen a alguien que hable español?") == "es"
    assert requested_language("my dad doesn't speak spanish") is None


def test_thanks_that_lead_are_thanks_and_thanks_with_a_but_stay_distress():
    assert _intent("mil gracias por explicarme con tanta paciencia 🙏", "express_distress") == "thank"
    assert _intent("thank you so much, that was really kind", "express_distress") == "thank"
    assert _intent("gracias, pero ya no aguanto este dolor", "express_distress") == "express_distress"


def test_a_full_name_given_again_after_a_colon_replaces_the_first():
    from bot.booking import name_correction

    assert name_correction("Disculpe, ponga mi nombre completo: Lucía Ferrer Gil", "Lucy Ferrer") == \
        "Lucía Ferrer Gil"


def test_asking_whose_name_to_give_is_a_question_not_a_name():
    from bot.booking import asks_whose_name

    assert asks_whose_name("la cita es para mi abuela, ¿pongo mi nombre o el de ella?")
    assert asks_whose_name("is it for my dad, so his name or mine?")
    assert not asks_whose_name("Rosario Méndez Lira")
    assert not asks_whose_name("me llamo Ana y el teléfono es el de mi hija")


def test_who_the_booking_is_for_is_no_name():
    from bot.booking import details_in_request, parse_name

    assert details_in_request("quisiera una cita, es para mi cuñada... digo, para mi suegra") == {}
    assert details_in_request("sí, agende la cita, es para mi esposo") == {}
    assert parse_name("Su Min Park") == "Su Min Park"  # "su" is a name, too
