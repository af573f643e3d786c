"""Issue 15's kinds of wording, read as the assistant reads them: medicines by brand, class and
slang (vocabulary and drug dictionary), therapies as spoken, nothing tried, durations tied to
days and events, places, and the answer to a confirming question."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.drugs import drug_category
from bot.nlu.duration import parse_durations
from bot.slots import clinical_updates, confirm_answer, flags_to_confirm
from tests.unit.reading import read

TODAY = datetime.date(2026, 12, 3)  # a Thursday; Thanksgiving 2026 was 26 November


def slots(text):
    return read(text).slots


@pytest.mark.parametrize("text,expected", [
    ("Norco and Percocet", {"prescription_medication"}),
    ("Vicodin, then Ultracet", {"prescription_medication"}),
    ("a steroid dose pack", {"prescription_medication"}),
    ("muscle relaxers", {"prescription_medication"}),
    ("an anti-inflammatory cream", {"otc_medication"}),
    ("Butrans patch, changed weekly", {"prescription_medication"}),  # the dictionary only
    ("I take cymbalta and advil", {"prescription_medication", "otc_medication"}),
    ("Tylenol 3s from my doctor", {"prescription_medication"}),
    ("advil, aleve and tylenol", {"otc_medication"}),
    ("a Kenalog shot in my back", {"injection"}),  # a drug given as a shot is the injection
    ("went to P.T. a couple of times", {"physical_therapy"}),
    ("they burned the nerves", {"radiofrequency_ablation"}),
    ("I've been walking more", {"exercise"}),
    ("the facet injections helped", {"injection"}),  # had, not asked about
])
def test_treatments_as_spoken(text, expected):
    assert set(slots(text)["treatments_tried"]) == expected


@pytest.mark.parametrize("text", ["the antibiotics sorted it out", "I've been all clear since",
                                  "about where my bra strap sits"])
def test_common_words_are_no_medicine(text):
    assert "treatments_tried" not in slots(text)


def test_over_the_counter_list_decides_the_category():
    assert drug_category("Ibuprofen") == "otc_medication"
    assert drug_category("Buprenorphine Patch") == "prescription_medication"


@pytest.mark.parametrize("text", ["haven't really tried anything", "not yet",
                                  "no I haven't done anything for it"])
def test_nothing_tried_answers_the_question(text):
    assert slots(text)["treatments_tried"] == []


@pytest.mark.parametrize("text", ["nothing helps", "nothing really works", "nothing is helping me"])
def test_nothing_helps_is_not_nothing_tried(text):
    assert slots(text).get("treatments_tried") != []


@pytest.mark.parametrize("text,weeks", [
    ("the night before last", 0.29),
    ("since Sunday evening", 0.57),
    ("it started the week before Thanksgiving", 2.0),
    ("Since my daughter was born. She's four now.", 208.56),
    ("my back has hurt for 6 months and physio helped a bit", 26.07),
])
def test_durations_tied_to_days_and_events(text, weeks):
    [found] = parse_durations(text, today=TODAY)
    assert found.weeks == pytest.approx(weeks, abs=0.01)


@pytest.mark.parametrize("text", [
    "the facet injections helped for 3 months",  # how long the relief lasted
    "an ESI, relief for about 10 days",
    "had an epidural in February which gave me three good months",
])
def test_another_events_duration_is_not_the_pains(text):
    assert parse_durations(text, today=TODAY) == []


@pytest.mark.parametrize("text,place", [
    ("just under my neck, upper back really", "upper_back"),
    ("pain in my neck and low back but mostly asking about my lower back", "lower_back"),
    ("my lower back and my neck", "lower_back"),  # otherwise the first named
    ("pain at the back of my head", None),
    ("a sore scar on my back", None),
    ("my back end is sore from sitting", None),
])
def test_places(text, place):
    assert slots(text).get("pain_location") == place


@pytest.mark.parametrize("text,intent,entities,answer", [
    ("yes", "affirm", [], "yes"),
    ("a bit, sometimes", "inform", [], "yes"),
    ("not sure to be honest", "inform", [], "yes"),  # doubt is never dropped
    ("no", "deny", [], "no"),
    ("nope, not at all", "deny", [], "no"),
    ("no, but I do have a temperature", "deny",
     [{"entity": "red_flag", "value": "fever"}], "no"),
    ("what do you mean", "out_of_scope", [], None),  # asked again
])
def test_the_answer_to_a_confirming_question(text, intent, entities, answer):
    assert confirm_answer("leg_weakness", intent, text, entities) == answer


def test_only_unsettled_unsure_flags_are_confirmed():
    entities = [{"entity": "red_flag_unsure", "value": v} for v in ("fever", "trauma", "weight_loss")]
    slots_now = {"red_flags": ["trauma"], "red_flags_ruled_out": ["weight_loss"]}
    assert flags_to_confirm(slots_now, entities) == ["fever"]
    assert clinical_updates(slots_now, entities) == {}  # unsure never fills red_flags
