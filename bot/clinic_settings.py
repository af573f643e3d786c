"""The clinic's settings once read: open now?, its hours in words, the content's placeholders."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.days import ENGLISH_CALENDAR, Calendar

TimeRange = tuple[time, time]
SECOND_FACTOR_CHOICES = ("nobody", "administrators", "everyone")


@dataclass(frozen=True)
class CrisisLine:
    name: str
    number: str


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str
    address: str
    website: str
    booking_url: str
    timezone: str
    # Seven entries, Monday first; each a tuple of (open, close) ranges, empty when closed.
    opening_hours: tuple[tuple[TimeRange, ...], ...]
    emergency_number: str
    crisis_line: CrisisLine
    min_patient_age: int
    retention_days: int
    email: str | None = None
    # Optional, for questions about the clinic (content/faq.yml): how to get there, the
    # languages the team speaks, the specialists' names. Left out: "I don't have that".
    directions: str | None = None
    languages: tuple[str, ...] = ()
    doctors: tuple[str, ...] = ()
    # Who is emailed about new requests and urgent conversations (bot/alerts), and who
    # additionally hears of urgent and emergency ones outside opening hours.
    alert_emails: tuple[str, ...] = ()
    out_of_hours_alert_emails: tuple[str, ...] = ()
    # Who must sign in to the staff page with a second factor (TOTP): "nobody" (each user
    # may turn it on), "administrators" or "everyone".
    staff_second_factor: str = "nobody"
    source: Path | None = None

    def second_factor_required(self, is_admin: bool) -> bool:
        return self.staff_second_factor == "everyone" or (
            self.staff_second_factor == "administrators" and is_admin)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def is_open(self, at: datetime) -> bool:
        """Whether the clinic is open at ``at``.

        An aware datetime is converted to the clinic's time zone; a naive one is taken to be
        the clinic's local time already.
        """
        local = at.astimezone(self.tz) if at.tzinfo is not None else at
        now = local.time().replace(tzinfo=None)
        return any(start <= now < end for start, end in self.opening_hours[local.weekday()])

    def hours_text(self, calendar: Calendar = ENGLISH_CALENDAR) -> str:
        """A short human summary, e.g. ``"Mon–Fri 8:00–17:00; Sat–Sun closed"`` (in
        ``calendar``'s words: ``"lun–vie 8:00–17:00; sáb–dom cerrado"``)."""
        labels = calendar.short_days
        groups: list[tuple[int, int, tuple[TimeRange, ...]]] = []
        for day, ranges in enumerate(self.opening_hours):
            if groups and groups[-1][2] == ranges:
                groups[-1] = (groups[-1][0], day, ranges)
            else:
                groups.append((day, day, ranges))
        parts = []
        for first, last, ranges in groups:
            days = labels[first] if first == last else f"{labels[first]}–{labels[last]}"
            if ranges:
                when = ", ".join(f"{_fmt(a)}–{_fmt(b)}" for a, b in ranges)
            else:
                when = calendar.closed
            parts.append(f"{days} {when}")
        return "; ".join(parts)

    def template_values(self, calendar: Calendar = ENGLISH_CALENDAR) -> dict[str, str]:
        """Values for the ``{placeholders}`` in the clinician content files (the hours said in
        the content's ``calendar``)."""
        return {
            "clinic_name": self.name,
            "clinic_phone": self.phone,
            "clinic_hours": self.hours_text(calendar),
            "emergency_number": self.emergency_number,
            "crisis_line_name": self.crisis_line.name,
            "crisis_line_number": self.crisis_line.number,
            "booking_url": self.booking_url,
        }


def _fmt(t: time) -> str:
    if t == time.max:
        return "24:00"
    return f"{t.hour}:{t.minute:02d}"
