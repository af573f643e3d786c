"""A patient's stated age ("I'm 15", "16 years old", "14 yo here"): numbers, not guesses.

The intent classifier cannot compare numbers: it reads "I'm 52" as a teenager as easily as
"I'm 15". The service is for adults (clinic.yml `min_patient_age`), so the stated age decides.
"""
from __future__ import annotations

import re
from typing import Optional

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
_AGE = [
    # "just turned" is the writer's only when nobody else is its subject ("he just turned 3")
    re.compile(rf"(?:\b(?:i'?m|i am|im|aged?|age is|i(?:'ve|\s+have)?\s+just turned)|^just turned)"
               rf"\s+(?:only\s+|just\s+)?{_NUMBER}\b"
               r"(?!\s*(?:weeks?|months?|days?|hours?|minutes?|kg|kilos?|lbs?|pounds?|stone|"
               r"cm|feet|ft|inches?|%|percent|times?|out of|/))", re.I),
    # "15 years old", "12-year-old", "14 yo" (never "6 years" alone: that is a duration)
    re.compile(rf"\b{_NUMBER}\s*(?:[- ]?(?:years?|yrs?)[- ]?old|y/?o)\b", re.I),
    # Spanish: "tengo 16 años", "cumplí 17", "15 años de edad" (never "tengo 3 años con este
    # dolor": that is how long it has hurt)
    re.compile(r"\b(?:tengo|cumpl[ií]|voy\s+a\s+cumplir|edad\s+de|edad:?)\s+(?:apenas\s+|s[oó]lo\s+|solo\s+)?"
               r"(\d{1,3})(?:\s+a[ñn]os)?\b(?!\s+a[ñn]os)"
               r"(?!\s*(?:con|que|as[ií]|sufriendo|padeciendo|aguantando|de\s+dolor|meses|semanas|d[ií]as|kilos?|%))",
               re.I),
    re.compile(r"\b(?:tengo|cumpl[ií])\s+(?:apenas\s+|s[oó]lo\s+|solo\s+)?(\d{1,3})\s+a[ñn]os\b"
               r"(?!\s+(?:con|que|as[ií]|sufriendo|padeciendo|aguantando|de\s+dolor|desde))", re.I),
    re.compile(r"\b(\d{1,3})\s+a[ñn]os\s+de\s+edad\b", re.I),
]


def stated_age(text: str) -> Optional[int]:
    """The age the writer gives for themselves, or None. An impossible one ("I'm 150 years
    old") is returned too: whatever it is, it is not a minor's."""
    for pattern in _AGE:
        match = pattern.search(text or "")
        if match:
            raw = match.group(1).lower()
            age = int(raw) if raw.isdigit() else _WORDS[raw]
            if age > 0:
                return age
    return None


# Any number, in digits (with separators, "1,000,000", "2^64") or as a word up to nineteen.
_ANY_NUMBER = re.compile(r"\d[\d,.^*]*|\b(?:%s)\b" % "|".join(_WORDS), re.I)
# A number counting a length of time, not an age: "for 5 years", "99999999 weeks".
_DURATION_NUMBER = re.compile(
    r"(?:\d[\d,.^*]*|\b(?:%s))\s*-?\s*(?:years?|yrs?|months?|weeks?|wks?|days?|decades?"
    r"|a[ñn]os|meses|semanas|d[ií]as)\b"
    r"(?!\s*-?\s*old)" % "|".join(_WORDS), re.I)


# A number telling the time of day, not an age: "a las 2", "at 10", "2pm", "10:30", "after 5".
_CLOCK_NUMBER = re.compile(
    # (and another hour as the choice: "a las 9 o 10", "at 9 or 10")
    r"\b(?:a|de|desde|hasta|antes\s+de|despu[eé]s\s+de)\s+las?\s+\d{1,2}(?:[:.]\d{2})?(?:\s*(?:o|y|-)\s*\d{1,2}(?:[:.]\d{2})?)?\b"
    r"|\b(?:at|around|by|after|before|until|till|from)\s+\d{1,2}(?:[:.]\d{2})?(?:\s*(?:or|and|-)\s*\d{1,2}(?:[:.]\d{2})?)?\b(?!\s*(?:years?|yrs?)\b)"
    r"|\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?|hrs\b|h\b)|\b\d{1,2}:\d{2}\b"
    # hours from one time to another ("trabajo de 8 a 5", "I work 9 to 5", "open 8-4")
    r"|\b(?:(?:de|from)\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:a|to|-|–|till|until|hasta)\s*\d{1,2}(?:[:.]\d{2})?\b"
    r"(?!\s*(?:years?|yrs?|a[ñn]os|months?|meses|weeks?|semanas)\b)", re.I)


# Someone's age told in Spanish after who they are: "mi hija de 13 años", "un niño de 9 años".
_AGE_AFTER_PERSON = re.compile(
    r"\b(?:hij[oa]s?|ni[ñn][oa]s?|niet[oa]s?|sobrin[oa]s?|chamac[oa]s?|muchach[oa]s?|chic[oa]s?|"
    r"adolescentes?|chav[oa]s?|beb[eé]s?)\s+(?:de\s+)?\d{1,2}\s+a[ñn]os\b", re.I)


def no_number_is_an_age(text: str) -> bool:
    """True when the text has numbers and every one of them is a length of time or a time of
    day: then the numbers say nothing about the writer's age ("for 5 years", "for 99999999
    years", "years, 5 maybe", "mornings, my son starts work at 2": a number next to "years
    old" or "aged" is an age)."""
    from bot.nlu.duration import parse_durations

    # a number's own characters, not the comma or full stop after it ("at 4, my son ...")
    numbers = [(m.start(), m.start() + len(m.group().rstrip(",."))) for m in _ANY_NUMBER.finditer(text or "")]
    ages_of_others = [m.span() for m in _AGE_AFTER_PERSON.finditer(text or "")]
    if any(s <= a and b <= e for s, e in ages_of_others for a, b in numbers):
        return False  # "mi hija de 13 años": an age, though "13 años" reads as a length too
    spans = [m.span() for m in _DURATION_NUMBER.finditer(text or "")]
    spans += [m.span() for m in _CLOCK_NUMBER.finditer(text or "")]
    spans += [(d.start, d.end) for d in parse_durations(text or "")]
    return bool(numbers) and all(any(s <= a and b <= e for s, e in spans) for a, b in numbers)


# Someone else the message is about. "Asking for my mum, she's 82" is an adult's pain,
# whatever the classifier made of "asking for my ..."; a child of the writer's is not.
_ADULT_RELATIVE = re.compile(
    r"\b(?:my|our)\s+(?:mum|mom|mother|mam|dad|father|wife|husband|spouse|partner|"
    r"grand(?:ma|mother|pa|father|ad)|gran|granny|nan|nana|aunt|auntie|uncle|"
    r"(?:mother|father)[- ]in[- ]law|fianc[eé]e?|boyfriend|girlfriend)\b", re.I)
_CHILD_RELATIVE = re.compile(
    r"\b(?:my|our)\s+(?:son|daughter|child|kid|kids|boy|girl|baby|teen(?:ager)?|"
    r"little one|grand(?:son|daughter|child))\b", re.I)
# "she's 82", "my son is 25": another person's age (never "he's had it 3 weeks")
_THEIR_AGE = re.compile(
    rf"\b(?:she|he|they|my\s+[a-z-]+)(?:'s|\s+is|\s+are|'re)\s+(?:only\s+|just\s+)?{_NUMBER}\b"
    r"(?!\s*(?:weeks?|months?|days?|hours?|times?|kg|lbs?|%))", re.I)


def about_an_adult(text: str, min_age: int) -> bool:
    """True when the message is about someone else who is an adult: their stated age at or
    over min_age, or, with no age, an adult relative named and no child of the writer's."""
    match = _THEIR_AGE.search(text or "")
    if match:
        raw = match.group(1).lower()
        return (int(raw) if raw.isdigit() else _WORDS[raw]) >= min_age
    return bool(_ADULT_RELATIVE.search(text or "")) and not _CHILD_RELATIVE.search(text or "")


# What a minor's message says of its age: a number (digits, or a number word in English or
# Spanish up to nineteen), or a word for being young or for a child ("I'm in high school", "my
# son", "soy menor de edad", "voy en la prepa"). A message with neither ("Hello dear, my back
# has been sore", "hola, tengo dolor de espalda baja muy fuerte") says nothing of an age.
_SPANISH_NUMBERS = (r"uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
                    r"|quince|diec[ií]s[eé]is|diecisiete|dieciocho|diecinueve|dieci\w+")
_YOUTH = re.compile(
    r"\b(?:minor|under\s*age|underage|under\s*(?:18|eighteen)|teen\w*|high ?school|school\w*|kids?"
    r"|child\w*|adults?|grown|parents?|guardian|junior|sophomore|freshman|grade|student|young|youth"
    r"|juvenile|sixth\s+form|college|years?\s+old|yo|son|daughter|stepson|stepdaughter|boy|girl"
    r"|grand(?:son|daughter|child)"
    r"|menor(?:es)?|adolescente\w*|chav[oa]s?|ni[ñn][oa]s?|chamac[oa]s?|chic[oa]s?|muchach[oa]s?"
    r"|hij[oa]s?|niet[oa]s?|joven|padres|tutor|escuela|colegio|secundaria|prepa\w*|bachillerato"
    r"|instituto|liceo|mis pap[aá]s|mi mam[aá] no sabe|a[ñn]os|%s)\b" % _SPANISH_NUMBERS, re.I)


def says_nothing_of_age(text: str) -> bool:
    """True when the message has no number and no word for being young: the classifier's
    "under 18" for it is a guess from other words (Spanish "tengo ..." is both "I am 15" and
    "I have back pain"), and a patient must never be turned away on a guess."""
    return not _ANY_NUMBER.search(text or "") and not _YOUTH.search(text or "")
