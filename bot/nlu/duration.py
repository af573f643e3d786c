"""How long the pain has lasted, in weeks, from a patient's own words.

Pure and Rasa-free: `parse_durations("sciatica for a year and a half")` finds every duration
in a message, in text order, with its span, its length in weeks and its category. Three kinds
of wording are understood:

* a quantity and a unit: "6 months", "six months", "2yrs", "1 1/2 years", "a year and a
  half", "3 or 4 weeks ago", "a couple of days", "several years";
* a starting point: "since yesterday", "started last week", "since March", "since my car
  accident in 2019", "since I was a teenager" (counted up to `today`);
* vague spans: "for years", "decades", "for ages", "a long time".

Anything negative, in the future ("in 2 weeks", "since tomorrow"), a frequency ("twice a
day", "3 days a week"), an age ("45 years old") or longer than 100 years gives no mention.
A duration that dates another event ("had a mastectomy 5 yrs ago, now mid-back pain") gives
no mention either: the words for such events are in vocab/duration_events.yml.
All patterns are compiled once; a typical message takes a few microseconds.

This module reads quantities ("6 months") and picks the mentions; numbers and units are in
duration_units.py, starting points and dates in duration_dates.py, other events in
duration_events.py.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from bot.nlu.dated_events import dated_events
from bot.nlu.duration_anchor import _anchor
from bot.nlu.duration_dates import (
    _ACTIVITY_BEFORE,
    _SAFE_POINT,
    _VAGUE_PLURAL,
    _point_weeks,
    _starting_points,
)
from bot.nlu.duration_events import OtherEvents, other_events
from bot.nlu.duration_ongoing import ongoing_since
from bot.nlu.duration_relative import as_mention, relative_lengths
from bot.nlu.duration_restated import STILL_BEFORE, STILL_LATER, restated
from bot.nlu.duration_told_from import told_from
from bot.nlu.duration_units import (
    _DIGITS,
    _UNIT_RE,
    _UNIT_WEEKS,
    _WORD_VALUES,
    _WORDNUM,
    DAY,
    MONTH,
    WEEK,
    YEAR,
    _number,
    _round2,
    _unit_of,
    joined_compounds,
    units_respelt,
)
from bot.triage import classify_duration  # the contract's categories, defined once

MAX_WEEKS = 5218.0  # 100 years: anything longer is a typo or a joke, never stored


@dataclass(frozen=True)
class DurationMention:
    start: int
    end: int
    text: str
    weeks: float  # >= 0, rounded to 2 decimals
    category: str  # acute / subacute / chronic
    vague: bool  # "a few weeks", "for years", "decades", "since I was a teenager"...


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


# --------------------------------------------------------------------------- parsing
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


# Clinical shorthand: "3/7" days, "3/52" weeks, "6/12" months ("x 2/12" is "for 2 months");
# never a date ("on 3/12", "the 6/12") or a score ("7/10").
_SHORTHAND_RE = re.compile(
    r"(?:(?<![\w/.])|(?<=(?<![\w])[x×]))(?<!\bon\s)(?<!\bthe\s)(?P<n>\d{1,2}(?:\.\d)?)\s*/\s*(?P<den>7|52|12)(?![\w/.]|\.\d)", re.I)
_SHORTHAND_UNIT = {"7": DAY, "52": WEEK, "12": MONTH}
# The unit first, the number after: "years, 5 maybe", "a good few weeks, maybe 5 or 6"
_UNIT_THEN_NUMBER_RE = re.compile(
    r"\b(?P<unit>days|weeks|months|years)\b\s*[,:–-]?\s+(?:(?:maybe|about|around|roughly|probably"
    r"|perhaps|like|approx\.?|approximately|i\s+think|i'?d\s+say|say|so)\s+)?"
    r"(?P<qty>\d{1,2}|%s)(?:\s*(?:-|–|to|or)\s*(?P<qty2>\d{1,2}|%s))?"
    r"(?![\w/%%]|\.\d|\s*[-–/%%]|\s*(?:%s|kg|kilos?|lbs?|pounds|stone|times|of|am|pm|x)\b)"
    % (_WORDNUM, _WORDNUM, _UNIT_RE), re.I)
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:%s))\s*$" % _WORDNUM, re.I)
# A unit and a half with no number: "wk and a half", "month and a half"
_UNIT_AND_HALF_RE = re.compile(r"(?<![\w.])(?<!\d\s)(?P<unit>%s)\s+and\s+a\s+half\b" % _UNIT_RE, re.I)
# Repeated plural units and "ages": long and vague ("months and months", "it's been ages",
# "for a great many years", a bare "years" as the answer, "since before covid")
_REPEATED_RE = re.compile(
    r"\b(?P<unit>days|weeks|months|years)\s+(?:and|&)\s+(?P=unit)\b"
    r"|\b(?:been|for|it's|its|it\s+is)\s+ages\b|\bdonkey'?s\s+years\b|^\W*(?:ages|years|yrs)\W*$"
    r"|\bfor\s+(?:a\s+)?(?:great\s+|good\s+|so\s+|very\s+)?many\s+years\b(?!\s+(?:ago|back|before))"
    r"|\bsince\s+before\s+(?:covid|the\s+pandemic|lockdown)\b", re.I)


def _shorthand(text: str):
    """(start, end, weeks, vague, priority) for the wordings above."""
    found = []
    for m in _SHORTHAND_RE.finditer(text):
        value = float(m.group("n"))
        if 0 < value <= {"7": 7, "52": 52, "12": 12}[m.group("den")]:
            found.append((m.start(), m.end(), value * _SHORTHAND_UNIT[m.group("den")], False, 0))
    for m in _UNIT_THEN_NUMBER_RE.finditer(text):
        unit = _unit_of(m.group("unit"))
        value = _number(m.group("qty"))
        if unit is None or value is None or value[0] <= 0 or _COUNTED_BEFORE.search(text[:m.start()]):
            continue  # "for 11 years, two fusions": the years are counted already
        weeks = value[0]
        if m.group("qty2"):
            second = _number(m.group("qty2"))
            if second is None or second[0] < weeks:
                continue
            weeks = (weeks + second[0]) / 2
        found.append((m.start(), m.end(), weeks * _UNIT_WEEKS[unit], False, 0))
    for m in _UNIT_AND_HALF_RE.finditer(text):
        unit = _unit_of(m.group("unit"))
        if unit and len(m.group("unit")) > 1:
            found.append((m.start(), m.end(), 1.5 * _UNIT_WEEKS[unit], False, 0))
    for m in _REPEATED_RE.finditer(text):
        if _ACTIVITY_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue  # "after sitting on the toilet for ages": how long it sat, not the pain
        unit = (m.group("unit") or "").lower()
        weeks = 2 * _VAGUE_PLURAL[unit] if unit else YEAR
        found.append((m.start(), m.end(), weeks, True, 1))
    return found


_BIRTH_RE = re.compile(  # "since my daughter was born. She's four now", "since my 2nd pregnancy, she's 6",
    # "it started right after my son was born and he just turned 3"
    r"\b(?:(?:ever\s+)?since|(?:started|began|begun)\s+(?:(?:right|just|soon|shortly)\s+)?(?:when|after))"
    r"\s+(?:(?:i\s+had\s+|having\s+)?(?:my|our|the)\s+(?:[\w'’]+\s+){0,2}?(?:baby|son|daughter|child|kid|boy|girl"
    r"|twins|little\s+one|pregnancy|birth|grandson|granddaughter|grandchild|grandbaby|grandkid|niece|nephew"
    r"|youngest|eldest|oldest|first|second|third|last|first\s?born)(?:\s+(?:was|were)\s+born|\s+arrived|\s+came\s+along)?"
    r"|i\s+was\s+pregnant(?:\s+with\s+(?:my|our|the)\s+[\w'’]+)?)\b"
    # "since my grandson was born my back's been bad, he turned 2 in May"
    r"(?:[\s,;:-]+[\w'’]+){0,7}?[\s,.;:!-]*(?:and\s+)?"
    r"(?:she|he|they|who)\s*(?:'s|’s|is|are|(?:just\s+)?turned|will\s+be|'ll\s+be)"
    r"\s+(?:now\s+)?(?:nearly\s+|almost\s+|just\s+)?(?P<age>%s)(?:\s+(?P<unit>years?|months?|weeks?)(?:\s+old)?)?" % (_DIGITS + "|" + _WORDNUM),
    re.I)
_SINCE_AGE_RE = re.compile(  # "since I was 20 and I'm 45 now" -> 25 years
    r"\b(?:ever\s+)?since\s+(?:i\s+was\s+|i\s+turned\s+|my\s+)(?P<then>\d{1,2}|%s)(?:st|nd|rd|th)?\b"
    r"(?:\s+(?:years?\s+old|yo|birthday))?"
    r"[^.?!]{0,40}?\b(?:i'?m|i\s+am|i'?ll\s+be|i\s+turned)\s+(?:now\s+)?(?P<now>\d{1,3}|%s)\b"
    % (_WORDNUM, _WORDNUM), re.I)


# "I'm 34 weeks pregnant and the pain started around week 31": the weeks between
_PREGNANCY_RE = re.compile(
    r"\b(?P<now>\d{1,2})\s*(?:weeks?|wks?)\s+(?:pregnant|along)\b[^.?!]{0,80}?\b(?:started|began|start"
    r"|since|from|came\s+on)\s+(?:at\s+|around\s+|about\s+|in\s+|from\s+)*(?:week|wk)\s*(?P<then>\d{1,2})\b", re.I)


def _births(text: str):
    """A duration counted from a child's birth and the child's stated age, or within a
    pregnancy from the week it started."""
    found = []
    for m in _PREGNANCY_RE.finditer(text):
        now, then = int(m.group("now")), int(m.group("then"))
        if 0 < then <= now <= 42:
            found.append((m.start(), m.end(), float(now - then), False, 0))
    for m in _BIRTH_RE.finditer(text):
        parsed = _number(m.group("age"))
        if parsed is None:
            continue
        unit = _unit_of(m.group("unit") or "years") or "year"
        found.append((m.start(), m.end(), parsed[0] * _UNIT_WEEKS[unit], False, 0))
    for m in _SINCE_AGE_RE.finditer(text):
        then, now = _number(m.group("then")), _number(m.group("now"))
        if then and now and now[0] > then[0]:
            found.append((m.start(), m.end(), (now[0] - then[0]) * YEAR, False, 0))
    return found



# a past time told anywhere in the story ("in 2018", "last week", "on Tuesday"), for
# bot/nlu/duration_ongoing.py
_STORY_POINT_RE = re.compile(r"(?<![\w])(?:(?:in|on|at|around|about|during|back\s+in)\s+)?(?:%s)(?![\w])" % _SAFE_POINT,
                             re.I)


def parse_durations(text: str, today: datetime.date | None = None) -> list[DurationMention]:
    """Every duration stated in `text`, in text order (overlaps: the longest span wins)."""
    if not text or not isinstance(text, str):
        return []
    today = today or datetime.date.today()
    from bot.nlu.drugs import english_words  # the lemma tables, read once for the drug names too

    text = units_respelt(text, english_words())  # "a few weaks"
    anchor = _anchor(text, today)
    if anchor:  # counted back from the day the patient says it is; that day is no duration
        today, a, b = anchor
        text = text[:a] + " " * (b - a) + text[b:]
    # (start, end, weeks, vague, priority): precise wordings beat vague ones ("9 months now"),
    # then the longest span wins, then the earliest
    counted = _quantities(text)  # "... ever since, about a month now": the count, not the story's time
    candidates = (_births(text) + counted + _shorthand(text)
                  + _starting_points(text, today) + dated_events(text, today) + told_from(text)
                  + ([] if counted else ongoing_since(text, today, "en", _STORY_POINT_RE, _point_weeks)))
    candidates = restated(text, candidates, {(c[0], c[1]) for c in _quantities(text)})
    found = choose_mentions(text, candidates, other_events())
    # "3 months ago ... about a month in", "a week before that" (bot/nlu/duration_relative.py)
    return relative_lengths(text, found, as_mention(text, classify_duration, _round2))


# "two weeks, not two months", "dos semanas, no dos meses": the length after "not" is the one
# taken back (English and Spanish).
_TAKEN_BACK_RE = re.compile(r"(?:\bnot|\bno|\brather than|\binstead of|\ben vez de|\ben lugar de)"
                            r"\s+(?:about\s+|like\s+|unos?\s+|unas?\s+)?$", re.I)
# "what if my leg goes numb one day?", "one day I bent over": "one day" as "some day" is no
# length; "for one day", "one day ago", "it's been one day" are.
_ONE_DAY_RE = re.compile(r"^one\s+day$", re.I)
_ONE_DAY_LENGTH_BEFORE = re.compile(r"\b(?:for|about|around|only|just|last|past|over|almost|nearly|"
                                    r"like|since|maybe|than|been|roughly|approx\w*)\s*$", re.I)
_ONE_DAY_LENGTH_AFTER = re.compile(r"^\s*(?:ago|now|so far|or|and|of)\b", re.I)
# "I live three hours away", "two hours' drive", "20 minutes by bus": a distance, no length.
_DISTANCE_AFTER = re.compile(r"^'?s?\s*(?:away|drive|driving|by (?:car|bus|train)|on the (?:bus|train)"
                             r"|from (?:here|you|the clinic)|de (?:aqu[ií]|distancia|camino)|manejando)\b", re.I)


def _taken_back(text: str, candidates: list[tuple]) -> list[tuple]:
    """Without the lengths the patient takes back ("not two months") when another is left,
    distances ("three hours away"), and "one day" meaning some day."""
    kept = [c for c in candidates if not _TAKEN_BACK_RE.search(text[max(0, c[0] - 20):c[0]])]
    kept = kept if kept else candidates
    kept = [c for c in kept if not _DISTANCE_AFTER.match(text[c[1]:])]
    return [c for c in kept if not (_ONE_DAY_RE.match(text[c[0]:c[1]])
                                    and re.search(r"\w", text[:c[0]] + text[c[1]:])  # not "one day" alone
                                    and not _ONE_DAY_LENGTH_BEFORE.search(text[max(0, c[0] - 20):c[0]])
                                    and not _ONE_DAY_LENGTH_AFTER.match(text[c[1]:]))]


def choose_mentions(text: str, candidates: list[tuple], events: OtherEvents) -> list[DurationMention]:
    """The mentions among (start, end, weeks, vague, priority) candidates: precise wordings
    beat vague ones, then the longest span wins, then the earliest; none that dates another
    event or that the patient takes back. Shared with the Spanish parser
    (bot/nlu/duration_es.py)."""
    chosen: list[tuple] = []
    for cand in sorted(candidates, key=lambda c: (c[4], -(c[1] - c[0]), c[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    chosen = _taken_back(text, chosen)
    mentions = []
    for start, end, weeks, vague, _ in sorted(chosen):
        if weeks is None or not 0 <= weeks <= MAX_WEEKS:
            continue
        if events.dates_other_event(text, start, end):
            continue  # "had a mastectomy 5 yrs ago, now mid-back pain"
        weeks = _round2(weeks)
        mentions.append(DurationMention(start, end, text[start:end], weeks,
                                        classify_duration(weeks), vague))
    return mentions