"""Medicines by name from a drug dictionary, beside the vocabulary's own names.

drug-named-entity-recognition (MIT; brand and generic names of thousands of drugs) recognises
what no hand-kept list can ("Butrans", "Kenalog", "Cymbalta"); vocab/otc_drugs.yml says which
generics are bought over the counter (every other recognised drug is prescription medication),
which are never a treatment for pain (a weight-loss injection, a stomach protector), and from
which dose a medicine is prescription strength ("Motrin 800s"). Measured in reports/nlu.md
against the vocabulary alone. A name neither the dictionary nor any list knows, told as a
medicine by the words around it ("two Flexon tablets", "me tomé un Mejoral"): medicines_told.py.

Misspelt names ("pregablin", "gabapenten") are matched against the same dictionary's names:
one letter dropped, added or changed on either side (a deletion index, so a word costs a few
dictionary look-ups), then a similarity of at least 0.85. The library's own fuzzy mode was
measured and not used: about 60 ms a word, it matched ordinary words ("cancer" to Vanceril)
and it raises on some two-word inputs. Ordinary English and Spanish words (spaCy's lookup tables) and words
after "name", "Dr" and the like are never read as a misspelt drug.
"""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Set, Tuple

import yaml

from bot.nlu.medicines_told import ToldAsMedicine, english_told, told_as_medicine
from bot.nlu.spelling import closest, deletion_index

OTC_FILE = Path(__file__).parent / "vocab" / "otc_drugs.yml"
MIN_MISSPELT_LENGTH = 6
NOT_FOR_PAIN = "not_for_pain"
_NAME_CUES = {"name", "named", "called", "dr", "doctor", "mr", "mrs", "ms", "miss", "surname",
              "prof", "nurse", "is"}


@lru_cache(maxsize=1)
def _lists() -> Dict[str, object]:
    data = yaml.safe_load(OTC_FILE.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not set(data) <= {"otc", "not_for_pain", "prescription_from"}:
        raise ValueError(f"{OTC_FILE.name}: expected `otc:`, `not_for_pain:` and `prescription_from:` only")
    for key in ("otc", "not_for_pain"):
        words = data.get(key)
        if not words or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{OTC_FILE.name}: `{key}:` must be a list of quoted names")
    strength = data.get("prescription_from") or {}
    if not all(isinstance(k, str) and isinstance(v, (int, float)) for k, v in strength.items()):
        raise ValueError(f"{OTC_FILE.name}: `prescription_from:` maps a name to a dose in mg")
    return {"otc": frozenset(w.lower() for w in data["otc"]),
            "not_for_pain": frozenset(w.lower() for w in data["not_for_pain"]),
            "prescription_from": {k.lower(): float(v) for k, v in strength.items()}}


def otc_words() -> FrozenSet[str]:
    return _lists()["otc"]


def _ingredients(generic_name: str) -> List[str]:
    """A combination's ingredients ("Diclofenac/misoprostol" -> two), a single drug's name."""
    return [part.strip() for part in generic_name.lower().split("/") if part.strip()] or [generic_name.lower()]


def drug_category(generic_name: str) -> str:
    """Over the counter when one ingredient is (Saridon's paracetamol beside propyphenazone;
    measured: asking every ingredient to be read India's and the UK's pharmacy combinations
    as prescription medication)."""
    name = generic_name.lower()
    return ("otc_medication" if any(w in name for w in otc_words())
            else "prescription_medication")


def for_pain(generic_name: str) -> bool:
    """False for a medicine that never treats pain (vocab/otc_drugs.yml `not_for_pain`);
    a combination treats pain when one of its ingredients may (Vimovo's naproxen beside a
    stomach protector)."""
    return any(not any(w in part for w in _lists()["not_for_pain"])
               for part in _ingredients(generic_name))


def prescription_strength(generic_name: str, dose: str) -> bool:
    """True when `dose` (the number after the name: "800", "500mg") reaches the dose from
    which this over-the-counter medicine is prescribed."""
    number = re.match(r"(\d+(?:\.\d+)?)\s*(?:mg|s)?$", dose.lower())
    name = generic_name.lower()
    return bool(number) and any(w in name and float(number.group(1)) >= mg
                                for w, mg in _lists()["prescription_from"].items())


@lru_cache(maxsize=1)
def _dictionary():
    """The library's drugs_finder module, without the indexes of its fuzzy mode (not used,
    see above): at import it builds the 3-letter pieces of each of its 107,000 names and an
    index from each piece back to the names, about 260 MB in every process that reads a
    message (measured with tracemalloc), for lookups the exact mode never makes."""
    from drug_named_entity_recognition import drugs_finder

    drugs_finder.variant_to_ngrams.clear()
    drugs_finder.ngram_to_variant.clear()
    return drugs_finder


def named_at_prescription_strength(words: List[str], dose: str) -> bool:
    """True when the medicine named by `words` ("Motrin", "ibuprofen") is followed by a dose
    from which it is prescribed ("800s")."""
    return any(prescription_strength(drug["name"], dose)
               for drug, _, _ in _dictionary().find_drugs(list(words), is_ignore_case=True))


@lru_cache(maxsize=1)
def _spelling_index() -> Dict[str, Set[str]]:
    """Every one-letter deletion of the dictionary's one-word names -> those names."""
    return deletion_index(v for v in _dictionary().drug_variant_to_canonical
                          if len(v) >= MIN_MISSPELT_LENGTH - 1 and v.isalpha())


@lru_cache(maxsize=1)
def english_words() -> FrozenSet[str]:
    """Ordinary English words and their forms (spacy-lookups-data's lemma tables)."""
    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data"
    lookup = json.loads(gzip.open(data / "en_lemma_lookup.json.gz").read())
    index = json.loads(gzip.open(data / "en_lemma_index.json.gz").read())
    return frozenset(set(lookup) | set(lookup.values()) | {w for ws in index.values() for w in ws})


_UNACCENTED = str.maketrans("áéíóúüñ", "aeiouun")


@lru_cache(maxsize=1)
def spanish_words() -> FrozenSet[str]:
    """Ordinary Spanish words of four letters or more ("compras" is no misspelt "compase",
    "tiene 75" no brand and its dose): spacy-lookups-data's Spanish lemma table, forms and lemmas (about 50 MB, read
    only the first time a word looks like a misspelt drug)."""
    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data"
    lookup = json.loads(gzip.open(data / "es_lemma_lookup.json.gz").read())
    from spacy.lang.es.stop_words import STOP_WORDS  # "también": no lemma table entry

    words = {w for w in set(lookup) | set(lookup.values()) | set(STOP_WORDS)
             if len(w) >= 4 and w.isalpha()}  # four letters: "tiene 75" is told of no medicine
    # and as typed without accents, as the Spanish matcher reads them ("tambien" is no
    # misspelt "Ambien", "rinones" no drug)
    return frozenset(words | {w.translate(_UNACCENTED) for w in words})


def closest_drug_name(word: str) -> str | None:
    """The dictionary's name a misspelt word most likely means ("pregablin" -> "pregabalin");
    never an ordinary English or Spanish word."""
    word = word.lower()
    if len(word) < MIN_MISSPELT_LENGTH or not word.isalpha() or word in english_words():
        return None
    name = closest(word, _spelling_index())
    return None if name is None or word in spanish_words() else name


def _misspelt(words: List[str], taken: Set[int]) -> List[Tuple[dict, int, int]]:
    drugs_finder = _dictionary()
    found = []
    for i, word in enumerate(words):
        if i in taken or any(w.lower().strip(".") in _NAME_CUES for w in words[max(0, i - 2):i]):
            continue
        name = closest_drug_name(word)
        if name:
            for canonical in drugs_finder.drug_variant_to_canonical[name]:
                data = drugs_finder.drug_canonical_to_data.get(canonical, {})
                found.append(({"name": data.get("name") or canonical}, i, i + 1))
                break
    return found


def find_medicines(words: List[str], not_for_pain: bool = False,
                   capitals: List[bool] | None = None,
                   told: ToldAsMedicine | None = None) -> List[Tuple[int, int, str]]:
    """(first token, end token, contract treatment) for each drug named among `words`; with
    `not_for_pain`, also the medicines that never treat pain, as `NOT_FOR_PAIN`; `capitals`:
    whether the patient capitalised each word (`words` may be lower-cased); `told`: the
    language's words that tell an unknown name as a medicine (bot/nlu/medicines_told.py;
    English when not given)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    exact = _dictionary().find_drugs(list(words), is_ignore_case=True)
    taken = {i for _, s, e in exact for i in range(s, e)}
    found = []
    for drug, start, end in exact + _misspelt(words, taken):
        matched = [w.lower() for w in words[start:end]]
        if (any(w in STOP_WORDS for w in matched) or len("".join(matched)) <= 4
                or drug["name"].endswith("Agents")):
            continue  # "all clear", "sits" (an acronym), a class such as "antibiotics"
        if not for_pain(drug["name"]):
            # "lost 12kg on Ozempic", "omeprazole for my stomach": kept apart, so that "the
            # Wegovy jab" is no injection for the pain either
            if not_for_pain:
                found.append((start, end, NOT_FOR_PAIN))
            continue
        found.append((start, end, drug_category(drug["name"])))  # end is exclusive
    taken |= {i for s, e, _ in found for i in range(s, e)}
    return found + told_as_medicine(words, taken, capitals, told or english_told())
