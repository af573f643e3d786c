"""When the conversation's language (slot `language`: en | es) is set or changed.

`choose_language(current, detected, text)` is the one decision, called each turn with the
slot, the NLU's `language_detected` and the patient's words:

* an explicit request ("¿habla español?", "en español por favor", "English please") switches
  at once;
* unset, the first confident detection (en or es) sets it;
* once set, only a clear message with several words of the other language changes it: names,
  numbers, "ok", a drug name or one word of the other language ("gracias") never do;
* another language ("other") never sets it: the assistant cannot speak it.
The words and thresholds live in bot/nlu/vocab/language.yml.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.nlu.language import language_vocabulary, language_words, plain

SPOKEN = ("en", "es")


def requested_language(text: str) -> Optional[str]:
    """The language the patient asks for in so many words, or None."""
    said = " " + " ".join(re.findall(r"\w+", plain(text))) + " "
    for lang, phrases in language_vocabulary()["requests"].items():
        if any(re.search(_NOT_SAID + re.escape(f" {phrase} "), said) for phrase in phrases):
            return lang
    return None


# A language someone does not speak is no request for it: "mi papá no habla inglés", "she
# doesn't speak English" (words as `requested_language` joins them: "doesn t speak").
_NOT_SAID = r"(?<! no)(?<! not)(?<! t)(?<! nunca)(?<! ni)(?<! tampoco)"


def choose_language(current: Optional[str], detected: Optional[dict], text: str) -> Optional[str]:
    """The slot's new value (maybe the same as `current`); None while still unknown."""
    asked = requested_language(text or "")
    if asked:
        return asked
    detected = detected or {}
    lang, confidence = detected.get("language"), float(detected.get("confidence") or 0.0)
    if lang not in SPOKEN:
        return current
    limits = language_vocabulary()["thresholds"]
    if current not in SPOKEN:
        return lang if confidence >= limits["set"] else None
    if lang != current and confidence >= limits["switch"] and (
            language_words(text)[lang] >= limits["switch_words"]):
        return lang
    return current
