"""What the assistant says, composed from content/ and clinic.yml."""
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.advice import compose_triage, handoff_message
from bot.clinic import load_clinic
from bot.content import load_content
from bot.triage import decide_triage

CLINIC, CONTENT = load_clinic(), load_content()
NY = ZoneInfo("America/New_York")


def test_a_person_please_in_opening_hours_offers_a_same_day_call_back():
    text = handoff_message(CLINIC, datetime(2026, 11, 24, 10, 0, tzinfo=NY), CONTENT)["text"]
    assert "call you back" in text and CLINIC.phone in text


def test_a_person_please_out_of_hours_gives_the_hours_and_still_takes_a_call_back():
    text = handoff_message(CLINIC, datetime(2026, 11, 29, 22, 0, tzinfo=NY), CONTENT)["text"]
    assert "closed" in text and CLINIC.hours_text() in text and "call-back" in text


def test_an_emergency_never_offers_booking_or_options():
    advice = compose_triage(decide_triage(["saddle_numbness"], "chronic"),
                            {"pain_location": "lower_back", "pain_duration_weeks": 30,
                             "red_flag_evidence": [{"flag": "saddle_numbness",
                                                    "words": "numb between my legs"}]},
                            CONTENT, CLINIC)
    text = " ".join(m["text"] for m in advice.messages)
    assert advice.pending_offer is None and advice.options == []
    assert "numb between my legs" in text and CLINIC.emergency_number in text


def test_a_consultation_explains_why_each_option_may_fit():
    slots = {"pain_location": "lower_back", "pain_duration_weeks": 26.07,
             "treatments_tried": ["physical_therapy"]}
    advice = compose_triage(decide_triage([], "chronic"), slots, CONTENT, CLINIC)
    text = " ".join(m["text"] for m in advice.messages)
    assert advice.options
    assert "about 6 months" in text and "physical therapy" in text
    assert CONTENT.disclaimer.split(":")[0] in text


def test_a_decision_taken_again_with_the_same_options_is_not_said_again():
    from bot.advice import unchanged_advice

    told = {"triage_level": "consultation", "options_explained": ["facet_joint_injection", "diagnostic_block"]}
    assert unchanged_advice(told, "consultation", ["diagnostic_block", "facet_joint_injection"])
    assert not unchanged_advice(told, "consultation", ["epidural_steroid_injection"])  # new options
    assert not unchanged_advice(told, "emergency", [])  # a warning sign's advice, always
    # decided at the screen, nothing said yet (self-care has no options): said
    assert not unchanged_advice({"triage_level": "self_care"}, "self_care", [])
    assert unchanged_advice({"triage_level": "self_care", "options_explained": []}, "self_care", [])
