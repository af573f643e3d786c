"""How days and the clinic's opening hours are said in one language (conversation.yml's calendar)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Calendar:
    """How days and opening hours are said in one language (conversation.yml's `calendar`,
    checked at start-up); the English words are the default."""
    days: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                             "Saturday", "Sunday")
    short_days: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    every_day: tuple[str, ...] = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays",
                                  "Saturdays", "Sundays")
    closed: str = "closed"
    today: str = "today"
    tomorrow: str = "tomorrow"
    on_day: str = "on {day}"
    at_time: str = "{when} at {time}"
    now_words: tuple[str, ...] = ("now", "right now", "today", "at the moment")


ENGLISH_CALENDAR = Calendar()
