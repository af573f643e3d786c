"""Real crisis language keeps the crisis line whatever the classifier guesses; its own crisis
guess is set aside only on a message clearly about the care that says no crisis cue."""
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.clinic import load_clinic
from bot.content import load_content
from bot.nlu.crisis import CrisisDetector
from bot.nlu.crisis_gate import crisis_wording
from bot.nlu.intent_rules import CrisisLanguageOverride
from bot.offscript import say
from tests.unit.reading import entities

DETECT = CrisisDetector()
PROBES = yaml.safe_load((Path(__file__).parents[1] / "data" / "crisis_probes.yml").read_text(encoding="utf-8"))
CRISIS = [p["text"] for p in PROBES if p["kind"] == "crisis"]
ORDINARY = [p["text"] for p in PROBES if p["kind"] == "ordinary"]


def _read(text, guess, found=None):
    """The intent and the wording of the line after the override, the classifier having
    guessed `guess` (then inform), with the entities the clinical reader finds."""
    message = Message(data={"text": text})
    message.set("intent", {"name": guess, "confidence": 0.6})
    message.set("intent_ranking", [{"name": guess, "confidence": 0.6}, {"name": "inform", "confidence": 0.2}])
    message.set("entities", entities(text) if found is None else found)
    CrisisLanguageOverride().process([message])
    intent = message.get("intent")["name"]
    return intent, crisis_wording(DETECT, text) if intent == "possible_crisis" else None


def test_the_probe_set_is_large_and_in_both_languages():
    langs = [p["lang"] for p in PROBES if p["kind"] == "crisis"]
    assert len(CRISIS) >= 150 and langs.count("es") >= 50


@pytest.mark.parametrize("guess", ["crisis", "inform", "express_distress", "give_contact"])
@pytest.mark.parametrize("text", CRISIS)
def test_real_crisis_language_keeps_the_full_crisis_line_whatever_the_classifier_guessed(text, guess):
    intent, wording = _read(text, guess)
    assert intent == "crisis" or (intent == "possible_crisis" and wording == "distress_safety")


@pytest.mark.parametrize("text", CRISIS)
def test_every_crisis_probe_says_a_cue_so_the_gate_could_not_drop_it_even_without_its_pattern(text):
    assert DETECT.cues(text)


@pytest.mark.parametrize("text", [
    # said beside a detail the reader finds (a place, a length): the crisis line still
    "lower back, 3 years, and honestly I've been thinking of ending it",
    "neck pain for months. wrote letters to my kids last week",
    "la espalda, desde hace un año, y ya no le veo sentido a nada",
    "physio didn't help, I've given most of my stuff away now",
])
def test_crisis_language_beside_a_clinical_detail_keeps_the_line(text):
    assert _read(text, "inform")[0] in ("crisis", "possible_crisis")


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_words_a_gate_could_trip_on_are_no_crisis_words(text):
    assert not DETECT(text) and not DETECT.may_be(text)


@pytest.mark.parametrize("text", [
    "not sure, a long time, years I think", "Helen Marsh (I'm her daughter, put her name)",
    "no weight loss, no fever, none of those", "no sé, ya hace años",
    "call me on 555 010 4477 please", "only ibuprofen so far, I'd rather not take opioids",
])
def test_a_crisis_guess_on_a_message_about_the_care_with_no_cue_is_the_answer_it_is(text):
    assert _read(text, "crisis")[0] == "inform"


@pytest.mark.parametrize("text", ["well there you go", "ok whatever you think", "hmm"])
def test_a_crisis_guess_on_no_care_and_no_cue_keeps_the_line_in_gentler_words(text):
    assert _read(text, "crisis") == ("possible_crisis", "distress_safety_gentle")


@pytest.mark.parametrize("text", [
    "my back is killing me", "lower back, and I feel so alone with it",
    "this pain has ruined my life, 2 years now",
])
def test_a_crisis_guess_on_a_cue_keeps_the_full_line_even_about_the_care(text):
    assert _read(text, "crisis") == ("possible_crisis", "distress_safety")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_gentler_wording_still_gives_the_crisis_line(lang):
    clinic = load_clinic()
    said = say(load_content(lang=lang), clinic, "distress_safety_gentle")["text"]
    assert clinic.crisis_line.number in said and clinic.crisis_line.name in said
