"""Whether a red flag's denial is firm (close to the sign and governing it) or left to a question.

A sign read as denied is dropped silently, so a denial has to be sure before it counts. It is
firm when the denying words stand right beside the sign ("no fever", "I don't have any
numbness", "bladder fine", "fever - no") with nothing between them that could be the sign's
own words. It is *unclear*, and the sign is asked about once instead ("Just to be safe: ...?"),
when between the denial and the sign there is

* a word of ability or control (context.yml `denial_scope.breakers`): the "no" is then part of
  the sign ("sin poder retener", "no logro aguantar", "passing stool with no control");
* a second denial with a word of feeling, a double negative ("can't feel nothing");
* a new subject or an exception (`denial_scope.new_clause`: "no to all except I ...");
* more than `denial_scope.reach` other words (a denial far from its sign);

when the sign's own words hold a "no" ("ya no aguanto la pipí" after "no tengo calentura"), or
a phrase of all being well is itself denied ("sin poder aguantar la orina");

or when the only denial after a sign is a "fine"/"bien" (`denial_scope.recovered`) and the sign
is a history (`denial_scope.history`: a cancer "and I'm fine now" is still a cancer history), a "bien" (`denial_scope.intensifiers`) runs on into more words ("la pierna bien
floja": how, not fine), or
the denial stands further than `denial_scope.reach_after` words after the sign. Pure: reads a MentionContext.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Collection, FrozenSet, Tuple

from bot.nlu.mention_context import MentionContext

_LISTS = ("breakers", "new_clause", "recovered", "intensifiers", "senses")


@dataclass(frozen=True)
class DenialScope:
    """context.yml `denial_scope`, normalised; see the module's docstring."""
    breakers: FrozenSet[str] = frozenset()
    new_clause: FrozenSet[str] = frozenset()
    recovered: FrozenSet[str] = frozenset()
    intensifiers: FrozenSet[str] = frozenset()
    senses: FrozenSet[str] = frozenset()
    history: FrozenSet[str] = frozenset()  # the signs a recovery never denies
    negations: FrozenSet[str] = frozenset()  # context.yml's one-word `negation_before`
    reach: int = 3
    reach_after: int = 2

    @classmethod
    def from_context(cls, context: dict, norm: Callable[[str], str],
                     inability: Collection[str] = ()) -> "DenialScope":
        section = context.get("denial_scope") or {}
        if not isinstance(section, dict) or set(section) - {*_LISTS, "history", "reach", "reach_after"}:
            raise ValueError(f"context.yml: denial_scope: only {', '.join(_LISTS)}, history, reach and reach_after")
        words = {key: frozenset(norm(str(w)) for w in section.get(key) or []) for key in _LISTS}
        return cls(words["breakers"] | frozenset(inability), words["new_clause"], words["recovered"],
                   words["intensifiers"], words["senses"], frozenset(section.get("history") or ()),
                   frozenset(norm(str(w)) for w in context.get("negation_before") or [] if " " not in str(w)),
                   int(section.get("reach", 3)), int(section.get("reach_after", 2)))

    def unclear(self, ctx: MentionContext, s: int, e: int, mode: str, before: Tuple[str, ...],
                after: Tuple[str, ...], timeless: bool) -> bool:  # timeless: a history sign
        """Is the denial that the reading found for the sign at s:e too loose to drop it?"""
        if mode in ("near_denied", "territory_denied"):
            return self._inside_unclear(ctx, s, e)
        if mode == "absent":  # a phrase of all being well, denied itself: "sin poder aguantar la orina"
            hit = ctx.cue_before_at(s, ("neg_before",))
            return bool(hit) and not ctx.covered.intersection(range(hit[1] + 1, s)) and self._counted(
                ctx, hit[1] + 1, s) <= 1
        said_after = ctx.cue_after_at(e, after) if after else None
        if said_after and self._counted(ctx, e, said_after[1]) <= 1 and not self._after_unclear(
                ctx, *said_after, timeless):
            return False  # "caídas ninguna", "bladder's fine": the denial beside the sign wins
        hit = ctx.cue_before_at(s, before)
        if hit:
            kind, first = hit
            end = max((stop for k, stop in ctx.after.get(first, ()) if k == kind), default=first + 1)
            # a sign whose own words hold a "no" ("ya no aguanto la pipí") is no denied sign
            return bool(self.negations.intersection(ctx.words[s:e])) or self._gap_unclear(ctx, first, end, s)
        if said_after:
            return self._after_unclear(ctx, *said_after, timeless) or self._counted(
                ctx, e, said_after[1]) > self.reach_after
        return False  # answered "no", a benign growth, the vocabulary's own absence phrase

    def _after_unclear(self, ctx: MentionContext, kind: str, at: int, timeless: bool) -> bool:
        end = max((stop for k, stop in ctx.after.get(at, ()) if k == kind), default=at + 1)
        if timeless and self.recovered.intersection(ctx.words[at:end]):
            return True  # "cáncer de colon ... y quedé bien", "all good since": history is history
        return (kind == "neg_after_weak" and bool(self.intensifiers.intersection(ctx.words[at:end]))
                and not self.intensifiers.intersection(ctx.words[at - 1:at]) and end < len(ctx.words)
                and ctx.words[end].isalpha() and ctx.words[end] not in ctx.list_words
                and not ctx.after.get(end))  # "la pierna bien floja": how, not fine ("bien normal" is fine)

    def _counted(self, ctx: MentionContext, a: int, b: int) -> int:
        return sum(1 for i in range(a, b) if i not in ctx.covered and ctx.words[i] not in ctx.list_words
                   and ctx.words[i] not in (",", "-"))

    def _denials(self, ctx: MentionContext, a: int, b: int) -> list:
        return [i for i in range(a, b) if any(k == "neg_before" for k, _ in ctx.after.get(i, ()))]

    def _gap_unclear(self, ctx: MentionContext, first: int, end: int, s: int) -> bool:
        around = ctx.words[max(first - 1, 0):s + 1]  # "can not hold", "no puedo aguantar"
        if self.breakers.intersection(around) or self.new_clause.intersection(ctx.words[end:s]):
            return True
        if self._double(ctx, first, end, s):
            return True  # "I don't feel nothing down there"
        return self._counted(ctx, end, s) > self.reach

    def _inside_unclear(self, ctx: MentionContext, s: int, e: int) -> bool:
        """A place and a sign word with a denial between them ("my legs are not weak"): firm
        unless that denial is the sign's own (a breaker, a second, different denial)."""
        denials = self._denials(ctx, s, e)
        if not denials:
            return True
        first = denials[-1]  # the words from the last denial on are what it denies
        end = max((stop for k, stop in ctx.after.get(first, ()) if k == "neg_before"), default=first + 1)
        return bool(self.breakers.intersection(ctx.words[max(first - 1, s):e])) or self._double(ctx, first, end, e)

    def _double(self, ctx: MentionContext, first: int, end: int, stop: int) -> bool:
        """A second, different denial after the one at first:end, with a word of feeling
        (`denial_scope.senses`) with them: "no siento nada", "can't feel nothing" tell the sign;
        "no tengo nada adormecido", "ni más ni menos" only deny."""
        again = {ctx.words[i] for i in self._denials(ctx, end, stop)} - set(ctx.words[first:end])
        return bool(again) and bool(self.senses.intersection(ctx.words[first:stop]))
