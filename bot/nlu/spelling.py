"""Misspelt words read as the nearest word of a list.

"microdiscetomy" -> "microdiscectomy", "epideral" -> "epidural": one letter dropped, added or changed on either side (a deletion
index, so a word costs a few look-ups), then a similarity of at least 0.85. Used for the drug
dictionary's names (bot/nlu/drugs.py) and the vocabulary's long one-word treatments
(bot/nlu/phrase_index.py); ordinary words are never read as misspelt (the callers say which).
"""
from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from typing import Collection, Dict, Iterable, List, Set, Tuple

MIN_SIMILARITY = 0.85


def deletes(word: str) -> Set[str]:
    """The word and every one-letter deletion of it."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def deletion_index(words: Iterable[str]) -> Dict[str, Set[str]]:
    """Every one-letter deletion of `words` -> those words."""
    index: Dict[str, Set[str]] = defaultdict(set)
    for word in words:
        for key in deletes(word):
            index[key].add(word)
    return dict(index)


def closest(word: str, index: Dict[str, Set[str]]) -> str | None:
    """The indexed word `word` most likely misspells, or None below MIN_SIMILARITY."""
    candidates = set().union(*(index.get(key, ()) for key in deletes(word)))
    scored = [(difflib.SequenceMatcher(None, word, c).ratio(), c) for c in candidates]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= MIN_SIMILARITY else None


def unaccented(text: str) -> str:
    """"caí" -> "cai", "ñ" -> "n": how patients often type on a phone."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def misspelt_words(words: List[str], found, index: Dict[str, Set[str]], min_length: int,
                   ordinary: Collection[str]) -> List[Tuple[int, int, str]]:
    """(start, end, name) for each word no phrase matched (`found` spans) that is a misspelling
    of a name in `index` ("microdiscetomy", "epideral"): long enough and no ordinary word."""
    if not index:
        return []
    taken = {i for s, e, *_ in found for i in range(s, e)}
    misspelt = []
    for i, word in enumerate(words):
        if i in taken or len(word) < min_length or not word.isalpha() or word in ordinary:
            continue
        name = closest(word, index)
        if name:
            misspelt.append((i, i + 1, name))
    return misspelt


_BY_EAR = [("ll", "y"), ("v", "b"), ("qu", "k"), ("cc", "ks"), ("x", "ks"), ("ce", "se"), ("ci", "si"),
           ("c", "k"), ("z", "s"), ("ks", "s")]


def by_ear(word: str) -> str:
    """A Spanish word as it sounds, for words typed by ear: "rabadiya" ~ "rabadilla", "coxix" ~
    "coxis" ~ "cóccix", "uesito" ~ "huesito" (ll/y, b/v, c/s/z/x, a silent h)."""
    word = unaccented(word.lower())
    word = word.replace("ch", "\0").replace("h", "").replace("\0", "ch")
    for said, heard in _BY_EAR:
        word = word.replace(said, heard)
    return word
