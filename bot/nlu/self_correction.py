"""A value taken back inside one message: the one after the correction wins.

"3 weeks, no wait, more like 5", "dos semanas, bueno no, tres", "en la parte baja, perdón, me
equivoqué, es el cuello", "physio, sorry, I mean chiropractic": between two durations, two
places or two treatments, a gap made only of correction words (at least one a true marker,
not a bare "no") drops the first. The words are in vocab/corrections.yml and
vocab/es/corrections.yml; `marker_pattern` gives the duration parsers the same words for a
bare number said as the correction ("dos semanas, bueno no, tres"). Pure: entities in, out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.nlu.phrasing import VOCAB_DIR, load_vocab

KINDS = ("duration", "pain_location", "treatment")
KEYS = ("markers", "weak", "fillers", "also_after")
_PUNCT = r"[\s.,;:!?¡¿…()\-–—]*"


@dataclass(frozen=True)
class Corrections:
    gap: re.Pattern  # a whole gap of correction words
    marker: re.Pattern  # one true marker inside it
    also: re.Pattern  # an addition after the second value
    lead: str  # a regex: markers then fillers, before a bare number
    strong: re.Pattern  # a true marker alone, never a weak word ("wait", "perdón"; no bare "no,")


_ACCENTED = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]", "n": "[nñ]"}
_PLAIN = str.maketrans("áéíóúüñ", "aeiouun")


def _word(word: str) -> str:
    """A word written with or without its accents ("perdón", "perdon"); "'" optional."""
    return "".join(_ACCENTED.get(ch, re.escape(ch)) if ch.isalpha() else ("'?" if ch in "'’" else re.escape(ch))
                   for ch in word.translate(_PLAIN))


def _alternatives(phrases: List[str]) -> str:
    words = sorted({p.lower().strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(_word(w) for w in p.split()) for p in words)


@lru_cache(maxsize=4)
def load_corrections(vocab_dir: Optional[Path] = None) -> Corrections:
    data = load_vocab("corrections.yml", vocab_dir or VOCAB_DIR)
    unknown = set(data) - set(KEYS)
    bad = [k for k in KEYS if not isinstance(data.get(k, []), list)
           or not all(isinstance(p, str) for p in data.get(k) or [])]
    if unknown or bad or not data.get("markers"):
        raise ValueError(f"corrections.yml: keys {sorted(KEYS)} are lists of quoted phrases "
                         f"(markers required); wrong: {sorted(unknown) + bad}")
    markers, weak, fillers = (_alternatives(data.get(k) or []) for k in KEYS[:3])
    word = rf"(?:{markers}|{weak}|{fillers})" if weak else rf"(?:{markers}|{fillers})"
    gap = re.compile(rf"^{_PUNCT}(?:{word}(?![\w']){_PUNCT})+$", re.I)
    strong = re.compile(rf"(?<![\w']){_alternatives(data['markers'])}(?![\w'])", re.I)
    marker = re.compile(rf"(?<![\w']){_alternatives(data['markers'])}(?![\w'])"
                        + (rf"|(?<![\w'])(?:{weak})\s*[.,;:!]+\s*(?:{weak})?(?![\w'])" if weak else ""), re.I)
    also = re.compile(rf"^{_PUNCT}(?:{_alternatives(data.get('also_after') or ['too'])})(?![\w'])", re.I)
    lead = (rf"{_PUNCT}(?:(?:{markers}|{weak})(?![\w']){_PUNCT})*(?:{markers})(?![\w']){_PUNCT}"
            rf"(?:(?:{fillers})(?![\w'])\s*)*")
    return Corrections(gap, marker, also, lead, strong)


def taken_back(entities: List[Dict[str, Any]], text: str,
               vocab_dir: Optional[Path] = None) -> List[Dict[str, Any]]:
    """`entities` without the durations, places and treatments a correction took back."""
    words = load_corrections(vocab_dir)
    dropped = set()
    for kind in KINDS:
        said = sorted((e for e in entities if e.get("entity") == kind
                       and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)),
                      key=lambda e: e["start"])
        for first, second in zip(said, said[1:]):
            gap = text[first["end"]:second["start"]]
            if (first.get("value") != second.get("value") and words.gap.match(gap)
                    and words.marker.search(gap) and not words.also.match(text[second["end"]:])):
                dropped.add(id(first))
    return [e for e in entities if id(e) not in dropped]
