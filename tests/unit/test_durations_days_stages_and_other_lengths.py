"""Pain lengths from misspelt days, school years and a well time, beside other lengths.

A clinician's "x6wks", a weekday as patients misspell it, "since high school", "fine till six weeks ago" after an
operation; a relative's age, a pregnancy in brackets and a count
after the years ("11 years, two operations") are no length of the pain. Sentences written
for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from tests.unit.reading import duration_category, friday_weeks


@pytest.mark.parametrize("text,weeks", [
    ("Sciatica right leg x4wks, naproxen no help", 4.0),   # a clinician's "x": for
    ("LBP x6/52 after lifting", 6.0),
    ("my lower back has hurt since wensday", 0.29),   # read on Friday 4 December 2026
    ("it started on tusday after gardening", 0.43),
    ("since saterday my neck has been stiff", 0.86),
    ("my father 76 years is having low back pain for 5 weeks", 5.0),
    ("pregnant (6 months along) and my lower back has hurt for the last 2 weeks", 2.0),
    ("neck pain for 7 years, three operations, and now on pregabalin", 365.0),
    ("had a laminectomy in 2017 and was fine till about five weeks ago, now the same leg pain", 5.0),
    ("had a fusion in 2016 and was right as rain till about 7 weeks ago, now the sciatica is back", 7.0),
])
def test_the_pain_length_among_days_ages_and_other_counts(text, weeks):
    found = friday_weeks(text)
    assert found is not None and abs(found - weeks) <= max(0.25 * weeks, 0.15)


@pytest.mark.parametrize("text,category", [
    ("my lower back on and off since high school, I'm 41 now", "chronic"),
    ("on and off since my teens, I'm 52 now", "chronic"),
])
def test_a_life_stage_or_a_long_course_is_chronic(text, category):
    assert duration_category(text) == category

