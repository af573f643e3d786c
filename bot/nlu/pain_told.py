"""Is a place told as the pain in a sentence of its own, beside a question about the clinic?"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

_VOCAB = Path(__file__).parent / "vocab"
_SENTENCE_END = "?!.¿¡"


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


@lru_cache(maxsize=1)
def _pain_words() -> frozenset:
    """The pain words of both languages' place vocabularies (`not_spine.pain_words`)."""
    words = set()
    for path in (_VOCAB / "locations.yml", _VOCAB / "es" / "locations.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        words |= {_plain(w) for w in ((data.get("not_spine") or {}).get("pain_words") or [])}
    return frozenset(words)


def pain_told(text: str, entity: dict) -> bool:
    """Does the sentence holding `entity` (character offsets in `text`) tell a pain and ask
    nothing ("¿aceptan seguro? me duele mucho la espalda"), rather than name the back in
    passing ("... half the problem with my back lol") or inside the question?"""
    start, end = entity.get("start") or 0, entity.get("end") or 0
    left = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1)
    right = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    stop = min(right) if right else len(text)
    if (left >= 0 and text[left] == "¿") or (stop < len(text) and text[stop] == "?"):
        return False  # the place is inside the question
    return bool(_pain_words() & set(re.findall(r"\w+", _plain(text[left + 1:stop]))))
