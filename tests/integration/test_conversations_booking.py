"""Whole conversations about booking: asking, putting it off, call backs, times and changes.

A booking asked for at an offer, after self-care or during a story question; "not ready yet" and
"déjeme pensarlo" answered kindly with the booking still possible; a call back with the number;
a time said with a clinic question or distress; a time or part of the day changed after the
request. Real model, real action server (tests/conftest.py). Sentences written for these tests,
none from a blind set."""
from __future__ import annotations

from bot import store
from tests.integration.steps import (
    CLINIC,
    reach,
    to_self_care,
    to_the_booking_offer,
    to_the_offer,
    to_the_options,
)


def test_distress_with_a_request_to_book_starts_the_booking(chat):
    c = chat("distress-book")
    c.say("hello")
    c.say("lower back")
    reply = c.say("I'm just worn out by all of this. ok I'll book")
    assert "What name" in reply and c.active_form == "booking_form"
    c.say("Imogen Hartley")
    c.say("555 014 7788")
    c.say("weekday afternoons")
    assert [b["kind"] for b in store.list_bookings(c.sender)] == ["consultation"]


def test_asking_to_book_while_a_call_back_is_offered_books_a_consultation(chat):
    c = chat("human-then-book")
    c.say("hello")
    c.say("neck")
    c.say("I'd like to talk to a real person please")
    c.say("ok never mind, let's book then")
    c.say("Rowan Pike")
    c.say("555 018 2231")
    c.say("mornings")
    assert [b["kind"] for b in store.list_bookings(c.sender)] == ["consultation"]


def test_a_call_back_asked_for_with_the_number_takes_the_number(chat):
    c = chat("ring-me")
    c.say("hello")
    reply = c.say("typing is hard for me, could someone phone me instead? 555 0199 321")
    assert c.active_form == "booking_form" and c.slots["booking_kind"] == "callback"
    assert c.slots["booking_contact"] and "What name" in reply


def test_a_time_said_with_distress_words_answers_when(chat):
    c = chat("time-distress")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Petra Lindqvist")
    c.say("555 016 4420")
    reply = c.say("whatever evening suits, I'm stuck at home with this awful pain anyway")
    assert c.slots["booking_time"] and c.slots["booking_reference"] and "reference" in reply


def test_not_ready_to_book_gets_a_kind_answer_and_a_yes_still_books(chat):
    c = chat("not-ready")
    assert "book a consultation" in to_the_booking_offer(c)
    reply = c.say("I'm not ready to book yet")
    assert "no rush" in reply and CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert "Book a consultation" in [b["title"] for r in c.replies for b in r.get("buttons") or []]
    assert c.active_form is None and not store.list_bookings(c.sender)
    assert c.slots["triage_level"] == "consultation"
    reply = c.say("yes")
    assert c.active_form == "booking_form" and "What name" in reply


def test_let_me_think_about_it_is_no_goodbye_and_the_button_books(chat):
    c = chat("think-about-it")
    to_the_booking_offer(c)
    reply = c.say("hmm, let me think about it")
    assert "no rush" in reply and CLINIC.phone in reply and "Take care" not in reply
    reply = c.say("/book_consultation")
    assert c.active_form == "booking_form" and "What name" in reply


def test_dejeme_pensarlo_gets_the_kind_answer_in_spanish(chat):
    c = chat("pensarlo")
    to_the_booking_offer(c, "es")
    reply = c.say("déjeme pensarlo, todavía no estoy segura")
    assert "no hay prisa" in reply and CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert c.slots["language"] == "es" and not store.list_bookings(c.sender)
    reply = c.say("bueno, sí")
    assert c.active_form == "booking_form"


def test_putting_it_off_at_the_name_question_ends_the_booking_kindly(chat):
    c = chat("es-booking-later")
    c.say("hola, buenas tardes")
    c.say("quiero pedir una cita")
    reply = c.say("mejor no. lo pienso y luego les escribo")
    assert c.active_form is None and CLINIC.phone in reply and CLINIC.emergency_number in reply
    assert c.slots["booking_name"] is None and not store.list_bookings(c.sender)


def test_not_sure_about_being_ready_is_putting_it_off(chat):
    c = chat("not-sure-ready")
    to_the_booking_offer(c)
    reply = c.say("I'm not sure I'm ready to book anything yet, to be honest.")
    assert "no rush" in reply and CLINIC.phone in reply and "automated assistant" not in reply


def test_wanting_to_be_seen_anyway_after_self_care_books(chat):
    c = chat("seen-anyway")
    to_self_care(c)
    assert c.slots["triage_level"] == "self_care"
    reply = c.say("I'd still rather see one of your doctors, just to be on the safe side")
    assert c.active_form == "booking_form" and "988" not in reply


def test_no_me_podrian_ver_de_todas_formas_books_in_spanish(chat):
    c = chat("ver-igual")
    to_self_care(c, "es")
    reply = c.say("¿y no me podrían ver igual? es que manejo camión y necesito estar bien")
    assert c.active_form == "booking_form" and "988" not in reply
    assert c.slots["language"] == "es"


def test_not_wanting_the_appointment_yet_is_put_off_not_booked(chat):
    c = chat("no-quiero-aun")
    to_the_options(c, "es")
    c.say("no, gracias")  # the three questions about the pain, skipped
    reply = c.say("todavía no quiero pedir la cita, lo quiero platicar con mi esposa")
    assert "no hay prisa" in reply and c.active_form is None
    assert not store.list_bookings(c.sender) and c.slots["triage_level"] == "consultation"


def test_sign_me_up_at_a_story_question_books(chat):
    c = chat("apuntame")
    c.say("hola, me duele la parte baja de la espalda desde hace 7 meses")
    c.say("fisioterapia y naproxeno")
    c.answer_the_screen("no, nada de eso")
    reply = c.say("ya, apúnteme por favor")
    assert c.active_form == "booking_form"
    reply = c.say("Reinaldo Ibáñez")  # its letters are close to "reiniciar": still a name
    assert c.slots["booking_name"] and c.slots["pain_location"] == "lower_back"
    assert "teléfono" in reply


def test_not_sure_about_being_ready_said_with_booking_words_is_put_off(chat):
    c = chat("not-sure-ready-s15")
    to_the_options(c)
    c.say("skip")
    reply = c.say("honestly I don't think I'm ready to book anything yet, I'll think about it")
    assert "no rush" in reply and not store.list_bookings(c.sender) and c.active_form is None


def test_a_call_back_asked_with_vosotros_is_collected_at_once(chat):
    c = chat("podeis-llamar")
    c.say("me duele la espalda baja")
    reply = c.say("a mí escribir me cuesta mucho, ¿me podéis llamar? mi número es 555 014 2299")
    assert c.active_form == "booking_form" and c.slots["booking_kind"] == "callback"
    assert c.slots["booking_contact"] and "teléfono" not in reply


def test_a_question_at_the_time_question_saying_i_am_is_no_time(chat):
    c = chat("lift-am")
    c.say("I'd like to book an appointment please")
    c.say("Rosa Whitfield")
    c.say("555 212 6060")
    reply = c.say("Do you have a lift in the building? I am in a wheelchair.")
    assert c.active_form == "booking_form" and not c.slots.get("booking_time")
    assert "When would you prefer" in reply or "prefer" in reply
    assert not store.list_bookings(c.sender)


def test_yes_and_book_in_one_breath_at_the_offer_books(chat):
    c = chat("offer-book")
    assert "three quick questions" in to_the_offer(c)
    reply = c.say("yeah please book")
    assert "What name" in reply and c.active_form == "booking_form"


def test_a_time_with_a_clinic_question_is_taken_and_the_question_answered(chat):
    c = chat("time-question")
    c.say("hello")
    c.say("I'd like to book an appointment")
    c.say("Odile Marchetti")
    c.say("555 017 3390")
    reply = c.say("Thursday afternoons are best. Is there parking nearby?")
    assert "I don't have that information" in reply and CLINIC.phone in reply
    assert c.slots["booking_time"] == "Thursday afternoons are best."
    assert [b["kind"] for b in store.list_bookings(c.sender)] == ["consultation"]


def test_a_call_back_asked_for_beside_the_pain_takes_the_number(chat):
    c = chat("call-back-pain")
    reply = c.say("my neck is agony and typing hurts, can someone please call me back? 555 013 8842")
    assert c.active_form == "booking_form" and c.slots["booking_kind"] == "callback"
    assert c.slots["booking_contact"] == "5550138842" and "What name" in reply


def test_a_time_changed_after_the_request_keeps_only_the_time_that_suits(chat):
    c = chat("time-changed")
    reach(c, "booking_done")
    reply = c.say("can we move it to Friday afternoon? mornings don't suit me anymore")
    assert "Friday afternoon" in c.slots["booking_time"] and "suit" not in c.slots["booking_time"]
    assert "Friday afternoon" in reply


def test_leaving_to_check_with_family_at_the_name_question_ends_the_booking(chat):
    c = chat("leaving-at-name")
    reach(c, "booking_asked_name")
    reply = c.say("I have to check with my wife first about the dates. I'll come back later, thanks")
    assert c.active_form is None and CLINIC.phone in reply and CLINIC.emergency_number in reply


def test_a_spanish_time_change_after_the_request_is_said_back_in_spanish(chat):
    c = chat("time-after-booking-es")
    reach(c, "booking_done", "es")
    reply = c.say("ay perdón, mejor los viernes por la tarde, que entre semana trabajo")
    assert "viernes" in c.slots["booking_time"] and "viernes" in reply
    assert c.active_form is None and "¿Dónde le duele?" not in reply


def test_another_part_of_the_day_after_the_request_keeps_the_days(chat):
    c = chat("part-of-day-after-booking")
    reach(c, "booking_done")
    reply = c.say("hmm, evenings would actually work better for me")
    assert c.slots["booking_time"] == "weekday evenings" and "weekday evenings" in reply
    assert c.active_form is None


def test_the_phone_said_with_a_sign_at_the_contact_question_is_kept(chat):
    c = chat("phone-kept")
    c.say("quiero una cita para mi dolor de espalda")
    c.say("Remedios Carrasco")
    reply = c.say("555 013 4477. otra cosa, desde hace unos días siento raro entre las piernas")
    assert "Por seguridad" in reply, reply
    assert c.slots.get("booking_contact") == "5550134477"


def test_leaving_for_now_at_the_name_question_ends_kindly(chat):
    c = chat("leaving")
    c.say("quisiera agendar una consulta")
    assert c.slots.get("requested_slot") == "booking_name"
    reply = c.say("ahorita estoy manejando, más tarde les escribo")
    assert CLINIC.phone in reply and CLINIC.emergency_number in reply, reply
    assert c.active_form is None


def test_asked_whose_name_to_give_the_answer_comes_and_the_name_question_again(chat):
    c = chat("whose-name")
    c.say("quiero sacar una cita, es para mi suegra")
    assert c.slots.get("requested_slot") == "booking_name"
    reply = c.say("¿pongo su nombre o el mío?")
    assert "paciente" in reply, reply
    assert c.slots.get("requested_slot") == "booking_name" and not c.slots.get("booking_name")


def test_agendeme_at_an_offer_books(chat):
    c = chat("agendeme")
    c.say("buenas tardes, me duele el cuello desde hace cinco meses")
    c.say("fisioterapia y masajes")
    c.answer_the_screen("no, ninguno de esos")
    if c.slots["requested_slot"] in ("pain_pattern", "prior_injection_relief"):
        c.say("no estoy seguro")
    assert c.slots["triage_level"] == "consultation"
    c.say("bueno, sí, agéndeme por favor")
    assert c.active_form == "booking_form"
    c.say("Rigoberto Salinas Cuevas")
    c.say("555 301 4477")
    c.say("los martes por la tarde")
    [booking] = store.list_bookings(c.sender)
    assert booking["kind"] == "consultation"
    assert c.slots["booking_name"] == "Rigoberto Salinas Cuevas"


def test_a_new_time_asked_for_after_booking_is_said_back_and_sent_to_staff(chat):
    c = chat("otra-hora")
    c.say("quiero pedir una cita")
    c.say("Leticia Granados Peña")
    c.say("555 404 7781")
    c.say("los lunes por la mañana")
    assert c.slots["booking_reference"]
    reply = c.say("oiga, mejor cámbiemela para la tarde, que en la mañana no puedo. Los lunes por la tarde.")
    assert "Los lunes por la tarde" in reply
    assert c.slots["booking_time"] == "Los lunes por la tarde"
    calls = [b for b in store.list_bookings(c.sender) if b["kind"] == "callback"]
    assert calls and "Los lunes por la tarde" in calls[0]["preferred_time"]


def test_a_time_at_the_time_question_is_its_answer_not_a_change(chat):
    c = chat("hora")
    c.say("quisiera pedir una cita")
    c.say("Anselmo Quiroga Vidal")
    c.say("555 233 9810")
    c.say("mejor por las tardes, después de las cuatro, que antes trabajo")
    [booking] = store.list_bookings(c.sender)
    assert booking["kind"] == "consultation"
    assert "tardes" in booking["preferred_time"]
