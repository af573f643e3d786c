"""Whole conversations (real model, real action server) for session 16's kinds: English asked
for inside a Spanish or Spanglish message switches and the conversation ends in English; a
message mixing both languages keeps the conversation's language; someone typing for the
patient is told that is fine, and their answers for the patient ("he has none of those",
"dice que nada de eso") carry the conversation to a booking; "is this a real person?" is
answered as such; "I am in a wheelchair" at the time question is no time. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from bot.clinic import load_clinic

CLINIC = load_clinic()


def _book(c, name: str, contact: str, when: str) -> str:
    c.say(name)
    c.say(contact)
    return c.say(when)


def test_english_asked_for_in_a_spanish_answer_switches_and_ends_in_english(chat):
    c = chat("english-inside")
    c.say("buenas tardes, tengo dolor en la espalda baja desde hace unos 5 meses")
    reply = c.say("no, in English por favor, I read it better")
    assert c.slots["language"] == "en"
    assert "tried" in reply  # the pending question again, now in English
    c.say("physio and some naproxen")
    c.answer_the_screen()
    c.say("it stays in my back")
    c.say("no thanks")  # the three questions about the pain, skipped
    c.say("yes please")
    reply = _book(c, "Lucia Fernandez Hart", "555 301 7788", "tuesday afternoons")
    assert "Thank you" in reply and c.slots["language"] == "en"
    assert any(b.get("kind") == "consultation" for b in store.list_bookings(c.sender))


def test_switch_to_english_in_a_spanglish_message(chat):
    c = chat("switch-to-english")
    c.say("hola, tengo pain en el cuello since like 3 months")
    reply = c.say("oye can we switch to English? mi español is not very good")
    assert c.slots["language"] == "en"
    assert "tried" in reply


def test_a_mixed_message_keeps_an_english_conversation_in_english(chat):
    c = chat("mixed-keeps-en")
    c.say("hello, my lower back has been sore for about 4 months")
    reply = c.say("sí, I did physical therapy pero no me ayudó mucho")
    assert c.slots["language"] == "en"
    assert "physical therapy" in c.slots["treatments_tried"] or \
        c.slots["treatments_tried"] == ["physical_therapy"]
    assert "Before we go on" in reply


def test_a_mixed_message_keeps_a_spanish_conversation_in_spanish(chat):
    c = chat("mixed-keeps-es")
    c.say("hola, me duele el cuello desde hace como 4 meses")
    reply = c.say("I took advil y también fui al quiropráctico pero nada")
    assert c.slots["language"] == "es"
    assert "Antes de seguir" in reply


def test_someone_typing_for_their_father_is_welcomed_and_books_for_him(chat):
    c = chat("proxy-en")
    reply = c.say("hello, I'm typing this for my dad, he isn't good with computers")
    assert "Of course" in reply and "Where does it hurt" in reply
    c.say("his lower back")
    c.say("for about half a year now")
    c.say("he takes tylenol and did a few physio sessions")
    reply = c.say("he has none of those")
    assert c.slots["red_flags"] in (None, [])
    assert c.slots["red_flag_screen"] == "clear"
    assert "Which of these" not in reply
    c.say("it stays in his back")
    c.say("no thanks")
    c.say("yes, please book him in")
    reply = _book(c, "Frank Delgado", "I'm his daughter, call me on 555 440 1290", "mornings are best")
    assert "Frank Delgado" in reply
    assert any(b.get("kind") == "consultation" for b in store.list_bookings(c.sender))


def test_someone_typing_for_their_mother_in_spanish(chat):
    c = chat("proxy-es")
    reply = c.say("buenas, le escribo de parte de mi suegra porque ella no sabe usar el celular")
    assert "Claro" in reply and "¿Dónde le duele?" in reply
    c.say("en la cintura, la parte baja")
    c.say("como 7 meses")
    c.say("toma paracetamol y le dieron masajes")
    reply = c.say("dice que nada de eso")
    assert c.slots["red_flag_screen"] == "clear"
    assert "Cuál de estos" not in reply
    assert c.slots["language"] == "es"


def test_a_proxy_passing_on_a_sign_is_not_read_as_none(chat):
    c = chat("proxy-sign")
    c.say("I'm writing for my mum, her lower back has hurt for 3 months")
    c.say("paracetamol")
    c.say("she says no, but she has had a temperature since yesterday")
    assert c.slots["red_flag_screen"] != "clear" or "fever" in (c.slots["red_flags"] or [])


def test_is_this_a_real_person_is_answered_as_such(chat):
    c = chat("real-person")
    c.say("my neck hurts")
    reply = c.say("hang on, am I talking to a real person? not sure I want a computer knowing my health stuff")
    # said to be automated, or how to reach a person: never a clinic question left unanswered
    assert "automated" in reply or "not a person" in reply or CLINIC.phone in reply
    assert "I don't have that information" not in reply
    assert c.active_form == "triage_form"


def test_a_question_at_the_time_question_saying_i_am_is_no_time(chat):
    c = chat("lift-am")
    c.say("I'd like to book an appointment please")
    c.say("Rosa Whitfield")
    c.say("555 212 6060")
    reply = c.say("Do you have a lift in the building? I am in a wheelchair.")
    assert c.active_form == "booking_form" and not c.slots.get("booking_time")
    assert "When would you prefer" in reply or "prefer" in reply
    assert not store.list_bookings(c.sender)
