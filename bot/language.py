"""When the conversation's language (slot `language`: en | es) is set or changed.

`choose_language(current, detected, text)` is the one decision, called each turn with the
slot, the NLU's `language_detected` and the patient's words:

* an explicit request ("¿habla español?", "en español por favor", "English please") switches
  at once;
* unset, the first confident detection (en or es) sets it; a message mixing Spanish into
  English sets Spanish, and once a patient has mixed, only a request changes it;
* once set, only a clear message with several words of the other language changes it: names,
  numbers, "ok", a drug name or one word of the other language ("gracias") never do, nor a
  message that mixes both ("sí, I did physical therapy pero no me ayudó"): a bilingual
  patient keeps the language the conversation is in until they ask for the other;
* another language ("other") never sets it: the assistant cannot speak it.
The words and thresholds live in bot/nlu/vocab/language.yml.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.nlu.language import language_vocabulary, language_words, plain

SPOKEN = ("en", "es")


# A language someone does not speak is no request for it: "mi papá no habla inglés", "she
# doesn't speak English" (words as `requested_language` joins them: "doesn t speak").
_NOT_SAID = (r"(?<! no)(?<! not)(?<! t)(?<! nunca)(?<! ni)(?<! tampoco)(?<! dont)(?<! doesnt)"
             r"(?<! cant)(?<! cannot)(?<! didnt)")
# ... but a request that starts with the language's name is a request after any "no":
# "no, English please" answers a question, then asks.
_NAMES = ("english", "spanish", "ingles", "espanol", "castellano")


def not_said_before(phrase: str) -> str:
    """The lookbehind that keeps a request phrase from reading as one after a negation."""
    return "" if phrase.split()[0] in _NAMES else _NOT_SAID


def requested_language(text: str) -> Optional[str]:
    """The language the patient asks for in so many words, or None."""
    said = " " + " ".join(re.findall(r"\w+", plain(text))) + " "
    vocabulary = language_vocabulary()
    # Both asked for: the first said is the request ("can we do english? ... my mom set this up
    # in spanish": the second tells how it was set up).
    first = None
    for lang, patterns in _request_patterns(vocabulary):
        for pattern in patterns:
            for found in pattern.finditer(said):
                if not _asked_about_someone(said[:found.start()], vocabulary["asked_about"]):
                    if first is None or found.start() < first[0]:
                        first = (found.start(), lang)
                    break
    return first[1] if first else None


def _asked_about_someone(before: str, asked_about) -> bool:
    """ "Does the doctor speak Spanish?": the words just before the request name someone at the
    clinic, so it asks about them (content/faq.yml's languages answer), not to switch."""
    last = " ".join(before.split()[-3:])
    return any(f" {last}".endswith(f" {who}") for who in asked_about)


_COMPILED: list = []  # [(the vocabulary, its request phrases as compiled patterns)]


def _request_patterns(vocabulary: dict) -> list:
    """Each request phrase's pattern, compiled once per vocabulary (asked every turn: escaping
    and looking up ~40 patterns in re's cache each time was most of `choose_language`)."""
    if not _COMPILED or _COMPILED[0][0] is not vocabulary:
        _COMPILED[:] = [(vocabulary, [
            (lang, [re.compile(not_said_before(phrase) + re.escape(f" {phrase} "))
                    for phrase in phrases])
            for lang, phrases in vocabulary["requests"].items()])]
    return _COMPILED[0][1]


def mixes_in_spanish(text: str) -> bool:
    """A message that mixes Spanish into English ("hey hola, my lower back me está matando",
    "hi, hola. Tengo pain between my shoulder blades"): at least two Spanish words beside
    English ones. Its writer reads Spanish; a bilingual patient is answered in Spanish."""
    counts = language_words(text or "")
    return counts["es"] >= 2 and counts["en"] >= 1


def settled_by(current: Optional[str], earlier: list) -> bool:
    """Whether one of the patient's earlier messages was clearly in the current language
    (several of its words): a language set from a lone "hi" or "hello" is not settled."""
    least = language_vocabulary()["thresholds"]["switch_words"]
    return current not in SPOKEN or any(language_words(t or "")[current] >= least for t in earlier)


def choose_language(current: Optional[str], detected: Optional[dict], text: str,
                    mixed_before: bool = False, settled: bool = True) -> Optional[str]:
    """The slot's new value (maybe the same as `current`); None while still unknown.
    `mixed_before`: an earlier message of this patient mixed Spanish into English; then an
    English answer alone ("nope, none of that", "Monday or Wednesday mornings") keeps Spanish,
    which only a request changes (a Spanglish patient's language would otherwise flip).
    `settled` False: the language so far rests on short messages only (a lone "hi" or
    "hello"); then the first message clearly in the other language, or mixing Spanish in,
    changes it ("hello" then "tengo back pain, en la espalda baja" is a Spanish speaker)."""
    asked = requested_language(text or "")
    if asked:
        return asked
    detected = detected or {}
    lang, confidence = detected.get("language"), float(detected.get("confidence") or 0.0)
    if current not in SPOKEN and mixes_in_spanish(text):
        return "es"
    if lang not in SPOKEN:
        return current
    limits = language_vocabulary()["thresholds"]
    if current not in SPOKEN:
        return lang if confidence >= limits["set"] else None
    if current == "es" and (mixed_before or mixes_in_spanish(text)):
        return current
    if not settled and current == "en" and mixes_in_spanish(text):
        return "es"
    if not settled and lang != current and confidence >= limits["set"] and (
            language_words(text)[lang] >= 2):
        return lang
    words = language_words(text)
    if lang != current and confidence >= limits["switch"] and (
            words[lang] >= limits["switch_words"]) and words[current] < limits["mixed_keep"]:
        return lang
    return current
