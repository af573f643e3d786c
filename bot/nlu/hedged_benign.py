"""A growth said benign with a doubt in its sentence is a cancer history asked, never denied.

"creo que dijeron que era benigno pero no estoy segura", "they said it was benign, I think":
the benign reading is not sure, so the cancer history is asked once (as "I don't think it was
cancer?" is). Read from a `benign` cue (context.yml `benign_after`) and a phrase of
`benign_hedges` in one sentence (read as phrases, never as cues a denial's walk would step
over: "no sé" holds a "no"), when nothing there already told or asked the history.
Pure: works on a MentionContext and the mention tuples of bot/nlu/clinical.py.
"""
from __future__ import annotations

from typing import Collection, List

from bot.nlu.mention_context import MentionContext

_ENDS = (".", "?", "!", "\n")


def hedged_benign(ctx: MentionContext, found: List[tuple], hedges: Collection[str]) -> List[tuple]:
    """The cancer history to ask about where a benign result is said with a doubt."""
    sentence, n = [], 0
    for w in ctx.words:
        sentence.append(n)
        n += w in _ENDS
    decided = {sentence[m[0]] for m in found if m[3] == "cancer_history" and m[2].startswith("red_flag")
               and not m[4] and m[5] == "patient"}
    asked = []
    for i, cues in sorted(ctx.after.items()):
        end = next((stop for k, stop in cues if k == "benign"), None)
        if end is None or sentence[i] in decided or not set(hedges) & ctx.sentence_phrases(i, longest=4):
            continue
        if any(m[3] == "cancer_history" and m[5] != "patient" and sentence[m[0]] == sentence[i] for m in found) \
                or ctx.experiencer(i, end, set(), set(), set(), sign=True) == "other":
            continue  # "my mum's lump was benign, I think": hers
        asked.append((i, end, "red_flag_unsure", "cancer_history", False, "patient", "hedged"))
        decided.add(sentence[i])
    return found + asked
