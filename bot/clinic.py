"""Clinic settings read from clinic.yml and checked: name, phone, hours, time zone, emergency numbers.

Everything clinic-specific lives in one YAML file (`clinic.yml` at the repository root, or
the file named by the ``CLINIC_CONFIG`` environment variable). It is validated when loaded:
a missing or malformed field raises :class:`ClinicConfigError` naming the field and the file.
What the settings answer once read (open now?, the hours in words) is bot/clinic_settings.py.
"""
from __future__ import annotations

import os
import re
from datetime import time
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import yaml

from bot.clinic_settings import SECOND_FACTOR_CHOICES, Clinic, CrisisLine, TimeRange

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CLINIC_FILE = REPO_ROOT / "clinic.yml"
ENV_VAR = "CLINIC_CONFIG"

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = {
    **{d: i for i, d in enumerate(WEEKDAYS)},
    **{
        full: i
        for i, full in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
}

_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_RANGE_SPLIT_RE = re.compile(r"\s*[-–—]\s*")
_URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")

_KNOWN_FIELDS = {
    "name",
    "phone",
    "email",
    "address",
    "website",
    "staff_second_factor",
    "booking_url",
    "timezone",
    "opening_hours",
    "emergency_number",
    "crisis_line",
    "min_patient_age",
    "retention_days",
    "directions",
    "languages",
    "doctors",
    "alerts",
}


class ClinicConfigError(ValueError):
    """The clinic settings file is missing a field or has a malformed one."""

    def __init__(self, path: Path | str, field: str, problem: str):
        self.path = Path(path)
        self.field = field
        self.problem = problem
        super().__init__(f"{path}: field '{field}': {problem}")


def default_clinic_path() -> Path:
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else DEFAULT_CLINIC_FILE


def load_clinic(path: Path | None = None) -> Clinic:
    """Load and validate the clinic settings.

    ``path`` defaults to the file named by ``CLINIC_CONFIG``, else ``clinic.yml`` at the
    repository root.
    """
    path = Path(path) if path is not None else default_clinic_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ClinicConfigError(path, "(file)", "file not found") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ClinicConfigError(path, "(file)", f"not valid YAML: {exc}") from None
    if not isinstance(data, Mapping):
        raise ClinicConfigError(path, "(file)", "expected a mapping of settings (name: ..., phone: ...)")
    return _parse(path, data)


def _parse(path: Path, data: Mapping[str, Any]) -> Clinic:
    unknown = sorted(str(k) for k in data if k not in _KNOWN_FIELDS)
    if unknown:
        raise ClinicConfigError(
            path, unknown[0], f"unknown setting (known settings: {', '.join(sorted(_KNOWN_FIELDS))})"
        )

    def text(field: str, value: Any = None, *, required: bool = True, where: str | None = None) -> str | None:
        where = where or field
        if value is None:
            value = data.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise ClinicConfigError(path, where, "is missing")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise ClinicConfigError(
                path, where, f'write it in quotes, e.g. "{value}" (unquoted numbers lose leading zeros)'
            )
        if not isinstance(value, str):
            raise ClinicConfigError(path, where, f"expected text, got {type(value).__name__}")
        return value.strip()

    def phone_like(field: str, value: str) -> str:
        if not re.fullmatch(r"[0-9+()\-./ ]+", value) or sum(c.isdigit() for c in value) < 2:
            raise ClinicConfigError(path, field, f"{value!r} is not a phone number (digits, spaces, + - ( ) only)")
        return value

    def url(field: str) -> str:
        value = text(field)
        if not _URL_RE.match(value):
            raise ClinicConfigError(path, field, f"{value!r} is not a web address starting with https:// or http://")
        return value

    def integer(field: str, low: int, high: int) -> int:
        value = data.get(field)
        if value is None:
            raise ClinicConfigError(path, field, "is missing")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ClinicConfigError(path, field, f"expected a whole number, got {value!r}")
        if not low <= value <= high:
            raise ClinicConfigError(path, field, f"{value} is out of range ({low}–{high})")
        return value

    name = text("name")
    phone = phone_like("phone", text("phone"))
    email = text("email", required=False)
    if email is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise ClinicConfigError(path, "email", f"{email!r} is not an email address")
    address = text("address")
    website = url("website")
    booking_url = url("booking_url")

    timezone = text("timezone")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        if not available_timezones():
            raise ClinicConfigError(
                path, "timezone", "no time zone database on this machine (install the tzdata package)"
            ) from None
        raise ClinicConfigError(
            path, "timezone", f"{timezone!r} is not an IANA time zone name such as 'America/New_York'"
        ) from None

    emergency_number = phone_like("emergency_number", text("emergency_number"))

    crisis = data.get("crisis_line")
    if crisis is None:
        raise ClinicConfigError(path, "crisis_line", "is missing (needs name and number)")
    if not isinstance(crisis, Mapping):
        raise ClinicConfigError(path, "crisis_line", "expected name: and number: entries")
    crisis_line = CrisisLine(
        name=text("crisis_line.name", crisis.get("name"), where="crisis_line.name"),
        number=phone_like(
            "crisis_line.number", text("crisis_line.number", crisis.get("number"), where="crisis_line.number")
        ),
    )

    languages, doctors = data.get("languages") or [], data.get("doctors") or []
    if not isinstance(languages, list) or not all(isinstance(x, str) and x.strip() for x in languages):
        raise ClinicConfigError(path, "languages", 'expected a list of languages, e.g. ["English", "Spanish"]')
    if not isinstance(doctors, list) or not all(isinstance(x, str) and x.strip() for x in doctors):
        raise ClinicConfigError(path, "doctors", 'expected a list of names, e.g. ["Dr Ana Ruiz"]')

    alert_emails, out_of_hours_alert_emails = _parse_alerts(path, data.get("alerts"))
    second_factor = data.get("staff_second_factor", "nobody")
    if second_factor not in SECOND_FACTOR_CHOICES:
        raise ClinicConfigError(path, "staff_second_factor",
                                f"{second_factor!r} is not one of {', '.join(SECOND_FACTOR_CHOICES)}")

    return Clinic(
        staff_second_factor=second_factor,
        name=name,
        phone=phone,
        address=address,
        website=website,
        booking_url=booking_url,
        timezone=timezone,
        opening_hours=_parse_hours(path, data.get("opening_hours")),
        emergency_number=emergency_number,
        crisis_line=crisis_line,
        min_patient_age=integer("min_patient_age", 0, 120),
        retention_days=integer("retention_days", 1, 36500),
        email=email,
        directions=text("directions", required=False),
        languages=tuple(x.strip() for x in languages),
        doctors=tuple(x.strip() for x in doctors),
        alert_emails=alert_emails,
        out_of_hours_alert_emails=out_of_hours_alert_emails,
        source=path,
    )


_ALERT_FIELDS = ("email_to", "out_of_hours_email_to")


def _parse_alerts(path: Path, alerts: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if alerts is None:
        return (), ()
    if not isinstance(alerts, Mapping):
        raise ClinicConfigError(path, "alerts", "expected email_to: and out_of_hours_email_to: lists")
    unknown = sorted(str(k) for k in alerts if k not in _ALERT_FIELDS)
    if unknown:
        raise ClinicConfigError(path, f"alerts.{unknown[0]}",
                                f"unknown setting (known: {', '.join(_ALERT_FIELDS)})")
    lists = []
    for key in _ALERT_FIELDS:
        value = alerts.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
                isinstance(v, str) and re.fullmatch(r"[^@\s<>,]+@[^@\s<>,]+\.[^@\s<>,]+", v.strip())
                for v in value):
            raise ClinicConfigError(path, f"alerts.{key}",
                                    'expected a list of email addresses, e.g. ["frontdesk@clinic.example"]')
        lists.append(tuple(v.strip() for v in value))
    if lists[1] and not lists[0]:
        raise ClinicConfigError(path, "alerts.email_to",
                                "is missing (out-of-hours recipients are in addition to it)")
    return lists[0], lists[1]


def _parse_time(path: Path, field: str, value: str) -> time:
    m = _TIME_RE.match(value)
    if not m:
        raise ClinicConfigError(path, field, f"{value!r} is not a 24-hour time like 08:00 or 17:30")
    return time(int(m.group(1)), int(m.group(2)))


def _parse_hours(path: Path, hours: Any) -> tuple[tuple[TimeRange, ...], ...]:
    if hours is None:
        raise ClinicConfigError(path, "opening_hours", "is missing (list mon..sun)")
    if not isinstance(hours, Mapping):
        raise ClinicConfigError(path, "opening_hours", "expected one entry per weekday (mon: ..., tue: ...)")
    days: dict[int, tuple[TimeRange, ...]] = {}
    for key, value in hours.items():
        field = f"opening_hours.{key}"
        index = _WEEKDAY_NAMES.get(str(key).strip().lower())
        if index is None:
            raise ClinicConfigError(path, field, f"unknown weekday {key!r} (use {', '.join(WEEKDAYS)})")
        if index in days:
            raise ClinicConfigError(path, field, f"{WEEKDAYS[index]} is listed twice")
        days[index] = _parse_day(path, field, value)
    missing = [WEEKDAYS[i] for i in range(7) if i not in days]
    if missing:
        raise ClinicConfigError(
            path, f"opening_hours.{missing[0]}", 'is missing (every weekday must be listed; write "closed" for closed days)'
        )
    return tuple(days[i] for i in range(7))


def _parse_day(path: Path, field: str, value: Any) -> tuple[TimeRange, ...]:
    if isinstance(value, str) and value.strip().lower() == "closed":
        return ()
    if isinstance(value, str):
        items = [v for v in value.split(",") if v.strip()]
    elif isinstance(value, list) and value:
        items = value
    else:
        raise ClinicConfigError(
            path, field, f'{value!r} is not "closed" or a time range in quotes like "08:00-17:00"'
        )
    ranges: list[TimeRange] = []
    for item in items:
        if not isinstance(item, str):
            raise ClinicConfigError(path, field, f'{item!r} is not a time range in quotes like "08:00-17:00"')
        parts = _RANGE_SPLIT_RE.split(item.strip())
        if len(parts) != 2:
            raise ClinicConfigError(path, field, f"{item!r} is not a time range like 08:00-17:00")
        start = _parse_time(path, field, parts[0])
        end = time.max if parts[1] == "24:00" else _parse_time(path, field, parts[1])
        if not start < end:
            raise ClinicConfigError(path, field, f"{item!r}: closing time must be after opening time")
        ranges.append((start, end))
    ranges.sort()
    for (_, end1), (start2, _) in zip(ranges, ranges[1:]):
        if start2 < end1:
            raise ClinicConfigError(path, field, "time ranges overlap")
    return tuple(ranges)
