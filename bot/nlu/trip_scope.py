"""A trip from a weak leg is the weakness sign, not an injury to ask about.

"my toes don't clear the steps, I've tripped going up stairs 3 times", "me tropiezo con la
alfombra, la pierna cada vez más floja": an injury only guessed from a trip (a `near`, vague or
territory reading, asked) in a message that tells the patient's own leg weakness, and no
fall, blow or injury said for sure, is the weakness's (already raised or asked): no injury
question. A trip with a fall or a blow ("tripped on the stairs and landed on my back") is an
injury, read as one by its own words; a trip alone, with no weakness told, is still asked.
A trip or fall told as the weak leg's doing ("I tripped twice, the toes catch", "me caigo
porque la derecha no me responde"), beside the weakness, is the weakness sign: the injury is
asked (reason "vague"), never raised on those words alone. Trip words: context.yml `trip_words`;
the words that tie a fall to its cause: `fall_causes`. Pure: works on the mention tuples of bot/nlu/clinical.py
(start, end, label, value, negated, experiencer, reason).
"""
from __future__ import annotations

from typing import Callable, FrozenSet, List, Sequence

_GUESSED = ("near", "territory", "vague")  # asked: "tropiezo" alone is vague


def trip_words(context: dict, norm: Callable[[str], str]) -> FrozenSet[str]:
    return frozenset(norm(str(w)) for w in context.get("trip_words") or [])


def fall_causes(context: dict, norm: Callable[[str], str]) -> FrozenSet[tuple]:
    """The cause words, each as its words in a row ("because", "por eso", "because of it")."""
    return frozenset(tuple(norm(str(w)).split()) for w in context.get("fall_causes") or [])


def _weak_leg_fall(m: tuple, found: List[tuple], words: Sequence[str], trips: FrozenSet[str],
                   causes: FrozenSet[tuple]) -> bool:
    """Whether a raised injury is only a trip, or a fall whose cause follows it ("because")."""
    if not (m[3] == "trauma" and m[2] == "red_flag" and not m[4] and m[5] == "patient"):
        return False
    other_falls = [n for n in found if n[3] == "trauma" and n[2] == "red_flag" and not n[4]
                  and not set(words[n[0]:n[1]]) <= trips]
    return (set(words[m[0]:m[1]]) <= trips and not other_falls) or any(
        tuple(words[i:i + len(c)]) == c for c in causes for i in range(m[1], m[1] + 3))


def trips_of_weakness(found: List[tuple], words: Sequence[str], trips: FrozenSet[str],
                      causes: FrozenSet[tuple] = frozenset()) -> List[tuple]:
    """The mentions without an injury guessed from a trip the leg weakness explains, and with
    an injury raised by the weak leg's trip or fall asked instead."""
    weak = any(m[3] == "leg_weakness" and m[2].startswith("red_flag") and not m[4] and m[5] == "patient"
               for m in found)
    injured = any(m[3] == "trauma" and m[2] == "red_flag" and not m[4] and m[5] == "patient" for m in found)
    if not weak or not trips:
        return found
    if not injured:
        found = [m for m in found if not (m[3] == "trauma" and m[2] == "red_flag_unsure" and m[6] in _GUESSED
                                          and trips.intersection(words[m[0]:m[1]]))]
    return [(m[0], m[1], "red_flag_unsure", "trauma", False, "patient", "vague")
            if _weak_leg_fall(m, found, words, trips, causes) else m for m in found]
