"""The clinical vocabulary files (vocab/*.yml) read and checked into (term, phrase) pairs.

locations.yml, treatments.yml and red_flags.yml map phrases to contract values; context.yml
holds the cue words the mention context reads (bot/nlu/mention_context.py).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.contract import LOCATIONS, RED_FLAGS, TREATMENTS
from bot.nlu.mention_time import read_window

VOCAB_DIR = Path(__file__).parent / "vocab"


@dataclass(frozen=True)
class Term:
    group: str  # vocabulary file: overlaps are resolved within one file
    label: str
    value: str
    mode: str = "positive"  # positive | if_denied | absent | unsure | ignore
    rank: int = 0  # equal lengths: lower rank wins (ignore -1, named places 0, bare "back" 1)


def _load_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def _phrases(path: Path, where: str, phrases) -> list[str]:
    if phrases is None:
        return []
    if not isinstance(phrases, list):
        raise ValueError(f"{path.name}: {where} must be a list of phrases")
    bad = [p for p in phrases if not isinstance(p, str)]
    if bad:  # YAML reads a bare no / yes / on / off as a boolean
        raise ValueError(f"{path.name}: {where}: quote these phrases: {bad}")
    return phrases


def _check_keys(path: Path, data: dict, allowed: set[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")


def _spliced(value):
    """A list whose entry is a list (a YAML alias of a named list, `- *relatives`) holds its words
    there: one list of words read by several cue lists."""
    if not isinstance(value, list):
        return value
    return [word for entry in value for word in (entry if isinstance(entry, list) else [entry])]


def words_in_reach(key: str, phrases, normalize, longest: int) -> set[str]:
    """context.yml `key`'s phrases, normalised, each checked at start-up to be no longer than
    the runs of words they are compared with (a longer one would never match, silently)."""
    found = {normalize(p) for p in phrases or []}
    too_long = sorted(p for p in found if len(p.split()) > longest)
    if too_long:
        raise ValueError(f"context.yml: {key}: longer than {longest} words, never matched: {too_long}")
    return found


def load_vocabulary(vocab_dir: Path | None = None) -> tuple[list[tuple[Term, str]], dict, dict]:
    """All (term, phrase) pairs, the location extras, and the context cues."""
    vocab_dir = Path(vocab_dir or VOCAB_DIR)
    pairs: list[tuple[Term, str]] = []

    def add(term: Term, phrases) -> None:
        # `path` is the file being read (reassigned below), for error messages
        pairs.extend((term, p) for p in _phrases(path, term.value or term.mode, phrases))

    path = vocab_dir / "locations.yml"
    loc = _load_yaml(path)
    _check_keys(path, loc, {*LOCATIONS, "bare_back", "bare_spine", "alone", "ignore", "not_spine", "owners", "procedure_site",
                            "region", "places_of_signs"})
    owners = _phrases(path, "owners", loc.get("owners"))

    def owned(phrases):
        """Each place said with "my" also said by a carer ("the middle of his back")."""
        phrases = _phrases(path, "places", phrases)
        return phrases + [re.sub(r"\bmy\b", owner, p) for p in phrases
                          if re.search(r"\bmy\b", p) for owner in owners]

    for value in LOCATIONS:
        add(Term("location", "pain_location", value), owned(loc.get(value)))
    add(Term("location", "pain_location", "lower_back", rank=1), loc.get("bare_back"))
    add(Term("location", "pain_location", "other", rank=1), loc.get("bare_spine"))
    add(Term("location", "", "", "ignore", rank=-1), owned(loc.get("ignore")))
    region = loc.get("region") or {}
    _check_keys(path, region, set(LOCATIONS))
    for value, phrases in region.items():
        add(Term("location", "region", value), phrases)
    not_spine = loc.get("not_spine") or {}
    for part, phrases in (not_spine.get("body_parts") or {}).items():
        add(Term("location", "body_part_other", str(part)), owned(phrases))
    extras = {
        "alone": {w.lower() for w in _phrases(path, "alone", loc.get("alone"))},
        "skin": {w.lower() for w in _phrases(path, "skin", not_spine.get("skin"))},
        "pain_words": {w.lower() for w in _phrases(path, "pain_words", not_spine.get("pain_words"))},
        "procedure_site": {w.lower() for w in _phrases(path, "procedure_site", loc.get("procedure_site"))},
        "places_of_signs": set(_phrases(path, "places_of_signs", loc.get("places_of_signs"))),
    }
    if extras["places_of_signs"] - set(RED_FLAGS):
        raise ValueError(f"{path.name}: places_of_signs: not red flags: {sorted(extras['places_of_signs'] - set(RED_FLAGS))}")

    path = vocab_dir / "treatments.yml"
    treat = _load_yaml(path)
    _check_keys(path, treat, {*TREATMENTS, "none", "ignore"})
    for value in TREATMENTS:
        add(Term("treatment", "treatment", value), treat.get(value))
    add(Term("treatment", "treatment_none", "none"), treat.get("none"))
    add(Term("treatment", "", "", "ignore", rank=-1), treat.get("ignore"))

    path = vocab_dir / "red_flags.yml"
    flags = _load_yaml(path)
    _check_keys(path, flags, {*RED_FLAGS, "if_denied", "absent", "unsure", "ignore", "near"})
    for value in RED_FLAGS:
        add(Term("red_flag", "red_flag", value), flags.get(value))
    for mode in ("if_denied", "absent", "unsure"):
        section = flags.get(mode) or {}
        _check_keys(path, section, set(RED_FLAGS))
        for value, phrases in section.items():
            add(Term("red_flag", "red_flag", value, mode), phrases)
    add(Term("red_flag", "", "", "ignore", rank=-1), flags.get("ignore"))
    near = flags.get("near") or {}
    _check_keys(path, near, set(RED_FLAGS))
    for value, sides in near.items():
        _check_keys(path, sides or {}, {"place", "sign", "ignore"})
        for side in ("place", "sign"):
            add(Term(f"near:{value}:{side}", "near", value, side), (sides or {}).get(side))
        # words of the sign that pair with no place there ("legs weak after a long run")
        add(Term(f"near:{value}:sign", "", "", "ignore", rank=-1), (sides or {}).get("ignore"))

    path = vocab_dir / "context.yml"
    context = {key: _spliced(value) for key, value in _load_yaml(path).items()}
    for key, value in context.items():
        if key in ("same_as", "proxy_patient", "relative_clause"):  # word -> word; named lists of words
            for name, words in (value or {}).items():
                _phrases(path, f"{key}.{name}", [words] if key == "same_as" else words)
        elif key == "denial_scope":  # word lists and two reaches (bot/nlu/denial_scope.py)
            for name in ("breakers", "new_clause", "recovered", "intensifiers", "senses"):
                _phrases(path, f"{key}.{name}", (value or {}).get(name))
            _check_keys(path, dict.fromkeys((value or {}).get("history") or []), set(RED_FLAGS))
        elif key == "suggesting_illness":  # flag -> illness words (bot/nlu/suggested_sign.py)
            _check_keys(path, value or {}, set(RED_FLAGS))
            for flag, words in (value or {}).items():
                _phrases(path, f"{key}.{flag}", words)
        elif key == "accident_as_incontinence":  # two word lists (bot/nlu/accident_scope.py)
            _check_keys(path, value or {}, {"words", "with"})
            for name in ("words", "with"):
                _phrases(path, f"{key}.{name}", (value or {}).get(name))
        elif key == "healed_episode":  # three phrase lists (bot/nlu/healed_episode.py)
            _check_keys(path, value or {}, {"recovered", "only_for", "pain_returned"})
            for name in ("recovered", "only_for", "pain_returned"):
                _phrases(path, f"{key}.{name}", (value or {}).get(name))
        elif key == "prescriber_gave":  # three word lists and two reaches (bot/nlu/prescriber.py)
            _check_keys(path, value or {}, {"prescribers", "gives", "stops", "verb_reach", "prescriber_reach"})
            for name in ("prescribers", "gives", "stops"):
                _phrases(path, f"{key}.{name}", (value or {}).get(name))
            if not all(isinstance((value or {}).get(n), int) for n in ("verb_reach", "prescriber_reach")):
                raise ValueError(f"{path.name}: {key}: verb_reach and prescriber_reach are whole numbers")
        elif key not in ("window", "placeholders", "fold_accents", "read_misspellings",
                         "patient_forms", "recent_injury", "bare_denied_words"):
            _phrases(path, key, value)
    for said, meant in (context.get("patient_forms") or {}).items():
        if not isinstance(said, str) or not isinstance(meant, str) or len(said.split()) != len(meant.split()):
            raise ValueError(f"{path.name}: patient_forms: {said!r} -> {meant!r}: "
                             "two phrases of as many words")
    read_window(context.get("recent_injury"))  # the clinic's window for a recent injury, checked
    for key in ("hypothetical_red_flags", "timeless_red_flags", "others_signs_confirmed",
                "silent_writer_signs", "flags_dating_the_pain", "limited_by_pain_flags"):
        _check_keys(path, dict.fromkeys(context.get(key) or []), set(RED_FLAGS))
    _check_keys(path, dict.fromkeys(context.get("everyday_treatments") or []), set(TREATMENTS))
    if not context.get("for_the_spine"):  # read by bot/nlu/clinical.py: "tramadol for my back and a statin ..."
        raise ValueError(f"{path}: for_the_spine: list the words that say a medicine is for the spine")
    return pairs, extras, context


def reading_fingerprint(root: Path = Path(__file__).parent) -> str:
    """A hash of every vocabulary file and of the code that reads messages (bot/nlu), for Rasa's
    training cache: without it a changed vocabulary kept the features cached before it, and
    `rasa train` made a model whose training features no longer matched what it reads."""
    digest = hashlib.sha256()
    for path in sorted([*root.rglob("*.yml"), *root.rglob("*.py")]):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
