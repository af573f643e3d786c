"""Requests in plain words: to book, to change a request, a person, a call back, leaving for now.

The wording is data (vocab/requests.yml, vocab/es/requests.yml), read and checked once; each
key becomes one pattern over both languages' entries. bot/nlu/request_rules.py (RequestCheck)
and bot/booking.py (`asks_to_book`, a changed time's `not_suiting`) use them, and
bot/nlu/components.py a treatment `taken_back`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Sequence

import yaml

VOCAB_DIR = Path(__file__).parent / "vocab"
FILES = (VOCAB_DIR / "requests.yml", VOCAB_DIR / "es" / "requests.yml")
KEYS = ("book", "change", "person", "rather_phoned", "call_me", "call_me_back", "leaving", "gone",
        "not_suiting", "taken_back", "deferring", "farewell", "restart", "distress",
        "asks_meaning", "asks_why", "told_before", "explain_again", "someone", "next_step", "home_care",
        "information", "time_filler", "what_is_wrong", "someone_else", "asks_number")
# Keys the English file must fill; the Spanish file may leave any out.
REQUIRED = KEYS
# Entries shared by two patterns: "I'd rather somebody phoned me" asks for a call and for a
# call back in so many words.
SHARED = {"call_me": ("rather_phoned",), "call_me_back": ("rather_phoned",)}


@dataclass(frozen=True)
class RequestWords:
    book: "re.Pattern[str]"
    change: "re.Pattern[str]"
    person: "re.Pattern[str]"
    call_me: "re.Pattern[str]"
    call_me_back: "re.Pattern[str]"
    leaving: "re.Pattern[str]"
    gone: "re.Pattern[str]"
    not_suiting: "re.Pattern[str]"
    taken_back: "re.Pattern[str]"
    deferring: "re.Pattern[str]"
    farewell: "re.Pattern[str]"
    restart: "re.Pattern[str]"
    distress: "re.Pattern[str]"
    asks_meaning: "re.Pattern[str]"
    asks_why: "re.Pattern[str]"
    told_before: "re.Pattern[str]"
    explain_again: "re.Pattern[str]"
    someone: "re.Pattern[str]"
    next_step: "re.Pattern[str]"
    home_care: "re.Pattern[str]"
    information: "re.Pattern[str]"
    time_filler: "re.Pattern[str]"
    what_is_wrong: "re.Pattern[str]"
    someone_else: "re.Pattern[str]"
    asks_number: "re.Pattern[str]"


def _entries(path: Path, required: Sequence[str]) -> Dict[str, List[str]]:
    """One file's entries by key, every entry checked to compile alone."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: expected a mapping at the top level")
    unknown = set(data) - set(KEYS)
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}; allowed: {list(KEYS)}")
    missing = [key for key in required if not data.get(key)]
    if missing:
        raise ValueError(f"{path.name}: needs entries under {missing}")
    found: Dict[str, List[str]] = {}
    for key, entries in data.items():
        if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
            raise ValueError(f"{path.name}: {key} must be a list of quoted patterns")
        for entry in entries:
            try:
                re.compile(entry, re.I)
            except re.error as error:
                raise ValueError(f"{path.name}: {key}: {entry!r} does not compile: {error}") from None
        if len(set(entries)) != len(entries):
            raise ValueError(f"{path.name}: {key}: an entry is written twice")
        found[key] = entries
    return found


def load_request_words(files: Sequence[Path] = FILES) -> RequestWords:
    """Both languages' entries, one pattern a key (the first file must fill every key)."""
    merged: Dict[str, List[str]] = {key: [] for key in KEYS}
    for index, path in enumerate(files):
        for key, entries in _entries(path, REQUIRED if index == 0 else ()).items():
            merged[key] += entries

    def pattern(key: str) -> "re.Pattern[str]":
        entries = merged[key] + [e for shared in SHARED.get(key, ()) for e in merged[shared]]
        return re.compile("|".join(f"(?:{e})" for e in entries), re.I)

    return RequestWords(**{key: pattern(key) for key in RequestWords.__dataclass_fields__})


@lru_cache(maxsize=1)
def request_words() -> RequestWords:
    """The request words, read once (a broken file stops the start-up, naming it)."""
    return load_request_words()
