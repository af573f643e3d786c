"""Requests about a booking in free text: to book (whatever else is said), and whose name to give."""
from __future__ import annotations

import re

from bot.nlu.request_words import request_words

# A request to book said beside something else ("whats a consult cost. ok book it", "Fine,
# let's book. Marcus Webb, 555-0190"): the words are data (vocab/requests.yml `book`, and
# vocab/es/requests.yml), never "booked" or "my booking" (a request already made).


def asks_to_book(text: str) -> bool:
    """Whether the message asks to book, whatever else it says or asks; a booking refused in
    so many words ("no quiero hacer cita con una máquina", "I don't want to book") is none."""
    text = (text or "").replace("’", "'")
    return any(not _REFUSED.search(text[max(0, m.start() - 30):m.start()])
               and not (_WANTING.match(m.group()) and _NOT.search(text[max(0, m.start() - 10):m.start()]))
               for m in request_words().book.finditer(text))


# ... or a "no" just before booking words that start with the wanting ("no quiero una cita")
_WANTING = re.compile(r"(?:quiero|deseo|necesito|want|wanna|need)\b", re.I)
_NOT = re.compile(r"\b(?:no|don't|dont|do not|never|nunca|ni)\s+$", re.I)
# Refusing words just before a booking's words ("no quiero hacer cita", "I don't want to book").
_REFUSED = re.compile(r"(?:\b(?:no (?:quiero|deseo|necesito|voy a)|don't (?:want|need)|do not (?:want|need)"
                      r"|not (?:going|gonna|want(?:ing)?))\s+(?:\w+\s+){0,2})$", re.I)


# Asked at the name question whose name to give ("es para mi papá, ¿pongo el nombre de él o el
# mío?", "should I put my name or my mum's?"): a question, never a name.
_WHOSE_NAME = re.compile(
    r"\b(?:whose name|(?:my|his|her|their) name or (?:mine|his|hers|theirs|my \w+'?s?)"
    r"|(?:put|give|use) (?:my|his|her) name or"
    r"|(?:el )?nombre (?:de (?:él|el|ella)|del paciente|de mi \w+|m[ií]o|suyo)(?: o (?:el )?(?:m[ií]o|suyo|de \w+))"
    r"|\bo el m[ií]o\b|\b(?:mi|su) nombre o el (?:de|suyo|m[ií]o)\b|\bqui[eé]n (?:pongo|va) (?:de|como) nombre|a nombre de qui[eé]n (?:la|lo) (?:pongo|hago|saco))",
    re.I)


def asks_whose_name(text: str) -> bool:
    """Whether the message asks whose name the booking should carry (booking for someone else)."""
    return bool(_WHOSE_NAME.search((text or "").replace("’", "'")))
