"""Whole conversations (real model, real action server) for session 14's kinds: putting the
booking off ("let me think about it", "not ready to book yet", "déjeme pensarlo") gets a kind
answer and the patient can still book; a patient who leaves before the questions are done still
has a level for staff; a blessing is a farewell; a misspelt "since" dates the pain; a
treatment taken back at the warning-sign screen; Spanish questions about the option just
explained. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from bot.clinic import load_clinic

CLINIC = load_clinic()


def _to_the_booking_offer(c, lang: str = "en") -> str:
    if lang == "es":
        c.say("hola")
        c.say("me duele la parte baja de la espalda")
        c.say("unos 7 meses")
        c.say("fisioterapia y naproxeno")
        said = c.answer_the_screen("no, nada de eso")
        return said + "\n" + c.say("no, gracias")  # the three questions about the pain, skipped
    c.say("hello")
    c.say("my lower back")
    c.say("about 7 months")
    c.say("physio and naproxen")
    said = c.answer_the_screen()
    return said + "\n" + c.say("skip")


def test_not_ready_to_book_gets_a_kind_answer_and_a_yes_still_books(chat):
    c = chat("not-ready")
    assert "book a consultation" in _to_the_booking_offer(c)
    reply = c.say("I'm not ready to book yet")
    assert "no rush" in reply and CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert "Book a consultation" in [b["title"] for r in c.replies for b in r.get("buttons") or []]
    assert c.active_form is None and not store.list_bookings(c.sender)
    assert c.slots["triage_level"] == "consultation"
    reply = c.say("yes")
    assert c.active_form == "booking_form" and "What name" in reply


def test_let_me_think_about_it_is_no_goodbye_and_the_button_books(chat):
    c = chat("think-about-it")
    _to_the_booking_offer(c)
    reply = c.say("hmm, let me think about it")
    assert "no rush" in reply and CLINIC.phone in reply and "Take care" not in reply
    reply = c.say("/book_consultation")
    assert c.active_form == "booking_form" and "What name" in reply


def test_maybe_later_with_a_goodbye_is_a_goodbye(chat):
    c = chat("later-bye")
    _to_the_booking_offer(c)
    reply = c.say("No thank you, maybe later. Bye.")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply and "no rush" not in reply
    assert c.active_form is None and not store.list_bookings(c.sender)


def test_dejeme_pensarlo_gets_the_kind_answer_in_spanish(chat):
    c = chat("pensarlo")
    _to_the_booking_offer(c, "es")
    reply = c.say("déjeme pensarlo, todavía no estoy segura")
    assert "no hay prisa" in reply and CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert c.slots["language"] == "es" and not store.list_bookings(c.sender)
    reply = c.say("bueno, sí")
    assert c.active_form == "booking_form"


def test_leaving_before_the_screen_still_stores_the_level_known(chat):
    c = chat("leave-early")
    c.say("hi")
    c.say("my lower back, across the bottom")
    c.say("sinse saturday, i think i slept funny")  # "since" misspelt: still a length
    reply = c.say("ok thanks, bye")
    assert CLINIC.phone in reply and c.active_form is None
    slots = c.slots
    assert slots["triage_level"] == "self_care"
    assert "decided at leaving" in slots["decision_trail"][-1]["note"]


def test_leaving_with_nothing_known_stores_no_level(chat):
    c = chat("leave-at-once")
    c.say("hello")
    c.say("never mind, bye")
    assert c.slots["triage_level"] is None


def test_a_blessing_ends_the_conversation_with_the_numbers(chat):
    c = chat("blessing")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Edith Parker")
    c.say("555 013 7788")
    c.say("any weekday morning")
    reply = c.say("Thank you so much, you've been very kind. God bless.")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply


def test_a_treatment_taken_back_at_the_screen_is_taken_off_and_the_screen_asked_again(chat):
    c = chat("taken-back-screen")
    c.say("hello")
    c.say("my lower back")
    c.say("about 7 months")
    c.say("physio and ibuprofen")
    reply = c.say("wait. no physio. it was the chiropractor. ibuprofen yes.")
    slots = c.slots
    assert "physical_therapy" not in slots["treatments_tried"]
    assert {"chiropractic", "otc_medication"} <= set(slots["treatments_tried"])
    assert slots["requested_slot"] == "red_flag_screen" and "bladder" in reply


def test_spanish_questions_about_the_option_just_explained(chat):
    from actions.settings import content
    options = {o.id: o for o in content("es").options}
    c = chat("es-option-questions")
    _to_the_booking_offer(c, "es")
    c.say("¿qué es la inyección facetaria?")
    facet = options["facet_joint_injection"]
    for question, section in [("¿y duele?", facet.how), ("¿cuánto dura el efecto?", facet.relief),
                              ("¿qué riesgos tiene?", facet.risks),
                              ("¿puedo volver manejando a casa?", facet.how),
                              ("¿cuántas de esas se pueden hacer por año?", facet.relief)]:
        reply = c.say(question)
        assert section[:40] in reply, question


def test_a_place_corrected_at_the_screen_keeps_the_screen_open(chat):
    c = chat("place-corrected-at-screen")
    c.say("hello")
    c.say("my lower back")
    c.say("about 8 months")
    c.say("physio and ibuprofen")
    reply = c.say("no, it's my neck not my back")
    slots = c.slots
    assert slots["pain_location"] == "neck" and "neck" in reply
    # the "no" took back the place: it is no answer to the warning signs, asked again
    assert slots["red_flag_screen"] is None and slots["requested_slot"] == "red_flag_screen"
    assert "bladder" in reply


def test_putting_it_off_at_the_name_question_ends_the_booking_kindly(chat):
    c = chat("es-booking-later")
    c.say("hola, buenas tardes")
    c.say("quiero pedir una cita")
    reply = c.say("mejor no. lo pienso y luego les escribo")
    assert c.active_form is None and CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert c.slots["booking_name"] is None and not store.list_bookings(c.sender)


def test_not_sure_about_being_ready_is_putting_it_off(chat):
    c = chat("not-sure-ready")
    _to_the_booking_offer(c)
    reply = c.say("I'm not sure I'm ready to book anything yet, to be honest.")
    assert "no rush" in reply and CLINIC.phone in reply and "automated assistant" not in reply
