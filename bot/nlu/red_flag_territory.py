"""Red-flag wording the vocabulary's phrases do not decide: place-and-sign pairs, a flag's territory.

Two safety nets under red_flags.yml, both of which only ever ask ("Just to be safe: ...?"):

* near pairs (red_flags.yml `near`): a place word and a sign word of one flag in one clause
  ("the bit I sit on feels dead", "a horse threw me");
* territory (red_flag_territory.yml, one per language): a word of a flag's territory (toilet,
  urine, temperature, kilos, a crash, chemo; a saddle place with a feeling word in its
  sentence) in a clause where the vocabulary decided nothing about that flag: asked, unless the
  mention's context denies it, gives it to someone else, dates it long ago or explains it
  (bot/nlu/clinical.py judges it as any sign, mode "territory"). Misspellings that are no
  ordinary word are read as the nearest territory word ("temprature", "bowl movments").

`territory_spans` and `undecided` are pure: tokens in, spans out.
"""
from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path
from typing import Callable, Collection, Dict, List, Set, Tuple

import yaml

from bot.contract import RED_FLAGS
from bot.nlu.clinical_vocab import Term
from bot.nlu.spelling import closest, deletion_index

FILE = "red_flag_territory.yml"
_NEAR_BREAKS = {".", "!", "?", ";", ",", ":", "but", "though", "although", "except", "…", "..."}
_SENTENCE_BREAKS = {".", "!", "?", "…", "..."}
_MIN_FUZZY = 5  # territory words shorter than this are only read as written
_EXACT, _FUZZY, _FUZZY_ORDINARY = 2, 1, 3


def load_territory(vocab_dir: Path) -> Dict[str, dict]:
    """The territory file of a vocabulary folder, checked: {flag: {"words": [...], "pairs":
    [{"places": [...], "feelings": [...]}, ...]}, "ignore": [...]}; {} when the folder has none."""
    path = Path(vocab_dir) / FILE
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = set(data) - set(RED_FLAGS) - {"ignore"}
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")

    def phrases(where, value):
        if not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
            raise ValueError(f"{path.name}: {where} must be a list of quoted phrases")
        bad = [p for p in value if "*" in p[:-1] or (p.endswith("*") and len(p[:-1].split()[-1]) < 3)]
        if bad:
            raise ValueError(f"{path.name}: {where}: '*' only ends a word of 3 letters or more: {bad}")
        return value

    checked: Dict[str, dict] = {"ignore": phrases("ignore", data.get("ignore") or [])}
    for flag in RED_FLAGS:
        section = data.get(flag) or {}
        if not isinstance(section, dict) or set(section) - {"words", "pairs", "ignore"}:
            raise ValueError(f"{path.name}: {flag}: only words, pairs and ignore")
        pairs = section.get("pairs") or []
        if not isinstance(pairs, list) or not all(
                isinstance(p, dict) and set(p) == {"places", "feelings"} for p in pairs):
            raise ValueError(f"{path.name}: {flag}.pairs: a list of {{places: [...], feelings: [...]}}")
        checked[flag] = {"words": phrases(f"{flag}.words", section.get("words") or []),
                         "ignore": phrases(f"{flag}.ignore", section.get("ignore") or []),
                         "pairs": [{k: phrases(f"{flag}.pairs.{k}", p[k]) for k in ("places", "feelings")}
                                   for p in pairs]}
    return checked


class TerritoryFinder:
    """Finds a territory file's phrases in a message's normalised tokens (text or lemma;
    "stem*"; a misspelling of a word of 5 letters or more)."""

    def __init__(self, data: Dict[str, dict], norm: Callable[[str], str],
                 ordinary: Callable[[], Collection[str]], shortest: int = 4):
        """`ordinary()`: the language's ordinary words of `shortest` letters or more (a large
        list, read at the first possible misspelling); shorter words are read as written."""
        self._ordinary, self._shortest = ordinary, shortest
        self.phrases: List[Tuple[str, str, Tuple[str, ...]]] = []  # (flag or "ignore", kind, words)
        for flag, section in data.items():
            kinds = [("ignore", section)] if flag == "ignore" else [
                ("words", section["words"]), ("ignore", section["ignore"])] + [
                (f"{side}/{n}", pair[side]) for n, pair in enumerate(section["pairs"]) for side in pair]
            for kind, phrases in kinds:
                for phrase in phrases:
                    star = phrase.endswith("*")
                    words = tuple(norm(phrase.rstrip("*")).split())
                    if words:
                        self.phrases.append((flag, kind, words[:-1] + (words[-1] + "*" * star,)))
        self._first: Dict[str, List[int]] = {}  # first word (or stem's first 3 letters) -> phrases
        plain: Set[str] = set()
        for n, (_, _, words) in enumerate(self.phrases):
            first = words[0]
            self._first.setdefault(first[:3] + "*" if first.endswith("*") else first, []).append(n)
            plain.update(w.rstrip("*") for w in words if len(w.rstrip("*")) >= _MIN_FUZZY and w.rstrip("*").isalpha())
        self._spelling = deletion_index(plain)
        self._fuzzy = lru_cache(maxsize=4096)(self._nearest)

    def _nearest(self, token: str) -> Tuple[str | None, bool]:
        if len(token) < self._shortest or not token.isalpha():
            return None, False
        word = closest(token, self._spelling)
        return (word, token in self._ordinary()) if word and word != token else (None, False)

    def _match(self, pattern: str, token: str, lemma: str, name: bool = False) -> int:
        stem = pattern[:-1] if pattern.endswith("*") else None
        if (token.startswith(stem) or lemma.startswith(stem)) if stem else pattern in (token, lemma):
            return _EXACT
        word, ordinary = self._fuzzy(token) if not name else (None, False)  # "movemnts": "movement*"
        if word and (word.startswith(stem) if stem else word == pattern):
            return _FUZZY_ORDINARY if ordinary else _FUZZY
        return 0

    def __call__(self, words: List[str], lemmas: List[str],
                 names: Collection[int] = ()) -> List[Tuple[int, int, str, str]]:
        """(start, end, flag, kind) of every phrase found; "ignore" phrases (the file's, and a
        flag's own for that flag) win overlaps and vanish with the words they cover. `names`:
        the words typed as a name ("Walter"), never read as a misspelling ("water")."""
        found = []
        for i, (token, lemma) in enumerate(zip(words, lemmas)):
            near = (self._fuzzy(token)[0] if i not in names else None) or ""
            keys = {token, lemma, token[:3] + "*", lemma[:3] + "*", near, near[:3] + "*"}
            for n in {n for key in keys if key for n in self._first.get(key, ())}:
                flag, kind, pattern = self.phrases[n]
                if i + len(pattern) > len(words):
                    continue
                how = [self._match(p, words[i + j], lemmas[i + j], i + j in names) for j, p in enumerate(pattern)]
                # a misspelt ordinary word counts only beside a word that is surely the phrase's
                # ("bowl movments"; "bowl" alone is a bowl)
                if all(how) and any(h != _FUZZY_ORDINARY for h in how):
                    found.append((i, i + len(pattern), flag, kind))
        ignored: Dict[str, Set[int]] = {}
        for s, e, flag, kind in found:
            if kind == "ignore":
                ignored.setdefault(flag, set()).update(range(s, e))
        return sorted((s, e, flag, kind) for s, e, flag, kind in set(found) if kind != "ignore"
                      and not (ignored.get("ignore", set()) | ignored.get(flag, set())) & set(range(s, e)))


def territory_spans(words: List[str], cues_after: Dict[int, list],
                    found: List[Tuple[int, int, str, str]]) -> List[Tuple[int, int, Term]]:
    """The territory mentions of one message: each `words` phrase, and each place and feeling
    of one flag in one sentence (one mention from the first to the last of them, its negation
    read as the near pairs' is)."""
    spans = [(s, e, Term("red_flag", "red_flag", flag, "territory"))
             for s, e, flag, kind in found if kind == "words"]
    # each pair of lists of a flag on its own: "weight/0" is the first of weight_loss's pairs
    pairs = [(s, e, Term("territory", "near", f"{flag}/{kind.split('/')[1]}",
                         "place" if kind.startswith("places") else "sign"))
             for s, e, flag, kind in found if kind != "words"]
    return spans + [(s, e, Term("red_flag", "red_flag", t.value.split("/")[0],
                                "territory_denied" if t.mode == "near_denied" else "territory"))
                    for s, e, t in paired(words, cues_after, pairs, [], _SENTENCE_BREAKS)]


def undecided(spans: List[Tuple[int, int, Term]], decided: Set[Tuple[int, str]],
              clause: List[int], signs: Collection[Tuple[int, int, str]] = ()) -> List[Tuple[int, int, Term]]:
    """The territory mentions in a clause where the vocabulary decided nothing of their flag
    (`decided`: (clause, flag) of every red-flag mention it judged), one per flag and clause.
    A word inside another flag's sign (`signs`: the vocabulary's red-flag mentions, and the
    territory's own) is that sign's place, not a sign of its own: "when I wipe on the toilet it
    feels numb" asks about numbness, not about the toilet."""
    kept, seen = [], set(decided)
    signs = list(signs) + [(s, e, t.value) for s, e, t in spans]
    for s, e, term in sorted(spans, key=lambda x: (x[0], x[1])):
        where = {(clause[i], term.value) for i in range(s, e)}
        inside = any(a <= s and e <= b and (a, b) != (s, e) and flag != term.value for a, b, flag in signs)
        if not where & seen and not inside:
            kept.append((s, e, term))
            seen |= where
    return kept


def paired(words: List[str], cues_after: Dict[int, list], parts, said: List[Tuple[int, int, Term]],
           breaks: Collection[str] = _NEAR_BREAKS) -> List[Tuple[int, int, Term]]:
    """Place words and sign words of one flag in one piece of the message (a clause between
    `breaks`), in either order, where `said` (the vocabulary's own phrases) found nothing of
    that flag: "the bit I sit on feels dead", "a horse threw me". The mention runs from the
    first to the last of those words, so a sign's own negation stays inside it ("can't tell if
    I've finished peeing"); a negation between them that belongs to no sign word denies it
    ("my legs are not weak"; mode "near_denied"). `cues_after`: MentionContext.after."""
    piece = list(itertools.accumulate(int(w in breaks or "\n" in w) for w in words))
    known = {(piece[s], term.value) for s, e, term in said
             if term.group == "red_flag" and term.mode in ("positive", "absent")}
    groups: Dict[Tuple[int, str], List[Tuple[int, int, str]]] = {}
    for s, e, term in parts:
        groups.setdefault((piece[s], term.value), []).append((s, e, term.mode))
    found = []
    for (where, flag), found_words in groups.items():
        places = [(a, b) for a, b, m in found_words if m == "place"]
        signs = [(a, b) for a, b, m in found_words if m == "sign"]
        if (where, flag) in known or not any(b <= c or d <= a for a, b in places for c, d in signs):
            continue  # one word that is both ("leak") is no pair
        s, e = min(w[0] for w in found_words), max(w[1] for w in found_words)
        inside = {i for a, b, _ in found_words for i in range(a, b)}
        denied = any(kind == "neg_before" and end <= e and not inside & set(range(i, end))
                     for i in range(s, e) for kind, end in cues_after.get(i, ()))
        found.append((s, e, Term("red_flag", "red_flag", flag, "near_denied" if denied else "near")))
    return found
