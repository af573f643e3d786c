"""A message in a red flag's territory that no vocabulary phrase decides (bot/nlu/
red_flag_territory.py): the patient gets that flag's one confirming question, and the answer
decides. Whole conversations through the real trained model and the real action server."""
from __future__ import annotations

CONFIRM = "Just to be safe"


def test_an_english_toilet_worry_in_own_words_is_asked_and_yes_is_an_emergency(chat):
    c = chat("territory-en")
    c.say("hello")
    c.say("lower back")
    question = c.say("it's awkward but the bathroom side of things has gone strange since the weekend")
    assert CONFIRM in question and "bladder" in question
    assert c.slots["red_flags_unsure"] == ["bladder_bowel"]
    assert not c.slots["red_flags"]
    reply = c.say("yes")
    assert c.slots["red_flags"] == ["bladder_bowel"]
    assert c.slots["triage_level"] == "emergency"
    assert "emergency department" in reply


def test_clothes_hanging_loose_are_asked_about_and_no_rules_it_out(chat):
    c = chat("territory-weight")
    c.say("hello")
    c.say("lower back")
    question = c.say("I'm swimming in my trousers these days")
    assert CONFIRM in question and "weight" in question
    c.say("no")
    assert c.slots["red_flags_ruled_out"] == ["weight_loss"]
    assert not c.slots["red_flags"]


def test_a_spanish_toilet_worry_is_asked_in_spanish(chat):
    c = chat("territorio-es")
    c.say("hola")
    c.say("me duele la espalda baja desde hace dos semanas")
    question = c.say("el inodoro se ha vuelto mi enemigo, casi no llego")
    assert "Por seguridad" in question
    assert c.slots["red_flags_unsure"] == ["bladder_bowel"]
    assert not c.slots["red_flags"]


def test_a_denied_territory_word_asks_nothing(chat):
    c = chat("territory-denied")
    c.say("hello")
    c.say("lower back")
    reply = c.say("no problems with the toilet, it's just the pain")
    assert CONFIRM not in reply
    assert not c.slots["red_flags_unsure"] and not c.slots["red_flags"]
