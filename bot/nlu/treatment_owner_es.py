"""A relative's remedies, told by the relative's carer, are the patient's (Spanish).

"mi mamá solo se pone parches de Salonpas": a writer who never speaks of themself and names a
parent, grandparent, spouse or child is typing for them, so that relative's treatments fill
`treatments_tried`. A cousin's or a neighbour's treatment ("a mi prima le pusieron una
epidural"), one for another part of the body ("mi esposo toma Tafirol para su rodilla") and a
relative's remedy beside the writer's own pain stay someone else's. Words in
vocab/es/treatment_owner.yml and context.yml's `first_person`, validated when imported.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, List, Sequence, Tuple

import yaml

from bot.nlu.clinical import Mention

VOCAB = Path(__file__).parent / "vocab" / "es"
_FOLD = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN")
_WORD = re.compile(r"[a-zñ]+")


def _fold(text: str) -> str:
    return text.lower().translate(_FOLD)


@lru_cache(maxsize=1)
def _words() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    owner = yaml.safe_load((VOCAB / "treatment_owner.yml").read_text(encoding="utf-8")) or {}
    relatives = owner.get("carer_relatives") if isinstance(owner, dict) else None
    if set(owner) != {"carer_relatives"} or not relatives or not all(isinstance(w, str) for w in relatives):
        raise ValueError("treatment_owner.yml: expected `carer_relatives:`, a list of words")
    context = yaml.safe_load((VOCAB / "context.yml").read_text(encoding="utf-8")) or {}
    first = [w for w in context.get("first_person") or [] if isinstance(w, str) and " " not in w]
    return frozenset(map(_fold, relatives)), frozenset(map(_fold, first))


_words()  # a malformed file stops the start-up


def _carer_writing(text: str) -> bool:
    relatives, first_person = _words()
    words = _WORD.findall(_fold(text))
    named = False
    for i, w in enumerate(words):
        if w in ("mi", "mis") and relatives.intersection(words[i + 1:i + 3]):
            named = True  # "mi mamá", "mi pobre mamá": the relative, not the writer
            continue
        if w in first_person:
            return False
    return named


def carers_treatments(text: str, mentions: Sequence[Mention]) -> List[Mention]:
    """`mentions` with a carer's relative's treatments counted as the patient's."""
    others = [m for m in mentions if m.label == "treatment" and m.experiencer == "other" and not m.negated]
    if not others or any(m.label == "body_part_other" for m in mentions) and not any(
            m.label == "pain_location" for m in mentions) or not _carer_writing(text):
        return list(mentions)
    return [dataclasses.replace(m, experiencer="patient") if m in others else m for m in mentions]
