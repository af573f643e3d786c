"""A booking name corrected at a later question: the new name, or None."""
from __future__ import annotations

import difflib
import re
from typing import Optional

from bot.booking import _CORRECTION_CUE, _NAME_END, parse_name

# "I typed my name wrong, it's Jon not Jhon", "my name should be Dana Whitfield-Jones": a
# correction of the name given earlier, said while a later booking question is pending.
_NAME_WORD = re.compile(r"\b(?:name|surname|nombre|apellidos?)\b", re.I)
_NEW_NAME_AFTER = re.compile(
    r"\b(?:should be|it'?s|it is|is actually|name is|name's|change it to|is|(?:down|it) as"
    r"|to read|make it|name to|es|deber[ií]a ser|se escribe|me llamo|ponga|p[oó]ngalo como"
    # "ponga mi nombre completo: Samuel Ortega Ruiz", "full name: ..."
    r"|(?:nombre|name)(?: completo)?(?: es)?:"
    # "el nombre va completo: Sam Taylor Ramírez", "my full name should read: ..."
    r"|(?:nombre|name)\b[^:.\n]{0,25}:"
    # "la cita es para mi papá: José Luis Hernández", "it's for my mum, Ana Ruiz": whose it is, then the name
    r"|\b(?:para|for) (?:mi|my|su|his|her|our|nuestr[oa]) [^\W\d_]+\s*[:,-])\s+", re.I)
# "it's Jon not Jhon", "put me down as Samantha Taylor rather than Sam"; "es Ximena, no Jimena"
# ("put the name down as ...": what is put is the name's, read from "down as")
_INSTEAD_OF = re.compile(r"\b(?:it'?s|it is|(?:down|me|it) as|me under|put(?! (?:me|my|down|it|her|him|the|that|this|a)\b)|write|make it)\s+(.+?),?\s+(?:not|rather than|instead of)"
                         r"\s+([^\W\d_][\w'’-]*)", re.I)
_INSTEAD_OF_ES = re.compile(r"\bes\s+(.+?),?\s+no\s+([^\W\d_][\w'’-]*)", re.I)


def name_correction(text: str, current: Optional[str]) -> Optional[str]:
    """The corrected name when the text corrects the name already given, else None."""
    text = (text or "").replace("’", "'").strip()
    instead = _INSTEAD_OF.search(text) or _INSTEAD_OF_ES.search(text)
    if current and instead and instead.group(2).lower() in current.lower().split():
        new = parse_name(_NAME_END.split(instead.group(1))[0])  # "Tayler with an e"
        if new and len(new.split()) == 1:  # one word replaced: "Jon not Jhon"
            return " ".join(new if w.lower() == instead.group(2).lower() else w
                            for w in current.split())
        return new
    put = _PUT_AS.search(text)
    if current and put:
        # "could you put Samantha Taylor? Sam is just what everyone calls me": the same person's
        # fuller name (the same surname, or a first name the given one shortens)
        new = parse_name(_NAME_END.split(put.group(1))[0])
        if new and new != current and _same_person(new, current):
            return new
    fuller = _fuller_name_said(text, current)
    if fuller:
        return fuller
    said = _ITS_NOW.search(text)
    if current and said and _CORRECTION_CUE.search(text):
        # "Sorry, typo - it's Sam Tayler, with an e": the same name spelt another way, with no
        # word "name" in it
        new = parse_name(_NAME_END.split(said.group(1))[0])
        if new and new != current and difflib.SequenceMatcher(None, new.lower(), current.lower()).ratio() >= 0.8:
            return new
    if not (_NAME_WORD.search(text) and _CORRECTION_CUE.search(text)):
        return None
    # "its Tayler with an e. Sam Tayler": the whole name said again as a sentence of its own
    whole = _whole_name_said_last(text, current)
    if whole:
        return whole
    rest = re.sub(r"^(?:actually|really|just)\s+", "", _NEW_NAME_AFTER.split(text)[-1], flags=re.I)
    new = parse_name(_NAME_END.split(rest)[0])
    # "no es Sam es Samanta, Samanta Taylor": the name said again in full after a comma
    fuller = parse_name(_NAME_END.split(rest.split(",", 1)[1].strip())[0]) if "," in rest else None
    if new and fuller and fuller.lower().startswith(new.lower()):
        new = fuller
    if new and current and len(new.split()) == 1 < len(current.split()):
        new = _one_word_replaced(new, current, text)
    return new if new and new != current else None


def _whole_name_said_last(text: str, current: Optional[str]) -> Optional[str]:
    """The last sentence when it is a name of two words or more sharing a word with the one
    given, or spelt close to it ("Sam Tayler" for "Sam Taylor"), else None."""
    sentences = [p.strip(" ,;:-") for p in re.split(r"[.!?;\n]+", text) if p.strip(" ,;:-")]
    said = parse_name(sentences[-1]) if len(sentences) > 1 else None
    if not said or not current or len(said.split()) < 2 or said == current:
        return None
    shared = {w.lower() for w in said.split()} & {w.lower() for w in current.split()}
    close = difflib.SequenceMatcher(None, said.lower(), current.lower()).ratio() >= 0.8
    return said if shared or close else None


def _one_word_replaced(new: str, current: str, text: str) -> str:
    """One word of a longer name corrected ("my last name is spelt wrong, it's Tayler"): the
    word the text says (last name / first name), else the one spelt most like it."""
    words = current.split()
    if _LAST_NAME.search(text):
        at = len(words) - 1
    elif _FIRST_NAME.search(text):
        at = 0
    else:
        scores = [difflib.SequenceMatcher(None, new.lower(), w.lower()).ratio() for w in words]
        at = max(range(len(words)), key=scores.__getitem__)
        if scores[at] < 0.6:
            return new
    return " ".join(new if i == at else w for i, w in enumerate(words))


_LAST_NAME = re.compile(r"\b(?:last ?name|surname|family name|apellido)\b", re.I)
_FIRST_NAME = re.compile(r"\b(?:first ?name|given name|nombre de pila)\b", re.I)


_ITS_NOW = re.compile(r"\b(?:it'?s|it is|es)\s+(.+)$", re.I)
_PUT_AS = re.compile(r"\b(?:put(?: me)?(?: down)?(?: as)?|make it|write(?: it)?(?: as)?|change (?:it|that) to"
                     r"|p[oó]ng(?:a|ame|alo)(?: como)?|escr[ií]b(?:a|alo)(?: como)?)\s+(.+)$", re.I)


# "it should be Samantha Taylor-Ruiz", "no es Sam Taylor, es Samuel Taylor Quintero": each
# place a new name may start, tried in turn
_SAID_AS = re.compile(r"\b(?:should be|it'?s|it is|deber[ií]a ser|es)\s+", re.I)


def _fuller_name_said(text: str, current: Optional[str]) -> Optional[str]:
    """The same person's fuller name said after a correction cue ("Sam is a nickname, it
    should be Samantha Taylor"), else None; the old name said again is passed over."""
    if not current or not _CORRECTION_CUE.search(text):
        return None
    for at in _SAID_AS.finditer(text):
        new = parse_name(_NAME_END.split(text[at.end():])[0])
        if new and new.lower() != current.lower() and _same_person(new, current):
            return new
    return None


def _same_person(new: str, current: str) -> bool:
    """Whether a name of two words or more is the same person's as the one given: the same
    surname, or a first name the given one shortens ("Sam" for "Samantha")."""
    new_words, old_words = new.lower().split(), current.lower().split()
    return len(new_words) >= 2 and (new_words[-1] == old_words[-1] or (
        new_words[0] != old_words[0] and new_words[0].startswith(old_words[0])))
