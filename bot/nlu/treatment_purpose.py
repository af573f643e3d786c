"""Treatments said for another purpose, or as part of another treatment, read as the patient meant.

A treatment named in a comparison ("numb like when you get the dentist's jab"), exercise or a
medicine joined to weight lost on purpose ("lost 20 pounds with diet and the gym"), a shot given
at an emergency room (a medicine into the muscle: `prescription_medication`, never the spinal
`injection` class), dry needling done by the physiotherapist (`physical_therapy`). Words in
vocab/treatment_purpose.yml, validated when this module is imported.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Sequence

import yaml

from bot.nlu.clinical import Mention

VOCAB = Path(__file__).parent / "vocab" / "treatment_purpose.yml"
_FOLD = str.maketrans("áéíóúüÁÉÍÓÚÜ", "aeiouuAEIOUU")
_SENTENCE_END = re.compile(r"[.!?;\n]")
_KEYS = {"compared_with": ("reach", "phrases"), "for_weight_loss": ("treatments", "lost", "amount", "joined", "for_the_pain"),
         "er_shot": ("places", "shots", "muscle"), "needling_with_physio": ("needling",)}


def _fold(text: str) -> str:
    return text.lower().translate(_FOLD)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, _fold(w).split())) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> Dict[str, object]:
    data = yaml.safe_load(VOCAB.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) != set(_KEYS):
        raise ValueError(f"{VOCAB.name}: expected {', '.join(_KEYS)}")
    for key, fields in _KEYS.items():
        spec = data[key]
        if not isinstance(spec, dict) or set(spec) != set(fields):
            raise ValueError(f"{VOCAB.name}: {key}: expected {', '.join(fields)}")
        for field in fields:
            value = spec[field]
            if field == "reach" and not (isinstance(value, int) and value > 0):
                raise ValueError(f"{VOCAB.name}: {key}: reach must be a positive number of words")
            if field != "reach" and not (value and all(isinstance(w, str) and w.strip() for w in value)):
                raise ValueError(f"{VOCAB.name}: {key}: {field} must be a list of words")
    compared, weight, er = data["compared_with"], data["for_weight_loss"], data["er_shot"]
    return {
        "compared": re.compile(rf"\b(?:{_alternation(compared['phrases'])})\b(?:\s+[^\s,.!?;:]+){{0,{compared['reach']}}}\s*$"),
        "weight_treatments": frozenset(weight["treatments"]),
        "weight": re.compile(rf"\b(?:{_alternation(weight['lost'])})\b[^.!?;\n]*?\b(?:{_alternation(weight['amount'])})\b"
                             rf"[^.!?;\n]*?\b(?:{_alternation(weight['joined'])})\b[^,.!?;\n]*$"),
        "er_place": re.compile(rf"(?<![\w&])(?:{_alternation(er['places'])})(?![\w&])"),
        "for_the_pain": re.compile(rf"\b(?:{_alternation(weight['for_the_pain'])})\b"),
        "er_shot": frozenset(" ".join(_fold(w).split()) for w in er["shots"]),
        "muscle": frozenset(_fold(w) for w in er["muscle"]),
        "needling": frozenset(" ".join(_fold(w).split()) for w in data["needling_with_physio"]["needling"]),
    }


_rules()  # a malformed file stops the start-up


def _sentence(folded: str, start: int, end: int) -> str:
    lo = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, start)), default=0)
    hi = _SENTENCE_END.search(folded, end)
    return folded[lo:hi.start() if hi else len(folded)]


_PLACE_AFTER = re.compile(r"\s+(?:in|into|on|en)\s+(?:(?:the|my|his|her|la|el|las|los|mi)\s+)?(\w+)")


def _into_a_muscle(after: str, muscle: frozenset) -> bool:
    """Whether a shot, by the words after it, went into a muscle or nowhere said."""
    said = _PLACE_AFTER.match(after)
    return not said or said.group(1) in muscle


def read_purpose(text: str, mentions: Sequence[Mention]) -> List[Mention]:
    """`mentions` with the treatments tried for another purpose dropped, and an ER's shot and a
    physio's dry needling read as the treatments they are."""
    if not any(m.label == "treatment" for m in mentions):
        return list(mentions)
    rules, folded = _rules(), _fold(text)
    physio = any(m.label == "treatment" and m.value == "physical_therapy" and not m.negated for m in mentions)
    read = []
    for m in mentions:
        if m.label != "treatment" or m.negated:
            read.append(m)
            continue
        lo = max((x.end() for x in _SENTENCE_END.finditer(folded, 0, m.start)), default=0)
        before, said = folded[lo:m.start], " ".join(folded[m.start:m.end].split())
        if rules["compared"].search(before):
            continue  # "como cuando te ponen la inyección del dentista"
        if m.value in rules["weight_treatments"] and rules["weight"].search(before) and not rules[
                "for_the_pain"].search(_sentence(folded, m.start, m.end)):
            continue  # "lost 20 pounds with diet and the gym"
        if m.value == "injection" and said in rules["er_shot"] and rules["er_place"].search(
                _sentence(folded, m.start, m.end)) and _into_a_muscle(folded[m.end:], rules["muscle"]):
            m = dataclasses.replace(m, value="prescription_medication")  # "the ER gave me a shot"
        elif m.value == "acupuncture" and physio and said in rules["needling"]:
            m = dataclasses.replace(m, value="physical_therapy")  # "the physio did dry needling"
        read.append(m)
    return read
