"""A recent injury is judged against the clinic's window (context.yml `recent_injury`), in
both languages: dated within it, a red flag now; dated long ago, in childhood or healed, none;
between, asked first. A sign that came back fully is over, and the learned detector does not
ask about a clause that answers itself. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import datetime

import pytest

from bot.nlu.mention_time import DEFAULT_WINDOW, injury_dated, read_window, weeks_back
from bot.nlu.red_flag_detector import VOCAB_DIR, ClauseAnswers
from tests.vocabulary_reading import red_flags_read as read

DECEMBER = datetime.date(2026, 12, 4)


@pytest.mark.parametrize("text", [
    "I fell down the stairs last week and my back is killing me",
    "slipped on the ice a few days ago",
    "car accident 2 weeks ago, neck sore since",
    "had a fall 2 months ago",
    "came off my bike on saturday",
    "me caí la semana pasada",
    "me caí hace unos días por las escaleras",
    "me caí hace dos meses en la cocina",
    "no fever, no weight loss, but I did fall on friday",
])
def test_an_injury_within_the_window_is_a_red_flag_now(text):
    present, _ = read(text)
    assert "trauma" in present


@pytest.mark.parametrize("text", [
    "I fell off a ladder in 2015 but it's long healed",
    "came off my bike as a kid, otherwise no",
    "I had a fall about 5 years back",
    "broke my back in a crash when I was 20",
    "car crash 8 years ago, nothing since",
    "I was in a car accident 6 months ago",
    "I fell last year but it healed",
    "me caí hace 10 años, ya estoy bien",
    "tuve un accidente de coche en 2015",
    "de niño me caí de un árbol",
    "me caí hace un año",
])
def test_an_injury_long_ago_or_healed_is_no_red_flag(text):
    present, asked = read(text)
    assert "trauma" not in present and "trauma" not in asked


@pytest.mark.parametrize("text", ["fell on the ice 4 months ago", "tuve un accidente hace 3 meses"])
def test_an_injury_beyond_the_window_but_within_months_is_asked_first(text):
    present, asked = read(text)
    assert "trauma" in asked and "trauma" not in present


@pytest.mark.parametrize("text,flag", [
    ("foot drop after surgery in 2019, fully came back", "leg_weakness"),
    ("tuve el pie caído después de la cirugía en 2019 pero se recuperó del todo", "leg_weakness"),
])
def test_a_past_sign_that_came_back_fully_is_no_red_flag(text, flag):
    present, asked = read(text)
    assert flag not in present and flag not in asked


@pytest.mark.parametrize("text,flag", [
    ("Fiebre no tengo y de fuerza en las piernas estoy bien", "fever"),
    ("bladder fine, bowels fine, no fever, legs strong", "bladder_bowel"),
    ("la orina bien, la fuerza bien, fiebre no", "fever"),
])
def test_a_denial_in_a_list_raises_no_sign(text, flag):
    present, _ = read(text)
    assert not present


def test_weeks_back_reads_years_months_and_counts_ago():
    window = read_window({**DEFAULT_WINDOW, "units": {"months": 4.35, "years": 52, "anos": 52},
                          "numbers": {"two": 2}, "ago_after": ["ago"], "ago_before": ["hace"]})
    assert weeks_back({"2015"}, window, DECEMBER) > 52 * 10
    assert weeks_back({"two years ago"}, window, DECEMBER) == 104
    assert weeks_back({"hace 10 años"}, window, DECEMBER) == 520
    assert weeks_back({"in november"}, window, DECEMBER) < 12  # may be three weeks ago
    assert weeks_back({"last week", "3 days"}, window, DECEMBER) == 0


def test_injury_dated_against_the_window():
    window = read_window({"recent_weeks": 12, "long_ago_weeks": 26})
    assert injury_dated({"2019"}, window, long_ago=False, over=False) == "resolved"
    assert injury_dated(set(), window, long_ago=True, over=False) == "resolved"
    assert injury_dated(set(), window, long_ago=False, over=False) == ""


@pytest.mark.parametrize("bad", [{"recent_weeks": 30, "long_ago_weeks": 26}, {"recent_weeks": 0},
                                 {"units": {"weeks": -1}}])
def test_a_wrong_window_stops_the_start(bad):
    with pytest.raises(ValueError):
        read_window(bad)


def test_the_detector_leaves_a_clause_that_answers_itself():
    import yaml

    answers = ClauseAnswers(yaml.safe_load((VOCAB_DIR / "context.yml").read_text(encoding="utf-8")))
    assert answers("bladder_bowel", " nothing since")
    assert answers("trauma", "I had a fall about 5 years back")
    assert not answers("trauma", "I had a fall on monday")
    assert not answers("bladder_bowel", "it went away but it's back again")
