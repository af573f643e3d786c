"""The name in an answer to the name question that says more than the name.

"My name is Tran Van Minh, surname is Tran", "Helen Brooks, that's B-R-O-O-K-S", "Marta Gil
Romero. Perdón, Romero Gil, que siempre lo escriben al revés": the name with a note about it
(which part is the surname, how it is spelt, the surnames in the other order). Each was
asked for again ("Please tell me your full name") until the chat ended unbooked.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.booking import _CORRECTION_CUE, _name_in_sentences, parse_name

# What may follow a name, after a comma or a full stop, about the name itself: a spelling
# ("A-M-E-S", "with an e", "con z", "se escribe ..."), which part is which ("surname is ...",
# "family name Nguyen", "apellido ..."), or that it is written so ("that's ...", "así, con tilde").
_ABOUT_THE_NAME = re.compile(
    r"^\W*(?:that'?s|thats|it'?s|spelt|spelled|spelling|with (?:an? |two |double )?\w\b"
    r"|(?:my |the |her |his )?(?:sur|family |last |first |middle |given )name"
    r"|se escribe|(?:con|sin) (?:\w|tilde|acento|doble \w)\b|(?:el |mi |su )?(?:apellido|primer nombre|nombre de pila)"
    r"|as in\b|like\b|como se (?:escribe|pronuncia))"
    r"|\b(?:[A-Za-zÑñ][\s.-]){2,}[A-Za-zÑñ]\b", re.I)
_PARTS = re.compile(r"(?<=[^\W\d_]{2})[.,;]\s+")
_CAPITALISED_RUN = re.compile(r"\b[A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]+)+")


def name_in_answer(text: str) -> Optional[str]:
    """The name in an answer to "what name?" that says something about it too, else None."""
    text = (text or "").strip()
    parts = _PARTS.split(text, maxsplit=1)
    name = _name_in_sentences(text)
    if not name and len(parts) == 2 and "?" not in parts[1] and _ABOUT_THE_NAME.search(parts[1]):
        first = parse_name(parts[0])
        name = first if first and len(first.split()) >= 2 else None
    if name and len(parts) == 2:
        return _surnames_reordered(parts[1], name) or name
    return name


def _surnames_reordered(rest: str, name: str) -> Optional[str]:
    """The name with its words in the order a correction beside it gives ("Pilar Sánchez
    Ortega. Perdón, Ortega Sánchez"), else None."""
    if not _CORRECTION_CUE.search(rest):
        return None
    given = name.split()
    lowered = [w.lower() for w in given]
    for run in _CAPITALISED_RUN.finditer(rest):
        words = run.group(0).split()
        said = [w.lower() for w in words]
        if set(said) <= set(lowered) and said != [w for w in lowered if w in said]:
            return " ".join([w for w in given if w.lower() not in said] + words)
    return None
