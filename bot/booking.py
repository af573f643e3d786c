"""Booking details from free text: a name, a phone number or email, a preferred time."""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from bot.nlu.request_words import request_words
from bot.spoken_contact import as_typed

MAX_FIELD = 200

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A run of digits with the usual separators; 7 to 15 digits is a dialable number (E.164 max).
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{5,22}\d")
_NAME_PREFIX = re.compile(
    r"^\s*(?:hi|hello|hey)?[\s,]*(?:(?:my|her|his|their|the) name is|(?:my|her|his|the) name's"
    r"|name is|i am|i'm|im|it's|its|this is|call me|it is|she is|he is|she's|he's"
    r"|me llamo|mi nombre es|soy|se llama|a nombre de)\s+", re.I)
_NAME = re.compile(r"^[^\W\d_][^\W\d_'’. -]*(?:[ '’.-]+[^\W\d_][^\W\d_'’.-]*){0,5}\.?$")
# Words in no one's name: a sentence given in answer to the name question ("my neck", "it
# hurts when I bend over", "weekday mornings", "for minus two years") is not taken as a name.
# (Only words that are not also surnames somewhere: no "Do", "No", "To", "Day", "Weeks".)
_NOT_NAME_WORDS = frozenset("""
    i i'm im i'd i'll i've someone somebody anyone me my mine you your we our they their he she his it it's its is am are was were
    have has had does did don't can't what where when how why which yes yeah yep nope ok okay
    sure please thanks thank hello hi hey bye the and for since about minus years months days
    hurts hurting morning mornings afternoon afternoons evening evenings weekday weekdays
    weekend weekends anytime asap today tomorrow yesterday next any after before noon
    good great fine perfect sounds let's lets book booking appointment consultation
    sorry oops could would put down change wrong right correct incorrect misspelt misspelled
    perdón perdon disculpe disculpa
    monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays
    saturday saturdays sunday sundays mon tue tues wed thu thur thurs fri sat sun
    zero one two three four five six seven eight nine ten eleven twelve
    true false null none nan infinity undefined
    sí si yo quiero cita turno consulta agendar pedir por favor gracias hola bueno vale
    lunes martes miércoles miercoles jueves viernes sábado sabado domingo mañana tarde noche
    semana email e-mail phone correo teléfono telefono número numero celular
    es para mis tus sus que qué pero porque está estoy tengo quisiera necesito
    él ella mío suyo nombre pongo
    if then that that's this possible alright just maybe there here not of to with be like want need
    entonces eso esto posible también tambien igual aunque
    mamá papá suegra suegro esposo esposa marido hijo hija abuela abuelo hermana hermano
    mum mom dad wife husband daughter grandma grandpa
""".split())
# (never "su", "mi", "tu", "son", "papa" or "tio": names and surnames in some families)
# A time unit straight after digits: "for 99999999 years" is not a phone number.
_TIME_UNIT_AFTER = re.compile(r"\s*(?:years?|yrs?|months?|weeks?|wks?|days?|hours?)\b", re.I)


def parse_contact(text: str) -> Optional[str]:
    """The first email address or phone number in the text, normalised for staff."""
    text = as_typed(text)  # "five five five, zero one four two", "ana at example dot com"
    email = _EMAIL.search(text or "")
    if email:
        return email.group(0).lower()
    for match in _PHONE.finditer(text or ""):
        # any script's digits ("٠٥٥٥"), written for staff in the ones they dial
        digits = "".join(str(unicodedata.decimal(c)) for c in match.group(0) if c.isdecimal())
        if _TIME_UNIT_AFTER.match(text, match.end()):
            continue
        if 7 <= len(digits) <= 15:
            return ("+" if match.group(0).startswith("+") else "") + digits
    return None


def name_beside_contact(text: str) -> Optional[str]:
    """The name in a message that also gives the phone or email ("Yesenia Rodríguez,
    555-0178", "luis peña 555-0134"): the name once the contact is taken out."""
    rest = _PHONE.sub(" ", _EMAIL.sub(" ", text or ""))
    return parse_name(" ".join(rest.split()).strip(" ,;:-"))


# A clause that introduces a name ("me llamo Kevin Rodríguez", "soy Lucía Ferrer", "my name
# is Dana"), inside a longer message
_CALL_ME_NOT_NAMED = r"call me(?!\s+(?:back|again|later|today|tomorrow|on|at|when|if|please)\b)"
_INTRODUCED = re.compile(r"\b(?:my name is|my name's|me llamo|mi nombre es|soy|se llama|"
                         + _CALL_ME_NOT_NAMED + ")"
                         r"\s+(.+)$", re.I)
def parse_name(text: str) -> Optional[str]:
    """A person's name: letters (any script), spaces, hyphens, apostrophes; 1 to 6 words."""
    candidate = _NAME_PREFIX.sub("", (text or "").strip()).strip(" .,!")
    if not candidate or len(candidate) > 80 or not _NAME.match(candidate):
        return None
    words = re.split(r"[ .-]+", candidate.lower().replace("’", "'"))
    if any(w in _NOT_NAME_WORDS for w in words) or len(_scripts(candidate)) > 2:
        return None
    if not all(c.isalpha() or c in " '’.-" or unicodedata.category(c).startswith("M")
               for c in candidate):
        return None  # \w also lets through "²", "Ⅻ" and other number-like characters
    return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in candidate.split())


def _scripts(text: str) -> set:
    """The writing systems of the letters ("LATIN", "CYRILLIC", "CJK" for Han and kana...):
    a name uses one or two; random characters from five scripts are not a name."""
    found = set()
    for char in text:
        if char.isalpha():
            script = unicodedata.name(char, "?").split()[0]
            found.add("CJK" if script in ("CJK", "HIRAGANA", "KATAKANA") else script)
    return found


def parse_preferred_time(text: str) -> Optional[str]:
    """Any short description of when suits the patient ("Tuesday morning", "asap")."""
    cleaned = " ".join((text or "").split())
    if len(cleaned) < 2 or not re.search(r"\w", cleaned):
        return None
    return cleaned[:MAX_FIELD]


_CORRECTION_CUE = re.compile(
    r"\b(?:wrong|mistake|typo|typed|misspel\w*|spel(?:t|led)|correct\w*|actually|sorry|oops|"
    r"meant|should be"
    # Spanish: "perdón, escribí mal mi nombre", "me equivoqué", "quise decir"
    r"|mal|equivoqu\w*|error|perd[oó]n(?:e|a)?|disculpe|corrij\w*|en realidad|quise decir|deber[ií]a ser)\b", re.I)
_NAME_END = re.compile(r"[,;!?]|\.(?:\s|$)|\s+(?:not|with|instead|please|rather|as that'?s"
                       r"|no|con|por favor|en vez)\b", re.I)


# Sentence ends, both languages' opening marks too ("Gracias. ¿Tienen citas los sábados?",
# "¡Perfecto! Los lunes"): the one way the booking readers split a message into sentences
SENTENCE_ENDS = re.compile(r"[.!?;¿¡\n]+")


# A booking request that carries the details too ("Yes I want an appointment. My name is
# Tomasz Nowak", "Fine, let's book. Marcus Webb, 555-0190"): a name only when it is said as
# one ("my name is", "her name is") or is a sentence of its own of two words or more, so a
# stray word ("Great.") is never a name.
# ("call me back", "call me on ...": a call back asked for, not a name)
_NAMED = re.compile(r"\b(?:(?:my|her|his|their|the) name(?: is|'s)|name is|" + _CALL_ME_NOT_NAMED
                    + r")\s+", re.I)
_SAID_AS_ME = re.compile(r"(?:^|[,]\s*)\s*(?:i['’]?m|i am|this is)\s+", re.I)


def _name_in_sentences(text: str) -> Optional[str]:
    """A name said as one ("her name is ...", "I'm Priya Natarajan") or as a sentence of its
    own of two words or more ("Harold Pike.", "Let's book, Brenda Hart")."""
    # the phone and email out first: "pili.n@example.net" is no sentence end
    for sentence in SENTENCE_ENDS.split(_PHONE.sub(" ,, ", _EMAIL.sub(" ,, ", text or ""))):
        named = _NAMED.search(sentence)
        if named:
            name = parse_name(_NAME_END.split(sentence[named.end():])[0])
            if name:
                return name
            continue
        said = _SAID_AS_ME.search(sentence)
        if said:  # "I'm Priya Natarajan": only capitalised words, so "I'm in agony" is none
            words = _NAME_END.split(sentence[said.end():])[0].split()
            if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
                name = parse_name(" ".join(words))
                if name:
                    return name
        if ",," in sentence:
            continue  # the name before a phone or email is _name_introduced's ("al 555...")
        bare = sentence.strip(" ,;:-")
        # the whole sentence, else its last comma-separated part ("Let's book, Brenda Hart")
        for part in [bare] + bare.split(",")[1:][::-1]:
            part = part.strip()
            if part is not bare and not all(w[:1].isupper() for w in part.split()):
                continue  # a comma part is a name only written as one: "no cancer" is none
            if len(part.split()) >= 2 and not _NAME_PREFIX.match(part):
                name = parse_name(part)
                if name:
                    return name
    return None


def _name_introduced(text: str, contact: Optional[str]) -> Optional[str]:
    """A name introduced inside a clause ("Sí quiero cita. Me llamo Kevin Rodríguez"), or of
    two words or more right before the phone or email ("Yaritza Colón, 555-0188")."""
    for clause in re.split(r"[.;!?\n]+", text or ""):
        introduced = _INTRODUCED.search(clause)
        name = parse_name(re.split(r",", introduced.group(1))[0]) if introduced else None
        if not name and contact:
            hit = _first_contact(clause)
            if hit:
                before = re.split(r"[,:]", clause[:hit.start()].strip(" ,;:-"))[-1].strip(" ,;:-")
                name = parse_name(re.sub(r"\b(?:mi|my)\s+(?:cel|celular|tel[eé]fono|n[uú]mero"
                                         r"|correo|phone|number|email)\s*(?:es|is)?\s*$"
                                         r"|\s+(?:al|a|en|to|at|on)\s*$", "",
                                         before, flags=re.I).strip(" ,;:-"))
                # one word before a number is as often "al" (to) or "cel" as a name: asked
                name = name if name and " " in name else None
        if name:
            return name
    return None


# When a message gives the contact with other details around it ("Jas Patel 555-0139 tues
# or wed evening"): what comes after the contact is the preferred time when it says a time.
_TIME_WORDS = re.compile(
    r"\b(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?s?\b|\b(?:morning|afternoon|evening"
    # "am" alone is the verb ("I am in a wheelchair"): a time only as "a.m." or after a number
    r"|weekday|weekend|noon|midday|lunch|anytime|any ?time|asap|o'?clock|a\.m\.?|p\.?m\b)|\b\d{1,2}\s*[ap]\.?m\b"
    r"|\b(?:after|before|around)\s+\d{1,2}\b|\b(?:lunes|martes|mi[eé]rcoles|jueves|viernes"
    r"|s[aá]bados?|domingos?|mañanas?|tardes?|noches?|semana|cualquier (?:hora|d[ií]a))\b", re.I)


def names_a_time(text: str) -> bool:
    """Whether the text names a day or a time of day ("por las mañanas", "Tuesday 3pm")."""
    return bool(_TIME_WORDS.search(text or ""))


# "the end should be 2300 not 2030", "it's 4471 at the end, not 4417": part of the phone
# number corrected (the digits taken back, then or before, the new ones).
_DIGITS_FIXED = re.compile(r"\b(\d{2,6})\s*,?\s*(?:not|instead of|rather than|no)\s+(\d{2,6})\b", re.I)
_DIGITS_FIXED_AFTER = re.compile(r"\bnot\s+(\d{2,6})\b[^\d]{0,20}?\b(?:but|it'?s|should be|is)\s+(\d{2,6})\b",
                                 re.I)


def contact_digits_corrected(text: str, contact: Optional[str]) -> Optional[str]:
    """The phone number given earlier with the part the patient corrects replaced ("I typed
    it wrong, the end should be 2300 not 2030"), else None. The part taken back must be in
    the number once, and the new part as long as it."""
    if not contact or "@" in contact or not _CORRECTION_CUE.search(text or ""):
        return None
    found = _DIGITS_FIXED.search(text or "")
    new, old = (found.group(1), found.group(2)) if found else (None, None)
    if not found:
        after = _DIGITS_FIXED_AFTER.search(text or "")
        if not after:
            return None
        old, new = after.group(1), after.group(2)
    if len(new) != len(old) or contact.count(old) != 1:
        return None
    at = contact.rfind(old)
    return contact[:at] + new + contact[at + len(old):]


def time_beside_question(text: str) -> Optional[str]:
    """The preferred time in an answer to "when?" that also asks something ("Tuesday or
    Wednesday morning works. Also, do I need to send my old X-rays?"): the sentences that
    name a time and ask nothing ("Saturday if you open, if not Monday" is one); None when
    every time is asked about ("are you open on Saturdays?")."""
    said = [s.strip(" ,;:-") for s in re.split(r"(?<=[.!?;\n])\s*", text or "")
            if _TIME_WORDS.search(s) and not s.strip().endswith("?")]
    return parse_preferred_time(" ".join(said)) if said else None


def time_after_contact(text: str) -> Optional[str]:
    """The preferred time said after the phone or email (the last of them) in the same
    message, else None."""
    found = _last_contact(text)
    if not found:
        return None
    rest = (text or "")[found.end():].strip(" ,;:-.")
    rest = re.sub(r"^(?:and|,|best|ideally|preferably)\s+", "", rest, flags=re.I)
    return parse_preferred_time(rest) if _TIME_WORDS.search(rest) else None


# How a phone or email is introduced at the end of a sentence ("mi cel es", "my number is")
_CONTACT_INTRO = re.compile(r"\b(?:(?:mi|my|el|the|su|her|his)\s+)?(?:cel|celular|m[oó]vil|tel[eé]fono|n[uú]mero|correo"
                            r"|phone|number|cell|mobile|email|e-mail)(?:\s+(?:es|is))?\s*:?\s*$", re.I)


def time_before_contact(text: str) -> Optional[str]:
    """The preferred time said before the phone or email in an answer to the contact question
    ("ah bueno, entonces el viernes ya tarde, después de las 4. mi cel es 555-0143"): the
    sentences before it that name a time and ask nothing, else None."""
    found = _first_contact(text)
    if not found:
        return None
    before = _CONTACT_INTRO.sub("", (text or "")[:found.start()].rstrip(" ,;:-"))
    said = [s.strip(" ,;:-") for s in re.split(r"(?<=[.!;\n])\s*", before)
            if _TIME_WORDS.search(s) and "?" not in s]
    return parse_preferred_time(" ".join(said)) if said else None


def new_time_in_change(text: str) -> Optional[str]:
    """The new preferred time in a request to change one already sent ("mejor cámbiemelo
    para las tardes, que en las mañanas trabajo. Entre semana por la tarde.", "can you move
    it to Thursday afternoon?"): the sentences that name a time, less those that say a time
    does not suit ("Mornings don't work for me after all"), else the last that names one;
    None when none does."""
    for splitter in (SENTENCE_ENDS, _CHANGE_SENTENCES):  # whole sentences first, then clauses
        timed = [_ASKED_AS.sub("", s.strip(" ,;:-")).strip(" ,;:-")
                 for s in splitter.split(text or "") if _TIME_WORDS.search(s)]
        suiting = [s for s in timed if not request_words().not_suiting.search(s.replace("’", "'"))]
        if suiting:
            return parse_preferred_time(", ".join(suiting))
    return parse_preferred_time(timed[-1]) if timed else None


# How a new time is asked for, around the time itself ("could it be any weekday after 4pm
# instead?" -> "any weekday after 4pm"; "¿puede ser los jueves por la tarde mejor?")
_ASKED_AS = re.compile(
    r"^(?:(?:and|so|but|ok|okay|y|pues)\W+)?(?:(?:could|can|would) (?:it|we|you) (?:be|do|make it|change it to|move it to|switch it to)"
    r"|how about|what about|maybe|(?:se )?(?:puede|podr[ií]a) ser|(?:me )?(?:lo|la) (?:pueden|puede|podr[ií]an) (?:cambiar|pasar|mover) (?:a|para)"
    # voseo and the plain present: "¿me lo pasás para los viernes?", "¿lo podés cambiar a la tarde?"
    r"|(?:me )?(?:lo|la) (?:pas[aá]s|cambi[aá]s|mov[eé]s|pasa|cambia|mueve|pasan|cambian|mueven"
    r"|pod[eé]s (?:cambiar|pasar|mover)) (?:a|para))\s+"
    r"|\s+(?:instead|please|pls|then|en vez|mejor|por favor)$", re.I)


# A sentence that says a time does not suit is left whole when another sentence gives the new
# one ("mejor cámbiemela para la tarde, que en la mañana no puedo. Los lunes por la tarde.");
# split at its commas only when no whole sentence does ("mornings don't work anymore, could it
# be thursday evenings instead?")
# Sentences and comma clauses of a change ("mornings are out now, could it be fridays?")
_CHANGE_SENTENCES = re.compile(SENTENCE_ENDS.pattern + r"|,\s*")


def details_in_request(text: str) -> dict:
    """The booking details a patient gives in the message that asks to book ("Yes, an
    appointment please. Harold Pike.", "Sí quiero cita. Me llamo Kevin Rodríguez", "Fine,
    let's book. Marcus Webb, 555-0190 tues evening"), so the booking asks only for what is
    missing: the name when said as one, the phone or email, and a time said after them.
    The one reader of a request's details (English and Spanish)."""
    found = {}
    contact = parse_contact(text)
    name = _name_in_sentences(text) or _name_introduced(text, contact)
    if name:
        found["booking_name"] = name
    if contact:
        found["booking_contact"] = contact
        when = time_after_contact(text)
        if when:
            found["booking_time"] = when
    return found


def _first_contact(text: str):
    """The earliest phone number or email in the text (its match), else None."""
    found = [m for m in (_EMAIL.search(text or ""), _PHONE.search(text or "")) if m]
    return min(found, key=lambda m: m.start()) if found else None


def _last_contact(text: str):
    """The last phone number or email in the text (its match), else None."""
    found = list(_EMAIL.finditer(text or "")) + list(_PHONE.finditer(text or ""))
    return max(found, key=lambda m: m.end()) if found else None


def name_before_contact(text: str) -> Optional[str]:
    """The name said before the phone or email ("Jas Patel 555-0139 tues evening", "its
    Jessica Nguyen, 555-0147 and jess@example.com": before the first of them)."""
    found = _first_contact(text)
    if not found:
        return None
    return parse_name((text or "")[:found.start()].strip(" ,;:-"))


def name_with_contact(text: str) -> Optional[str]:
    """The name in an answer to the name question that also gives the phone or email, however
    it is put ("Jennifer Morales, 555-0155, jen@example.com, weekday afternoons", "Her name is
    Rosa Delgado, but call me, I'm her daughter, 555-0181")."""
    return name_beside_contact(text) or name_before_contact(text) \
        or _name_in_sentences(text) or _name_introduced(text, parse_contact(text))
