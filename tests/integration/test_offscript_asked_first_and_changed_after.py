"""Off-script turns of session 19, by kind: a clinic question before the first question, a
question with the back named in passing, a place or name corrected, a time changed after the
booking, a wish about the doctor, "I'll just call", a person or a call back asked for in
Spanish as texted, a prescription asked of the assistant. Whole conversations on the real
model and action server; sentences written for these tests, none from a blind set."""
from __future__ import annotations

from bot import store
from tests.integration.steps import CLINIC, CONFIRM, dont_have, reach, to_the_booking_offer
from tests.words import question, question_in

WHERE = question("utter_ask_pain_location")
HOW_LONG = question("utter_ask_pain_duration_weeks")
WHERE_ES = question_in("utter_ask_pain_location", "es")


def test_a_clinic_question_as_the_first_message_is_answered_then_the_questions_start(chat):
    c = chat("first")
    reply = c.say("hey where r u located?? google maps shows me two different places")
    assert CLINIC.address in reply
    assert CONFIRM not in reply
    assert reply.rstrip().endswith(WHERE) and c.slots["requested_slot"] == "pain_location"


def test_a_day_texted_short_gets_that_days_hours_then_the_questions(chat):
    c = chat("sun")
    reply = c.say("r u open sun")
    assert "Sunday" in reply and "didn't understand" not in reply
    assert reply.rstrip().endswith(WHERE)


def test_a_clinic_question_at_where_with_the_back_in_passing_asks_where_again(chat):
    c = chat("video")
    reach(c, "asked_where")
    reply = c.say("Is a phone consultation possible? Sitting in the car for hours wrecks my back")
    assert dont_have(reply)  # the example clinic says nothing of telehealth
    assert reply.rstrip().endswith(WHERE)
    assert c.slots["requested_slot"] == "pain_location" and c.slots["pain_location"] is None


def test_a_place_taken_back_at_how_long_is_corrected(chat):
    c = chat("place")
    reach(c, "asked_how_long")
    reply = c.say("hmm no its not my low back really, its more like up between the shoulder blades")
    assert c.slots["pain_location"] == "upper_back"
    assert "Got it" in reply and reply.rstrip().endswith(HOW_LONG)


def test_a_wish_about_the_doctor_is_answered_and_the_offer_stays(chat):
    c = chat("doctor")
    to_the_booking_offer(c)
    reply = c.say("is there a male doctor I could see instead?")
    assert dont_have(reply)  # no doctors in the example clinic.yml: the front desk's number
    assert c.slots["pending_offer"] == "booking"


def test_the_patient_who_will_call_gets_the_number_and_no_question(chat):
    c = chat("call")
    to_the_booking_offer(c)
    reply = c.say("what number do I ring? I'll just phone you instead")
    assert CLINIC.phone in reply
    assert "?" not in reply


def test_a_surname_respelt_then_said_whole_is_taken_whole(chat):
    c = chat("surname")
    reach(c, "booking_asked_contact")  # the name given was Sam Taylor
    reply = c.say("sorry the surname is spelt wrong, Tailor with an i. Sam Tailor")
    assert c.slots["booking_name"] == "Sam Tailor" and "Got it: Sam Tailor" in reply
    assert c.slots["requested_slot"] == "booking_contact"


def test_a_surname_corrected_alone_keeps_the_first_name(chat):
    c = chat("surname-alone")
    reach(c, "booking_asked_time")
    c.say("oops wrong last name, it should be Tayler")
    assert c.slots["booking_name"] == "Sam Tayler"


def test_the_full_spanish_name_after_a_colon_is_taken(chat):
    c = chat("nombre")
    reach(c, "booking_asked_contact", "es")
    reply = c.say("Disculpe, mi nombre completo sería: Sam Taylor Gutiérrez, con el segundo apellido")
    assert c.slots["booking_name"] == "Sam Taylor Gutiérrez"
    assert "Sam Taylor Gutiérrez" in reply


def test_a_time_changed_after_booking_with_a_plan_of_the_patients_is_kept(chat):
    c = chat("time")
    reach(c, "booking_done")  # booked for weekday mornings
    reply = c.say("ah I'm starting a course on tuesday so mornings are out now. "
                  "could it be saturday afternoons instead?")
    assert c.slots["booking_time"] == "saturday afternoons"
    assert "saturday afternoons" in reply
    assert c.slots.get("pain_duration_weeks") is None  # the course's start is no pain's length
    assert any(r["kind"] == "callback" for r in store.list_bookings(c.sender))


def test_a_person_asked_for_in_spanish_beside_a_complaint_is_offered_a_call_back(chat):
    c = chat("persona")
    reach(c, "asked_how_long", "es")
    reply = c.say("¿podría hablar con una persona? me cuesta mucho escribir en el celular")
    assert CLINIC.phone in reply
    assert c.slots["pending_offer"] == "callback"
    assert c.slots["requested_slot"] == "pain_duration_weeks"


def test_a_call_back_asked_for_with_q_for_que_collects_the_details(chat):
    c = chat("llamen")
    reach(c, "asked_red_flags", "es")
    c.say("q me llamen mejor porfa, ando manejando")
    assert c.active_form == "booking_form" and c.slots["booking_kind"] == "callback"


def test_a_prescription_asked_of_the_assistant_is_declined_kindly(chat):
    c = chat("prescribe")
    reach(c, "asked_what_tried")
    reply = c.say("could you prescribe anything stronger? the naproxen isn't cutting it")
    assert "can't prescribe" in reply and "consultation" in reply
    assert c.slots["treatments_tried"] == ["otc_medication"]
    assert "prescription_medication" not in c.slots["treatments_tried"]


def test_a_prescription_asked_in_spanish_is_declined_kindly(chat):
    c = chat("recetar")
    reach(c, "asked_what_tried", "es")
    reply = c.say("¿me podría recetar algo más fuerte? el paracetamol ya no me sirve")
    assert "no puedo recetar" in reply
    assert c.slots["treatments_tried"] == ["otc_medication"]
