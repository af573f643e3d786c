"""The contract's triage rules, the slot updates between turns, and booking details."""
import pytest

from bot.booking import parse_contact, parse_name, parse_preferred_time
from bot.slots import clinical_updates, new_red_flags, retracted_red_flags
from bot.triage import classify_duration, decide_triage


@pytest.mark.parametrize("flags,category,level", [
    (["bladder_bowel"], "chronic", "emergency"),
    (["saddle_numbness"], None, "emergency"),
    (["leg_weakness", "fever"], "acute", "emergency"),  # emergency outranks urgent
    (["fever"], "chronic", "urgent"),
    (["trauma"], None, "urgent"),
    (["cancer_history"], "acute", "urgent"),
    (["weight_loss"], "subacute", "urgent"),
    ([], "subacute", "consultation"),
    ([], "chronic", "consultation"),
    ([], "acute", "self_care"),
])
def test_each_triage_level_by_the_contract_rules(flags, category, level):
    assert decide_triage(flags, category).level == level


def test_no_decision_before_duration_or_red_flags_are_known():
    assert decide_triage([], None) is None


def test_the_decision_names_the_rule_and_what_decided_it():
    decision = decide_triage(["fever", "trauma"], "chronic")
    assert decision.rule.startswith("2")
    assert decision.because == ("fever", "trauma")


@pytest.mark.parametrize("weeks,category", [
    (0.14, "acute"), (3.99, "acute"), (4, "subacute"), (12, "subacute"),
    (12.01, "chronic"), (520, "chronic"),
])
def test_duration_categories_at_the_boundaries(weeks, category):
    assert classify_duration(weeks) == category


def entity(name, value):
    return {"entity": name, "value": value}


def test_treatments_and_red_flags_accumulate_across_messages():
    slots = {"treatments_tried": ["physical_therapy"], "red_flags": ["fever"]}
    updates = clinical_updates(slots, [entity("treatment", "otc_medication"),
                                       entity("red_flag", "trauma")])
    assert updates["treatments_tried"] == ["physical_therapy", "otc_medication"]
    assert updates["red_flags"] == ["fever", "trauma"]


def test_nothing_tried_answers_the_question_but_never_erases_earlier_answers():
    assert clinical_updates({}, [entity("treatment_none", "none")])["treatments_tried"] == []
    assert "treatments_tried" not in clinical_updates(
        {"treatments_tried": ["rest"]}, [entity("treatment_none", "none")])


def test_the_longest_duration_is_the_pain_duration():
    updates = clinical_updates({}, [entity("duration", 2.0), entity("duration", 26.07)])
    assert updates == {"pain_duration_weeks": 26.07, "duration_category": "chronic"}


def test_a_correction_takes_a_red_flag_back():
    slots = {"red_flags": ["saddle_numbness", "fever"]}
    entities = [entity("red_flag_denied", "saddle_numbness")]
    assert clinical_updates(slots, entities)["red_flags"] == ["fever"]
    assert retracted_red_flags(slots, entities) == ["saddle_numbness"]
    assert new_red_flags(slots, entities) == []


def test_a_flag_already_recorded_is_not_new_but_another_one_is():
    slots = {"red_flags": ["fever"]}
    assert new_red_flags(slots, [entity("red_flag", "fever")]) == []
    assert new_red_flags(slots, [entity("red_flag", "leg_weakness")]) == ["leg_weakness"]


@pytest.mark.parametrize("text,expected", [
    ("jane@example.com", "jane@example.com"),
    ("email me at Jane.Smith@Example.org please", "jane.smith@example.org"),
    ("555-010-2030", "5550102030"),
    ("call me on +1 (555) 010 2030", "+15550102030"),
    ("07700 900123", "07700900123"),
    ("12345", None),
    ("tomorrow morning", None),
    ("", None),
])
def test_contact_details_are_recognised_and_normalised(text, expected):
    assert parse_contact(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Jane Smith", "Jane Smith"),
    ("my name is ahmed khan", "Ahmed Khan"),
    ("I'm Siobhán O'Neill", "Siobhán O'Neill"),
    ("José María García-López", "José María García-López"),
    ("555 010 2030", None),
    ("<script>alert(1)</script>", None),
    ("", None),
])
def test_names_are_recognised_and_junk_is_not(text, expected):
    assert parse_name(text) == expected


def test_preferred_time_is_kept_short_and_clean():
    assert parse_preferred_time("  weekday   mornings ") == "weekday mornings"
    assert parse_preferred_time("?") is None
    assert len(parse_preferred_time("a" * 5000)) == 200
