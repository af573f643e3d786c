"""Spine injections the patient already had, and how they went.

"the facet injections helped for 3 months" -> an injection of kind facet with good relief
for 13 weeks; "2 epidurals and a nerve root block" -> two kinds, relief not yet said; "none of
them did anything" -> relief none for the injections already named. The words are in
bot/nlu/vocab/injections.yml. Whether a named injection was HAD (not denied, not asked
about) follows the clinical matcher's reading of the same words where it has one
(bot/nlu/clinical.py), else this module's own `not_had` cues. Pure functions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, List, Optional, Tuple

from bot.nlu.duration import parse_durations
from bot.nlu.phrasing import Hit, clause_of, clauses, cue_before, find, load_vocab, phrase_table

KINDS = ("epidural", "nerve_root", "facet", "medial_branch", "other")
RELIEF = ("good", "partial", "none", "unknown")
VOCAB_FILE = "injections.yml"
_PERCENT = re.compile(r"(\d{1,3})\s*(?:%|per\s*cent|percent)", re.I)


@dataclass(frozen=True)
class InjectionVocabulary:
    kinds: list
    relief: list
    not_had: list
    refers_back: list
    percent_good: float
    percent_partial: float


@lru_cache(maxsize=4)
def load_injection_vocabulary(vocab_dir: Optional[Path] = None) -> InjectionVocabulary:
    data = load_vocab(VOCAB_FILE, vocab_dir)
    percent = data.get("percent") or {}
    good, partial = percent.get("good"), percent.get("partial")
    if not all(isinstance(v, (int, float)) and 0 <= v <= 100 for v in (good, partial)) or partial > good:
        raise ValueError(f"{VOCAB_FILE}: percent: expected good and partial, 0 to 100, partial <= good")
    return InjectionVocabulary(
        kinds=phrase_table(VOCAB_FILE, data["kinds"], (*KINDS, "ignore")),
        relief=phrase_table(VOCAB_FILE, data["relief"], ("none", "partial", "good", "ignore")),
        not_had=phrase_table(VOCAB_FILE, {"not_had": data["not_had"]}, ("not_had",)),
        refers_back=phrase_table(VOCAB_FILE, {"refers_back": data["refers_back"]}, ("refers_back",)),
        percent_good=float(good),
        percent_partial=float(partial),
    )


# "Help" given to someone with a task ("he helped our son move flats", "helping my mum with
# her shopping"): not relief, so a time said with it ("six weeks ago") stays the pain's. The
# task word is needed: "the epidural helped my husband for months" is relief, said by proxy.
_HELPED_SOMEONE = re.compile(
    r"\bhelp(?:ed|ing|s)?\s+(?:(?:my|our|his|her|their|a|the)\s+)?(?:son|daughter|kids?|child(?:ren)?"
    r"|husband|wife|partner|mum|mom|mother|dad|father|parents?|brother|sister|friends?|neighbou?rs?"
    r"|family|grandson|granddaughter|someone|somebody|people)\s+(?:to\s+)?(?:move|moving|carry"
    r"|lift|with|out|shift|clear|build|dig|pack|unload|load|push|pull|paint|fix|clean)\b", re.I)


def _relief_in(text: str, start: int, end: int, vocab: InjectionVocabulary) -> Optional[Tuple[str, int, int]]:
    """The relief a clause states: (relief, start, end) or None; none > partial > good."""
    piece = text[start:end]
    helping = [m.span() for m in _HELPED_SOMEONE.finditer(piece)]
    hits = [h for h in find(vocab.relief, piece)
            if not any(a <= h.start < b for a, b in helping)]
    percent = _PERCENT.search(piece)
    if percent:
        value = float(percent.group(1))
        level = "good" if value >= vocab.percent_good else "partial" if value >= vocab.percent_partial else "none"
        hits.append(Hit(level, percent.start(), percent.end(), percent.group(0)))
    for level in ("none", "partial", "good"):
        if any(h.value == level for h in hits):
            return level, start, end
    return None


def _weeks_in(text: str, start: int, end: int, vocab: InjectionVocabulary,
              read_durations: Callable[[str], list]) -> Optional[float]:
    """How long the relief lasted. The injection's own words are blanked first: the duration
    reader skips a time stated about a named treatment ("3 months of physio")."""
    piece = text[start:end]
    for hit in find(vocab.kinds, piece):
        piece = piece[:hit.start] + " " * (hit.end - hit.start) + piece[hit.end:]
    found = read_durations(piece)
    return round(max(d.weeks for d in found), 1) if found else None


def injection_entities(text: str, denied_spans: Iterable[Tuple[int, int]] = (),
                       vocab: Optional[InjectionVocabulary] = None,
                       read_durations: Callable[[str], list] = parse_durations) -> List[dict]:
    """`prior_injection` entities (value: kind) for injections had, and `injection_relief`
    entities (value: relief, `weeks`, `kind`: the injection it is about, None for "they";
    `refers`: whether the words point at an injection at all, else it only answers the
    question "Did they help?").
    Each entity's start/end cover the clause it came from, so a duration there ("helped
    for 4 months", "3 blocks in the last 10 months") is known to be about the injection,
    not about how long the pain has lasted.

    `denied_spans`: where the clinical matcher read a treatment as not had or asked about.
    `vocab` and `read_durations`: the language's words and duration reader (Spanish:
    vocab/es/injections.yml and bot.nlu.duration_es.parse_durations_es).
    """
    vocab = vocab or load_injection_vocabulary()
    spans = clauses(text)
    denied = list(denied_spans)
    entities: List[dict] = []
    last_kind: Optional[str] = None
    kinds_by_clause = {}
    for hit in find(vocab.kinds, text):
        if hit.value == "ignore":  # "my back is shot": worn out, no injection
            continue
        clause = clause_of(spans, hit.start)
        if any(s < hit.end and hit.start < e for s, e in denied) or cue_before(vocab.not_had, text, clause, hit.start):
            continue
        entities.append({"entity": "prior_injection", "value": hit.value, "start": clause[0], "end": clause[1]})
        kinds_by_clause.setdefault(clause, []).append(hit.value)
    for clause in spans:
        relief = _relief_in(text, clause[0], clause[1], vocab)
        named = kinds_by_clause.get(clause)
        if named:
            last_kind = named[-1]
        if relief is None:
            continue
        kind = last_kind if last_kind != "other" else None  # "the injections" refers back
        refers = kind is not None or bool(find(vocab.refers_back, text[clause[0]:clause[1]]))
        entities.append({"entity": "injection_relief", "value": relief[0], "kind": kind, "refers": refers,
                         "weeks": _weeks_in(text, *clause, vocab, read_durations), "start": clause[0], "end": clause[1]})
    return sorted(entities, key=lambda e: e["start"])
