"""Medicines by name from a drug dictionary, beside the vocabulary's own names.

drug-named-entity-recognition (MIT; brand and generic names of thousands of drugs) recognises
what no hand-kept list can ("Butrans", "Kenalog", "Cymbalta"); vocab/otc_drugs.yml says which
generics are bought over the counter, every other recognised drug is prescription medication.
Measured in reports/nlu.md against the vocabulary alone. A call costs about 0.01 ms.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import List, Tuple

import yaml

OTC_FILE = Path(__file__).parent / "vocab" / "otc_drugs.yml"


@lru_cache(maxsize=1)
def otc_words() -> frozenset:
    data = yaml.safe_load(OTC_FILE.read_text(encoding="utf-8")) or {}
    words = data.get("otc") if isinstance(data, dict) else None
    if set(data) != {"otc"} or not words or not all(isinstance(w, str) for w in words):
        raise ValueError(f"{OTC_FILE.name}: expected `otc:` and a list of quoted names")
    return frozenset(w.lower() for w in words)


def drug_category(generic_name: str) -> str:
    name = generic_name.lower()
    return ("otc_medication" if any(w in name for w in otc_words())
            else "prescription_medication")


def find_medicines(words: List[str]) -> List[Tuple[int, int, str]]:
    """(first token, end token, contract treatment) for each drug named among `words`."""
    from drug_named_entity_recognition import find_drugs
    from spacy.lang.en.stop_words import STOP_WORDS

    found = []
    for drug, start, end in find_drugs(list(words), is_ignore_case=True):
        matched = [w.lower() for w in words[start:end]]
        if (any(w in STOP_WORDS for w in matched) or len("".join(matched)) <= 4
                or drug["name"].endswith("Agents")):
            continue  # "all clear", "sits" (an acronym), a class such as "antibiotics"
        found.append((start, end, drug_category(drug["name"])))  # end is exclusive
    return found
