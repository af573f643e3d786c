"""Plain words for the contract's values, shared by the staff page, exports and the CLI."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable, Optional
from zoneinfo import ZoneInfo

from bot.content import load_content
from bot.wording import describe_duration


def _staff(kind: str) -> dict:
    return dict(load_content().labels.staff[kind])


def _with_no_level(words: dict) -> dict:
    """Level tables also answer for a conversation with no level (None, or "none")."""
    return {**words, None: words["none"]}


# The staff words of content/labels.yml (one home for them), as tables keyed by value. Read at
# import: the content was validated when the staff page or the CLI started.
_LABELS = load_content().labels
LEVELS = _with_no_level(_staff("levels"))
LEVEL_HELP = _with_no_level(dict(_LABELS.level_told))
LEVEL_SHORT = _with_no_level(dict(_LABELS.level_summary))
LOCATIONS = _staff("locations")
TREATMENTS = _staff("treatments")
RED_FLAGS = _staff("red_flags")
PATTERNS = {**_staff("patterns"), None: "Not known"}
INJECTION_KINDS = _staff("injections")
RELIEF = _staff("relief")
KINDS = _staff("request_kinds")
STATUSES = _staff("request_statuses")
CONTACT_OUTCOMES = _staff("contact_outcomes")
SLOTS = _staff("slots")
DURATIONS = _staff("duration_categories")
LANGUAGES = _staff("languages")


def label(table: dict, value: Any) -> str:
    if value is None:
        return table.get(None, "-")
    return table.get(value, str(value).replace("_", " ").capitalize())


def labels(table: dict, values: Optional[Iterable[Any]], empty: str = "-") -> str:
    values = list(values or [])
    return ", ".join(label(table, v) for v in values) if values else empty


def treatments(values: Optional[Iterable[str]]) -> str:
    if values is None:
        return "-"
    return labels(TREATMENTS, values, empty="Nothing yet")


def weeks(value: Optional[float]) -> str:
    """How long, in the words the patient was told: 26.1 -> 'about 6 months'."""
    if value is None:
        return "-"
    try:
        return describe_duration(float(value), load_content().duration_words)
    except (TypeError, ValueError):  # not a duration the assistant stores: shown as it is
        return f"{value} weeks"


def slot_value(name: str, value: Any) -> str:
    if value is None:
        return "-"
    if name == "triage_level":
        return label(LEVELS, value)
    if name in ("red_flags", "red_flags_unconfirmed"):
        return labels(RED_FLAGS, value, empty="None")
    if name == "pain_location":
        return label(LOCATIONS, value)
    if name == "pain_duration_weeks":
        return weeks(value)
    if name == "duration_category":
        return DURATIONS.get(value, str(value))
    if name == "treatments_tried":
        return treatments(value)
    if name == "booking_kind":
        return label(KINDS, value)
    if name == "language":
        return label(LANGUAGES, value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or "None"
    return str(value)


def when(value: Optional[datetime], tz: ZoneInfo, with_seconds: bool = False,
         relative: bool = False) -> str:
    """'24 Nov 2025, 13:41' in the clinic's time zone; 'Today, 13:41' when `relative`."""
    if value is None:
        return "-"
    local = value.astimezone(tz)
    clock_format = "%H:%M:%S" if with_seconds else "%H:%M"
    if relative:
        days = (datetime.now(tz).date() - local.date()).days
        if days == 0:
            return "Today, " + local.strftime(clock_format)
        if days == 1:
            return "Yesterday, " + local.strftime(clock_format)
    return local.strftime("%d %b %Y, " + clock_format)


def clock(value: Optional[datetime], tz: ZoneInfo) -> str:
    return value.astimezone(tz).strftime("%H:%M:%S") if value else ""


def injections(items: Optional[Iterable[Any]]) -> str:
    """ "Epidural: did not help; Facet joint injection: helped for 13 weeks"."""
    out = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        weeks = item.get("relief_weeks")
        lasting = f" for {weeks:g} weeks" if isinstance(weeks, (int, float)) and item.get("relief") in ("good", "partial") else ""
        out.append(f"{label(INJECTION_KINDS, item.get('kind'))}: {RELIEF.get(item.get('relief'), 'effect not said')}{lasting}")
    return "; ".join(out) or "none"
