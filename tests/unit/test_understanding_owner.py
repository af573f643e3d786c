"""Session 7's English classes, through the pure functions: a relative's pain told by the
writer (their signs asked, their places kept), "her legs" in a writer's own story, a denial
the writer is unsure of, a bare "no" after a sign, signs whose own words hold "can't",
texted words ("n", "draggin"), claims read online, old injuries, a strain felt as something
going. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.mention_time import long_past
from tests.unit import reading


def read(text):
    """(red flags raised, red flags asked, slots) for the patient."""
    r = reading.read(text)
    return r.raised, r.asked, r.slots


@pytest.mark.parametrize("text,flag,place", [
    ("my grandad slipped in the garden on sunday and he keeps rubbing his lower back",
     "trauma", "lower_back"),
    ("Hi, my husband had a crash on his bike yesterday, now complaining of bad neck pain.",
     "trauma", "neck"),
    ("my nan is 88, she's been wetting herself since the weekend and her back is sore",
     "bladder_bowel", "lower_back"),
])
def test_a_relatives_pain_told_by_the_writer_has_their_signs_asked(text, flag, place):
    raised, asked, slots = read(text)
    assert flag in raised | asked
    assert slots.get("pain_location") == place


@pytest.mark.parametrize("text,flag", [
    ("my dad had bowel cancer, my own back has been sore for a month", "cancer_history"),
    ("my best friend's legs went weak with her disc, I worry about mine, my neck is stiff",
     "leg_weakness"),
])
def test_someone_elses_sign_in_the_writers_own_story_is_neither_raised_nor_asked(text, flag):
    raised, asked, _ = read(text)
    assert flag not in raised | asked


@pytest.mark.parametrize("text", [
    "My brother has MS, it began with his legs giving way. I'm scared. My back just aches",
    "My husband won't see a doctor. I'm worried, his legs gave way twice today",
])
def test_his_or_her_sign_in_the_writers_story_is_asked_never_raised(text):
    raised, asked, _ = read(text)  # a relative's, or the patient's told by a carer
    assert "leg_weakness" in asked and "leg_weakness" not in raised


def test_a_writer_who_says_they_type_for_the_patient_reports_the_patients_sign():
    raised, _, _ = read("She's too poorly to type so I'm typing this. Her legs keep giving way")
    assert "leg_weakness" in raised


@pytest.mark.parametrize("text,flag", [
    ("no problems with my waterworks as far as I know", "bladder_bowel"),
    ("no temperature that I know of", "fever"),
])
def test_a_denial_the_writer_is_unsure_of_is_asked(text, flag):
    raised, asked, _ = read(text)
    assert flag in asked and flag not in raised


@pytest.mark.parametrize("text,flag", [
    ("Fever no. Fall no. Weight fine", "fever"),
    ("Fever no. Fall no. Weight fine", "trauma"),
    ("cancer - no, bladder ok", "cancer_history"),
])
def test_a_bare_no_after_a_sign_denies_it(text, flag):
    raised, asked, _ = read(text)
    assert flag not in raised | asked


@pytest.mark.parametrize("text,flag", [
    ("I can't control when I need to wee any more", "bladder_bowel"),
    ("cannot control when i go, it just happens", "bladder_bowel"),
    ("my right foot keeps dragging when I walk", "leg_weakness"),
    ("cant feel my toes n its dragging when i walk", "leg_weakness"),
    ("my leg is draggin behind me", "leg_weakness"),
    ("well I did lose weight, a stone since the summer", "weight_loss"),
])
def test_signs_as_patients_type_them_are_raised(text, flag):
    raised, _, _ = read(text)
    assert flag in raised


@pytest.mark.parametrize("text,flag", [
    ("i read online you can go numb down there with a slipped disc", "saddle_numbness"),
    ("I've been googling and I'm convinced I've got a tumour", "cancer_history"),
    ("I did slip on the stairs at easter but that was over a year ago and I was fine afterwards",
     "trauma"),
])
def test_claims_read_fears_and_old_injuries_are_no_red_flag(text, flag):
    raised, _, _ = read(text)
    assert flag not in raised


@pytest.mark.parametrize("text,flag", [
    ("came off my motorbike 15 years ago, neck has been stiff this week", None),
    ("I came off my bike in 2003 and again yesterday", "trauma"),  # the recent one counts
    ("fell off a ladder years ago but I also tripped over the cat last week", "trauma"),
])
def test_an_old_injury_is_no_red_flag_but_a_recent_one_beside_it_is(text, flag):
    raised, _, _ = read(text)
    assert ("trauma" in raised) == (flag == "trauma")


def test_a_strain_felt_as_something_going_asks_about_an_injury():
    raised, asked, _ = read("I bent over to lift the shopping and felt something go in my back")
    assert "trauma" in asked and "trauma" not in raised


def test_a_month_named_long_ago_is_no_recent_injury():
    december = datetime.date(2026, 12, 3)
    assert long_past({"in", "feb", "in feb"}, december)
    assert long_past({"last march"}, december)
    assert not long_past({"in november"}, december)  # may be three weeks ago
    assert not long_past({"may"}, december)  # a verb
    assert long_past({"2019"}, december)


@pytest.mark.parametrize("text,expected", [
    ("they burned the nerves in my lower back (radiofrequency?) in the spring",
     {"radiofrequency_ablation"}),  # a name the patient is unsure of is no question
    ("robaxacet and a hot water bottle", {"otc_medication", "heat_ice"}),
    ("I was meant to have an epidural last month but it got cancelled. ibuprofen only",
     {"otc_medication"}),
    ("physio yes. massage no", {"physical_therapy"}),
    ("broke my neck in a car crash in 2001 and had it pinned", {"surgery"}),
])
def test_treatments_as_patients_tell_them(text, expected):
    assert set(read(text)[2].get("treatments_tried") or []) == expected


@pytest.mark.parametrize("text", [
    "had an epidural during labour with my first and my back's been bad ever since",
    "I had bariatric surgery last year and lost a lot of weight",
])
def test_a_treatment_for_something_else_is_no_treatment_tried(text):
    assert not read(text)[2].get("treatments_tried")


@pytest.mark.parametrize("text,place", [
    ("it hurts between shoulder blades when I sit at the desk", "upper_back"),
    ("stiff at the back part of my neck since Monday", "neck"),
])
def test_places_as_typed(text, place):
    assert read(text)[2].get("pain_location") == place
