"""Everyday activities told as the scene of the pain are no treatment tried; a remedy a relative
gives the patient is the patient's; a dated operation or jab the pain has lasted since dates it.

Kinds of misses of the blind rounds (an activity where it happened: "while I was ...", "when I
walk", "more than a block", an injury's clause; "my husband massages my back"; "had a fusion
6 years ago, still in pain"), on sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import slots


@pytest.mark.parametrize("text", [
    "my neck started hurting while I was swimming laps on Sunday",
    "he knocked into me while I was resting on the sofa, my back has ached ever since",
    "if I walk more than ten minutes my back starts to burn",
    "my mum is walking hunched over since her fall",
    "me lastimé la espalda nadando en la alberca",
    "mientras nadaba sentí un tirón en la espalda",
    "me duele la espalda al caminar",
])
def test_an_activity_that_is_the_scene_is_not_tried(text):
    assert not slots(text).get("treatments_tried")


@pytest.mark.parametrize("text,expected", [
    ("I've been swimming twice a week and it helps", ["exercise"]),
    ("walking helps a bit, and lying flat", ["exercise", "rest"]),
    ("I was doing yoga every morning but it made no difference", ["exercise"]),
    ("it hurts when I walk, so I've been resting a lot", ["rest"]),
    ("nadaba todos los días y me ayudaba", ["exercise"]),
])
def test_an_activity_done_for_the_pain_is_still_tried(text, expected):
    assert sorted(slots(text).get("treatments_tried") or []) == sorted(expected)


@pytest.mark.parametrize("text,expected", [
    ("my husband massages my lower back every evening", ["massage"]),
    ("my daughter rubs some deep heat into it for me", ["otc_medication"]),
    ("my son puts a heat pack on me at night", ["heat_ice"]),
    ("tylenol mostly, and my girlfriend rubs it down when it's bad", ["otc_medication", "massage"]),
])
def test_a_remedy_a_relative_gives_the_patient_is_the_patients(text, expected):
    assert sorted(slots(text).get("treatments_tried") or []) == sorted(expected)


def test_a_relatives_own_treatment_stays_theirs():
    assert not slots("my sister had a discectomy and swears by it, but not for me thanks").get("treatments_tried")
