"""Loose phrase matching for the story vocabularies (pain pattern, injections had).

A phrase in a vocabulary file is a few words; "..." between two words lets up to four other
words stand between them ("down ... leg" matches "down the back of my left leg"). Words match
whole, with or without apostrophes ("doesnt", "doesn't") and with a plural ending. A message
is read clause by clause (split at punctuation and "but" or "pero"), so "no tingling, it shoots down
my leg" does not deny the leg. Pure functions over plain text; offsets are into the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, List, Sequence, Tuple

import yaml

VOCAB_DIR = Path(__file__).resolve().parent / "vocab"
# "but" and its Spanish words, and a Spanish "y" that starts a new statement ("me duele desde
# hace 8 meses y me pusieron una epidural hace 2": the 2 months are the injection's alone)
_CLAUSE_END = re.compile(r"[.;!?,:\n]+|\bbut\b|\bhowever\b|\bthough\b|\bpero\b|\baunque\b"
                         r"|\by\s+(?=(?:me|se|le|ya|no|hace|desde|ahora|luego|despu[eé]s)\b)", re.I)
_GAP = r"(?:[^\w']+[\w']+){0,4}?"


@dataclass(frozen=True)
class Hit:
    value: str
    start: int
    end: int
    phrase: str


def _word(word: str) -> str:
    letters = [re.escape(ch) for ch in word.replace("'", "")]
    return "'?".join(letters) + r"(?:s|es)?"


# Characters whose case-blind matches (re.I) are exactly their lower and upper case, so that
# a phrase's words, lower-cased, are in the lower-cased text wherever the phrase matches
# (not so for all letters: re.I matches "k" with the Kelvin sign, "s" with the long "ſ").
READABLE = frozenset(chr(i) for i in range(128)) | frozenset("áéíóúüñÁÉÍÓÚÜÑ¿¡")


@lru_cache(maxsize=None)
def _words_of(phrase: str) -> Tuple[str, ...]:
    """The letters of each word `compile_phrase` matches (apostrophes aside), lower-cased;
    none when a word has a letter outside READABLE (the phrase is then always tried)."""
    words = [w.replace("'", "") for w in phrase.lower().replace("’", "'").split() if w != "..."]
    return tuple(words) if all(READABLE.issuperset(w) for w in words) else ()


# id(table) -> (the table, its length, (words, row) for each row): a vocabulary's table is
# built once and read for every message
_TABLE_WORDS: dict = {}


def _with_words(table: Iterable[Tuple[str, str, re.Pattern]]) -> List[Tuple[Tuple[str, ...], tuple]]:
    """(`_words_of` its phrase, row) for each row of `table`, kept for a list or tuple table
    while it is the same object of the same length."""
    if not isinstance(table, (list, tuple)):
        return [(_words_of(row[1]), row) for row in table]
    kept = _TABLE_WORDS.get(id(table))
    if kept is None or kept[0] is not table or kept[1] != len(table):
        if len(_TABLE_WORDS) > 256:  # vocabularies reloaded in a long-running process
            _TABLE_WORDS.clear()
        kept = (table, len(table), [(_words_of(row[1]), row) for row in table])
        _TABLE_WORDS[id(table)] = kept
    return kept[2]


def compile_phrase(phrase: str) -> re.Pattern:
    parts = phrase.lower().replace("’", "'").split()
    if not parts or parts[0] == "..." or parts[-1] == "...":
        raise ValueError(f"{phrase!r}: a phrase needs words, and '...' only between two words")
    pattern, gap = "", False
    for part in parts:
        if part == "...":
            gap = True
            continue
        if pattern:
            pattern += _GAP + r"[^\w']+" if gap else r"[^\w']+"
        pattern += _word(part)
        gap = False
    return re.compile(r"(?<![\w'])" + pattern + r"(?![\w'])", re.I)


def load_vocab(name: str, vocab_dir: Path | None = None) -> dict:
    path = (vocab_dir or VOCAB_DIR) / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def phrase_table(path_label: str, groups: dict, allowed: Sequence[str]) -> List[Tuple[str, str, re.Pattern]]:
    """(value, phrase, pattern) for every phrase of every group; groups must be `allowed`."""
    table = []
    for value, phrases in groups.items():
        if value not in allowed:
            raise ValueError(f"{path_label}: unknown group {value!r} (allowed: {', '.join(allowed)})")
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise ValueError(f"{path_label}: {value}: expected a list of phrases")
        for phrase in phrases:
            try:
                table.append((value, phrase, compile_phrase(phrase)))
            except ValueError as exc:
                raise ValueError(f"{path_label}: {value}: {exc}") from None
    return table


def clauses(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each clause."""
    spans, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def find(table: Iterable[Tuple[str, str, re.Pattern]], text: str) -> List[Hit]:
    """Every match inside one clause, longest first where two overlap."""
    text = text.replace("’", "'")
    # Skip a phrase whose words are not all in the message (a fast test, exact for READABLE)
    plain = text.lower().replace("'", "") if READABLE.issuperset(text) else None
    if plain is not None:
        table = [row for words, row in _with_words(table) if all(map(plain.__contains__, words))]
    else:
        table = list(table)
    hits = [Hit(value, start + m.start(), start + m.end(), phrase)
            for start, end in clauses(text)
            for value, phrase, pattern in table for m in pattern.finditer(text[start:end])]
    chosen: List[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def clause_of(spans: List[Tuple[int, int]], offset: int) -> Tuple[int, int]:
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return offset, offset


def cue_before(cues: Iterable[Tuple[str, str, re.Pattern]], text: str, clause: Tuple[int, int], at: int) -> bool:
    """Whether a cue (negation, question) stands in the clause before offset `at`."""
    piece = text[clause[0]:at].replace("’", "'")
    return any(pattern.search(piece) for _, _, pattern in cues)
