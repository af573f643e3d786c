"""What the fuzz runs found, pinned down without Rasa: bad values never reach a slot.

Each case below was a finding of `make fuzz` (tests/fuzz): the wrong value it stored or the
wrong answer it gave is named beside it. The properties at the end (hypothesis, derandomized
so a failure repeats) hold for any text at all.
"""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.booking import parse_contact, parse_name
from bot.contract import LOCATIONS, RED_FLAGS, TREATMENTS
from bot.intake import clean_text, domain_intents
from bot.nlu.age import no_number_is_an_age, stated_age
from bot.nlu.duration import parse_durations
from bot.nlu.duration_mentions import MAX_WEEKS
from bot.slots import clinical_updates
from bot.triage import classify_duration


def entity(name, value):
    return {"entity": name, "value": value}


@pytest.mark.parametrize("entities", [
    [entity("duration", 99999999)],            # `/inform{"duration": 99999999}` stored it
    [entity("duration", -5)],                  # ... and -5 weeks, "acute"
    [entity("duration", float("nan"))],        # ... and NaN, "chronic"
    [entity("duration", float("inf"))],
    [entity("duration", True)], [entity("duration", "6 months")],
    [entity("pain_location", "mars")],         # a categorical slot outside its values
    [entity("treatment", "voodoo")],           # treatments_tried: ["voodoo"]
    [entity("red_flag", "not_a_flag")],
])
def test_values_outside_the_contract_are_never_stored(entities):
    assert clinical_updates({}, entities) == {}


def test_good_values_beside_bad_ones_still_count():
    updates = clinical_updates({}, [entity("duration", -5), entity("duration", 26.07),
                                    entity("treatment", "voodoo"), entity("treatment", "massage")])
    assert updates == {"pain_duration_weeks": 26.07, "duration_category": "chronic",
                       "treatments_tried": ["massage"]}


@pytest.mark.parametrize("text", ["for 10^100 months", "for 2^64 years", "2**64 weeks"])
def test_a_power_is_not_a_duration(text):
    # "for 2^64 years" was stored as 64 years, "10^100 months" as 100 months
    assert parse_durations(text) == []


@pytest.mark.parametrize("text,durations_only", [
    # the classifier answered these with "this service is for adults"
    ("for 99999999 years", True), ("for 200 years", True), ("for 1,000,000 years", True),
    ("for 5 years", True), ("for five years", True), ("my back hurts for 9999 years", True),
    # an age, or a number that may be one: the classifier still decides
    ("I am 15 years old", False), ("my son is 14 and has had pain for 2 years", False),
    ("my 12-year-old", False), ("hello", False),
])
def test_numbers_that_only_count_time_say_nothing_about_age(text, durations_only):
    assert no_number_is_an_age(text) is durations_only


def test_an_impossible_stated_age_is_not_a_minor():
    assert stated_age("I am 150 years old") == 150  # was None: the classifier said under 18


@pytest.mark.parametrize("text", [
    "My Neck", "it hurts when I bend over", "weekday mornings", "for minus two years",
    "my mum had cancer", "hi there", "yes", "ok", "six", "true", "NaN", "null",
    "Ꮟȓ𞤥ꚗꬰmṏ𐐾iniώ𝒍",  # letters from six scripts: all of these were stored as names
])
def test_sentences_and_random_letters_are_not_names(text):
    assert parse_name(text) is None


@pytest.mark.parametrize("text,name", [
    ("Jane Smith", "Jane Smith"), ("my name is Ahmed Al-Sayed", "Ahmed Al-Sayed"),
    ("Do Van Minh", "Do Van Minh"), ("Jane Weeks", "Jane Weeks"), ("山田 太郎", "山田 太郎"),
    ("Андрей Иванов", "Андрей Иванов"), ("Faith", "Faith"), ("Mary-Jane Day", "Mary-Jane Day"),
])
def test_names_of_every_kind_are_still_names(text, name):
    assert parse_name(text) == name


def test_a_long_number_of_years_is_not_a_phone_number():
    assert parse_contact("for 99999999 years") is None  # was stored as the contact
    assert parse_contact("555 010 2030, weekdays") == "5550102030"


def test_a_phone_number_in_any_script_is_stored_in_the_digits_staff_dial():
    assert parse_contact("٠٥٥٥ ١٢٣ ٤٥٦٧") == "05551234567"  # was stored as typed, and so
    assert parse_contact("𑛆၅3꤀۸၁9") == "6530819"            # were digits from five scripts


# --------------------------------------------------------------------------- properties
ANY_TEXT = st.text(st.characters(), max_size=300)
SETTINGS = settings(derandomize=True, max_examples=400, deadline=None)
INTENTS = domain_intents()


# Random text almost never holds a duration, a name or a phone number, so a property over it
# alone would check almost nothing: these put a number, a unit, a name or digits inside it.
NOISE = st.text(st.characters(), max_size=40)
NUMBER = st.one_of(st.integers(-10**12, 10**12).map(str), st.floats(allow_nan=True).map(str),
                   st.sampled_from(["a", "one", "two", "a couple of", "several", "ten", "half a",
                                    "99999999", "1,000,000", "2^64", "0", "-5", "1e308"]))
UNIT = st.sampled_from(["day", "days", "week", "weeks", "wks", "month", "months", "mnths",
                        "year", "years", "yrs", "decades", "hours"])
DURATION_TEXT = st.builds(lambda a, n, u, b: f"{a} for {n} {u} {b}", NOISE, NUMBER, UNIT, NOISE)
NAME_OR_CONTACT_TEXT = st.builds(
    lambda a, body, b: f"{a}{body}{b}", st.sampled_from(["", "my name is ", "it's ", "call "]),
    st.one_of(st.text(st.characters(categories=["L", "Zs", "Pd"]), min_size=1, max_size=40),
              st.text(st.characters(categories=["Nd", "Zs", "Pd"]), min_size=1, max_size=25),
              st.emails()),
    NOISE)
SLASH_TEXT = st.builds(lambda pre, intent, post: f"{pre}/{intent}{post}",
                       st.sampled_from(["", " ", "//", "\x00/"]),
                       st.sampled_from(sorted(domain_intents()) + ["restart", "x"]),
                       st.one_of(st.just(""), st.just(" "), NOISE))


@SETTINGS
@given(st.one_of(DURATION_TEXT, ANY_TEXT))
def test_any_text_gives_durations_a_slot_may_hold(text):
    for mention in parse_durations(text):
        assert 0 <= mention.weeks <= MAX_WEEKS and math.isfinite(mention.weeks)
        assert mention.category == classify_duration(mention.weeks)


ANY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                      st.sampled_from(LOCATIONS + TREATMENTS + RED_FLAGS))
ENTITY = st.fixed_dictionaries({
    "entity": st.sampled_from(["pain_location", "duration", "treatment", "treatment_none",
                               "red_flag", "red_flag_denied", "body_part_other", "other"]),
    "value": ANY_VALUE})


@SETTINGS
@given(st.lists(ENTITY, max_size=8))
def test_any_entities_give_only_contract_values(entities):
    updates = clinical_updates({}, entities)
    assert updates.get("pain_location") in (None, *LOCATIONS)
    weeks = updates.get("pain_duration_weeks")
    if weeks is not None:
        assert 0 <= weeks <= MAX_WEEKS and updates["duration_category"] == classify_duration(weeks)
    assert set(updates.get("treatments_tried") or []) <= set(TREATMENTS)
    assert set(updates.get("red_flags") or []) <= set(RED_FLAGS)


@SETTINGS
@given(st.one_of(SLASH_TEXT, ANY_TEXT))
def test_any_text_is_cleaned_to_storable_text(text):
    cleaned = clean_text(text, INTENTS)
    cleaned.encode("utf-8")  # no unpaired surrogates
    assert "\x00" not in cleaned
    assert not cleaned.lstrip().startswith("/") or cleaned.strip()[1:] in INTENTS


@SETTINGS
@given(st.one_of(NAME_OR_CONTACT_TEXT, ANY_TEXT))
def test_booking_details_from_any_text_are_plausible(text):
    name, contact = parse_name(text), parse_contact(text)
    assert name is None or (0 < len(name) <= 80 and not any(c.isdigit() for c in name))
    assert contact is None or "@" in contact or (
        7 <= len(contact.lstrip("+")) <= 15 and contact.lstrip("+").isascii())
