"""conversation.yml: every text the code says, and the words for durations, days and hours.

Each key the code uses is required, with its allowed placeholders (``CONVERSATION_TEXTS``,
``DURATION_WORDS``, ``CALENDAR_FIELDS``)."""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from bot.content.checker import Checker
from bot.content.fields import (
    CALENDAR_FIELDS,
    CALENDAR_OPTIONAL,
    CALENDAR_PLACEHOLDERS,
    CONVERSATION_TEXTS,
    DURATION_WORDS,
)
from bot.days import Calendar


def build_conversation(file: Path, data: Mapping[str, Any]) -> Mapping[str, str]:
    c = Checker(file)
    texts = {key: value for key, value in data.items() if key not in ("durations", "calendar")}
    for key, placeholders in CONVERSATION_TEXTS.items():
        if data.get(key) is None:
            raise c.fail(key, "is missing")
        texts[key] = c.text(data[key], key, placeholders)
    return MappingProxyType(texts)


def build_duration_words(file: Path, data: Mapping[str, Any]) -> Mapping[str, str]:
    c = Checker(file)
    if data.get("durations") is None:
        raise c.fail("durations", "is missing")
    words = c.mapping(data["durations"], "durations", DURATION_WORDS, DURATION_WORDS)
    return MappingProxyType({key: c.text(words[key], f"durations.{key}", DURATION_WORDS[key])
                             for key in DURATION_WORDS})


def build_calendar(file: Path, data: Mapping[str, Any]) -> Calendar:
    c = Checker(file)
    if data.get("calendar") is None:
        raise c.fail("calendar", "is missing")
    words = c.mapping(data["calendar"], "calendar", CALENDAR_FIELDS, CALENDAR_FIELDS + CALENDAR_OPTIONAL)
    fields: dict[str, Any] = {}
    for key in CALENDAR_FIELDS:
        where = f"calendar.{key}"
        if key in ("days", "short_days", "every_day"):
            fields[key] = c.text_list(words[key], where)
            if len(fields[key]) != 7:
                raise c.fail(where, "expected the seven days, Monday first")
        elif key == "now_words":
            fields[key] = c.text_list(words[key], where)
        else:
            fields[key] = c.text(words[key], where, CALENDAR_PLACEHOLDERS.get(key, frozenset()))
    names = words.get("language_names") or {}
    if not isinstance(names, Mapping):
        raise c.fail("calendar.language_names", "expected a mapping (name in clinic.yml: name said)")
    fields["language_names"] = tuple((str(k), c.text(v, f"calendar.language_names.{k}"))
                                     for k, v in names.items())
    fields["list_and"] = c.text(data.get("list_and"), "list_and")
    return Calendar(**fields)
