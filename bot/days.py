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
    # Said with the clinic's details: clinic.yml's `languages` as this language names them
    # ("Spanish" -> "español"; a name not listed is said as written), joined by `list_and`
    language_names: tuple[tuple[str, str], ...] = ()
    list_and: str = "and"

    def said_list(self, names) -> str:
        """Names from clinic.yml said in this language: "inglés y español"."""
        from bot.wording import join_list

        own = dict(self.language_names)
        return join_list([own.get(n, n) for n in names], self.list_and)


ENGLISH_CALENDAR = Calendar()
