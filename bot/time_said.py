"""The preferred time in an answer to "when suits you?", without the words around it.

"umm probably tuesdays around 3 would suit me best I think" is stored and said back as
"tuesdays around 3"; "any wednesday after lunch works, since I drop my kids at school in the
morning" as "any wednesday after lunch": the clauses that name a time, less the reasons given
for them and the filler words (`time_filler` in the request words), and less those that say a
time does not suit when another does. A message that names no time is left to the caller
(kept whole: "whenever, I'm retired" is what staff need).
"""
from __future__ import annotations

import re
from typing import Optional

from bot.booking import _ASKED_AS, SENTENCE_ENDS, names_a_time, parse_preferred_time
from bot.nlu.request_words import request_words

# A reason given for the time ("since I drop my kids at school in the morning", "porque
# trabajo temprano"): what follows is not the time.
_REASON = re.compile(r"[\s,]+(?:because|'?cause|since|as i|as my|porque|ya que|es que)\s", re.I)
# Clauses of one sentence: commas, "but", "pero"
_CLAUSES = re.compile(r"\s*,\s*|\s+(?:but|pero|though|aunque)\s+", re.I)
# A clock time or a time of the day said in words the day-and-time words lack ("a partir de
# las 10", "antes de las 11", "early", "temprano")
_TIME_TOO = re.compile(r"\b\d{1,2}(?::\d{2})?\b|\b(?:early|late|later|noon|whenever|a partir de|despu[eé]s de"
                       r"|antes de|temprano|mediod[ií]a|a las)\b", re.I)


def _trimmed(clause: str) -> str:
    """The clause without the asking words ("could it be ...") and the filler around it."""
    words = request_words()
    previous = None
    while clause != previous:
        previous = clause
        clause = _ASKED_AS.sub("", clause.strip(" ,;:-")).strip(" ,;:-")
        clause = words.time_filler.sub("", clause).strip(" ,;:-")
    return clause


def time_said(text: str) -> Optional[str]:
    """The time in an answer to "when?": the clauses that name one, trimmed; None when no
    clause names a time."""
    kept = []
    for sentence in SENTENCE_ENDS.split((text or "").replace("\u2019", "'")):
        sentence = _REASON.split(" " + sentence)[0]
        for clause in _CLAUSES.split(sentence):
            clause = _trimmed(clause)
            if clause and (names_a_time(clause) or _TIME_TOO.search(clause)):
                kept.append(clause)
    suiting = [c for c in kept if not request_words().not_suiting.search(c)]
    chosen = suiting or kept
    return parse_preferred_time(", ".join(chosen)) if chosen else None


def time_to_store(text: str) -> Optional[str]:
    """What is stored for an answer to "when?": the time said, or the whole answer when it
    names none."""
    return time_said(text) or parse_preferred_time(text)
