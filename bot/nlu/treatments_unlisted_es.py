"""A medicine taken under a name no list knows is still a medicine tried (Spanish).

"me tomé un Mejoral", "me pongo Zorritone", "tomé unas pastillas de Dolofin": a first-person
taking or applying verb followed by a word that is no ordinary Spanish or English word and that
the vocabularies did not read is a brand the patient took. Over the counter, unless the clause
says a doctor gave it ("me recetó", "el doctor me dio"); a drug the dictionary knows keeps its
own kind, and one that never treats pain ("omeprazol") or a medicine for another condition
("para la presión") is no treatment. Denied ("no me tomé el Dolofin") or already read by a
vocabulary, nothing is added. The verbs are grammar, not clinical vocabulary: kept here.
"""
from __future__ import annotations

import re
from typing import List, Sequence

from bot.nlu.clinical import Mention

_TAKE = re.compile(
    r"(?<![\w])(?P<neg>(?:no|nunca)\s+(?:\w+\s+)?)?(?:me\s+)?(?:tom[eé]|tomo|tomaba|he\s+tomado|me\s+he\s+tomado"
    r"|estoy\s+tomando|me\s+estoy\s+tomando|me\s+tomo|me\s+tom[eé]|me\s+pongo|me\s+puse|me\s+unto|me\s+unt[eé]"
    r"|me\s+aplico|me\s+apliqu[eé]|me\s+he\s+puesto)\s+"
    r"(?:(?:un|una|unos|unas|el|la|los|las|mi|mis|dos|tres)\s+)?"
    r"(?:(?:pastillas?|tabletas?|c[aá]psulas?|gotas|pomada|crema|ungüento|sobres?|ampolletas?|parches?)\s+(?:de|del)\s+)?"
    r"(?P<name>[A-Za-zÁÉÍÓÚáéíóúÑñ][\w-]{3,})", re.I)
_OTHER_CONDITION = re.compile(
    r"^[^,.;!?]{0,30}\bpara\s+(?:el|la|los|las|mi|mis)?\s*(?:az[uú]car|presi[oó]n|diabetes|colesterol|tiroides"
    r"|est[oó]mago|gastritis|dormir|ansiedad|depresi[oó]n|coraz[oó]n|tos|grip[ae]|resfriado|alergia|nervios)",
    re.I)
_PRESCRIBED = re.compile(r"\b(?:me\s+recet\w+|receta|doctor\w*|m[eé]dic[oa]|doc)\b", re.I)
_CLAUSE = re.compile(r"[.;!?\n]")
_DIMINUTIVE = re.compile(r"(?:it|cit)[oa]s?$")
_NOT_MEDICINE = frozenset({"uber", "lyft", "taxi", "didi", "chela", "chelas", "birra", "birras", "tequila",
                           "mezcal", "pulque", "cafe", "te", "agua", "fresco"})


def _ordinary(word: str) -> bool:
    from spacy.lang.es.stop_words import STOP_WORDS

    from bot.nlu.drugs import MIN_MISSPELT_LENGTH, english_words, spanish_words

    low = word.lower()
    plain = low.translate(str.maketrans("áéíóúüñ", "aeiouun"))
    if _DIMINUTIVE.search(plain) or plain in _NOT_MEDICINE:
        return True  # "un tecito", "un cafecito"; a ride
    if low in STOP_WORDS or low in english_words() or plain in english_words():
        return True
    if len(low) >= MIN_MISSPELT_LENGTH:
        return low in spanish_words() or plain in spanish_words()
    return not word[:1].isupper()  # a short name counts only when written as a name: "Dolex"


def unlisted_medicines(text: str, mentions: Sequence[Mention]) -> List[Mention]:
    """`mentions` and a treatment for each medicine taken under a name no list knows."""
    from bot.nlu.drugs import NOT_FOR_PAIN, find_medicines

    found = list(mentions)
    for m in _TAKE.finditer(text):
        start, end = m.span("name")
        name = m.group("name").strip("-")
        if m.group("neg") or any(t.start < end and start < t.end for t in mentions) or _ordinary(name):
            continue
        if _OTHER_CONDITION.match(text, end):
            continue
        known = find_medicines([name], not_for_pain=True)
        if known and known[0][2] == NOT_FOR_PAIN:
            continue
        clause_start = max((c.end() for c in _CLAUSE.finditer(text, 0, start)), default=0)
        value = known[0][2] if known else (
            "prescription_medication" if _PRESCRIBED.search(text[clause_start:start]) else "otc_medication")
        found.append(Mention("treatment", value, start, end, text[start:end], False, "patient", "unlisted"))
    return sorted(found, key=lambda t: (t.start, t.end))
