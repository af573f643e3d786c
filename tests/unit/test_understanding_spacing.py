"""Patients who type with double spaces, tabs or a line break inside a phrase (often older
patients) are read as if they had typed single spaces: places, durations, treatments and red
flags, in both languages, with each mention still pointing at the patient's own characters.
And English treatments as said: headache powders, a fusion, "fae the GP", cupping, and an
epidural in childbirth."""
from __future__ import annotations

import pytest

from bot.nlu.build_spacy import build_pipeline
from bot.nlu.clinical import ClinicalMatcher
from bot.nlu.components import spanish_matcher
from bot.nlu.duration import parse_durations

NLP = build_pipeline()
MATCHER = ClinicalMatcher(NLP)
SPANISH = spanish_matcher()


def found(text, matcher=MATCHER, nlp=NLP):
    return {(m.label, m.value, m.negated) for m in matcher(nlp(text))}


def values(text, label, matcher=MATCHER, nlp=NLP):
    return {m.value for m in matcher(nlp(text)) if m.label == label and not m.negated}


@pytest.mark.parametrize("text", [
    "My  pain  is  in  the  lower  back",
    "it's  down  in  my  low  back,  been  like  that  a  while",
    "the pain sits in my lower\tback",
    "The pain is in my lower\nback since Easter",
    "hurts  in  the  small  of  my  back",
])
def test_a_place_typed_with_extra_spaces(text):
    assert values(text, "pain_location") == {"lower_back"}


def test_offsets_point_into_the_text_as_typed():
    text = "Retired.  Pain  in  the  low  back.  Dropped  25  pounds  without  trying."
    mentions = MATCHER(NLP(text))
    place = next(m for m in mentions if m.label == "pain_location")
    assert text[place.start:place.end] == place.text == "low  back"
    flag = next(m for m in mentions if m.value == "weight_loss")
    assert flag.label == "red_flag" and text[flag.start:flag.end] == flag.text


@pytest.mark.parametrize("text,flag", [
    ("I  have  lost  control  of  my  bladder  since  yesterday", "bladder_bowel"),
    ("Lost  about  25  pounds  without  trying", "weight_loss"),
    ("my legs\tgave way\ttwice today", "leg_weakness"),
    ("I have lost control of my\nbladder", "bladder_bowel"),
])
def test_a_red_flag_typed_with_extra_spaces_is_still_a_red_flag(text, flag):
    assert ("red_flag", flag, False) in found(text)
    assert found(text) == found(" ".join(text.split()))  # read as if single-spaced


@pytest.mark.parametrize("text", ["no  fever  at  all", "I  don't  have  a  fever", "i  havent  had  a  fever"])
def test_a_denial_typed_with_extra_spaces_still_denies(text):
    assert ("red_flag", "fever", True) in found(text)


@pytest.mark.parametrize("text,expected", [
    ("tried  physio  and  ibuprofen", {"physical_therapy", "otc_medication"}),
    ("had  an  epidural  steroid  injection", {"injection"}),
    ("a heating\tpad and\nice packs", {"heat_ice"}),
])
def test_treatments_typed_with_extra_spaces(text, expected):
    assert values(text, "treatment") == expected


def test_a_duration_typed_with_extra_spaces():
    spaced = parse_durations("Pain  in  the  low  back  about  3  months.")
    single = parse_durations("Pain in the low back about 3 months.")
    assert spaced and [d.weeks for d in spaced] == [d.weeks for d in single]


@pytest.mark.parametrize("text,label,value", [
    ("Me  duele  la  espalda  baja  desde  hace  meses", "pain_location", "lower_back"),
    ("no  puedo  controlar  la  orina", "red_flag", "bladder_bowel"),
    ("he  ido  a  fisioterapia", "treatment", "physical_therapy"),
])
def test_spanish_typed_with_extra_spaces(text, label, value):
    single = " ".join(text.split())
    assert (label, value, False) in found(single, SPANISH, SPANISH.nlp)
    assert (label, value, False) in found(text, SPANISH, SPANISH.nlp)


@pytest.mark.parametrize("text,expected", [
    ("swear by Goody's powders", {"otc_medication"}),
    ("a BC powder when it's bad", {"otc_medication"}),
    ("been living on Grandpa powders", {"otc_medication"}),
    ("headache powders from the gas station", {"otc_medication"}),
    ("they fused at L4-L5 in 2015", {"surgery"}),
    ("I had my back fused years back", {"surgery"}),
    ("had a fusion", {"surgery"}),
    ("naproxen fae the GP", {"prescription_medication"}),
    ("ibuprofen the doctor gave me", {"prescription_medication"}),
    ("cupping at a spa, twice", set()),
    ("the only epidural I had was when I had my son", set()),
    ("an epidural when I gave birth, nothing for the back", set()),
    ("had an epidural in my back last month", {"injection"}),
])
def test_english_treatments_as_said(text, expected):
    assert values(text, "treatment") - {"none"} == expected
