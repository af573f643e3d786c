"""Clinic settings: loading, validation errors a clinic admin can act on, opening hours."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.clinic import DEFAULT_CLINIC_FILE, Clinic, ClinicConfigError, load_clinic

# The parser's tests read a fixed example of their own: the repository's clinic.yml is the
# clinic's to edit (only its validity is checked here).
EXAMPLE = Path(__file__).parent / "data" / "example_clinic.yml"
NY = ZoneInfo("America/New_York")
UTC = timezone.utc


def _settings() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict, name: str = "clinic.yml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def clinic() -> Clinic:
    return load_clinic(EXAMPLE)


# ----------------------------------------------------------------- the example clinic


def test_default_clinic_file_loads_with_neutral_example_values(clinic):
    assert clinic.name == "Example Spine & Pain Clinic"
    assert clinic.emergency_number == "911"
    assert clinic.crisis_line.number == "988"
    assert "988" in clinic.crisis_line.name
    assert clinic.timezone == "America/New_York"
    assert clinic.min_patient_age == 18
    assert clinic.retention_days > 0
    assert clinic.phone and clinic.address
    assert clinic.booking_url.startswith("https://")
    assert clinic.source == EXAMPLE


def test_the_clinics_own_file_loads():
    shipped = load_clinic(DEFAULT_CLINIC_FILE)
    assert shipped.name and shipped.phone and shipped.emergency_number
    assert shipped.crisis_line.number and shipped.min_patient_age > 0


def test_default_path_is_repo_root_clinic_yml(monkeypatch):
    monkeypatch.delenv("CLINIC_CONFIG", raising=False)
    assert load_clinic() == load_clinic(DEFAULT_CLINIC_FILE)


def test_clinic_config_env_var_selects_another_file(tmp_path, monkeypatch):
    data = _settings()
    data["name"] = "Riverside Pain Centre"
    data["emergency_number"] = "000"
    monkeypatch.setenv("CLINIC_CONFIG", str(_write(tmp_path, data)))
    clinic = load_clinic()
    assert clinic.name == "Riverside Pain Centre"
    assert clinic.emergency_number == "000"  # quoted: the leading zeros survive


def test_explicit_path_wins_over_env_var(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_CONFIG", str(tmp_path / "does-not-exist.yml"))
    assert load_clinic(EXAMPLE).name == "Example Spine & Pain Clinic"


def test_clinic_is_immutable(clinic):
    with pytest.raises(dataclasses.FrozenInstanceError):
        clinic.phone = "123"  # type: ignore[misc]


def test_hours_text_summarises_the_week(clinic):
    assert clinic.hours_text() == "Mon–Fri 8:00–17:00; Sat–Sun closed"


def test_hours_text_with_lunch_break_and_short_saturday(tmp_path):
    data = _settings()
    data["opening_hours"] = {
        "mon": ["08:00-12:00", "13:00-17:30"],
        "tue": ["08:00-12:00", "13:00-17:30"],
        "wed": "closed",
        "thu": "8:00-12:00, 13:00-17:30",
        "fri": "08:00–16:00",
        "sat": "09:00-12:00",
        "sun": "closed",
    }
    clinic = load_clinic(_write(tmp_path, data))
    assert clinic.hours_text() == (
        "Mon–Tue 8:00–12:00, 13:00–17:30; Wed closed; Thu 8:00–12:00, 13:00–17:30; "
        "Fri 8:00–16:00; Sat 9:00–12:00; Sun closed"
    )
    wednesday_10 = datetime(2024, 6, 5, 10, 0, tzinfo=NY)
    monday_lunch = datetime(2024, 6, 3, 12, 30, tzinfo=NY)
    assert not clinic.is_open(wednesday_10)
    assert not clinic.is_open(monday_lunch)
    assert clinic.is_open(monday_lunch + timedelta(hours=1))


def test_template_values_fill_content_placeholders(clinic):
    values = clinic.template_values()
    assert values["clinic_name"] == clinic.name
    assert values["clinic_phone"] == clinic.phone
    assert values["emergency_number"] == "911"
    assert values["crisis_line_number"] == "988"
    assert values["clinic_hours"] == clinic.hours_text()


# ----------------------------------------------------------------- is_open


@pytest.mark.parametrize(
    "local, expected",
    [
        (datetime(2024, 6, 5, 10, 0), True),  # Wednesday mid-morning
        (datetime(2024, 6, 5, 8, 0), True),  # opening minute
        (datetime(2024, 6, 5, 7, 59), False),  # just before opening
        (datetime(2024, 6, 5, 16, 59), True),
        (datetime(2024, 6, 5, 17, 0), False),  # closing time: closed
        (datetime(2024, 6, 5, 22, 0), False),  # evening
        (datetime(2024, 6, 8, 10, 0), False),  # Saturday
        (datetime(2024, 6, 9, 10, 0), False),  # Sunday
    ],
)
def test_is_open_on_clinic_local_time(clinic, local, expected):
    assert clinic.is_open(local.replace(tzinfo=NY)) is expected
    assert clinic.is_open(local) is expected  # naive = clinic's local time


def test_is_open_converts_from_other_time_zones(clinic):
    # Summer (EDT, UTC-4): 13:30 UTC is 9:30 in New York, 21:30 UTC is 17:30.
    assert clinic.is_open(datetime(2024, 6, 5, 13, 30, tzinfo=UTC))
    assert not clinic.is_open(datetime(2024, 6, 5, 21, 30, tzinfo=UTC))
    # Winter (EST, UTC-5): 12:30 UTC is 7:30 in New York, 13:30 UTC is 8:30.
    assert not clinic.is_open(datetime(2024, 1, 10, 12, 30, tzinfo=UTC))
    assert clinic.is_open(datetime(2024, 1, 10, 13, 30, tzinfo=UTC))
    # Friday 23:00 in New York is already Saturday in UTC: still Friday evening, closed;
    # Saturday 02:00 UTC in summer is Friday 22:00 local.
    assert not clinic.is_open(datetime(2024, 6, 8, 2, 0, tzinfo=UTC))


def test_time_zone_setting_changes_when_the_clinic_is_open(tmp_path):
    data = _settings()
    data["timezone"] = "Europe/Berlin"
    berlin = load_clinic(_write(tmp_path, data))
    new_york = load_clinic(EXAMPLE)
    moment = datetime(2024, 1, 10, 8, 30, tzinfo=UTC)  # 9:30 in Berlin, 3:30 in New York
    assert berlin.is_open(moment)
    assert not new_york.is_open(moment)


def test_weekend_is_closed_in_clinic_time_even_when_weekday_in_utc(tmp_path):
    data = _settings()
    data["timezone"] = "Pacific/Auckland"
    auckland = load_clinic(_write(tmp_path, data))
    # Friday 22:00 UTC is Saturday 11:00 in Auckland (NZDT, UTC+13).
    assert not auckland.is_open(datetime(2024, 1, 12, 22, 0, tzinfo=UTC))
    # Sunday 21:00 UTC is Monday 10:00 in Auckland.
    assert auckland.is_open(datetime(2024, 1, 14, 21, 0, tzinfo=UTC))


@settings(max_examples=200, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)),
    other=st.sampled_from(["UTC", "Asia/Kolkata", "America/Los_Angeles", "Australia/Sydney", "Europe/London"]),
)
def test_is_open_depends_on_the_instant_not_the_zone_it_is_written_in(moment, other):
    clinic = load_clinic(EXAMPLE)
    local = moment.astimezone(NY)
    expected = local.weekday() < 5 and 8 <= local.hour < 17
    assert clinic.is_open(moment) is expected
    assert clinic.is_open(moment.astimezone(ZoneInfo(other))) is expected


# ----------------------------------------------------------------- errors


def _without(key):
    def change(d):
        del d[key]

    return change


def _set(key, value):
    def change(d):
        d[key] = value

    return change


def _set_day(day, value):
    def change(d):
        d["opening_hours"][day] = value

    return change


def _crisis(**values):
    def change(d):
        d["crisis_line"] = {k: v for k, v in values.items() if v is not None}

    return change


def _rename_day(old, new):
    def change(d):
        d["opening_hours"][new] = d["opening_hours"].pop(old)

    return change


@pytest.mark.parametrize(
    "change, field, words",
    [
        (_without("phone"), "phone", "missing"),
        (_set("phone", ""), "phone", "missing"),
        (_set("phone", "call us"), "phone", "not a phone number"),
        (_without("name"), "name", "missing"),
        (_set("timezone", "Eastern Standard Time"), "timezone", "IANA"),
        (_set("timezone", "Mars/Olympus_Mons"), "timezone", "IANA"),
        (_set("timezone", "../../etc/passwd"), "timezone", "IANA"),
        (_without("timezone"), "timezone", "missing"),
        (_set_day("wed", "8am-5pm"), "opening_hours.wed", "24-hour time"),
        (_set_day("wed", "08:00"), "opening_hours.wed", "time range"),
        (_set_day("wed", "25:00-26:00"), "opening_hours.wed", "24-hour time"),
        (_set_day("wed", "17:00-08:00"), "opening_hours.wed", "after opening"),
        (_set_day("wed", ["08:00-13:00", "12:00-17:00"]), "opening_hours.wed", "overlap"),
        (_set_day("wed", False), "opening_hours.wed", "closed"),
        (_rename_day("wed", "wensday"), "opening_hours.wensday", "unknown weekday"),
        (_rename_day("wed", "monday"), "opening_hours.monday", "listed twice"),
        (lambda d: d["opening_hours"].pop("sun"), "opening_hours.sun", "missing"),
        (_without("opening_hours"), "opening_hours", "missing"),
        (_set("emergency_number", 911), "emergency_number", "quotes"),
        (_without("emergency_number"), "emergency_number", "missing"),
        (_crisis(name="Crisis Line"), "crisis_line.number", "missing"),
        (_crisis(number="988"), "crisis_line.name", "missing"),
        (_without("crisis_line"), "crisis_line", "missing"),
        (_set("min_patient_age", "eighteen"), "min_patient_age", "whole number"),
        (_set("min_patient_age", True), "min_patient_age", "whole number"),
        (_set("retention_days", 0), "retention_days", "out of range"),
        (_set("website", "www.example.org"), "website", "https://"),
        (_without("booking_url"), "booking_url", "missing"),
        (_set("email", "not-an-email"), "email", "email"),
        (_set("phnoe", "+1 555"), "phnoe", "unknown setting"),
    ],
)
def test_malformed_settings_name_the_field_and_the_file(tmp_path, change, field, words):
    data = _settings()
    change(data)
    path = _write(tmp_path, data)
    with pytest.raises(ClinicConfigError) as err:
        load_clinic(path)
    message = str(err.value)
    assert f"'{field}'" in message
    assert str(path) in message
    assert words in message
    assert err.value.field == field
    assert err.value.path == path


def test_email_is_optional(tmp_path):
    data = _settings()
    del data["email"]
    assert load_clinic(_write(tmp_path, data)).email is None


def test_missing_file_and_invalid_yaml_are_clear(tmp_path):
    with pytest.raises(ClinicConfigError, match="file not found"):
        load_clinic(tmp_path / "nope.yml")
    bad = tmp_path / "bad.yml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ClinicConfigError, match="not valid YAML") as err:
        load_clinic(bad)
    assert str(bad) in str(err.value)
    listing = tmp_path / "list.yml"
    listing.write_text("- name\n- phone\n", encoding="utf-8")
    with pytest.raises(ClinicConfigError, match="mapping"):
        load_clinic(listing)


def test_full_weekday_names_and_open_until_midnight(tmp_path):
    data = _settings()
    data["opening_hours"] = {
        "Monday": "00:00-24:00",
        "Tuesday": "closed",
        "Wednesday": "closed",
        "Thursday": "closed",
        "Friday": "closed",
        "Saturday": "closed",
        "Sunday": "closed",
    }
    clinic = load_clinic(_write(tmp_path, data))
    assert clinic.hours_text() == "Mon 0:00–24:00; Tue–Sun closed"
    assert clinic.is_open(datetime(2024, 6, 3, 23, 59, tzinfo=NY))
    assert not clinic.is_open(datetime(2024, 6, 4, 0, 0, tzinfo=NY))
