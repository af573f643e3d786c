"""Whose is a sign told in a relative's relative clause ("mi esposo, que ya no controla la orina").

"mi esposo, que ya no controla la orina desde ayer, ..."; "mi mamá que se cayó el lunes ...":
the sign is the relative's. A writer who never speaks of themself is typing for that relative,
the patient: the sign is the patient's, read as any sign of theirs (present, or unsure for its
own reasons: a past time, a question). A writer who tells their own story too ("yo cuido a mi
esposo que ya no controla la orina. A mí me duele la cintura") is not that relative: the sign is
another person's ("mi tío que tuvo cáncer"). The words are data per language (context.yml
`relative_clause`); a language without them is read as before.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.nlu.spelling import unaccented

_SENTENCE_END = {".", "?", "!", "...", "…", "\n"}


@dataclass(frozen=True)
class RelativeClauses:
    relatives: frozenset  # "esposo", "mamá": who a clause may be about
    owners: frozenset  # "mi", "mis": the writer's relative
    openers: frozenset  # "que", "quien": the relative clause starts here
    between: frozenset  # may stand between the relative and the opener (",")
    same_as_writer: tuple = ()  # "lo mismo": the relative has what the writer has (word tuples)

    @classmethod
    def from_context(cls, section: dict | None, norm_word) -> RelativeClauses | None:
        if not section:
            return None
        # read on the words as written: each word as listed and as the matcher reads it ("q", "que")
        words = {key: frozenset(x for w in section.get(key) or [] for x in (norm_word(w), unaccented(str(w).lower())))
                 for key in ("relatives", "owners", "openers", "between")}
        same = tuple(tuple(unaccented(w.lower()) for w in str(p).split()) for p in section.get("same_as_writer") or [])
        return cls(**words, same_as_writer=same) if words["relatives"] and words["openers"] else None

    def owner(self, words: list[str], s: int, first_person: set) -> int | None:
        """The relative whose clause holds token `s` (its index), or None: walking back from the
        sign inside its sentence to "<owner> <relative> [,] <opener>", with no word of the writer
        ("me", "yo") between the opener and the sign."""
        j = s - 1
        while j >= 0 and words[j] not in _SENTENCE_END:
            if words[j] in self.openers:
                k = j - 1
                while k >= 0 and words[k] in self.between:
                    k -= 1
                if k >= 1 and words[k] in self.relatives and words[k - 1] in self.owners:
                    return k
            elif words[j] in first_person:
                return None  # "mi tío que tuvo cáncer, yo tengo fiebre": the writer's own
            j -= 1
        return None

    def writer_elsewhere(self, words: list[str], relative: int, first_person: set) -> bool:
        """Does the writer speak of themself outside the relative's own naming ("yo cuido a mi
        esposo ...", "a mí me duele la cintura", "mi prima que tiene lo mismo")?"""
        if any(tuple(words[i:i + len(p)]) == p for p in self.same_as_writer for i in range(len(words))):
            return True
        return any(w in first_person and not (i == relative - 1 or (
            w in self.owners and i + 1 < len(words) and words[i + 1] in self.relatives))
            for i, w in enumerate(words))


def clause_owners(rc: RelativeClauses | None, words: list[str], spans, first_person: set) -> dict[int, str]:
    """Red flags told in a relative clause of the writer's relative, by their start: "patient"
    when the writer never speaks of themself (typing for that relative), else "other". Read on
    the words as written ("se le", which the matcher reads as "se me")."""
    owners: dict[int, str] = {}
    for s, _, term in spans if rc else ():
        relative = rc.owner(words, s, first_person) if term.label == "red_flag" else None
        if relative is not None:
            owners[s] = "other" if rc.writer_elsewhere(words, relative, first_person) else "patient"
    return owners


def clause_owned(owner: str | None, experiencer: str) -> str:
    """The experiencer the other cues decided, but a relative clause's: its silent writer's
    relative is the patient; a writer telling their own pain makes a sign read as the patient's
    another person's, and leaves one already another's (or asked about) as it was."""
    if owner == "patient" or (owner == "other" and experiencer == "patient"):
        return owner
    return experiencer
