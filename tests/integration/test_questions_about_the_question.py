"""Whole conversations (real model, real action server): a patient's question about the
question just asked. What a word of the warning-sign question means is said in plain words
and the question comes again, never taken as its answer; why a question is asked gets its
reason and the question again, with no distress acknowledgement; a fear of paralysis asked
about the option just discussed gets that option's risks, not a sign's confirming question; a
question about the team's languages with "no lo hablo nada" in it is answered and the question
about treatments stays open. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot.clinic import load_clinic

CLINIC = load_clinic()
SORRY = "I'm sorry you're going through this"


def _at_the_screen(c, lang: str = "en") -> None:
    if lang == "en":
        for text in ("hi", "my lower back", "about 8 months", "physio and ibuprofen"):
            c.say(text)
    else:
        for text in ("hola", "me duele la espalda baja", "hace unos 8 meses", "fisioterapia e ibuprofeno"):
            c.say(text)
    assert c.slots["requested_slot"] == "red_flag_screen"


def test_what_a_sign_word_means_is_said_in_plain_words_then_the_screen_is_still_asked(chat):
    c = chat("meaning-en")
    _at_the_screen(c)
    reply = c.say("sorry what means saddle numbness, english is not my first language")
    assert "groin" in reply and "inner thighs" in reply and "sit" in reply
    assert not c.slots.get("red_flags")
    assert c.slots["red_flag_screen"] is None  # no answer to the screen
    assert "Before we go on" in reply  # the screen itself comes again (session 18: no confirming question)
    c.answer_the_screen("no")
    assert c.slots["red_flag_screen"] == "clear" and c.slots["triage_level"] == "consultation"


def test_a_spanish_question_about_a_word_is_no_denial_and_the_screen_comes_again(chat):
    c = chat("meaning-es")
    _at_the_screen(c, "es")
    reply = c.say("¿qué quiere decir eso de adormecimiento en la ingle? no entiendo esa palabra")
    assert "ingle" in reply and "muslos" in reply and "nalgas" in reply
    assert c.slots["red_flag_screen"] is None  # was cleared: "no entiendo" read as a "no"
    assert c.slots["requested_slot"] == "red_flag_screen"
    assert not c.slots.get("red_flags") and not c.slots.get("triage_level")
    reply = c.say("ah ok, no, nada de eso")
    assert c.slots["red_flag_screen"] == "clear"


def test_not_understanding_the_screen_gets_it_in_plain_words(chat):
    c = chat("screen-plain")
    _at_the_screen(c)
    reply = c.say("i dont understand the question")
    # then a short question with a button a sign (session 18), not the hard words again
    assert "In plain words" in reply and "Do you have any of them?" in reply and "Before we go on" not in reply
    assert c.slots["red_flag_screen"] is None
    c.answer_the_screen("no, none of them")
    assert c.slots["red_flag_screen"] == "clear"


def test_a_sign_told_with_the_question_still_counts(chat):
    c = chat("meaning-and-sign")
    _at_the_screen(c)
    reply = c.say("what does that mean? i have been peeing myself since last night")
    assert "emergency" in reply
    assert c.slots["red_flags"] == ["bladder_bowel"] and c.slots["triage_level"] == "emergency"


def test_why_the_screen_is_asked_gets_its_reason_and_the_screen_again(chat):
    c = chat("why-screen")
    _at_the_screen(c)
    reply = c.say("why do u need all this info?? its only my back that hurts")
    assert "routine safety questions" in reply and "Before we go on" in reply
    assert SORRY not in reply
    assert c.slots["red_flag_screen"] is None and not c.slots.get("red_flags")


def test_why_how_long_is_asked_gets_its_reason_without_a_distress_answer(chat):
    c = chat("why-duration")
    c.say("hi")
    c.say("my neck")
    reply = c.say("why are you asking me this")
    assert "How long it has lasted matters" in reply and "How long have you had this pain" in reply
    assert SORRY not in reply and not c.slots.get("distress_acknowledged")
    c.say("about 5 months")
    assert c.slots["duration_category"] == "chronic"


def test_why_in_spanish_at_the_treatments_question(chat):
    c = chat("why-es")
    for text in ("hola", "el cuello", "hace 5 meses"):
        c.say(text)
    reply = c.say("¿y eso para qué lo quiere saber?")
    assert "Lo que ya ha probado" in reply and "¿Qué ha probado" in reply
    assert c.slots["treatments_tried"] is None and c.slots["requested_slot"] == "treatments_tried"


def _options_then_epidural(c) -> None:
    for text in ("hi", "my lower back, down my left leg", "about 8 months", "physio and ibuprofen"):
        c.say(text)
    c.answer_the_screen()
    c.say("what is an epidural steroid injection?")
    assert c.slots["last_option"] == "epidural_steroid_injection"


def test_a_fear_of_paralysis_about_the_option_gets_its_risks(chat):
    c = chat("risk-fear-en")
    _options_then_epidural(c)
    tried = c.slots["treatments_tried"]
    reply = c.say("honestly im scared, could the injection paralyse me if it goes wrong?")
    assert "Epidural steroid injection" in reply and "infection" in reply  # its risks section
    assert "Just to be safe" not in reply
    assert not c.slots.get("red_flags_unsure") and not c.slots.get("red_flags")
    assert c.slots["treatments_tried"] == tried and c.slots["triage_level"] == "consultation"


def test_a_fear_of_paralysis_in_spanish_gets_the_risks(chat):
    c = chat("risk-fear-es")
    for text in ("hola", "la espalda baja y me baja por la pierna", "hace 8 meses", "fisioterapia e ibuprofeno"):
        c.say(text)
    c.answer_the_screen("no, nada de eso")
    c.say("¿qué es la inyección epidural de esteroides?")
    reply = c.say("¿y me puedo quedar paralizada con eso?")
    assert "infección" in reply and "Por seguridad" not in reply
    assert not c.slots.get("red_flags")


def test_a_languages_question_with_nada_in_it_leaves_the_treatments_question_open(chat):
    c = chat("languages-nada")
    for text in ("hola", "la espalda baja", "hace 8 meses"):
        c.say(text)
    reply = c.say("¿la doctora habla español? yo inglés no hablo nada")
    assert CLINIC.phone in reply and "¿Qué ha probado" in reply
    assert c.slots["treatments_tried"] is None and c.slots["requested_slot"] == "treatments_tried"
    c.say("nada todavía")
    assert c.slots["treatments_tried"] == []
