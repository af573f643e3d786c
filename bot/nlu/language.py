"""Which language a message is written in: English, Spanish or another one.

A word-list detector, offline and light: chat messages are one to a few words ("hola",
"si", "3 semanas", "English please"), where statistical detectors trained on sentences guess
(measured against langid and langdetect in reports/spanish.md). Each word found in one
language's list of vocab/language.yml counts for it; "¿", "¡" and "ñ" count for Spanish;
a message mostly in a script other than Latin is another language. Names, numbers, "ok" and
drug names are in no list, so they decide nothing.

`detect_language(text)` -> {"language": "en" | "es" | "other", "confidence": 0..1}; the
Rasa component `bot.nlu.language_detector.LanguageDetector` puts it in the parse data under
`language_detected`, ahead of the components that read Spanish or English vocabularies.
Pure Python (no Rasa, no spaCy): about 0.02 ms a message.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict

import yaml

LANGUAGE_FILE = Path(__file__).parent / "vocab" / "language.yml"
LANGUAGES = ("en", "es", "other")
DETECTED = "language_detected"  # the parse data's key
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_ADDRESS = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+", re.I)  # an e-mail says nothing


def plain(text: str) -> str:
    """Lower-cased, accents removed ("Español" -> "espanol"); "ñ" becomes "n"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def language_vocabulary() -> dict:
    data = yaml.safe_load(LANGUAGE_FILE.read_text(encoding="utf-8")) or {}
    lists = {"es": "spanish", "en": "english", "other": "other"}
    words = {}
    for lang, key in lists.items():
        found = data.get(key)
        if not isinstance(found, list) or not all(isinstance(w, str) for w in found):
            raise ValueError(f"{LANGUAGE_FILE.name}: {key} must be a list of quoted words")
        words[lang] = frozenset(plain(w) for w in found)
    shared = (words["es"] & words["en"]) | (words["es"] & words["other"]) | (
        words["en"] & words["other"])
    if shared:
        raise ValueError(f"{LANGUAGE_FILE.name}: words in two lists say nothing: {sorted(shared)}")
    requests = data.get("requests") or {}
    if set(requests) != {"en", "es"}:
        raise ValueError(f"{LANGUAGE_FILE.name}: requests needs `en` and `es` lists")
    thresholds = data.get("thresholds") or {}
    if set(thresholds) != {"set", "switch", "switch_words", "mixed_keep"}:
        raise ValueError(f"{LANGUAGE_FILE.name}: thresholds needs set, switch, switch_words, mixed_keep")
    return {
        "words": words,
        "marks": frozenset(data.get("spanish_marks") or []),
        "accents": frozenset(data.get("accents") or []),
        "requests": {lang: [plain(p) for p in phrases] for lang, phrases in requests.items()},
        "asked_about": tuple(plain(w) for w in data.get("asked_about") or []),
        "thresholds": thresholds,
    }


def language_words(text: str) -> Dict[str, int]:
    """How many words of each language's list the message has."""
    return dict(zip(LANGUAGES, _counted(text)))


@lru_cache(maxsize=4096)
def _counted(text: str) -> tuple:
    """`language_words`' counts, remembered: the language policy reads every earlier message
    of the conversation again at each turn (bot/language.py `settled_by`, `mixes_in_spanish`).
    The vocabulary is read once per process (`language_vocabulary`)."""
    words = language_vocabulary()["words"]
    counts = dict.fromkeys(LANGUAGES, 0)
    for word in _WORD.findall(_ADDRESS.sub(" ", plain(text)).replace("’", "'")):
        for lang in LANGUAGES:
            if word in words[lang]:
                counts[lang] += 1
    return tuple(counts[lang] for lang in LANGUAGES)


def detect_language(text: str) -> Dict[str, Any]:
    """{"language": "en" | "es" | "other", "confidence": float}; confidence 0 when nothing
    in the message tells (a name, a number, "ok"): then the language is "en", the default."""
    vocab = language_vocabulary()
    letters = [c for c in text if c.isalpha()]
    if letters:
        latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
        if latin / len(letters) < 0.5:
            return {"language": "other", "confidence": round(min(1.0, len(letters) / 4), 2)}
    scores = {lang: float(n) for lang, n in language_words(text).items()}
    lowered = text.lower()
    scores["es"] += sum(1.0 for c in lowered if c in vocab["marks"])
    scores["es"] += 0.5 * min(2, sum(1 for c in lowered if c in vocab["accents"]))
    best = max(LANGUAGES, key=lambda lang: (scores[lang], lang == "en"))
    if scores[best] == 0:
        return {"language": "en", "confidence": 0.0}
    rest = sum(v for lang, v in scores.items() if lang != best)
    # One clear word and nothing against it is 0.5; each further word adds evidence.
    confidence = (scores[best] - rest) / (scores[best] + rest + 1)
    return {"language": best, "confidence": round(max(confidence, 0.0), 3)}


def reading_language(text: str, message: Any = None) -> str:  # message: a Rasa Message or None
    """"es" or "en" as the language detector said, "" when nothing in the message tells
    ("nalga", "3 semanas" may say it, "ok" or a name does not)."""
    detected = (message.get(DETECTED) if message is not None else None) or detect_language(text)
    if detected.get("language") == "es":
        return "es"
    return "en" if detected.get("confidence") else ""
