"""Booking details from free text: a name, a phone number or email, a preferred time."""
from __future__ import annotations

import re
from typing import Optional

MAX_FIELD = 200

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A run of digits with the usual separators; 7 to 15 digits is a dialable number (E.164 max).
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{5,22}\d")
_NAME_PREFIX = re.compile(
    r"^\s*(?:hi|hello|hey)?[\s,]*(?:my name is|my name's|name is|i am|i'm|im|it's|its|this is"
    r"|call me|it is)\s+", re.I)
_NAME = re.compile(r"^[^\W\d_][^\W\d_'’. -]*(?:[ '’.-]+[^\W\d_][^\W\d_'’.-]*){0,5}\.?$")


def parse_contact(text: str) -> Optional[str]:
    """The first email address or phone number in the text, normalised for staff."""
    email = _EMAIL.search(text or "")
    if email:
        return email.group(0).lower()
    for match in _PHONE.finditer(text or ""):
        digits = re.sub(r"\D", "", match.group(0))
        if 7 <= len(digits) <= 15:
            return ("+" if match.group(0).startswith("+") else "") + digits
    return None


def parse_name(text: str) -> Optional[str]:
    """A person's name: letters (any script), spaces, hyphens, apostrophes; 1 to 6 words."""
    candidate = _NAME_PREFIX.sub("", (text or "").strip()).strip(" .,!")
    if not candidate or len(candidate) > 80 or not _NAME.match(candidate):
        return None
    return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in candidate.split())


def parse_preferred_time(text: str) -> Optional[str]:
    """Any short description of when suits the patient ("Tuesday morning", "asap")."""
    cleaned = " ".join((text or "").split())
    if len(cleaned) < 2 or not re.search(r"\w", cleaned):
        return None
    return cleaned[:MAX_FIELD]
