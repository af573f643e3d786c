"""Where the pain goes and the injections had, from the patient's own words (pure functions:
bot/nlu/pattern.py, bot/nlu/injections.py, bot/story.py)."""
import pytest

from bot.content import load_content
from bot.nlu.injections import injection_entities
from bot.nlu.pattern import read_pattern
from bot.story import PATTERN_QUESTION, RELIEF_QUESTION, pattern_answer, questions_needed, story_updates


@pytest.mark.parametrize("text, pattern", [
    ("it shoots down my leg", "radiating_leg"),
    ("pins and needles in my toes", "radiating_leg"),
    ("sciatica, right side", "radiating_leg"),
    ("burning pain from my bum down to my calf", "radiating_leg"),
    ("goes past the knee", "radiating_leg"),
    ("neck pain going down my right arm into the thumb", "radiating_arm"),
    ("numb fingers most days", "radiating_arm"),
    ("it stays in my back", "axial"),
    ("just in my neck really", "axial"),
    ("it doesn't go down my legs", "axial"),  # a spread denied: it stays put
    ("never below the knee", "axial"),
    ("worse when I lean back or twist", "axial"),
    ("no tingling, it shoots down my leg", "radiating_leg"),  # the denial is another clause
    ("my back and down my right leg to the toes", "radiating_leg"),
    ("my whole arm feels heavy", None),  # heaviness is not pain travelling
    ("my left buttock and the back of the thigh", None),  # not below the knee
    ("my lower back hurts", None),
])
def test_pattern_from_the_patients_words(text, pattern):
    hit = read_pattern(text)
    assert (hit.value if hit else None) == pattern


def _kinds(text):
    return [(e["value"], e.get("kind"), e.get("weeks")) if e["entity"] == "injection_relief" else e["value"]
            for e in injection_entities(text)]


@pytest.mark.parametrize("text, found", [
    ("the facet injections helped for 3 months", ["facet", ("good", "facet", 13.0)]),
    ("the epidurals helped for a few weeks", ["epidural", ("good", "epidural", 3.0)]),
    ("2 epidurals and a nerve root block", ["epidural", "nerve_root"]),
    ("a nerve block in my neck that did nothing", ["nerve_root", ("none", "nerve_root", None)]),
    ("each one only helped for maybe 2 weeks", [("partial", None, 2.0)]),
    ("both times it was about 80% better", [("good", None, None)]),
    ("maybe 20 percent for an hour", [("none", None, 0.0)]),
    ("No injections so far.", []),
    ("what is an epidural?", []),
    ("I have never had a facet injection", []),
])
def test_injections_had_and_how_they_went(text, found):
    assert _kinds(text) == found


def test_a_time_said_about_an_injection_is_marked_as_its_clause():
    text = "lower back for 2 years, the epidural helped for 4 months"
    clauses = [(e["start"], e["end"]) for e in injection_entities(text)]
    months = text.index("4 months")
    assert any(s <= months < e for s, e in clauses)
    assert not any(s <= text.index("2 years") < e for s, e in clauses)


def test_slot_updates_keep_what_was_said_and_apply_relief_to_the_right_injections():
    first = story_updates({}, injection_entities("physio, 2 epidurals and a nerve root block"))
    assert first["prior_injections"] == [{"kind": "epidural", "relief": "unknown", "relief_weeks": None},
                                         {"kind": "nerve_root", "relief": "unknown", "relief_weeks": None}]
    second = story_updates(first, injection_entities("none of the injections did anything"))
    assert [i["relief"] for i in second["prior_injections"]] == ["none", "none"]
    # relief with no injection named counts only as the answer to "Did they help?"
    assert story_updates(first, injection_entities("physio helped a bit")) == {}
    answered = story_updates(first, injection_entities("a bit"), answering=RELIEF_QUESTION)
    assert [i["relief"] for i in answered["prior_injections"]] == ["partial", "partial"]


def test_pain_into_a_leg_places_it_in_the_lower_back_when_no_place_was_said():
    leg = [{"entity": "pain_pattern", "value": "radiating_leg"}]
    assert story_updates({}, leg) == {"pain_pattern": "radiating_leg", "pain_location": "lower_back"}
    assert story_updates({"pain_location": "neck"}, leg) == {"pain_pattern": "radiating_leg"}


@pytest.mark.parametrize("text, intent, location, pattern", [
    ("no", "deny", "lower_back", "axial"),
    ("nope", "inform", "neck", "axial"),
    ("yes", "affirm", "lower_back", "radiating_leg"),
    ("yes it does", "affirm", "neck", "radiating_arm"),
    ("not sure", "deny", "lower_back", None),
    ("I don't know", "deny", "lower_back", None),
])
def test_a_plain_answer_to_the_spread_question(text, intent, location, pattern):
    assert pattern_answer(text, intent, location) == pattern


def test_questions_are_asked_only_when_the_answer_changes_the_options():
    content = load_content()
    base = {"pain_location": "lower_back", "pain_duration_weeks": 30, "treatments_tried": ["physical_therapy"]}
    assert questions_needed(base, content) == [PATTERN_QUESTION]
    assert questions_needed({**base, "pain_pattern": "axial"}, content) == []
    assert questions_needed({**base, "pattern_unclear": True}, content) == []  # asked once
    assert questions_needed({**base, "treatments_tried": []}, content) == []  # nothing tried: no options
    assert questions_needed({**base, "pain_duration_weeks": 2}, content) == []  # acute
    assert questions_needed({**base, "red_flags": ["fever"]}, content) == []
    had = {**base, "pain_pattern": "axial", "prior_injections": [{"kind": "facet", "relief": "unknown"}]}
    assert questions_needed(had, content) == [RELIEF_QUESTION]
    assert questions_needed({**had, RELIEF_QUESTION: "unknown"}, content) == []  # asked once
