"""Answers to a red flag's confirming question: what is a yes, a no, or no answer.

Asking whether to wait or go to hospital, fearing what a sign will do, not wanting the emergency
department: a yes; disbelief, despair, a doubt about how long, a booking request or a lift to
the appointment: no answer to the sign; plain yes and no in both languages; an unsure learned
guess asked only while it is unsettled. Sentences written for these tests, none from a blind
set."""
from __future__ import annotations

import pytest

from bot.red_flag_questions import confirm_answer, flags_to_confirm
from bot.slots import clinical_updates
from tests.unit.turns import learned_guess


@pytest.mark.parametrize("text", ["should we ring an ambulance?", "ok my son can drive me in",
                                  "can my wife take me or do I need the paramedics"])
def test_getting_to_hospital_at_a_confirming_question_is_a_yes(text):
    assert confirm_answer("saddle_numbness", "inform", text, []) == "yes"


def test_a_lift_to_the_appointment_is_no_answer():
    assert confirm_answer("leg_weakness", "inform", "my husband will take me to the appointment",
                          []) is None


def test_a_relative_asking_whether_to_wait_is_a_yes():
    assert confirm_answer("saddle_numbness", "book_consultation",
                          "should we just wait for her appointment next week?", []) == "yes"


def test_a_doubt_said_with_how_long_is_no_yes_to_the_sign():
    weeks = [{"entity": "duration", "value": 8.0}]
    assert confirm_answer("saddle_numbness", "inform", "uy no sé, serán unos dos meses", weeks) is None
    assert confirm_answer("fever", "inform", "I don't know, about two months now", weeks) is None
    # a doubt alone, or said with the sign itself, still counts as yes
    assert confirm_answer("saddle_numbness", "inform", "no sé, a veces", []) == "yes"
    assert confirm_answer("saddle_numbness", "inform", "no sé, desde hace dos meses",
                          weeks + [learned_guess("saddle_numbness", 0.9)]) == "yes"


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
    assert flags_to_confirm(at_screen, [learned_guess("bladder_bowel", 0.45)]) == ["bladder_bowel"]


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


@pytest.mark.parametrize("text", ["estoy muy asustado, ¿me voy a quedar paralítico?",
                                  "am I going to end up paralysed?? I'm scared"])
def test_fearing_what_a_nerve_sign_will_do_speaks_of_it_as_present(text):
    assert confirm_answer("leg_weakness", "express_distress", text, []) == "yes"
    # not for a sign paralysis is no outcome of
    assert confirm_answer("fever", "express_distress", text, []) is None


@pytest.mark.parametrize("text", [
    "i'm on my own and honestly i don't know what to do",
    "what should we do?? he's panicking",
    "could we bring him to your office instead?",
    "ok, we're heading there now",
    "estoy solo en casa y no sé qué hacer",
    "¿entonces qué hago?",
    "¿y si mejor lo llevo con ustedes?",
    "ya salimos para allá",
])
def test_acting_on_a_nerve_sign_asked_about_speaks_of_it_as_present(text):
    """Not knowing what to do, where to take the relative, being on the way: no plain yes, but
    the sign is theirs, and asked again the patient left with no advice."""
    assert confirm_answer("bladder_bowel", "express_distress", text, []) == "yes"
    assert confirm_answer("leg_weakness", "nlu_fallback", text, []) == "yes"
    # only for a sign whose advice is to go now
    assert confirm_answer("fever", "nlu_fallback", text, []) is None


@pytest.mark.parametrize("text", ["I'm going now, bye", "ya nos vamos", "what do you mean by control?",
                                  "we are going on holiday next week"])
def test_leaving_or_asking_what_is_meant_is_still_no_answer(text):
    assert confirm_answer("bladder_bowel", "nlu_fallback", text, []) is None


def test_a_sign_left_unconfirmed_is_not_asked_a_third_time_on_a_learned_guess():
    from bot.red_flag_questions import flags_to_confirm

    slots = {"red_flags_unconfirmed": ["leg_weakness"]}
    guess = [{"entity": "red_flag_unsure", "value": "leg_weakness", "reason": "learned",
              "confidence_entity": 0.42}]
    assert flags_to_confirm(slots, guess) == []
    confident = [{**guess[0], "confidence_entity": 0.9}]
    assert flags_to_confirm(slots, confident) == ["leg_weakness"]
    words = [{"entity": "red_flag_unsure", "value": "leg_weakness", "reason": "near"}]
    assert flags_to_confirm(slots, words) == ["leg_weakness"]
    assert flags_to_confirm({}, guess) == ["leg_weakness"]


def test_no_se_at_the_screen():
    from actions.triage import _CLEAR_ANSWER

    assert not _CLEAR_ANSWER.match("no sé si cuenta, pero la pierna la noto más débil")
    assert not _CLEAR_ANSWER.match("no lo sé")
    assert _CLEAR_ANSWER.match("no, se me queda en la espalda nada más")
    assert _CLEAR_ANSWER.match("no se me baja a las piernas, nada de eso")
    assert _CLEAR_ANSWER.match("no, ninguno")


@pytest.mark.parametrize("text,intent,entities,answer", [
    ("yes", "affirm", [], "yes"),
    ("a bit, sometimes", "inform", [], "yes"),
    ("not sure to be honest", "inform", [], "yes"),  # doubt is never dropped
    ("no", "deny", [], "no"),
    ("nope, not at all", "deny", [], "no"),
    ("no, but I do have a temperature", "deny",
     [{"entity": "red_flag", "value": "fever"}], "no"),
    ("what do you mean", "out_of_scope", [], None),  # asked again
])
def test_the_answer_to_a_confirming_question(text, intent, entities, answer):
    assert confirm_answer("leg_weakness", intent, text, entities) == answer


def test_only_unsettled_unsure_flags_are_confirmed():
    entities = [{"entity": "red_flag_unsure", "value": v} for v in ("fever", "trauma", "weight_loss")]
    slots_now = {"red_flags": ["trauma"], "red_flags_ruled_out": ["weight_loss"]}
    assert flags_to_confirm(slots_now, entities) == ["fever"]
    assert clinical_updates(slots_now, entities) == {}  # unsure never fills red_flags


@pytest.mark.parametrize("text", ["should I be worried it's a trapped nerve?",
                                  "should we be worried that it is arthritis like his dad?",
                                  "should I worry about a herniated disc?"])
def test_fearing_something_else_is_no_answer(text):
    assert confirm_answer("fever", "ask_option_info", text, []) is None


def test_fearing_the_sign_itself_is_still_a_yes():
    assert confirm_answer("fever", "inform", "should I be worried?", []) == "yes"


@pytest.mark.parametrize("text", ["should we go to the ER or can it wait till Monday?",
                                  "I don't know what to do, should I take her in?"])
def test_asking_what_to_do_after_advice_for_another_sign_is_no_answer_to_this_one(text):
    # the question about the bladder was asked, then the answer told of weight loss and the
    # urgent advice for it came: asking what to do now asks about that advice
    assert confirm_answer("bladder_bowel", "inform", text, []) == "yes"
    assert confirm_answer("bladder_bowel", "inform", text, [], asked_last=False) is None
    assert confirm_answer("bladder_bowel", "inform", "yes, a couple of times", [], asked_last=False) == "yes"
