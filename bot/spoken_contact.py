"""A phone number or email written out in words, put back as it is typed.

Patients dictating to a phone, or typing as they would say it, write "five five five, zero
one four two", "cinco cinco cinco, cero dos siete uno", "tom.wells at example dot com",
"ana.ruiz arroba example punto com". The booking read none of these as a contact (the phone
in Spanish was even taken for a question about the clinic's phone), so the contact was asked
for until the chat ended. English and Spanish digit words; an email only with its domain's
"dot com" (so "at" and "punto" in a sentence are never an address).
"""
from __future__ import annotations

import re

_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "cero": "0", "uno": "1", "una": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
    "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
}
_DIGIT = r"(?:\d+|(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + r")\b)"
# Digits said one by one or typed in groups, with spaces, commas or dashes between; a phone
# when they make seven to fifteen.
_SPOKEN_PHONE = re.compile(r"(?<![\w@.])" + _DIGIT + r"(?:[\s,.-]{1,3}" + _DIGIT + r"){1,14}(?![\w@])",
                           re.I)
# "oh" and "o" only between other digits: "o" is Spanish "or", "oh" an exclamation.
_ONLY_INSIDE = {"oh", "o"}
_EMAIL_SPOKEN = re.compile(
    r"(?<![\w.@])([A-Za-z0-9][A-Za-z0-9._%+-]*)\s+(?:at|arroba)\s+([A-Za-z0-9-]+)"
    r"((?:\s*(?:\.|\bdot\b|\bpunto\b)\s*[A-Za-z0-9-]+)*?)\s*(?:\.|\bdot\b|\bpunto\b)\s*"
    r"(com|org|net|edu|gov|info|us|es|mx|co|ar|cl|pe|ve|uk|ca|io)\b(?!\s*(?:\.|\bdot\b|\bpunto\b)\s*[A-Za-z])", re.I)


def _phone(match: re.Match) -> str:
    tokens = re.findall(_DIGIT, match.group(0), re.I)
    if tokens[0].lower() in _ONLY_INSIDE or tokens[-1].lower() in _ONLY_INSIDE:
        return match.group(0)
    digits = "".join(_DIGIT_WORDS.get(t.lower(), t) for t in tokens)
    if all(t.isdigit() for t in tokens) or not 7 <= len(digits) <= 15:
        return match.group(0)  # figures alone are the phone reader's own job; too few is no phone
    return digits


def _email(match: re.Match) -> str:
    middle = re.sub(r"\s*(?:\.|\bdot\b|\bpunto\b)\s*", ".", match.group(3) or "", flags=re.I)
    return f"{match.group(1)}@{match.group(2)}{middle}.{match.group(4)}".lower()


def as_typed(text: str) -> str:
    """The text with a phone number or email said in words written as it is typed
    ("five five five, zero one four two" -> "5550142"); the text itself when it has none."""
    text = text or ""
    return _SPOKEN_PHONE.sub(_phone, _EMAIL_SPOKEN.sub(_email, text))
