"""How long the pain has lasted: the weeks and category the triage rules see."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlu.duration import classify_duration, parse_durations
from bot.nlu.duration_mentions import MAX_WEEKS

TODAY = date(2026, 11, 24)  # a Tuesday


def only(text: str):
    mentions = parse_durations(text, today=TODAY)
    assert len(mentions) == 1, (text, mentions)
    return mentions[0]


# (message, weeks, category, vague)
STATED = [
    # digits and number words
    ("6 months", 26.07, "chronic", False),
    ("five months", 21.73, "chronic", False),
    ("it's been twenty one days", 3.0, "acute", False),
    ("twenty-one days", 3.0, "acute", False),
    ("about a week", 1.0, "acute", False),
    ("an year", 52.14, "chronic", False),
    ("one year exactly", 52.14, "chronic", False),
    ("it's been 48 hours", 0.29, "acute", False),
    ("a fortnight", 2.0, "acute", False),
    # decimals, fractions, compounds
    ("1.5 years", 78.21, "chronic", False),
    ("1 1/2 years", 78.21, "chronic", False),
    ("a year and a half", 78.21, "chronic", False),
    ("two and a half months", 10.86, "subacute", False),
    ("half a year", 26.07, "chronic", False),
    ("18 months", 78.21, "chronic", False),
    ("2 years and 3 months", 117.32, "chronic", False),
    # abbreviations and misspellings
    ("6 wks", 6.0, "subacute", False),
    ("3 mnths", 13.04, "chronic", False),
    ("3 mths", 13.04, "chronic", False),
    ("2yrs", 104.28, "chronic", False),
    ("2 yr", 104.28, "chronic", False),
    ("10d", 1.43, "acute", False),
    ("3mo", 13.04, "chronic", False),
    ("4 weks", 4.0, "subacute", False),
    # ranges: the middle
    ("2-3 weeks", 2.5, "acute", False),
    ("3 or 4 weeks ago", 3.5, "acute", False),
    ("a week or two", 1.5, "acute", False),
    # vague quantities still get a number and a category
    ("a couple of days", 0.29, "acute", True),
    ("a few days", 0.43, "acute", True),
    ("a few weeks", 3.0, "acute", True),
    ("several weeks", 3.0, "acute", True),
    ("a few months", 13.04, "chronic", True),
    ("several months", 13.04, "chronic", True),
    ("several years", 156.42, "chronic", True),
    ("many years", 260.7, "chronic", True),
    ("for years", 156.42, "chronic", True),
    ("on and off for years", 156.42, "chronic", True),
    ("on and off for decades", 1042.8, "chronic", True),
    ("decades", 1042.8, "chronic", True),
    ("for ages", 52.14, "chronic", True),
    ("a long time", 52.14, "chronic", True),
    ("I've had it forever", 52.14, "chronic", True),
]

# relative to TODAY, Tuesday 24 November 2026
RELATIVE = [
    ("since yesterday", 0.14, "acute"),
    ("since this morning", 0.0, "acute"),
    ("since last night", 0.14, "acute"),
    ("it started today", 0.0, "acute"),
    ("yesterday", 0.14, "acute"),
    ("since Monday", 0.14, "acute"),
    ("since the weekend", 0.43, "acute"),  # Saturday 21st
    ("since last week", 1.0, "acute"),
    ("since last month", 4.35, "subacute"),
    ("for the past month", 4.35, "subacute"),
    ("since last March", 36.29, "chronic"),  # 15 March 2026
    ("since March", 36.29, "chronic"),
    ("since November", 3.29, "acute"),  # this month: from the 1st
    ("since Christmas", 47.71, "chronic"),  # 25 December 2025
    ("since the summer", 18.86, "chronic"),  # mid-July
    ("ten days ago", 1.43, "acute"),
    ("started 3 weeks ago", 3.0, "acute"),
    ("began a fortnight ago", 2.0, "acute"),
    ("since 2019", 386.14, "chronic"),  # a bare year counts from 1 July
    ("since my car accident in 2019", 386.14, "chronic"),
    ("since January 2024", 149.14, "chronic"),
    ("I hurt my back yesterday lifting boxes", 0.14, "acute"),
]


@pytest.mark.parametrize("text,weeks,category,vague", STATED)
def test_stated_durations(text, weeks, category, vague):
    mention = only(text)
    assert (mention.weeks, mention.category, mention.vague) == (weeks, category, vague)


@pytest.mark.parametrize("text,weeks,category", RELATIVE)
def test_relative_starts_count_up_to_today(text, weeks, category):
    mention = only(text)
    assert (mention.weeks, mention.category) == (weeks, category)


def test_since_i_was_a_teenager_is_vague_and_chronic():
    mention = only("my back has hurt since I was a teenager")
    assert mention.category == "chronic" and mention.vague
    assert mention.text == "since I was a teenager"


def test_contract_examples():
    assert round(only("5 months").weeks, 1) == 21.7
    assert round(only("a couple of days").weeks, 1) == 0.3
    assert only("since yesterday").weeks == 0.14


def test_span_points_at_the_words_in_the_message():
    text = "My lower back has hurt for 6 months, physio didn't help"
    mention = only(text)
    assert text[mention.start:mention.end] == mention.text == "6 months"


def test_several_durations_come_back_in_text_order():
    text = "I fell 3 days ago, but I've had aches for 2 years before that"
    assert [m.text for m in parse_durations(text, today=TODAY)] == ["3 days ago", "2 years"]


@pytest.mark.parametrize("weeks,category", [
    (0.0, "acute"), (3.99, "acute"), (4.0, "subacute"), (8.0, "subacute"),
    (12.0, "subacute"), (12.01, "chronic"), (5218.0, "chronic"),
])
def test_category_boundaries(weeks, category):
    assert classify_duration(weeks) == category


@pytest.mark.parametrize("text,category", [
    ("28 days", "subacute"),  # exactly 4 weeks
    ("4 weeks", "subacute"),
    ("27 days", "acute"),
    ("12 weeks", "subacute"),
    ("84 days", "subacute"),
    ("3 months", "chronic"),  # 13.04 weeks
])
def test_category_at_the_boundaries_from_text(text, category):
    assert only(text).category == category


@pytest.mark.parametrize("text", [
    "-3 weeks",
    "minus 3 weeks",
    "since tomorrow",
    "I have an appointment in 2 weeks",
    "next week",
    "for the next 2 weeks",
    "since December 2026",  # a month still to come
    "since 2027",
    "99999999 years",
    "for 101 years",
    "I'm 45 years old",
    "my 12-year-old has neck pain",
    "I take advil twice a day",
    "400mg a day",
    "how many of those injections could I have a year?",  # a rate asked about (issue 16)
    "how often can it be repeated, once a month?",
    "I work 3 days a week",
    "every 2 weeks",
    "I did 6 weeks of physio",
    "it hurts when I stand for a long time",
    "I've had it for a while",
    "one day I bent over and felt it go",
    "my pain is 7/10",
    "",
    "hello",
])
def test_no_duration(text):
    assert parse_durations(text, today=TODAY) == []


def test_today_defaults_to_the_real_date():
    assert parse_durations("since yesterday")[0].weeks == 0.14


# ------------------------------------------------------------------ properties
WORDS = ["a", "an", "few", "couple", "of", "several", "and", "half", "since", "ago", "for",
         "last", "the", "year", "years", "month", "months", "wks", "d", "yrs", "week", "days",
         "March", "may", "2019", "1/2", "1.5", "-", "twenty", "one", "yesterday", "in", "old",
         "started", "decades", "I", "was", "0", "99999999", "½", "  ", ",", "Christmas"]
messy_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(WORDS), st.integers(-10**12, 10**12).map(str)),
             max_size=25).map(" ".join),
)


@settings(max_examples=400, deadline=None)
@given(messy_text, st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_any_text_gives_sane_mentions(text, today):
    mentions = parse_durations(text, today=today)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.weeks <= MAX_WEEKS
        assert m.category == classify_duration(m.weeks)
        assert text[m.start:m.end] == m.text and m.start >= previous_end
        previous_end = m.end


UNITS = {"days": 1 / 7, "weeks": 1.0, "months": 4.345, "years": 52.14}


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9), st.sampled_from(sorted(UNITS)))
def test_any_count_of_any_unit(count, unit):
    mentions = parse_durations(f"for {count} {unit}", today=TODAY)
    expected = count * UNITS[unit]
    if expected > MAX_WEEKS:
        assert mentions == []  # never store absurd numbers
    else:
        assert len(mentions) == 1 and abs(mentions[0].weeks - expected) < 0.0051


# ------------------------------------------------------------------ durations of other events
@pytest.mark.parametrize("text", [
    "had a mastectomy 5 yrs ago, now mid-back pain",
    "had breast cancer 3 years ago, now my upper back aches",
    "I had rfa on my neck a year ago, its coming back",
    "I had an operation 3 weeks ago",
    "chemo finished 2 years ago and my back is bad",
])
def test_a_duration_that_dates_another_event_is_not_the_pains(text):
    # The triage would call a new pain chronic from the date of an old operation.
    assert parse_durations(text, today=TODAY) == []


@pytest.mark.parametrize("text,weeks", [
    ("5 yrs ago I hurt my back and it still hurts", 260.7),
    ("back pain since my op 3 months ago", 13.04),
    ("had surgery 2 years ago, it has hurt ever since", 104.28),
    ("had my baby 4 months ago and my back has hurt since", 17.38),
    ("fell off a ladder 3 weeks ago", 3.0),
    ("my back has hurt for 6 weeks since the epidural", 6.0),
])
def test_a_duration_tied_to_the_pain_still_counts(text, weeks):
    assert only(text).weeks == weeks


def test_only_the_pains_own_duration_is_kept_beside_another_events():
    mentions = parse_durations("had a mastectomy 5 yrs ago and my back has hurt for 3 months",
                               today=TODAY)
    assert [m.text for m in mentions] == ["3 months"]


def test_the_other_events_file_rejects_an_unknown_key(tmp_path):
    from bot.nlu.duration_events import EVENTS_VOCAB, OtherEvents

    bad = tmp_path / "duration_events.yml"
    bad.write_text(EVENTS_VOCAB.read_text() + "\nother_event_typo: [surgery]\n")
    with pytest.raises(ValueError, match="other_event_typo"):
        OtherEvents(bad)


# A length taken back in the same message ("two weeks, not two months") and "one day" meaning
# some day: what a patient correcting themselves, or worrying aloud, said.
@pytest.mark.parametrize("text, weeks", [
    ("Sorry, mistake. Two weeks, not two months.", 2.0),
    ("it's 3 months not 3 weeks", 13.04),
    ("not 2 months but 2 weeks", 2.0),
    ("abuot a yeer", 52.14),
    ("so like 5 or 6 mounths", 23.9),
    ("one day", 0.14),
    ("for one day", 0.14),
    ("it started one day ago", 0.14),
])
def test_a_length_taken_back_or_misspelt_is_read_as_meant(text, weeks):
    assert only(text).weeks == weeks


@pytest.mark.parametrize("text", [
    "no numbness. but what if my leg goes numb one day?? is that going to happen?",
    "one day I bent over to tie my shoe and it went",
])
def test_one_day_meaning_some_day_is_no_length(text):
    assert parse_durations(text, today=TODAY) == []


def test_a_spanish_length_taken_back_is_dropped():
    from bot.nlu.duration_es import parse_durations_es
    assert [m.weeks for m in parse_durations_es("dos semanas, no dos meses", today=TODAY)] == [2.0]
