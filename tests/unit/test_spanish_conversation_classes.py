"""Issue 20's conversation classes, as pure functions: a faint learned guess before the
screen waits for it; Spanish answers to a confirming question; booking details said with the
request; a message with a phone number is no minor's age."""
from __future__ import annotations

from bot.booking import details_in_request
from bot.red_flag_questions import SCREEN_SETTLES_BELOW, confirm_answer, flags_to_confirm


def _guess(flag: str, p: float, reason: str = "learned"):
    return {"entity": "red_flag_unsure", "value": flag, "reason": reason, "confidence_entity": p}


def test_a_faint_guess_in_an_intake_answer_waits_for_the_screen():
    for asked in ("pain_location", "pain_duration_weeks", "treatments_tried"):
        slots = {"requested_slot": asked}
        assert flags_to_confirm(slots, [_guess("saddle_numbness", 0.5)]) == []


def test_a_strong_guess_a_worded_doubt_or_a_guess_at_the_screen_is_still_asked():
    before = {"requested_slot": "pain_location"}
    assert flags_to_confirm(before, [_guess("saddle_numbness", SCREEN_SETTLES_BELOW)]) == ["saddle_numbness"]
    assert flags_to_confirm(before, [_guess("fever", 0.4, reason="vague")]) == ["fever"]
    assert flags_to_confirm({"requested_slot": "red_flag_screen"},
                            [_guess("leg_weakness", 0.4)]) == ["leg_weakness"]
    # the screen already answered, or a level decided: no screen ahead to settle it
    assert flags_to_confirm({"requested_slot": "treatments_tried", "red_flag_screen": "clear"},
                            [_guess("leg_weakness", 0.4)]) == ["leg_weakness"]
    assert flags_to_confirm({"requested_slot": "pain_location", "triage_level": "urgent"},
                            [_guess("leg_weakness", 0.4)]) == ["leg_weakness"]
    # outside the intake (blind scorers, other turns): unchanged
    assert flags_to_confirm({}, [_guess("weight_loss", 0.4)]) == ["weight_loss"]


def test_spanish_answers_to_a_confirming_question():
    assert confirm_answer("leg_weakness", "inform", "Ya llevo así unos seis meses", []) is None
    assert confirm_answer("leg_weakness", "inform", "ya", []) == "yes"
    assert confirm_answer("fever", "inform", "Sí, desde ayer", []) == "yes"
    assert confirm_answer("fever", "inform", "si un poco", []) == "yes"
    assert confirm_answer("fever", "inform", "Claro, anoche tenía 38", []) == "yes"
    assert confirm_answer("fever", "inform", "no lo sé, no me la he puesto", []) == "yes"
    assert confirm_answer("fever", "inform", "Nada de eso, gracias", []) == "no"
    assert confirm_answer("fever", "inform", "ninguna, tranquilo", []) == "no"
    assert confirm_answer("fever", "inform", "tampoco", []) == "no"


def test_details_said_with_the_request_to_book():
    assert details_in_request("Quiero una cita, por favor. Me llamo Ana Belén Soto") == {
        "booking_name": "Ana Belén Soto"}
    assert details_in_request("Bueno, agendemos: Rubén Ocampo, 555 014 2299") == {
        "booking_name": "Rubén Ocampo", "booking_contact": "5550142299"}
    assert details_in_request("Sí, quiero cita, mi correo es pili.n@example.net") == {
        "booking_contact": "pili.n@example.net"}
    assert details_in_request("My name is Dora Kent, book me in") == {"booking_name": "Dora Kent"}
    assert details_in_request("Sí, agendemos. Se llama Amparo Ruiz") == {"booking_name": "Amparo Ruiz"}
    # a time said right after the phone is the preferred time; other words after it are not
    assert details_in_request("Leo Prieto 555 017 2020 jueves x la mañana") == {
        "booking_name": "Leo Prieto", "booking_contact": "5550172020",
        "booking_time": "jueves x la mañana"}
    assert "booking_time" not in details_in_request("Leo Prieto 555 017 2020, no tengo correo")
    # a bare word before a number, or no name at all: asked, never guessed
    assert details_in_request("llámenme al 555 010 7788") == {"booking_contact": "5550107788"}
    assert details_in_request("Quiero una cita para el jueves") == {}
    assert details_in_request("Soy de Sevilla y quiero cita") == {}


def test_a_classifier_minor_with_a_phone_number_gives_way():
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.intent_rules import StatedAgeCheck

    message = Message(data={"text": "Mejor llamen a su nieta, o sea yo, al 555 019 3344",
                            "intent": {"name": "age_under_18", "confidence": 0.7},
                            "intent_ranking": [{"name": "age_under_18", "confidence": 0.7},
                                               {"name": "give_contact", "confidence": 0.2}]})
    [out] = StatedAgeCheck(18).process([message])
    assert out.get("intent")["name"] == "give_contact"
    minor = Message(data={"text": "tengo 15 años, mi número es 555 019 3344",
                          "intent": {"name": "give_contact", "confidence": 0.7},
                          "intent_ranking": [{"name": "give_contact", "confidence": 0.7}]})
    [out] = StatedAgeCheck(18).process([minor])
    assert out.get("intent")["name"] == "age_under_18"


def test_a_faint_guess_brings_the_screen_forward():
    from bot.red_flag_questions import screen_brought_forward

    assert screen_brought_forward([[], [_guess("bladder_bowel", 0.45)]])
    assert not screen_brought_forward([[_guess("bladder_bowel", 0.9)], [
        {"entity": "pain_location", "value": "lower_back"}]])
    assert not screen_brought_forward([[_guess("fever", 0.4, reason="vague")]])
