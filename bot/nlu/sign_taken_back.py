"""A sign said and taken back in the same breath because it was someone else's: asked or dropped.

"Fever yes, wait no, sorry, that was my son ... me no", "fiebre sí... no, espere, la que tuvo
fiebre fue mi hija. Yo no": a red flag the patient said is taken back when, straight after it,
a correction marker (vocab/corrections.yml `markers`: "wait", "sorry", "espere") leads to a
reattribution: the same sign named again as someone else's (not "too"), or words that give it to
someone else (context.yml `sign_given_to_other`: "that was my", "fue mi"). With the writer's
own denial as well (`sign_not_mine`: "me no", "yo no"), or the same sign denied after the
marker ("sorry, no, I don't have a fever"), it is dropped; a reattribution or a denial alone is
confirmed with the patient (red_flag_unsure, reason "taken_back"), never silently dropped. A
bare correction is no retraction: "me caí el lunes... no, espere, el martes" and "leaking urine
yes, wait, no, both" keep the sign, and so does the same sign said again as the patient's.
Pure: mentions and text in, mentions out.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable, List

from bot.nlu.spelling import unaccented

_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class TakenBack:
    marker: re.Pattern  # a correction marker (corrections.yml)
    also: re.Pattern  # "too", "también" after a sign: an addition, no reattribution
    given: re.Pattern  # words that give the sign to someone else
    not_mine: re.Pattern  # the writer's own "not me"
    marker_reach: int  # words between the sign and the marker, at most
    reach: int  # words after the marker the reattribution is read in

    @classmethod
    def from_context(cls, context: dict, marker: re.Pattern, also: re.Pattern) -> "TakenBack":
        window = context.get("window") or {}
        return cls(marker, also, _phrases(context.get("sign_given_to_other")),
                   _phrases(context.get("sign_not_mine")),
                   int(window.get("taken_back_marker", 4)), int(window.get("taken_back_reach", 16)))

    def __call__(self, mentions: List, text: str) -> List:
        """`mentions` (bot/nlu/clinical.py's Mention) with the signs taken back denied or asked."""
        plain, read = _plain(text), {}
        for m in mentions:
            if (_said(m) or _guessed(m)) and id(m) not in read:
                read.update(self._read(m, mentions, plain))
        return [read.get(id(m), m) for m in mentions]

    def _read(self, m, mentions: Iterable, plain: str) -> dict:
        """The mentions this sign's taking back changes: it, and the same sign inside the words
        that give it away ("... la que tuvo fiebre | fue mi hija"), by id."""
        marker = self.marker.search(plain, m.end, _after_words(plain, m.end, self.marker_reach))
        if marker is None:
            return {}
        start, end = marker.end(), _after_words(plain, marker.end(), self.reach)
        later = [x for x in mentions if x.value == m.value and x.start >= start and x.label.startswith("red_flag")]
        given = self.given.search(plain, start, end)  # "... fue mi papá": the sign before it is his
        inside = [x for x in later if given and x.end <= given.start() and _said(x)]
        if any(_said(x) and x not in inside for x in later):
            return {}  # "fever, sorry, my son is shouting: yes, a fever since Monday"
        someone = bool(given) or any(
            x.experiencer != "patient" and x.start < end and not self.also.match(plain[x.end:]) for x in later)
        denied = any(x.negated and x.experiencer == "patient" and x.start < end for x in later)
        mine_not = bool(self.not_mine.search(plain, start, _after_words(plain, start, 2 * self.reach)))
        if denied or (someone and mine_not):
            return {id(x): dataclasses.replace(x, negated=True, reason="") for x in [m, *inside]}
        if someone or mine_not:
            return {id(x): dataclasses.replace(x, label="red_flag_unsure", reason="taken_back") for x in [m, *inside]}
        return {}


def _said(m) -> bool:
    return m.label == "red_flag" and not m.negated and m.experiencer == "patient"


def _guessed(m) -> bool:
    """A sign in words that may be it, asked ("temperature yes" alone): taken back the same way."""
    return m.label == "red_flag_unsure" and m.reason in ("near", "territory", "vague") and m.experiencer == "patient"


def _plain(text: str) -> str:
    """Lower case, accents off, one character for one ("sí" -> "si"), offsets kept."""
    return "".join(u if len(u) == 1 else c for c in text.lower().replace("’", "'") for u in (unaccented(c),))


def _after_words(plain: str, start: int, n: int) -> int:
    """The offset `n` words after `start` (the text's end when fewer are left)."""
    words = list(_WORD.finditer(plain, start))
    return words[n - 1].end() if len(words) >= n else len(plain)


def _phrases(phrases) -> re.Pattern:
    words = sorted({_plain(str(p)).strip() for p in phrases or [] if str(p).strip()}, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w'])(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in words)
                      + r")(?![\w'])")
