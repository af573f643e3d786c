"""Whose pain a message is about: a relative's, when the writer tells only of that relative.

A carer often types for the patient without saying so ("my father had a fall from his scooter,
now complaining of back pain"; "my mother fell out of bed, she keeps holding her lower back").
The other-person cues then read the patient's signs as someone else's and drop them. Where the
message's pain belongs to a relative, or the writer never speaks of themself at all, the
relative is taken as the patient: their places and treatments fill the slots and their signs
are confirmed with the patient first (`red_flag_unsure`, reason "other"), never dropped unasked
nor raised unasked (it may still be a family history: "my mum had cancer in her spine").
"""
from __future__ import annotations

_LOOK_AHEAD = 4  # "my 90 year old mother": the relative a "my" introduces is this near


def writer_speaks(words: list[str], first_person: set, relatives: frozenset,
                  hedges: frozenset = frozenset()) -> bool:
    """Does the writer speak of themself ("I", "me", "my back"), beyond "my <relative>" and
    beyond "I" with one of `hedges` ("I think he's been wetting the bed")?"""
    for i, w in enumerate(words):
        if w not in first_person or w == "myself":  # "herself" is read as "myself" (same_as)
            continue
        if w == "my" and relatives.intersection(words[i + 1:i + 1 + _LOOK_AHEAD]):
            continue  # "my mother": the relative, not the writer
        if w == "i" and words[i + 1:i + 2] and words[i + 1] in hedges:
            continue  # the writer's view of someone else
        return True
    return False


def relative_is_patient(found: list[tuple], speaks: bool, silent_signs: frozenset = frozenset(),
                        relative_named: bool = True) -> bool:
    """From the mentions of a first reading ((start, end, label, value, negated, experiencer,
    reason)): is the message about a relative's pain? Every place of pain named is someone
    else's ("she keeps grabbing her lower back"), or the writer never speaks of themself in
    a message that names a place and someone else's sign or place ("my father had a fall,
    now complaining of back pain"), or (`silent_signs`, the language's present signs, given
    when the writer never speaks of themself, hedges aside) one that tells of a relative's
    present sign ("my mum is 82, she had a fall on Saturday"),
    or of any sign or treatment of a "he" or "she" no relative names (`relative_named`
    False: "she was treated for lymphoma as a child", "he's had two epidurals": a carer
    answering the assistant's questions)."""
    # "his spine went bad" is a disease's site, not a place of pain: a back place, or the
    # whole spine told with its extent ("le duele todo el espinazo de arriba a abajo")
    places = [m for m in found if m[2] == "pain_location" and not m[4] and not (m[3] == "other" and m[6] == "bare")]
    if not places:
        return bool(silent_signs) and any(
            m[5] == "other" and not m[4] and (not relative_named or (
                m[2] == "red_flag" and m[3] in silent_signs)) for m in found)
    if all(m[5] == "other" for m in places):
        return True
    return not speaks and any(m[5] == "other" for m in found)


def relative_named(ctx) -> bool:
    """Does an other-person cue name someone ("my mum", "family history") rather than only
    "he" or "she"?"""
    return any(kind in ("other_before", "other_after") and ctx.words[start] not in ctx.pronouns
               and ctx.words[max(start - 2, 0):start] != ["as", "a"]  # "as a child": a time
               for cues in ctx.before.values() for kind, start in cues)
