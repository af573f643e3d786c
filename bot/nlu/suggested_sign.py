"""A sign read only from an illness that suggests it is dropped where the message denies the sign.

"no fever, no falls. I lost some weight but I was sick with the flu": the flu brings a fever as
a rule, but the writer says there was none; the fever read from "flu" gives way to the denial,
in either order ("had the flu but never a temperature"). The illness words of each flag are
context.yml `suggesting_illness`; a sign denied only for someone else, or only asked, changes
nothing. Pure: works on the mention tuples of bot/nlu/clinical.py and the message's words.
"""
from __future__ import annotations

from typing import Dict, FrozenSet, List, Mapping


def _joined(words) -> str:
    """The words run together without hyphens: "flu-like" however it was split."""
    return "".join(words).replace("-", "").replace(" ", "")


def illness_words(context: Mapping, norm_word) -> Dict[str, FrozenSet[str]]:
    """Each flag's illness phrases from `suggesting_illness`, read and run together."""
    return {flag: frozenset(_joined(norm_word(w) for w in p.split()) for p in phrases or [])
            for flag, phrases in (context.get("suggesting_illness") or {}).items()}


def denied_signs_win(found: List[tuple], words: List[str], illness: Mapping[str, FrozenSet[str]]) -> List[tuple]:
    """`found` without the present signs read only from an illness word where the sign is denied."""
    denied = {m[3] for m in found if m[2] == "red_flag" and m[4] and m[5] == "patient"}

    def suggested(m: tuple) -> bool:
        return (m[2].startswith("red_flag") and not m[4] and m[3] in denied
                and _joined(words[m[0]:m[1]]) in illness.get(m[3], ()))

    return [m for m in found if not suggested(m)]
