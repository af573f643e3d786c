"""A name an earlier message gave in so many words, so the booking does not ask for it again."""
from __future__ import annotations

import re
from typing import List, Optional

from bot.booking import _EMAIL, _NAME_END, _PHONE, SENTENCE_ENDS, parse_name

# Capitalised words of a greeting or a courtesy, never a name given alone ("Buenas Tardes",
# "Good Evening Doctor").
_NOT_A_NAME = re.compile(r"\b(?:buen[oa]s?|tardes?|noches?|d[ií]as|saludos|se[ñn]or(?:it)?a?|doctor[a]?|dr|dra"
                         r"|evening|afternoon|morning|night|doctor|nurse|sir|madam|ma'?am|miss|bless|god|dios"
                         r"|bendiga|amor|nena|mija|mijo|cari[ñn]o|querid[oa]|claro|supuesto|vale|listo|perfecto|okay|ok|call|ring|phone|back|please)\b", re.I)


def written_as_a_name(text: str, entities: List[dict]) -> bool:
    """A message that is only a person's name as one writes it: two to five words, each with
    a capital letter first, no digit, no question, nothing clinical in it but a medicine read
    in one of its capitalised words ("Rivera" is no drug)."""
    said = (text or "").strip().rstrip(".!")
    words = said.split()
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words) or _NOT_A_NAME.search(said):
        return False
    if any(e.get("entity") != "treatment" for e in entities):
        return False
    return parse_name(said) is not None


# A name given in so many words, the patient's own or the one typed for ("her name is"; not
# "my daughter's name is", a helper's).
_NAMED_BEFORE = re.compile(r"(?:(?<![\w'’])(?:(?:my|her|his|their) name(?: is|'s)|me llamo|mi nombre es"
                           r"|su nombre es|(?:ella|él|el paciente|la paciente) se llama)|(?:^|[,;:])\s*se llama)\s+",
                           re.I)


def name_said_before(texts: List[str]) -> Optional[str]:
    """The name an earlier message gave in so many words ("her name is Rosemary Example",
    "mi mamá se llama Ana Ruiz"), the latest first: the booking does not ask for it again."""
    for text in reversed(texts):
        for sentence in SENTENCE_ENDS.split(_PHONE.sub(" ,, ", _EMAIL.sub(" ,, ", text or ""))):
            named = _NAMED_BEFORE.search(sentence)
            if not named:
                continue
            # the capitalised words that follow ("Ana Ruiz Soto y tiene 80 años": Ana Ruiz Soto)
            words = _NAME_END.split(sentence[named.end():])[0].split()
            run = []
            for word in words:
                if not (word[:1].isupper() or (run and word.lower() in _PARTICLES)):
                    break
                run.append(word)
            while run and run[-1].lower() in _PARTICLES:
                run.pop()
            name = parse_name(" ".join(run).strip(" .,")) if run else None
            if name:
                return name
    return None


def name_given_alone(user_events: List[dict]) -> Optional[str]:
    """The name an earlier message was, alone ("Priya Natarajan" typed at another question,
    read as contact details), the latest first: the booking does not ask for it again."""
    for event in reversed(user_events):
        parsed = event.get("parse_data") or {}
        text = (event.get("text") or "").strip().rstrip(".!")
        if (parsed.get("intent") or {}).get("name") == "give_contact" \
                and written_as_a_name(text, parsed.get("entities") or []):
            return parse_name(text)
    return None


_PARTICLES = {"de", "del", "la", "las", "los", "van", "von", "da", "di", "y"}
