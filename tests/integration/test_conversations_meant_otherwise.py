"""Whole conversations where a turn meant something other than what was asked.

A language asked for beside words the classifier hears as despair; leaving words at a
question; "nothing helped" said in its spoken short forms; booking details given at a 0-10
question; the time of a call back said as a request; a relative who will not go to the ER,
answering the bladder question. Real model, real action server. Sentences written for these
tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot import store
from tests.integration.steps import CLINIC, ENGLISH, book, reach, to_the_booking_offer, to_the_options


def test_english_asked_for_beside_a_helper_switches_without_the_crisis_line(chat):
    c = chat("switch-helper")
    reach(c, "asked_how_long", lang="es")
    said = c.say("¿se puede seguir en inglés? mi nieto me ayuda con el teléfono y él entiende mejor el inglés")
    assert c.slots["language"] == "en"
    assert CLINIC.crisis_line.number not in said and "How long" in said


@pytest.mark.parametrize("lang,state,leaving", [
    ("es", "asked_red_flags", "olvídelo"),
    ("es", "asked_what_tried", "déjelo así"),
    ("es", "asked_where", "olvídalo"),
    ("en", "asked_red_flags", "forget about it"),
    ("en", "asked_how_long", "never mind"),
])
def test_leaving_words_at_a_question_end_kindly(chat, lang, state, leaving):
    c = chat(f"leaving-{lang}-{state}")
    reach(c, state, lang=lang)
    said = c.say(leaving)
    assert CLINIC.phone in said and CLINIC.emergency_number in said
    assert c.active_form is None and c.slots["requested_slot"] is None


def test_nothing_helped_in_spoken_short_forms_asks_what_was_tried(chat):
    c = chat("na-me-funciona")
    reach(c, "asked_what_tried", lang="es")
    said = c.say("ya le hice de tó y na' me funciona")
    assert c.slots["treatments_tried"] is None  # never "tried nothing"
    assert c.slots["requested_slot"] == "treatments_tried" and "probado" in said


def test_a_name_at_the_pain_score_question_goes_on_to_book(chat):
    c = chat("peg-name")
    c.say("hi")
    c.say("my neck")
    c.say("5 months")
    c.say("massage and tylenol")
    c.answer_the_screen()
    c.say("sure")  # the three questions about the pain
    c.say("Orla Brennan")
    assert c.slots["booking_name"] == "Orla Brennan" and c.active_form != "peg_form"
    c.say("555 302 4417")
    said = c.say("tuesday afternoons")
    assert "Orla Brennan" in said
    assert any(b.get("kind") == "consultation" for b in store.list_bookings(c.sender))


def test_call_me_after_work_at_when_is_the_time(chat):
    c = chat("call-after-work")
    reach(c, "booking_asked_time")
    said = c.say("could you ring me after 6? I'm at work until then")
    assert c.slots["booking_time"] and "6" in c.slots["booking_time"]
    assert c.slots["booking_reference"] and c.slots["booking_reference"] in said


@pytest.mark.parametrize("first,refusal,words", [
    ("my dad's lower back is bad for a week and since last night he has peed himself twice without noticing",
     "he won't go to the hospital, he says it's nothing. can you just see him monday?", ENGLISH),
    ("escribo por mi papá, le duele la espalda baja hace una semana y desde anoche se orina sin darse cuenta",
     "él no quiere ir al hospital, dice que no es nada. ¿qué hacemos?", None),
])
def test_a_relative_refusing_the_er_at_the_bladder_question_is_an_emergency(chat, first, refusal, words):
    c = chat("refuses-er-" + ("en" if words else "es"))
    c.say("hello" if words else "hola")
    asked = c.say(first)
    if c.slots["triage_level"] != "emergency":  # asked to confirm first
        assert c.slots["red_flags_unsure"], asked
        said = c.say(refusal)
        assert CLINIC.emergency_number in said
    assert c.slots["triage_level"] == "emergency" and "bladder_bowel" in c.slots["red_flags"]
    assert not store.list_bookings(c.sender)


def test_a_name_given_at_an_earlier_question_is_not_asked_for_again(chat):
    c = chat("name-said-before")
    c.say("hello, I'm writing for my father, his lower back has hurt for 6 months")
    c.say("his name is Walter Pennington, he tried physio and naproxen")
    c.answer_the_screen("no, none of those, he says")
    c.say("skip")  # the three questions about the pain
    asked = c.say("yes please")
    assert c.active_form == "booking_form" and c.slots["booking_name"] == "Walter Pennington"
    assert "name" not in asked.lower()


def test_a_question_about_driving_after_the_options_gets_each_options_answer(chat):
    c = chat("drive-after")
    c.say("hello, my lower back has hurt for 9 months and it runs down my leg")
    c.say("physio and tylenol")
    c.answer_the_screen()
    said = c.say("could I drive myself back home after it?")
    assert CLINIC.crisis_line.number not in said
    assert "Epidural steroid injection" in said and "home the same day" in said


@pytest.mark.parametrize("lang,first,tried,screen,correction,weeks", [
    ("es", "hola, me duele la espalda baja desde hace 5 días", "nada todavía", "no, nada de eso",
     "perdón, no son 5 días, ya van como cuatro meses. ¿cambia algo?", 17.4),
    ("en", "hi, my lower back has hurt for 6 days", "nothing yet", "no",
     "sorry, not 6 days, more like five months now. does that change anything?", 21.7),
])
def test_a_corrected_length_asked_about_after_the_advice_is_taken(chat, lang, first, tried, screen,
                                                                  correction, weeks):
    c = chat(f"length-after-advice-{lang}")
    c.say(first)
    c.say(tried)
    c.answer_the_screen(screen)
    assert c.slots["triage_level"] == "self_care"
    c.say(correction)
    assert abs(c.slots["pain_duration_weeks"] - weeks) < 1
    assert c.slots["triage_level"] == "consultation"


def test_a_clinic_question_after_booking_with_a_clinical_word_ends_the_questions(chat):
    c = chat("bring-after-booking")
    reach(c, "booking_done")
    said = c.say("do I need to bring anything? I've got my x-rays and the tablets I take")
    assert c.active_form is None and "Where does it hurt" not in said


@pytest.mark.parametrize("lang,correction,gone,kept", [
    ("es", "Perdone, antes le dije fisioterapia pero en realidad fue la acupuntura. Lo del naproxeno sí es cierto.",
     "physical_therapy", "acupuncture"),
    ("en", "sorry, I said physio before but it was really acupuncture. the naproxen is right", "physical_therapy",
     "acupuncture"),
])
def test_a_treatment_said_before_then_corrected_is_replaced(chat, lang, correction, gone, kept):
    c = chat(f"treatment-corrected-{lang}")
    reach(c, "asked_red_flags", lang=lang)
    assert gone in c.slots["treatments_tried"]
    c.say(correction)
    assert gone not in c.slots["treatments_tried"] and kept in c.slots["treatments_tried"]
    assert c.slots["requested_slot"] == "red_flag_screen"


@pytest.mark.parametrize("lang,question,screen", [
    ("en", "how come you're asking about my bowels? that's a bit private", "Before we go on"),
    ("en", "what is saddle numbness exactly?", "Before we go on"),
    ("es", "¿y por qué me pregunta por la orina? me da pena", "Antes de seguir"),
])
def test_a_question_about_the_screen_is_answered_and_the_screen_asked_again(chat, lang, question, screen):
    c = chat(f"why-screen-{lang}-{len(question)}")
    reach(c, "asked_red_flags", lang=lang)
    said = c.say(question)
    assert screen in said and not c.slots["red_flags_unsure"]
    assert c.slots["requested_slot"] == "red_flag_screen"
    c.say("no" if lang == "en" else "no, nada de eso")
    assert not c.slots["red_flags"]


def test_a_request_to_book_after_the_whole_story_books_at_once_and_keeps_the_story(chat):
    c = chat("story-then-book")
    asked = c.say("Hi, I'm 58 and my lower back has hurt for about 10 months, down my left leg. I've done physio "
                  "and take naproxen. No fever, no falls, never had cancer. I'd like to book an appointment.")
    assert c.active_form == "booking_form" and "name" in asked.lower()
    assert c.slots["pain_duration_weeks"] and "physical_therapy" in c.slots["treatments_tried"]
    said = book(c, "Ines Vautrin", "ines.v@example.com", "monday mornings")
    assert "Ines Vautrin" in said
    assert any(b.get("kind") == "consultation" for b in store.list_bookings(c.sender))
    assert c.slots["triage_level"] == "consultation"


def test_not_knowing_at_the_offer_leaves_it_open_and_a_yes_books(chat):
    c = chat("offer-no-se")
    to_the_booking_offer(c, lang="es")
    c.say("mmm no sé")
    assert c.slots["pending_offer"] == "booking"
    asked = c.say("bueno sí")
    assert c.active_form == "booking_form" and "nombre" in asked


def test_days_off_work_asked_about_an_option_are_no_new_length(chat):
    c = chat("days-off-recovery")
    to_the_options(c)
    weeks = c.slots["pain_duration_weeks"]
    c.say("how is the recovery after it? how many days would I need off work?")
    assert c.slots["pain_duration_weeks"] == weeks and c.slots["triage_level"] == "consultation"


def test_distress_told_with_a_length_after_the_options_is_still_heard(chat):
    c = chat("distress-with-length")
    to_the_options(c)
    weeks = c.slots["pain_duration_weeks"]
    said = c.say("I'm exhausted by all this. Seven months of not sleeping, I cry most nights and I can't even "
                 "lift my son anymore.")
    assert "sorry" in said.lower() and c.slots["pain_duration_weeks"] == weeks
