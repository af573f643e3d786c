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
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

import yaml

from bot.contract import WEEKS_PER_MONTH, WEEKS_PER_YEAR
from bot.triage import classify_duration  # the contract's categories, defined once

DAY, WEEK, MONTH, YEAR = 1 / 7, 1.0, WEEKS_PER_MONTH, WEEKS_PER_YEAR
MAX_WEEKS = 5218.0  # 100 years: anything longer is a typo or a joke, never stored


@dataclass(frozen=True)
class DurationMention:
    start: int
    end: int
    text: str
    weeks: float  # >= 0, rounded to 2 decimals
    category: str  # acute / subacute / chronic
    vague: bool  # "a few weeks", "for years", "decades", "since I was a teenager"...


# --------------------------------------------------------------------------- vocabulary
_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i + 1 for i, w in enumerate(_ONES)}
_WORD_VALUES.update({w: i + 10 for i, w in enumerate(_TEENS)})
_WORD_VALUES.update({w: (i + 2) * 10 for i, w in enumerate(_TENS)})
_WORD_VALUES.update({"zero": 0, "a": 1, "an": 1, "dozen": 12, "a dozen": 12})
# Vague quantities: "a couple of days" is 2 days, "a few weeks" 3 weeks, "several years" 3.
_VAGUE_VALUES = {"couple": 2, "coupla": 2, "cupla": 2, "cuple": 2, "cupple": 2, "few": 3, "several": 3,
                 "many": 5, "handful": 3, "number": 4}

_UNIT_WEEKS = {"hour": 1 / 168, "day": DAY, "week": WEEK, "fortnight": 2 * WEEK,
               "month": MONTH, "year": YEAR, "decade": 10 * YEAR}
_UNIT_FORMS = [  # longest forms first; single letters only straight after digits ("10d")
    ("fortnight", r"fortnights?"), ("decade", r"decades?"),
    ("hour", r"hours?|hrs?"), ("day", r"days?|dys?"),
    ("week", r"weeks?|weeek?s|wks?|weks?"),
    ("month", r"months?|mnths?|mths?|monts?|moths?|mos?"),
    ("year", r"years?|yrs?|yeras?|yaers?"),
    ("hour", r"h"), ("day", r"d"), ("week", r"w"), ("year", r"y"),
]
_UNIT_RE = "|".join(f"(?:{forms})" for _, forms in _UNIT_FORMS)
_UNIT_LOOKUP = [(re.compile(f"^(?:{forms})$", re.I), unit) for unit, forms in _UNIT_FORMS]

_WORDNUM = (r"(?:%s)(?:[\s-]+(?:%s))?|%s|%s|zero"
            % ("|".join(_TENS), "|".join(_ONES), "|".join(_TEENS), "|".join(_ONES)))
_DIGITS = r"\d+\s+\d+/\d+|\d+/\d+|\d+(?:\.\d+)?\s*½|½|\d+(?:\.\d+)?\+?"
_QTY = (r"(?:a\s+)?(?:couple|coupla|cupla|cuple|cupple)(?:\s+of)?|(?:a\s+)?few|several|many|a\s+handful\s+of|a\s+number\s+of"
        r"|a\s+dozen|dozen|half\s+(?:of\s+)?(?:an?|the)|half\s+of|half(?=\s+(?:year|month|day|week))|a\s+half|" + _DIGITS + "|" + _WORDNUM + r"|an?")

_QUANTITY_RE = re.compile(
    r"(?<![\w.,\-/−^*])(?P<qty>%s)(?P<half1>\s+and\s+a\s+half)?"
    r"(?:\s*(?:-|–|to|or)\s*(?P<qty2>%s|%s))?"
    r"(?P<sep>\s*-?\s*)(?P<unit>%s)(?![a-z])"
    r"(?P<half2>\s+and\s+a\s+half)?(?:\s+or\s+(?P<orx>so|more|two|three|four))?"
    r"(?P<ago>\s+ago)?" % (_QTY, _DIGITS, _WORDNUM, _UNIT_RE),
    re.I,
)
_FUTURE_OR_FREQ_BEFORE = re.compile(
    r"(?:\b(?:in|next|every|each|per|once|twice|thrice|times|within\s+the\s+next|for\s+the\s+next"
    r"|over\s+the\s+next|minus)|(?<![a-z])[x×]|−)\s*$", re.I)
_RATE_BEFORE = re.compile(  # "400mg a day", "2 tablets a day", "8 hours a week"
    r"(?:mg|mcg|ml|tablets?|pills?|capsules?|doses?|hours?|hrs?|days?|nights?|weeks?|minutes?"
    r"|mins?|sessions?|visits?|\d)\s*$", re.I)
_AGE_AFTER = re.compile(  # "45 years old", "my 12-year-old", "a 6 month old baby"
    r"^(?:\s*-\s*old\b|\s+old\s+(?:baby|son|daughter|child|kid|boy|girl|grand\w+)\b)", re.I)
_NARRATIVE_DAY = re.compile(  # "one day I woke up with it" tells a story, not a length
    r"^\s+(?:i|it|my|the|we|he|she|while|when|after)\b", re.I)
_NOT_DURATION_AFTER = re.compile(
    r"^(?:\s+of\s+age\b|\s+(?:from\s+now|later|time|'s\s+time|’s\s+time|pregnant"
    r"|post[\s-]?partum)\b|\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|night)\b"
    r"|\s+of\s+(?:physio|physiotherapy|physical\s+therapy|pt|therapy|treatment|rest|chiro"
    r"|massage|acupuncture|injections?|meds|medication|tablets|pills)\b)", re.I)
_JOIN_RE = re.compile(r"^\s*(?:,|and|&|plus|,\s*and)?\s*$", re.I)

# Starting points -------------------------------------------------------------------------
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH_RE = (r"jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?"
             r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SEASONS = {"winter": (1, 15), "spring": (4, 15), "summer": (7, 15), "autumn": (10, 15)}
_HOLIDAYS = {"christmas": (12, 25), "xmas": (12, 25), "new year": (1, 1), "halloween": (10, 31),
             "boxing day": (12, 26), "valentines day": (2, 14), "bonfire night": (11, 5),
             "guy fawkes": (11, 5), "independence day": (7, 4), "st patricks day": (3, 17)}
_MONTH_PART_DAY = {"start": 2, "beginning": 2, "early": 5, "mid": 15, "middle": 15, "late": 25,
                   "end": 28}

# Points that cannot be anything but a time, so they may follow a few words after the cue
# ("since my car accident in 2019", "I hurt my back yesterday").
_SAFE_POINT = (
    r"(?P<ybefore>(?:the\s+)?(?:day|night)\s+before\s+(?:yesterday|last))|(?P<yesterday>yesterday)"
    r"|(?P<today>this\s+morning|this\s+afternoon|this\s+evening|earlier\s+today|today)"
    r"|(?P<lastnight>last\s+night)"
    r"|(?:the\s+|last\s+|previous\s+)?(?P<weekend>weekend)"
    r"|(?:the\s+|last\s+|previous\s+|past\s+)(?P<lastunit>week|month|year|fortnight)"
    r"|(?:last\s+|on\s+)?(?P<weekday>%s|mon|tues?|weds?|thu|thurs?|fri)\b"
    r"|(?:the\s+(?P<hweek>week|weekend)\s+(?:before|after)\s+)?"
    r"(?P<holiday>christmas|xmas|boxing\s+day|new\s+year|halloween|thanksgiving|easter"
    r"|valentine'?s\s+day|bonfire\s+night|guy\s+fawkes|independence\s+day|st\.?\s+patrick'?s\s+day)"
    r"(?:'s|’s)?(?:\s+(?:day|eve|long\s+weekend|weekend|holidays?))?"
    r"|(?:(?P<mlast>last)|in|(?P<mpart>early|late|mid|the\s+(?:start|beginning|end|middle)\s+of))[\s-]+"
    r"(?P<month>%s)\b(?:\s+(?:of\s+)?(?P<myear>(?:19|20)\d\d))?"
    r"|the\s+(?P<dday>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?:\s+of\s+(?P<ddmonth>%s))?"
    r"(?!\s+(?:time|one|floor|day|week|month|year|child|baby|pregnancy|go|attempt|session|injection))"
    r"|(?P<year>(?:19|20)\d\d)(?![\d,.]*\s*(?:mg|lbs?|kg|pounds|steps|calories|people))"
    % ("|".join(_WEEKDAYS), _MONTH_RE, _MONTH_RE)
)
# Points that only count straight after the cue ("since March", "since the summer",
# "since I was a teenager"): "may", "march" and "fall" are also ordinary words.
_DIRECT_POINT = (
    r"(?P<dmonth>%s)\b(?:\s+(?:of\s+)?(?P<dyear>(?:19|20)\d\d))?"
    r"|(?:the\s+|last\s+|this\s+past\s+)?(?P<season>summer|spring|winter|autumn)"
    r"|(?P<life>i\s+was\s+(?:a\s+|in\s+(?:my\s+)?|at\s+)?(?:teenager|teen|teens|kid|child|boy|girl"
    r"|baby|young|little|small|student|school|high\s+school|college|university|uni|twenties|20s"
    r"|thirties|30s)|(?:my\s+)?(?:childhood|teens|school\s+days|twenties))"
    % _MONTH_RE
)
_ONSET = (r"ever\s+since|since|started|starts|start|starting|began|begun|begin|beginning"
          r"|came\s+on|kicked\s+in|happened|onset")
_INJURY = r"hurt|injured|pulled|strained|tweaked|twisted|fell|slipped|did\s+it|put\s+it\s+out"
_DIRECT_RE = re.compile(
    r"\b(?P<cue>%s)\s+(?:(?:on|in|at|around|about|during|the|back\s+in)\s+)?(?:%s|%s)(?![\w])"
    % (_ONSET, _SAFE_POINT, _DIRECT_POINT), re.I)
_FILLER_RE = re.compile(
    r"\b(?P<cue>%s|%s)\b(?:,?\s+[\w'’]+){1,7}?,?\s+(?:(?:on|in|at|around|about|during|back\s+in)\s+)?"
    r"(?:%s)(?![\w])" % (_ONSET, _INJURY, _SAFE_POINT), re.I)
_ALONE_RE = re.compile(  # the whole message is a starting point: "yesterday", "since Monday"
    r"^\W*(?:(?:since|about|around|roughly|maybe|probably|from|it\s+started|started)\s+)?"
    r"(?:%s|%s)\W*$" % (_SAFE_POINT, _DIRECT_POINT), re.I)
_PAST_SPAN_RE = re.compile(  # "for the past week", "over the last month"
    r"\b(?:for|over|in|during|within)\s+(?:the\s+)?(?:last|past|previous)\s+"
    r"(?P<unit>week|month|year|fortnight)\b", re.I)
_VAGUE_RE = re.compile(
    r"(?:\bon\s+and\s+off\s+)?\b(?:for|over)\s+(?:the\s+)?(?P<unit>days|weeks|months|years|decades)\b"
    r"|\b(?:years\s+and\s+years|decades)\b|\b(?P<unit2>days|weeks|months|years)\s+now\b"
    r"|\bfor\s+ages\b|\b(?:a\s+)?(?:very\s+)?long\s+time\b|\b(?:had\s+(?:it|this)|been|since|like)\s+forever\b"
    r"|\ball\s+my\s+(?:adult\s+)?life\b|\bmy\s+whole\s+(?:adult\s+)?life\b"
    r"|\bas\s+long\s+as\s+i\s+can\s+remember\b", re.I)
# "it hurts when I stand for a long time" describes a trigger, not how long it has lasted
_ACTIVITY_BEFORE = re.compile(
    r"\b(?:stand|sit|walk|driv|drive|lie|lying|bend|lift|stay|wait|work|sleep|run|carry|hold"
    r"|garden|kneel|stood|sat)\w*(?:\s+[\w']+){0,2}\s+(?:for\s+)?$", re.I)
_VAGUE_PLURAL = {"days": 3 * DAY, "weeks": 3 * WEEK, "months": 3 * MONTH, "years": 3 * YEAR,
                 "decades": 20 * YEAR}
_LONG_AGO_WEEKS = 10 * YEAR  # "since I was a teenager", "as long as I can remember"


# --------------------------------------------------------------------------- helpers
def _number(text: str) -> tuple[float, bool] | None:
    """(value, vague) of a quantity such as "1 1/2", "twenty-one", "a couple of", "half a"."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    for word, value in _VAGUE_VALUES.items():
        if word in t.split():
            return float(value), True
    if t.startswith("half") or t == "a half":
        return 0.5, False
    if t in _WORD_VALUES:
        return float(_WORD_VALUES[t]), False
    parts = t.split()
    if len(parts) == 2 and parts[0] in _WORD_VALUES and parts[1] in _WORD_VALUES:
        return float(_WORD_VALUES[parts[0]] + _WORD_VALUES[parts[1]]), False  # "twenty one"
    if "½" in t:
        whole = t.replace("½", "").strip()
        return (float(whole) if whole else 0.0) + 0.5, False
    total = 0.0
    for part in parts:
        if "/" in part:
            num, den = part.split("/", 1)
            if float(den) == 0:
                return None
            total += float(num) / float(den)
        else:
            total += float(part.rstrip("+"))  # "10+ years": at least ten
    return total, False


def _round2(weeks: float) -> float:
    """Half-up, as people round: a month is 4.345 -> 4.35 weeks."""
    # round(.., 9) first: 5 * 4.345 is 21.724999999999998 in binary, 21.725 on paper
    return float(Decimal(repr(round(weeks, 9))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _unit_of(text: str) -> str | None:
    for pattern, unit in _UNIT_LOOKUP:
        if pattern.match(text):
            return unit
    return None


def _holiday(key: str, today: datetime.date) -> datetime.date:
    """The latest date of a named holiday not after today (Thanksgiving: the fourth
    Thursday of November; Easter: late March to April, taken as 10 April)."""
    if key in _HOLIDAYS:
        return _recent(today, *_HOLIDAYS[key])
    if key == "easter":
        return _recent(today, 4, 10)
    year = today.year
    while True:
        first = datetime.date(year, 11, 1)
        day = first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if day <= today:
            return day
        year -= 1


def _weeks_since(start: datetime.date, today: datetime.date) -> float | None:
    days = (today - start).days
    return days / 7 if days >= 0 else None


def _recent(today: datetime.date, month: int, day: int) -> datetime.date:
    """The latest date with this month and day that is not after today."""
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    return datetime.date(year, month, day)


def _month_number(name: str) -> int:
    """1-12 for a month's name or its short form ("Feb", "sept")."""
    return next(i + 1 for i, month in enumerate(_MONTHS) if month.startswith(name[:3].lower()))


def _weekday(name: str) -> int:
    """0-6 for a weekday's name or its short form ("wed", "thurs")."""
    return next(i for i, day in enumerate(_WEEKDAYS) if day.startswith(name.lower()[:3]))


def _latest_date(today: datetime.date, day: int, month: int | None) -> datetime.date:
    """The latest date not after today with this day of the month (and month, if given)."""
    year, mon = today.year, month or today.month
    for _ in range(14):
        try:
            candidate = datetime.date(year, mon, day)
        except ValueError:
            candidate = None
        if candidate and candidate <= today:
            return candidate
        if month:
            year -= 1
        else:
            mon, year = (mon - 1, year) if mon > 1 else (12, year - 1)
    return today


def _month_start(today: datetime.date, month: int, year: int | None, last: bool) -> datetime.date:
    """Mid-month of the named month: "since March" is the latest March, "last March" the
    latest March before this month. The current month counts from its 1st."""
    if year is None:
        if month == today.month and not last:
            year = today.year
        else:
            year = today.year if month < today.month else today.year - 1
    if (year, month) == (today.year, today.month):
        return datetime.date(year, month, 1)
    return datetime.date(year, month, 15)


def _year_start(today: datetime.date, year: int) -> datetime.date:
    """A bare year is counted from mid-year (this year: halfway between 1 January and today)."""
    if year == today.year:
        jan1 = datetime.date(year, 1, 1)
        return jan1 + (today - jan1) / 2
    return datetime.date(year, 7, 1)


def _point_weeks(m: re.Match, today: datetime.date) -> tuple[float | None, bool]:
    """Weeks from a matched starting point to today, and whether it is vague."""
    g = m.groupdict()
    if g.get("ybefore"):
        return 2 * DAY, False
    if g.get("yesterday") or g.get("lastnight"):
        return DAY, False
    if g.get("today"):
        return 0.0, False
    if g.get("weekend"):
        # the latest Saturday before today (on a Sunday: yesterday)
        back = (today.weekday() - 5) % 7 or 7
        return back * DAY, False
    if g.get("lastunit"):
        return _UNIT_WEEKS[g["lastunit"].lower()], False
    if g.get("weekday"):
        back = (today.weekday() - _weekday(g["weekday"])) % 7 or 7
        return back * DAY, False
    if g.get("holiday"):
        key = " ".join(re.sub(r"['’.]", "", g["holiday"].lower()).split())
        day = _holiday(key, today)
        weeks = _weeks_since(day, today)
        if weeks is not None and g.get("hweek"):  # "the week before Thanksgiving"
            before = re.search(r"\bbefore\b", m.group(0), re.I) is not None
            weeks += (1 if before else -1) * (WEEK if g["hweek"].lower() == "week" else 0.5 * DAY)
        return weeks, False
    month_name = g.get("month") or g.get("dmonth")
    if month_name:
        month = _month_number(month_name)
        year = g.get("myear") or g.get("dyear")
        start = _month_start(today, month, int(year) if year else None, bool(g.get("mlast")))
        part = next((d for w, d in _MONTH_PART_DAY.items() if w in (g.get("mpart") or "").lower()), None)
        if part:  # "early June", "the end of January"
            start = min(start.replace(day=part), today)
        return _weeks_since(start, today), False
    if g.get("dday"):  # "the 3rd", "the 8th of Feb": the latest such date
        day, month_name = int(g["dday"]), g.get("ddmonth")
        month = _month_number(month_name) if month_name else None
        return _weeks_since(_latest_date(today, day, month), today), False
    if g.get("year"):
        return _weeks_since(_year_start(today, int(g["year"])), today), False
    if g.get("season"):
        return _weeks_since(_recent(today, *_SEASONS[g["season"].lower()]), today), False
    if g.get("life"):
        return _LONG_AGO_WEEKS, True
    return None, False


# --------------------------------------------------------------------------- other events
EVENTS_VOCAB = Path(__file__).parent / "vocab" / "duration_events.yml"
_CLAUSE_SPLIT = re.compile(  # "and" only before a new subject: "... ago and my back ..."
    r"[,;.!?\n]|\s[-–]\s|\b(?:but|now|however|although|though)\b"
    r"|\band\b(?=\s+(?:my|i|i'm|i've|it|it's|its|the|now|since|ever)\b)", re.I)


class OtherEvents:
    """Tells whether a duration dates another event (an operation, a cancer, a birth)
    rather than the pain, from the clause it stands in and the clause after it."""

    def __init__(self, path: Path = EVENTS_VOCAB):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        unknown = set(data) - {"other_events", "pain_onset", "linked_after", "relief", "treatments",
                               "clause_split"}
        if unknown:
            raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
        # where a clause ends, for another language than English's "but", "now", "and my"
        self._clause_split = (re.compile(data["clause_split"], re.I) if data.get("clause_split")
                              else _CLAUSE_SPLIT)

        def words(key: str) -> re.Pattern:
            phrases = data.get(key) or []
            if not phrases or not all(isinstance(p, str) for p in phrases):
                raise ValueError(f"{path.name}: {key} must be a list of quoted patterns")
            return re.compile(r"\b(?:%s)\b" % "|".join(f"(?:{p})" for p in phrases), re.I)

        self._event, self._pain, self._linked = (
            words("other_events"), words("pain_onset"), words("linked_after"))
        self._relief, self._treatment = words("relief"), words("treatments")

    def dates_other_event(self, text: str, start: int, end: int) -> bool:
        cuts = [0, *(p for m in self._clause_split.finditer(text) for p in (m.start(), m.end())),
                len(text)]
        bounds = list(zip(cuts[::2], cuts[1::2]))  # clauses, without their separators
        index = next((i for i, (a, b) in enumerate(bounds) if a <= start < b), None)
        if index is None:
            return False
        a, b = bounds[index]
        clause = text[a:max(b, end)]
        # "the injections helped for 3 months", "an ESI, relief for 10 days": the relief's
        # length (the treatment before the duration, in its clause or the one before)
        lead = text[bounds[index - 1][0] if index else a:start]
        if self._relief.search(text[a:start]) and (self._event.search(lead)
                                                   or self._treatment.search(lead)):
            return True
        if not self._event.search(clause) or self._pain.search(clause):
            return False
        following = text[bounds[index + 1][0]:bounds[index + 1][1]] if index + 1 < len(bounds) else ""
        return not self._linked.search(following)


@lru_cache(maxsize=1)
def _other_events() -> OtherEvents:
    return OtherEvents()


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
        if qty.lower() in ("a", "an") and _RATE_BEFORE.search(before):
            continue  # "400mg a day"
        after = text[m.end():m.end() + 40]
        if not m.group("ago") and (
                _NOT_DURATION_AFTER.match(after) or _AGE_AFTER.match(after)
                or (unit in ("year", "decade") and re.match(r"\s+old\b", after, re.I))):
            continue  # "45 years old", "3 days a week", "6 weeks of physio"
        if (unit == "day" and qty.lower() in ("one", "a") and _NARRATIVE_DAY.match(after)
                and not re.search(r"\bfor\s*$", before, re.I)):
            continue  # "one day I bent over and..."
        parsed = _number(qty)
        if parsed is None:
            continue
        value, vague = parsed
        if m.group("half1") or m.group("half2"):
            value += 0.5
        if m.group("qty2"):  # a range: "2-3 weeks", "3 or 4 weeks" -> the middle
            second = _number(m.group("qty2"))
            if second is None or second[0] < value:
                continue
            value = (value + second[0]) / 2
        orx = (m.group("orx") or "").lower()
        if orx in ("two", "three", "four"):  # "a week or two"
            value = (value + _WORD_VALUES[orx]) / 2
        found.append([m.start(), m.end(), value * _UNIT_WEEKS[unit], vague, _UNIT_WEEKS[unit]])
    # "2 years and 3 months" is one duration
    merged = []
    for item in found:
        if (merged and item[4] < merged[-1][4]
                and _JOIN_RE.match(text[merged[-1][1]:item[0]])):
            prev = merged[-1]
            merged[-1] = [prev[0], item[1], prev[2] + item[2], prev[3] or item[3], item[4]]
        else:
            merged.append(item)
    return [(s, e, w, v, 0) for s, e, w, v, _ in merged]


def _starting_points(text: str, today: datetime.date):
    """(start, end, weeks, vague, priority) for starting points and vague spans."""
    found, future = [], []
    for regex in (_DIRECT_RE, _FILLER_RE):
        for m in regex.finditer(text):
            weeks, vague = _point_weeks(m, today)
            if weeks is None:
                future.append(m.span())  # "since December 2026" in November 2026
                continue
            since = m.group("cue").lower().endswith("since")
            start = m.start() if since else _first_point_start(m)
            found.append((start, m.end(), weeks, vague, 0))
    m = _ALONE_RE.match(text)
    if m:
        weeks, vague = _point_weeks(m, today)
        if weeks is not None:
            stripped = text.strip()
            lead = len(text) - len(text.lstrip())
            found.append((lead, lead + len(stripped.rstrip(".!?,;: ")), weeks, vague, 0))
    for m in _PAST_SPAN_RE.finditer(text):
        found.append((m.start(), m.end(), _UNIT_WEEKS[m.group("unit").lower()], False, 0))
    for m in _VAGUE_RE.finditer(text):
        unit = (m.group("unit") or m.group("unit2") or "").lower()
        phrase = m.group(0).lower()
        if _ACTIVITY_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue
        if unit:
            weeks = _VAGUE_PLURAL[unit]
        elif "decades" in phrase:
            weeks = _VAGUE_PLURAL["decades"]
        elif "life" in phrase or "remember" in phrase:
            weeks = _LONG_AGO_WEEKS
        elif "years and years" in phrase:
            weeks = 5 * YEAR
        else:  # "for ages", "a long time", "forever"
            weeks = YEAR
        found.append((m.start(), m.end(), weeks, True, 1))
    return [f for f in found if all(f[1] <= a or f[0] >= b for a, b in future)]


# Clinical shorthand: "3/7" days, "3/52" weeks, "6/12" months ("x 2/12" is "for 2 months");
# never a date ("on 3/12", "the 6/12") or a score ("7/10").
_SHORTHAND_RE = re.compile(
    r"(?<![\w/.])(?<!\bon\s)(?<!\bthe\s)(?P<n>\d{1,2}(?:\.\d)?)\s*/\s*(?P<den>7|52|12)(?![\w/.]|\.\d)", re.I)
_SHORTHAND_UNIT = {"7": DAY, "52": WEEK, "12": MONTH}
# The unit first, the number after: "years, 5 maybe", "a good few weeks, maybe 5 or 6"
_UNIT_THEN_NUMBER_RE = re.compile(
    r"\b(?P<unit>days|weeks|months|years)\b\s*[,:–-]?\s+(?:(?:maybe|about|around|roughly|probably"
    r"|perhaps|like|approx\.?|approximately|i\s+think|i'?d\s+say|say|so)\s+)?"
    r"(?P<qty>\d{1,2}|%s)(?:\s*(?:-|–|to|or)\s*(?P<qty2>\d{1,2}|%s))?"
    r"(?![\w/%%]|\.\d|\s*[-–/%%]|\s*(?:%s|kg|kilos?|lbs?|pounds|stone|times|of|am|pm|x)\b)"
    % (_WORDNUM, _WORDNUM, _UNIT_RE), re.I)
# A unit and a half with no number: "wk and a half", "month and a half"
_UNIT_AND_HALF_RE = re.compile(r"(?<![\w.])(?<!\d\s)(?P<unit>%s)\s+and\s+a\s+half\b" % _UNIT_RE, re.I)
# Repeated plural units and "ages": long and vague ("months and months", "it's been ages")
_REPEATED_RE = re.compile(
    r"\b(?P<unit>days|weeks|months|years)\s+(?:and|&)\s+(?P=unit)\b"
    r"|\b(?:been|for|it's|its|it\s+is)\s+ages\b|\bdonkey'?s\s+years\b|^\W*ages\W*$", re.I)


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
        if unit is None or value is None or value[0] <= 0:
            continue
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
        unit = (m.group("unit") or "").lower()
        weeks = 2 * _VAGUE_PLURAL[unit] if unit else YEAR
        found.append((m.start(), m.end(), weeks, True, 1))
    return found


_BIRTH_RE = re.compile(  # "since my daughter was born. She's four now", "since my 2nd pregnancy, she's 6"
    r"\b(?:ever\s+)?since\s+(?:(?:my|our|the)\s+(?:[\w'’]+\s+){0,2}?(?:baby|son|daughter|child|kid|boy|girl"
    r"|twins|little\s+one|pregnancy|birth)(?:\s+(?:was|were)\s+born)?"
    r"|i\s+was\s+pregnant(?:\s+with\s+(?:my|our|the)\s+[\w'’]+)?)\b[\s,.;:!-]*(?:and\s+)?"
    r"(?:she|he|they|who)\s*(?:'s|’s|is|are)"
    r"\s+(?:now\s+)?(?P<age>%s)(?:\s+(?P<unit>years?|months?|weeks?)(?:\s+old)?)?" % (_DIGITS + "|" + _WORDNUM),
    re.I)
_SINCE_AGE_RE = re.compile(  # "since I was 20 and I'm 45 now" -> 25 years
    r"\b(?:ever\s+)?since\s+(?:i\s+was\s+|i\s+turned\s+|my\s+)(?P<then>\d{1,2}|%s)(?:st|nd|rd|th)?\b"
    r"(?:\s+(?:years?\s+old|yo|birthday))?"
    r"[^.?!]{0,40}?\b(?:i'?m|i\s+am|i'?ll\s+be|i\s+turned)\s+(?:now\s+)?(?P<now>\d{1,3}|%s)\b"
    % (_WORDNUM, _WORDNUM), re.I)


def _births(text: str):
    """A duration counted from a child's birth and the child's stated age."""
    found = []
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


_POINT_LEAD_RE = re.compile(r"(?:\b(?:last|previous|past|the|early|late|mid)\s+)+$", re.I)


def _first_point_start(m: re.Match) -> int:
    """Where the starting point itself begins (the cue verb is not part of the span)."""
    starts = [m.start(name) for name, value in m.groupdict().items()
              if value is not None and name != "cue"]
    start = min(starts) if starts else m.start()
    # keep a leading "last"/"the"/"in" that belongs to the point ("last March", "the weekend")
    lead = _POINT_LEAD_RE.search(m.string, m.end("cue"), start)
    return lead.start() if lead else start


# "Now" as the patient states it: "it's Tuesday now", "today's the 24th", "and now it's the end
# of March", "we're in early October now". Dates in the message count back from that day.
_ANCHOR_RE = re.compile(
    r"(?:[,;.]?\s*(?:and|but|so|now)\s+|[,;.]\s*)?(?:now\s+)?"
    r"(?:(?P<lead>today'?s|today\s+is|today\s+being)|it'?s|its|it\s+is|we'?re|we\s+are)\s+"
    r"(?:now\s+)?(?:in\s+)?(?:the\s+)?"
    r"(?:(?P<weekday>%s|mon|tues?|weds?|thu|thurs?|fri|sat|sun)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s+of\s+(?P<dmonth>%s))?"
    r"|(?:(?P<part>start|beginning|end|middle|early|late|mid)(?:\s+of)?[\s-]+)?(?P<month>%s))\b"
    r"(?P<now>\s+(?:now|again|today|already))?" % ("|".join(_WEEKDAYS), _MONTH_RE, _MONTH_RE), re.I)


def _anchor(text: str, today: datetime.date) -> tuple[datetime.date, int, int] | None:
    """The day the patient says it is now, and the span that says it."""
    for m in _ANCHOR_RE.finditer(text):
        if not (m.group("lead") or m.group("now") or re.search(r"\bnow\b", m.group(0), re.I)):
            continue  # "it's March" alone may be when it started
        if m.group("weekday"):
            back = (today.weekday() - _weekday(m.group("weekday"))) % 7
            return today - datetime.timedelta(days=back), m.start(), m.end()
        month_name = m.group("dmonth") or m.group("month")
        month = _month_number(month_name) if month_name else None
        if m.group("day"):
            return _latest_date(today, int(m.group("day")), month), m.start(), m.end()
        part = _MONTH_PART_DAY.get((m.group("part") or "mid").lower(), 15)
        day = _latest_date(today, part, month)
        return day, m.start(), m.end()
    return None


_RESTATED_RE = re.compile(  # "since Jan, so 4 months", "since Easter, that's nine weeks ago"
    r"^\s*[,;:-]?\s*(?:and\s+)?(?:so|that'?s|thats|that\s+is|which\s+is|which\s+makes\s+it|making\s+it"
    r"|i\.?e\.?)?\s*(?:about|around|roughly|approximately|approx\.?|nearly|almost|over|just\s+over)?\s*$", re.I)


def _restated(text: str, candidates: list) -> list:
    """A starting point the patient turns into a length at once ("since Jan, so 4 months")
    gives way to that length: it does not depend on the day the message is read."""
    quantities = {(c[0], c[1]) for c in _quantities(text)}
    dropped = set()
    for point in candidates:
        for q in candidates:
            if ((q[0], q[1]) in quantities and point is not q and (point[0], point[1]) not in quantities
                    and 0 <= q[0] - point[1] <= 30 and _RESTATED_RE.match(text[point[1]:q[0]])):
                dropped.add(point)
    return [c for c in candidates if c not in dropped]


def parse_durations(text: str, today: datetime.date | None = None) -> list[DurationMention]:
    """Every duration stated in `text`, in text order (overlaps: the longest span wins)."""
    if not text or not isinstance(text, str):
        return []
    today = today or datetime.date.today()
    anchor = _anchor(text, today)
    if anchor:  # counted back from the day the patient says it is; that day is no duration
        today, a, b = anchor
        text = text[:a] + " " * (b - a) + text[b:]
    # (start, end, weeks, vague, priority): precise wordings beat vague ones ("9 months now"),
    # then the longest span wins, then the earliest
    candidates = (_births(text) + _quantities(text) + _shorthand(text)
                  + _starting_points(text, today))
    candidates = _restated(text, candidates)
    return choose_mentions(text, candidates, _other_events())


def choose_mentions(text: str, candidates: list[tuple], events: OtherEvents) -> list[DurationMention]:
    """The mentions among (start, end, weeks, vague, priority) candidates: precise wordings
    beat vague ones, then the longest span wins, then the earliest; none that dates another
    event. Shared with the Spanish parser (bot/nlu/duration_es.py)."""
    chosen: list[tuple] = []
    for cand in sorted(candidates, key=lambda c: (c[4], -(c[1] - c[0]), c[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
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
