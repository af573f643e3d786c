"""Durations told as a quantity and a unit: "6 months", "a year and a half", "3 or 4 weeks ago".

Part of the duration parser (bot/nlu/duration.py): each "quantity + unit" that is a length, not
a future time, a frequency, a rate, an age or a dose, with corrections the patient makes after it."""
from __future__ import annotations

import re

from bot.nlu.duration_restated import STILL_BEFORE, STILL_LATER
from bot.nlu.duration_units import (
    _DIGITS,
    _UNIT_RE,
    _UNIT_WEEKS,
    _WORD_VALUES,
    _WORDNUM,
    _number,
    _unit_of,
    joined_compounds,
)

_QTY = (r"(?:a\s+)?(?:couple|coupla|cupla|cuple|cupple)(?:\s+of)?|(?:a\s+)?few|several|many|a\s+handful\s+of|a\s+number\s+of"
        r"|a\s+dozen|dozen|half\s+(?:of\s+)?(?:an?|the)|half\s+of|half(?=\s+(?:year|month|day|week))|a\s+half|" + _DIGITS + "|" + _WORDNUM + r"|an?")

_AND = r"(?:and|n|'n'?|&)"  # "a week n a half", "a month & a bit", as typed
_QUANTITY_RE = re.compile(  # a clinician's "x" before the number is "for": "LBP x6wks"
    r"(?:(?<![\w.,\-/−^*])|(?<=(?<![\w])[x×]))(?P<qty>%(qty)s)(?P<ish>-?ish)?(?P<odd>[\s-]+odd)?(?P<half1>\s+%(and)s\s+(?:a\s+)?half)?"
    r"(?:\s*(?:-|–|to|or)\s*(?P<qty2>%(digits)s|%(wordnum)s))?"
    r"(?P<sep>\s*-?\s*)(?P<unit>%(unit)s)(?![a-z])"
    r"(?P<half2>\s+%(and)s\s+(?:a\s+)?half)?(?P<bit>\s+%(and)s\s+a\s+(?:bit|little\s+bit|little))?"
    r"(?:\s+or\s+(?P<orx>so|more|two|three|four))?"
    r"(?P<ago>\s+ago)?" % {"qty": _QTY, "digits": _DIGITS, "wordnum": _WORDNUM, "unit": _UNIT_RE,
                            "and": _AND},
    re.I,
)
_FUTURE_OR_FREQ_BEFORE = re.compile(
    r"(?:\b(?:in|next|every|each|per|once|twice|thrice|times|within\s+the\s+next|for\s+the\s+next"
    r"|over\s+the\s+next|minus)|(?<=\d)\s*[x×]|−)\s*$", re.I)  # "2 x a day"; "pain x 5 wks" is a length
_RATE_BEFORE = re.compile(  # "400mg a day", "2 tablets a day", "8 hours a week"
    r"(?:mg|mcg|ml|tablets?|pills?|capsules?|doses?|hours?|hrs?|days?|nights?|weeks?|minutes?"
    r"|mins?|sessions?|visits?|\d)\s*$", re.I)
_RATE_QUESTION_BEFORE = re.compile(  # "how many of those can I have a year?": a rate asked about
    r"\bhow\s+(?:many|often)\b[^.?!]*$", re.I)
_AGE_AFTER = re.compile(  # "45 years old", "my 12-year-old", "a 6 month old baby"
    r"^(?:\s*-\s*old\b|\s+old\s+(?:baby|son|daughter|child|kid|boy|girl|grand\w+)\b)", re.I)
# "I am software engineer 32 years", "im a roofer 20 yrs": who the patient is, then years
_WHO_I_AM_BEFORE = re.compile(
    r"\b(?:i\s+am|i'?m|im)\s+(?:an?\s+)?(?:(?!pain|hurt|hurting|aching|suffering|sore|with|in|having|had)[a-z]+\s+){0,3}$", re.I)
# "baby is 5 wks", "Dad of twins (18 months)", "my son's 3 months": a child's age, no length
_CHILD_AGE_BEFORE = re.compile(
    r"\b(?:baby|babies|son|daughter|kid|child|twins|grandson|granddaughter|grandbaby|little\s+one|newborn)"
    r"(?:'s|’s|\s+is|\s+are|\s*\(|\s*,)\s*(?:now\s+|only\s+|just\s+|nearly\s+|almost\s+)?$", re.I)
# ... unless the pain dates from the birth: "my baby is 6 months and my back has hurt since she
# was born", "tailbone pain ever since I gave birth, baby is 4 months old now"
_SINCE_BIRTH = re.compile(
    r"\bsince\s+(?:(?:she|he|they|the\s+baby)\s+(?:was|were)\s+born|(?:the|her|his|their)\s+birth|delivery"
    r"|having\s+(?:her|him|them|the\s+baby)|(?:i\s+had|i\s+gave\s+birth\s+to|giving\s+birth\s+to|delivering)"
    r"\s+(?:her|him|them|the\s+baby)|i\s+gave\s+birth|giving\s+birth)\b", re.I)
_PAIN_AFTER = re.compile(r"^\s+(?:ago|now|with|of|in\s+pain|suffering|hurting|having)\b", re.I)
# "my father 70 years is having back pain", "Mum, 82 years, ...": a relative's age, no length
_RELATIVE_AGE_BEFORE = re.compile(
    r"\b(?:father|mother|dad|daddy|mum|mom|mummy|mommy|husband|wife|grand(?:mother|father|ma|pa|mom|mum|dad)"
    r"|uncle|aunt|auntie|brother|sister|patient)(?:,|\s+is|\s+aged|\s+age|\s*\()?\s*(?:now\s+|nearly\s+|almost\s+)?$",
    re.I)
_UNDER_BEFORE = re.compile(r"\b(?:under|less\s+than|not\s+quite|shy\s+of)\s*$", re.I)
_NARRATIVE_DAY = re.compile(  # "one day I woke up with it" tells a story, not a length
    r"^\s+(?:i|it|my|the|we|he|she|while|when|after)\b", re.I)
_NOT_DURATION_AFTER = re.compile(
    r"^(?:\s+of\s+age\b|\s+(?:from\s+now|later|time|'s\s+time|’s\s+time|pregnant"
    r"|post[\s-]?partum)\b|\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|night)\b"
    r"|\s+of\s+(?:physio|physiotherapy|physical\s+therapy|pt|therapy|treatment|rest|chiro"
    r"|massage|acupuncture|injections?|meds|medication|tablets|pills)\b)", re.I)
# A bare number that corrects the length just said: "2 weeks. no sorry more like 3"
_CORRECTED_RE = re.compile(
    r"\s*[.,;!?-]*\s*(?:(?:no|nope|sorry|actually|wait|hmm+|um+|well|i\s+mean|or\s+rather|oops)\b[\s.,;!?-]*)+"
    r"(?:(?:it'?s|it\s+was|probably|maybe|prob|more\s+like|closer\s+to|make\s+(?:that|it)|nearer)\s+)*"
    r"(?P<qty>\d{1,2}|%s)\b(?!\s*(?:[.,/]\d|%s|%%|am|pm|x\b|times|of\b|or\b|to\b|-))" % (_WORDNUM, _UNIT_RE), re.I)
# ... or a few words on, the first taken back: "3 weeks, no wait, it was before my trip so more like 5"
_CORRECTED_LATER_RE = re.compile(
    r"\s*[.,;!?-]*\s*(?:no|nope|sorry|actually|wait|hmm+|um+|well|i\s+mean|or\s+rather|oops)\b[^.?!\d]{0,60}?"
    r"\b(?:more\s+like|closer\s+to|make\s+(?:that|it)|nearer)\s+"
    r"(?P<qty>\d{1,2}|%s)\b(?!\s*(?:[.,/]\d|%s|%%|am|pm|x\b|times|of\b|or\b|to\b|-))" % (_WORDNUM, _UNIT_RE), re.I)
_JOIN_RE = re.compile(r"^\s*(?:,|and|&|plus|,\s*and)?\s*$", re.I)


def _quantities(text: str):
    """(start, end, weeks, vague, priority) for every "quantity + unit" in the text."""
    found = []
    for m in _QUANTITY_RE.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        qty, unit_text = m.group("qty"), m.group("unit")
        unit = _unit_of(unit_text)
        numeric = qty[0].isdigit() or qty.startswith("½")
        if unit is None or (len(unit_text) == 1 and (m.group("sep") or not numeric)):
            continue  # "10d" yes, "10 d" or "a d" no
        if not numeric and not m.group("sep"):
            continue  # "aweek"
        if _FUTURE_OR_FREQ_BEFORE.search(before) and not m.group("ago"):
            continue  # "in 2 weeks", "every 3 months", "twice a day"
        if qty.lower() in ("a", "an") and (_RATE_BEFORE.search(before)
                                          or _RATE_QUESTION_BEFORE.search(before)):
            continue  # "400mg a day", "how often can they do it a year?"
        after = text[m.end():m.end() + 40]
        still = STILL_LATER.match(after) and STILL_BEFORE.search(text[max(0, m.start() - 60):m.start()])
        if not m.group("ago") and not still and (
                _NOT_DURATION_AFTER.match(after) or _AGE_AFTER.match(after)
                or (unit in ("year", "decade") and re.match(r"\s+old\b", after, re.I))):
            continue  # "45 years old", "3 days a week", "6 weeks of physio"
        if (not m.group("ago") and _CHILD_AGE_BEFORE.search(before)
                and not _pain_since_birth(_sentence_around(text, m.start(), m.end()))):
            continue  # "baby is 5 wks", "twins (18 months)"
        if unit == "year" and not m.group("ago") and _RELATIVE_AGE_BEFORE.search(before):
            continue  # "my father 70 years is having back pain"
        if unit == "year" and _WHO_I_AM_BEFORE.search(before) and not _PAIN_AFTER.match(after):
            continue  # "I am software engineer 32 years": a trade's years or an age
        if (unit == "day" and qty.lower() in ("one", "a") and _NARRATIVE_DAY.match(after)
                and not re.search(r"\bfor\s*$", before, re.I)):
            continue  # "one day I bent over and..."
        parsed = _number(qty)
        if parsed is None:
            continue
        value, vague = parsed
        vague = vague or bool(m.group("odd") or m.group("ish"))  # "thirty odd years", "2ish months"
        if m.group("half1") or m.group("half2"):
            value += 0.5
        if m.group("bit"):  # "a year and a bit"
            value += 0.2
        if _UNDER_BEFORE.search(before):  # "just under a month" is not yet four weeks
            value *= 0.9
        if m.group("qty2"):  # a range: "2-3 weeks", "3 or 4 weeks" -> the middle
            second = _number(m.group("qty2"))
            if second is None or second[0] < value:
                continue
            value = (value + second[0]) / 2
        orx = (m.group("orx") or "").lower()
        if orx in ("two", "three", "four"):  # "a week or two"
            value = (value + _WORD_VALUES[orx]) / 2
        end = m.end()
        fixed = _CORRECTED_RE.match(text, end) or _CORRECTED_LATER_RE.match(text, end)
        if fixed and _number(fixed.group("qty")):  # "about 2 weeks. no sorry more like 3"
            value, end = _number(fixed.group("qty"))[0], fixed.end()
        found.append([m.start(), end, value * _UNIT_WEEKS[unit], vague, _UNIT_WEEKS[unit]])
    return joined_compounds(found, text, _JOIN_RE)  # "2 years and 3 months" is one duration

_PAIN_WORD = re.compile(r"\b(?:pain|hurt|hurts|hurting|ache|aches|aching|achy|sore|back|neck|spine|tailbone|sciatica|stiff"
                        r"|it'?s|it\s+has|it\s+was|been)\b", re.I)  # ("it's been there since he was born")


def _pain_since_birth(sentence: str) -> bool:
    """Whether a sentence that tells a child's age also says the pain dates from the birth:
    the age is then the pain's length (not a leak's "since delivery")."""
    return bool(_SINCE_BIRTH.search(sentence)) and bool(_PAIN_WORD.search(sentence))


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence text[start:end] stands in."""
    opening = max((m.end() for m in re.finditer(r"[.!?\n]", text[:start])), default=0)
    closing = next((m.start() for m in re.finditer(r"[.!?\n]", text[end:])), len(text) - end)
    return text[opening:end + closing]

