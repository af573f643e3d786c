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
yes, wait, no, both" keep the sign, and so does the same sign said again as the patient's. A
bare "no" straight before the marker ("se me escapa la orina, no, perdón, desde el lunes") may
correct something else: that sign is asked, not denied, unless the words after the marker deny it,
name it again or give it away. Pure: mentions and text in, mentions out.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable, List

from bot.nlu.spelling import unaccented

_WORD = re.compile(r"[\w']+")
# between a sign and a correction marker, only a bare "no" (and commas, dashes, an ellipsis)
_BARE_NO = re.compile(r"(?:[\s,;:\-\u2013\u2014\u2026]|\.{2,})*(?:no(?:[\s,;:\-\u2013\u2014\u2026]|\.{2,})+)+")


@dataclass(frozen=True)
class TakenBack:
    marker: re.Pattern  # a correction marker (corrections.yml)
    also: re.Pattern  # "too", "también" after a sign: an addition, no reattribution
    given: re.Pattern  # words that give the sign to someone else
    not_mine: re.Pattern  # the writer's own "not me"
    marker_reach: int  # words between the sign and the marker, at most
    reach: int  # words after the marker the reattribution is read in
    strong: re.Pattern  # a true marker, no weak word alone: what a bare "no" may lead

    @classmethod
    def from_context(cls, context: dict, marker: re.Pattern, also: re.Pattern, strong: re.Pattern) -> "TakenBack":
        window = context.get("window") or {}
        return cls(marker, also, _phrases(context.get("sign_given_to_other")),
                   _phrases(context.get("sign_not_mine")),
                   int(window.get("taken_back_marker", 4)), int(window.get("taken_back_reach", 16)), strong)

    def __call__(self, mentions: List, text: str) -> List:
        """`mentions` (bot/nlu/clinical.py's Mention) with the signs taken back denied or asked."""
        plain, read = _plain(text), {}
        for m in mentions:
            if (_said(m) or _guessed(m)) and id(m) not in read:
                read.update(self._read(m, mentions, plain))
            elif _denied(m) and id(m) not in read:
                read.update(self._bare_no(m, mentions, plain))
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


    def _bare_no(self, m, mentions: Iterable, plain: str) -> dict:
        """A sign denied only by a bare "no" that leads a correction ("leaking urine, no, sorry,
        since Monday"): asked, unless after the marker it is denied, named again or given away."""
        marker = self.strong.search(plain, m.end, _after_words(plain, m.end, self.marker_reach))
        if marker is None or not _BARE_NO.fullmatch(plain, m.end, marker.start()):
            return {}
        start, end = marker.end(), _after_words(plain, marker.end(), self.reach)
        if any(x.value == m.value and x.start >= start for x in mentions) or self.given.search(plain, start, end) \
                or self.not_mine.search(plain, start, _after_words(plain, start, 2 * self.reach)):
            return {}
        return {id(m): dataclasses.replace(m, label="red_flag_unsure", negated=False, reason="taken_back")}


def _denied(m) -> bool:
    return m.label == "red_flag" and m.negated and m.experiencer == "patient"


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
