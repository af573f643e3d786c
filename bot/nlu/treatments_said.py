"""Treatments said in a way that changes what the matcher read.

Taken back by correcting words ("not physio, it was chiro"), or asked about and had at once
("do you do epidurals? had one")."""
from __future__ import annotations

import dataclasses
import re
from typing import Any, Dict, List, Sequence

from bot.nlu.clinical import Mention
from bot.nlu.request_words import request_words


def treatments_taken_back(text: str, mentions: Sequence[Mention], extractor: str) -> List[Dict[str, Any]]:
    """Treatments the patient says, in correcting words, were not had after all ("not physio,
    it was chiro", "al final no fui a la fisioterapia"): `treatment_taken_back`, which takes
    one given earlier off (bot/slots.py). Never a treatment in a question."""
    if not request_words().taken_back.search(text.replace("’", "'")):
        return []
    treatments = [m for m in mentions if m.label == "treatment"]
    return [{"entity": "treatment_taken_back", "value": m.value, "start": m.start, "end": m.end,
             "confidence_entity": 1.0, "extractor": extractor}
            for m in treatments if (m.negated or _said_then_corrected(text, m, treatments))
            and m.experiencer == "patient"
            and "?" not in re.split(r"[.!;\n]", text[m.end:], maxsplit=1)[0]
            and "¿" not in re.split(r"[.!?;\n]", text[:m.start])[-1]]


# "antes he dicho fisioterapia pero en realidad fue el quiropráctico", "I said physio earlier
# but it was really the chiropractor": what was said before, then another treatment after "but"
_SAID_BEFORE = re.compile(r"\b(?:(?:he|hab[ií]a) (?:dicho|puesto|escrito)|dije|puse|escrib[ií]"
                          r"|i (?:said|put|wrote|typed|told you|mentioned))(?:\s+(?:que|earlier|before|antes))?"
                          r"(?:\s+(?:el|la|los|las|un|una|the|a))?\s*$", re.I)
_BUT_AFTER = re.compile(r"\s*(?:earlier|before|antes)?\s*,?\s*(?:pero|but)\b", re.I)


def _said_then_corrected(text: str, mention: Mention, treatments: Sequence[Mention]) -> bool:
    return bool(_SAID_BEFORE.search(text[max(0, mention.start - 40):mention.start])
                and _BUT_AFTER.match(text, mention.end)
                and any(other.start > mention.end for other in treatments))


# A treatment asked about, then said to have been had: "do you do epidurals? had one in 2022"
_HAD_AFTER_ASKING = re.compile(
    r"(?:\s+[\w']+){0,4}?\s*\?+\s*(?:(?:but|and|well|cause|because|coz|as)\s+)?(?:i\s+|i'?ve\s+|i\s+have\s+|we\s+)?(?:already\s+)?"
    r"(?:had|got|tried|done)\s+(?:one|it|them|those|that|a\s+couple|a\s+few|two|three|some)\b", re.I)


def had_after_asking(text: str, mentions: Sequence[Mention]) -> List[Mention]:
    """English mentions with a treatment asked about and had at once counted as tried."""
    return [dataclasses.replace(m, negated=False) if (
        m.label == "treatment" and m.negated and _HAD_AFTER_ASKING.match(text, m.end)) else m
        for m in mentions]
