"""A request already sent, then changed: a new contact or time (days kept if only the hours change)."""
from __future__ import annotations

import re
from typing import Optional

from bot.booking import contact_digits_corrected, new_time_in_change, parse_contact

# Parts of the day, by language: a change that names only another one keeps the days known.
_DAY_PARTS = re.compile(r"\b(?:mornings?|afternoons?|evenings?|nights?|ma[ñn]anas?|tardes?|noches?)\b", re.I)
_DAYS = re.compile(r"\b(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?s?\b|\bweekends?\b|\b(?:lunes"
                   r"|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?|fin(?:es)? de semana)\b", re.I)


def time_changed_from(old: Optional[str], text: str) -> Optional[str]:
    """The time already given with only its part of the day changed, when the change names
    another part of the day and no day ("weekday mornings" + "actually afternoons are better,
    not mornings" -> "weekday afternoons"; "entre semana por las mañanas" + "mejor en las
    tardes" -> "entre semana por las tardes"); None when that does not apply."""
    old_parts = {m.group(0).lower() for m in _DAY_PARTS.finditer(old or "")}
    if len(old_parts) != 1 or _DAYS.search(text or ""):
        return None
    new_parts = {m.group(0).lower() for m in _DAY_PARTS.finditer(text or "")} - old_parts
    if len(new_parts) != 1:
        return None
    (was,), (now,) = old_parts, new_parts
    return re.sub(rf"\b{re.escape(was)}\b", now, old, count=1, flags=re.I)


def change_after_booking(text: str, contact: Optional[str], time: Optional[str] = None) -> dict:
    """A detail of a request already sent, changed in a message that answers no triage
    question ("actually afternoons are better", "mejor mándenlo a mi correo: ana@example.com",
    "the number ends 2031 not 2030"): the new contact, else the new time; empty when none.
    The caller makes sure the message carries no clinical detail."""
    new_contact = parse_contact(text) or contact_digits_corrected(text, contact)
    if new_contact and re.sub(r"\W", "", new_contact) != re.sub(r"\W", "", contact or ""):
        return {"booking_contact": new_contact}
    when = (time_changed_from(time, text) or new_time_in_change(text)) \
        if not new_contact and _CHANGE_CUE.search(text or "") else None
    return {"booking_time": when} if when else {}


# Words that make a time said after the booking a change of it, not an answer ("mornings are
# the worst" at "where does it hurt?" is about the pain).
_CHANGE_CUE = re.compile(
    r"\b(?:instead|change|move|better|rather|prefer|after all|actually|can we|could we|make it"
    r"|switch|any chance|don'?t work|doesn'?t work|mejor|cambi\w*|en vez|prefiero|en lugar"
    r"|m[aá]s bien|se me olvid[oó]|ya no me (?:sirve|queda)|no puedo)\b", re.I)
