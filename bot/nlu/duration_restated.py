"""Starting points the patient turns into a count of their own ("since Easter. About 6 weeks.").

`restated(text, candidates, quantities)` drops each starting point (a date, a holiday, a
weekday) that a count restates, so the patient's own count is the length: it does not depend on
the day the message is read, nor on which Easter or which Monday the reader takes. Used by
bot/nlu/duration.py; Spanish has its own in duration_es_anchors.py.
"""
from __future__ import annotations

import re

# "my tailbone still hurts 2 weeks later", "still sore a month on": the time since the day told
STILL_BEFORE = re.compile(r"\bstill\b[^.!?\d]{0,40}$", re.I)
STILL_LATER = re.compile(r"\s+(?:later|on)\b", re.I)


_RESTATED_RE = re.compile(  # "since Jan, so 4 months", "since Easter, that's nine weeks ago"
    r"^\s*[,;:-]?\s*(?:and\s+)?(?:so\s+)?(?:so|that'?s|thats|that\s+is|which\s+is|which\s+makes\s+it|making\s+it"
    r"|which\s+was|that\s+was"
    r"|(?:so\s+)?now\s+(?:it\s+is|it'?s|its)|it'?s\s+been|it\s+has\s+been"
    r"|i\.?e\.?)?\s*(?:about|around|roughly|approximately|approx\.?|nearly|almost|over|just\s+over"
    r"|a\s+(?:little|bit)\s+(?:over|under|more\s+than|less\s+than)|just\s+under|under)?\s*$", re.I)


# Words that may stand between a starting point and the length the patient makes of it
# ("since the holidays, so going on six weeks", "since ramzan started, around three weeks",
# "since new years lol so like 11 wks") or before it ("three weeks or so, since Diwali")
_RESTATE_FILLERS = frozenset(
    "so like lol about around roughly approximately approx nearly almost over just under going on "
    "getting coming up close to near good ago for "
    "i'd i'd id say i think guess reckon maybe probably prob which is that's thats that it's its it "
    "been has now already well basically ish or and a bit little more less than started began "
    "begun since from ever makes making yeah ok okay um erm mmm hmm bout abt round roughly "
    "night morning evening afternoon".split())  # "since monday night, so 2 days"


def _gap_restates(gap: str) -> bool:
    words = re.findall(r"[a-z']+", gap.lower().replace("’", "'"))
    return len(words) <= 8 and all(w in _RESTATE_FILLERS for w in words) and not re.search(r"[.!?;\n]", gap)


_CLAUSE_END = re.compile(r"[,;:.!?\n()]|\s[-–]\s")


def _count_stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the count text[start:end] is a clause of its own, with only words that say it
    is a length now ("Since Easter. About 6 weeks.", "..., it's been close to 5 weeks", "...,
    a little over 3 weeks ago"): the patient's own reckoning of what came before."""
    opening = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    closing = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    return _gap_restates(text[opening:start] + " " + text[end:closing])


def _restates_the_point(text: str, point: tuple, count: tuple) -> bool:
    """Whether a count restates the starting point before it as a length: right after it
    with only restating words between ("since Jan, so 4 months"), as a clause of its own in
    the clause or sentence that follows ("since boxing day, so getting on for three weeks
    now", "Since Easter. About 6 weeks."), or as the time since it that the pain "still"
    lasts ("fell down the stairs Christmas Eve, ... still hurts 2 weeks later")."""
    gap = text[point[1]:count[0]]
    if not 0 <= count[0] - point[1] <= 120:
        return False
    if len(gap) <= 60 and (_RESTATED_RE.match(gap) or _gap_restates(gap)):
        return True
    if len(re.findall(r"[.!?\n]+", gap)) <= 1 and _count_stands_alone(text, count[0], count[1]):
        return True
    return bool(STILL_LATER.match(text, count[1])) and bool(STILL_BEFORE.search(gap))


def restated(text: str, candidates: list, quantities: set) -> list:
    """A starting point the patient turns into a length ("since Jan, so 4 months", "three
    weeks or so, since Diwali", "Since Easter. About 6 weeks.") gives way to that length: the
    patient's own count does not depend on the day the message is read, nor on which Easter
    or which Monday the reader takes."""
    dropped = set()
    for point in candidates:
        for q in candidates:
            if (q[0], q[1]) not in quantities or point is q or (point[0], point[1]) in quantities:
                continue
            after = _restates_the_point(text, point, q)
            before = 0 <= point[0] - q[1] <= 40 and _gap_restates(text[q[1]:point[0]])
            if after or before:
                dropped.add(point)
    return [c for c in candidates if c not in dropped]
