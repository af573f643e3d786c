"""Whether a message is typed for the patient by someone else, and who the patient is then.

A relative or carer often writes for the patient: "I'm writing for my dad", "this is his
daughter typing for him", "soy su hija", "escribo por mi mamá", "I look after my husband".
The words that say so are one cue kind, context.yml `writing_for` (both languages); a
carer's words (`carer_words`) are of it too, unless the writer tells their own pain
(`writer_own_pain`: "my own back has been killing me, that's why I'm writing").

In such a message the other-person cues that name the patient are no other person: the
relative the writing words name ("for my dad", "mi papá" next to "escribo por"), "he" and
"she" (context.yml `proxy_patient.pronouns`) and the phrases that point back at them
(`proxy_pronoun_cues`: "ella tuvo"); when the words name nobody ("soy su hija", "typing for
him"), any relative (`proxy_patient.relatives`, or every other-person cue when the language
lists none: a sign is then counted, never missed). "his mum" (`relative_owners`) and a
family history stay someone else's. `ProxyReader` is the one place that decides this;
bot/nlu/mention_context.py asks it once per message; a conversation's earlier messages count
through bot/typed_for.py ("I'm writing for my dad" said before).
"""
from __future__ import annotations

from typing import Callable, Iterable

_NEAR = 4  # "my mum, I'm typing for her": the relative the writing words name is this near
_OTHERS = ("other_before", "other_after")
_PROXY_KINDS = ("writing_for", "carer", "writer_own")


class ProxyReader:
    """Reads one message's cue matches for the writing-for cues (see the module's docstring)."""

    def __init__(self, context: dict, norm_word: Callable[[str], str]):
        proxy = context.get("proxy_patient") or {}
        self.relatives, self.pronouns, self.relative_owners, self._writer_owners = (
            frozenset(norm_word(w) for w in proxy.get(key) or [])
            for key in ("relatives", "pronouns", "relative_owners", "writer_owners"))
        self._pronoun_cues = frozenset(tuple(norm_word(w).split()) for w in context.get("proxy_pronoun_cues") or [])
        self._pronoun_cues |= {(p,) for p in self.pronouns}

    def __call__(self, cue_matches: list, words: list[str], clause: list[int],
                 typed_for: bool = False) -> tuple[list, frozenset | None]:
        """The cue matches without the writing-for cues and without the other-person cues
        that name the patient, and the relatives named as the patient (None: the message is
        the writer's own; empty: typed for someone it names by no relative word). `typed_for`:
        an earlier message said so ("I'm writing for my dad" ... "he can't hold his water")."""
        own = any(kind == "writer_own" for kind, _, _ in cue_matches)
        writing = [(s, e) for kind, s, e in cue_matches if kind == "writing_for" or (kind == "carer" and not own)]
        rest = [m for m in cue_matches if m[0] not in _PROXY_KINDS]
        if not writing and not typed_for:
            return rest, None
        others = [(s, e) for kind, s, e in rest if kind in _OTHERS]
        # a relative's cue right beside the writing words ("escribo por | mi papá")
        named = {tuple(words[s:e]) for s, e in others if any(s == we or e == ws for ws, we in writing)
                 and not (s > 0 and words[s - 1] in self.relative_owners)}  # "this is his | son": the writer
        for ws, we in writing:  # "on behalf of my mum", "my mum, I'm typing for her"
            named |= {(words[i],) for i in range(max(ws - _NEAR, 1), min(we + _NEAR, len(words)))
                      if clause[i] == clause[ws] and words[i] in self.relatives and words[i] not in self.pronouns
                      and words[i - 1] in self._writer_owners and not ws <= i < we}
        return [m for m in rest if not (m[0] in _OTHERS and self._is_patient(m[1], m[2], words, named))], \
            frozenset(w for t in named for w in t)

    def _is_patient(self, s: int, e: int, words: list[str], named: set) -> bool:
        """Does the other-person cue at s:e name the patient of a message typed for them?"""
        said = tuple(words[s:e])
        if words[s] in self.relative_owners or (s > 0 and words[s - 1] in self.relative_owners):
            return False  # "his mum had cancer", "su hermana murió de cáncer"
        if said in self._pronoun_cues or said in named:
            return True
        return not named and (not self.relatives or words[s] in self.relatives)  # not "for my dad. my mum ..."


def read_as_typed_for(mentions: Iterable, reread: Callable[[], Iterable], to_entity: Callable) -> list[dict]:
    """A second reading, as typed for the patient (`reread()`), of a message that does not say
    so itself but tells a sign of someone else's ("he can't hold his water", "dad fell"): its
    red flags as `if_typed_for` entities; bot/typed_for.py counts them in a conversation an
    earlier message of which said it is typed for the patient."""
    if any(m.label == "writing_for" for m in mentions) or not any(
            m.label.startswith("red_flag") and (m.experiencer != "patient" or m.reason == "other") for m in mentions):
        return []
    return [{**e, "entity": "if_typed_for", "as": e["entity"]} for e in map(to_entity, reread())
            if e and e["entity"].startswith("red_flag")]
