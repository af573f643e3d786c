"""When a mentioned injury happened, against the clinic's window for a recent one.

How many weeks back a clause dates it, and the window it is judged by (context.yml
`recent_injury`, which clinicians edit)."""
from __future__ import annotations

import datetime
import re

from bot.nlu import reading_day
from bot.nlu.spelling import unaccented

_MONTHS = {name: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_WEEKS_A_MONTH = 4.35
# When context.yml has no `recent_injury`: "in November" said in December may be three weeks
# ago (recent); a month named three or more months back is not
DEFAULT_WINDOW = {"recent_weeks": 12, "long_ago_weeks": 52, "long_ago_years": 2, "units": {}, "numbers": {},
                  "ago_after": [], "ago_before": [], "ago_hedges": [], "not_carried": []}


def _plain_word(word: str) -> str:
    return unaccented(word.lower())


def read_window(data: dict | None) -> dict:
    """context.yml's `recent_injury`, checked: two week counts, units in weeks, number words."""
    window = {**DEFAULT_WINDOW, **(data or {})}
    recent, long_ago = window["recent_weeks"], window["long_ago_weeks"]
    if not (isinstance(recent, (int, float)) and isinstance(long_ago, (int, float)) and 0 < recent <= long_ago):
        raise ValueError("context.yml: recent_injury: 0 < recent_weeks <= long_ago_weeks")
    if not (isinstance(window["long_ago_years"], int) and window["long_ago_years"] >= 1):
        raise ValueError("context.yml: recent_injury: long_ago_years, a whole number of years from 1")
    for key in ("units", "numbers"):
        if not all(isinstance(v, (int, float)) and v > 0 for v in window[key].values()):
            raise ValueError(f"context.yml: recent_injury.{key}: positive numbers")
    return {**window, "units": {_plain_word(k): float(v) for k, v in window["units"].items()},
            "numbers": {_plain_word(k): float(v) for k, v in window["numbers"].items()},
            "ago_after": {_plain_word(w) for w in window["ago_after"]},
            "ago_before": {_plain_word(w) for w in window["ago_before"]},
            "ago_hedges": {_plain_word(w) for w in window["ago_hedges"]},
            "not_carried": {_plain_word(w) for w in window["not_carried"]}}


def _number(word: str, numbers: dict) -> float | None:
    if word.replace(".", "", 1).isdigit():
        return float(word)
    return numbers.get(word)


def weeks_back(phrases: set, window: dict = DEFAULT_WINDOW, today: datetime.date | None = None) -> float:
    """The furthest back, in weeks, a clause's phrases (runs of one to three words) date
    something: a calendar year before this one ("in 2009", "en 2015": from that year's end), a
    month named as past ("in feb", "last march"), "last <unit>" ("last year"), "<n> <unit> ago|back" or "hace <n> <unit>"
    (also hedged, "hace como <n> <unit>");
    0 when none. "may" alone is a verb: only "in may" and "last may" count."""
    today = today or reading_day.today()  # bot/nlu/reading_day.py: tests pass a day
    back = 0.0
    for phrase in phrases:
        words = [_plain_word(w) for w in phrase.split()]
        if len(words) == 1 and words[0].isdigit() and len(words[0]) == 4:
            if 1900 <= int(words[0]) < today.year:
                back = max(back, (today - datetime.date(int(words[0]), 12, 31)).days / 7)
        elif len(words) == 2 and words[0] in ("in", "last") and words[1] in _MONTHS:
            months = (today.month - _MONTHS[words[1]]) % 12
            if words[0] == "last" and months == 0:
                months = 12
            if words[0] == "last" or _MONTHS[words[1]] < today.month:
                back = max(back, months * _WEEKS_A_MONTH)
        elif len(words) == 2 and words[0] == "last" and words[1] in window["units"]:
            back = max(back, window["units"][words[1]])  # "last year"; "last week" stays recent
        elif len(words) == 3:
            if words[2] in window["ago_after"]:
                n, unit = words[0], words[1]
            elif words[0] in window["ago_before"]:
                n, unit = words[1], words[2]
            elif words[0] in window["ago_hedges"] and any(
                    f"{ago} {words[0]}" in phrases for ago in window["ago_before"]):
                n, unit = words[1], words[2]  # "hace como 10 años": the hedge after "hace"
            else:
                continue
            count = _number(n, window["numbers"])
            if count is not None and unit in window["units"]:
                back = max(back, count * window["units"][unit])
    return back


def injury_phrases(words: list[str], clause: list[int], s: int, window: dict) -> set:
    """The phrases that date the injury mentioned at token `s`: its clause's, and, when that
    clause is undated and carries it straight on from the clause before in its sentence ("hace
    como 10 años me caí | y me fracturé la muñeca": at most two words, "y me", between), that
    clause's too, unless its own words say it is another time (`window["not_carried"]`: "otra
    vez", "ayer", "again")."""
    from bot.nlu.mention_context import runs

    own = [i for i, c in enumerate(clause) if c == clause[s]]
    phrases = runs([words[i] for i in own])
    start = own[0]
    if weeks_back(phrases, window) or s - start > 2 or start == 0 or words[start - 1] in (".", "?", "!") \
            or {_plain_word(words[i]) for i in own} & window["not_carried"]:
        return phrases
    before = [i for i, c in enumerate(clause) if c == clause[start - 1]]
    if any(words[i] in (".", "?", "!") for i in before[:-1]):
        before = before[max(j for j, i in enumerate(before[:-1]) if words[i] in (".", "?", "!")) + 1:]
    return phrases | runs([words[i] for i in before])


def years_read_today(words: list[str], before: dict, after: dict, window: dict,
                     today: datetime.date | None = None) -> None:
    """The long-ago cues that name a calendar year (context.yml `<year>`: "back in 2015", "...,
    but that was 2022") read against the day of reading (bot/nlu/reading_day.py), in place: long
    ago only from `long_ago_years` calendar years back; a year fewer back is a past time, asked
    ("historical"; "year_said" for one said after the injury, dated by weeks_back()); this
    year or a later one is no cue at all. No yearly edit of the vocabulary."""
    year = (today or reading_day.today()).year
    changed = {}
    for s, cues in after.items():
        for kind, e in cues:
            said = [int(w) for w in words[s:e] if len(w) == 4 and w.isdigit()]
            if kind in ("long_ago", "long_ago_said") and said and year - max(said) < window["long_ago_years"]:
                changed[(kind, s, e)] = None if year - max(said) < 1 else (
                    "year_said" if kind == "long_ago_said" else "historical")
    for (kind, s, e), new in changed.items():
        after[s] = [(k, x) for k, x in after[s] if (k, x) != (kind, e)] + ([(new, e)] if new else [])
        before[e - 1] = [(k, x) for k, x in before[e - 1] if (k, x) != (kind, s)] + ([(new, s)] if new else [])


def said_later(words: list[str], clause: list[int], after: dict, covered: set, end: int, window: dict,
               kind: str = "year_said") -> set:
    """The words of a cue of `kind` later in the sentence of an injury ending at token `end`
    ("..., but that was 2022", "..., that was 12 years ago"), as phrases (runs of up to four
    words, which weeks_back() reads against today's date); none when the injury's own clause
    says another time ("I fell yesterday, ...": `window["not_carried"]`) or another mention
    stands between ("a fall yesterday, and my car accident, that was 2019": the year is the
    accident's)."""
    from bot.nlu.mention_context import runs

    own = {_plain_word(w) for i, w in enumerate(words) if clause[i] == clause[end - 1]}
    if own & window["not_carried"]:
        return set()
    for i in range(end, len(words)):
        if words[i] in (".", "?", "!") or i in covered:
            return set()
        said = [e for k, e in after.get(i, ()) if k == kind]
        if said:
            return runs(words[i:max(said)], 4)
    return set()


def another_not_long_past(words: list[str], clause: list[int], after: dict, end: int, window: dict) -> bool:
    """Later in the sentence of an injury ending at token `end`, another of its kind
    (context.yml `another_mention`: "... and another one last week") with no long-ago time in
    its clause: that one may be recent."""
    from bot.nlu.mention_context import runs

    for i in range(end, len(words)):
        if words[i] in (".", "?", "!"):
            return False
        for e in (e for k, e in after.get(i, ()) if k == "another"):
            rest = [j for j in range(e, len(words)) if clause[j] == clause[e]] if e < len(words) else []
            if not (long_past(runs([words[j] for j in rest]), window=window) or any(
                    k in ("long_ago", "long_ago_said") for j in rest for k, _ in after.get(j, ()))):
                return True
    return False


def long_past(phrases: set, today: datetime.date | None = None, window: dict = DEFAULT_WINDOW) -> bool:
    """A clause dates something further back than the window of a recent injury."""
    return weeks_back(phrases, window, today) > window["recent_weeks"]


def injury_dated(phrases: set, window: dict, long_ago: bool, over: bool) -> str:
    """An injury's reading from when its clause dates it: "resolved" (no recent injury) when
    dated from the window's long_ago_weeks back, or said long ago (`long_ago`: "years ago", "as
    a kid"); "historical" (confirmed first) beyond recent_weeks, "resolved" then if the sentence
    says it is over (`over`: "healed fine"); "" when recent or undated."""
    back = weeks_back(phrases, window)
    if long_ago or back >= window["long_ago_weeks"]:
        return "resolved"
    if back > window["recent_weeks"]:
        return "resolved" if over else "historical"
    return ""


def dated_injury_asked(entities: list[dict], text: str, dated_from: frozenset, weeks: list,
                       fold=lambda s: s) -> list[dict]:
    """An injury the pain's length is dated from, straight after that length ("10 años más o
    menos, desde el accidente", "two years now, ever since the crash": only one of `dated_from`,
    context.yml `pain_dated_from`, between them), in a message whose every length is a year or
    more (`weeks`, also those dating something else): the injury is that old, no recent one.
    It is confirmed with the patient first (`red_flag_unsure`, "historical"), never dropped."""
    if not weeks or min(weeks) < 52:
        return entities
    said = {" ".join(re.findall(r"[\w']+", w)) for w in dated_from}
    ends = [e["end"] for e in entities if e.get("entity") == "duration" and isinstance(e.get("end"), int)]
    found = []
    for e in entities:
        if e.get("entity") == "red_flag" and e.get("value") == "trauma" and isinstance(e.get("start"), int) and any(
                end <= e["start"] and " ".join(re.findall(r"[\w']+", fold(text[end:e["start"]].lower()))) in said
                for end in ends):
            e = {**e, "entity": "red_flag_unsure", "reason": "historical"}
        found.append(e)
    return found
