"""Where the pain goes, from the patient's words: radiating_leg | radiating_arm | axial.

"shoots down my leg", "pins and needles in my toes" -> radiating_leg; "down my arm into the
thumb" -> radiating_arm; "stays in my back", "it doesn't go down my legs" -> axial. The words
are in bot/nlu/vocab/pain_pattern.yml. Pure: text in, at most one entity out.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import List, Optional

from bot.nlu.phrasing import Hit, clause_of, clauses, cue_before, find, load_vocab, phrase_table

PATTERNS = ("radiating_leg", "radiating_arm", "axial")
VOCAB_FILE = "pain_pattern.yml"


@dataclass(frozen=True)
class PatternVocabulary:
    phrases: list
    negation: list


@lru_cache(maxsize=4)
def load_pattern_vocabulary(vocab_dir: Optional[Path] = None) -> PatternVocabulary:
    data = load_vocab(VOCAB_FILE, vocab_dir)
    negation = phrase_table(VOCAB_FILE, {"negation": data.pop("negation", [])}, ("negation",))
    return PatternVocabulary(phrase_table(VOCAB_FILE, data, PATTERNS), negation)


def read_pattern(text: str, vocab: Optional[PatternVocabulary] = None) -> Optional[Hit]:
    """The pattern this message states, with the words that said it, or None."""
    vocab = vocab or load_pattern_vocabulary()
    spans = clauses(text)
    said: List[Hit] = []
    for hit in find(vocab.phrases, text):
        denied = cue_before(vocab.negation, text, clause_of(spans, hit.start), hit.start)
        if not denied:
            said.append(hit)
        elif hit.value != "axial":  # a spread denied: the pain stays put
            said.append(Hit("axial", hit.start, hit.end, hit.phrase))
    for value in PATTERNS:  # a leg beats an arm beats staying put
        found = [h for h in said if h.value == value]
        if found:
            return found[0]
    return None


def pattern_entities(text: str, vocab: Optional[PatternVocabulary] = None) -> List[dict]:
    hit = read_pattern(text, vocab)
    if hit is None:
        return []
    return [{"entity": "pain_pattern", "value": hit.value, "start": hit.start, "end": hit.end}]
