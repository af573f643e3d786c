"""Which place a message gives the pain: a region said apart, not where a procedure was given.

bot/nlu/clinical.py reads each mention; these rules read them together. Mentions are
clinical.py's tuples (start, end, label, value, negated, experiencer, reason).
"""
from __future__ import annotations

PROCEDURES = {"injection", "radiofrequency_ablation", "surgery"}  # given to one part of the body
_AT = {"in", "into", "on", "at", "to"}  # the procedure's site follows
_DETERMINERS = {"my", "the", "his", "her", "their", "me", "whole"}
_SENTENCE_END = {".", "?", "!"}
_HURTS = {"duele", "duelen", "doliendo", "matando", "molesta", "molestan", "dolor"}  # its own pain verb
_LISTED = {"y", "e", "la", "las", "el", "los", "mis", "mi"}  # one list ("y la espalda me duele" after a comma is not)


def _sentence_of(words: list[str], i: int) -> tuple[int, int]:
    start = i
    while start > 0 and words[start - 1] not in _SENTENCE_END:
        start -= 1
    end = i
    while end < len(words) and words[end] not in _SENTENCE_END:
        end += 1
    return start, end


def region_named(found: list, ctx) -> list:
    """A bare "back" or "spine" takes the region the same sentence names apart ("my spine
    hurts right in the middle", "the lower part of my spine", "me back's been rooted, mostly
    the middle bit"); the region words (locations.yml `region`) are no place of their own."""
    regions = [m for m in found if m[2] == "region" and not m[4]]
    found = [m for m in found if m[2] != "region"]
    if not regions:
        return found
    result = []
    for m in found:
        words = [w for w in ctx.words[m[0]:m[1]] if w not in _DETERMINERS]
        bare = m[2] == "pain_location" and (m[6] == "bare" or words in (["back"], ["spine"]))
        if bare:
            sentence = _sentence_of(ctx.words, m[0])
            near = [r for r in regions if sentence[0] <= r[0] < sentence[1]]
            if near:
                region = min(near, key=lambda r: abs(r[0] - m[0]))
                m = (m[0], m[1], m[2], region[3], m[4], m[5], "")
        result.append(m)
    return result


def procedure_sites_dropped(found: list, ctx, pain_words) -> list:
    """The spine named only as where a procedure was given ("2 shots in my spine last year",
    "surgery on her spine") is no place of pain, when its sentence says no pain."""
    procedures = [m for m in found if m[2] == "treatment" and m[3] in PROCEDURES]
    if not procedures:
        return found

    def site(m) -> bool:
        # only the spine without a region: "a cortisone shot in my lower back", "an epidural in
        # my neck" name the region treated, which is the pain's (measured on the seen sets)
        if m[2] != "pain_location" or m[4] or m[3] != "other":
            return False
        start, end = _sentence_of(ctx.words, m[0])
        if pain_words.intersection(ctx.words[start:end]):
            return False  # "an epidural in my lower back and it still hurts"
        clause = ctx.clause[m[0]]
        for p in procedures:
            if ctx.clause[p[0]] != clause:
                continue
            between = ctx.words[p[1]:m[0]]
            if p[1] <= m[0] and len(between) <= 4 and _AT.intersection(between):
                return True  # "an injection in my back", "the radiofrequency thing on my neck"
            if m[1] <= p[1] and p[0] - m[1] <= 1:
                return True  # "an SI joint injection", "facet L4/5 injections"
        return False

    return [m for m in found if not site(m)]


def treated_places_dropped(found: list, ctx, pain_words: frozenset, site_words: frozenset) -> list:
    """Without a bare back named only as where a procedure was given ("me dieron una inyección
    en la espalda", "una epidural en la columna"): inside the procedure's words or just after
    them (only `site_words` between: "en", "la"), with no pain word in its clause, it says
    where the needle went, not where it hurts. No `site_words` (the language's locations.yml
    has no `procedure_site`): the rule is off."""
    given = [(m[0], m[1]) for m in found if m[2] == "treatment" and m[3] in PROCEDURES and site_words]
    dropped = {m for m in found if m[2] == "pain_location" and m[6] == "bare"
               and any(a <= m[0] and (m[1] <= b or (b <= m[0] and set(ctx.words[b:m[0]]) <= site_words))
                       for a, b in given)
               and not pain_words.intersection(w for i, w in enumerate(ctx.words)
                                               if ctx.clause[i] == ctx.clause[m[0]])}
    return [m for m in found if m not in dropped] if dropped else found


def sign_places_dropped(found: list, ctx, signs: frozenset) -> list:
    """Without a place told only as where a sign of `signs` is felt ("tengo dormidas las nalgas
    desde ayer", "se me duerme la parte de entre las piernas y las nalgas"): inside the sign's
    words, or listed straight after them, it is the sign's place, not the pain's.
    No `signs` (the language's locations.yml has no `places_of_signs`): the rule is off."""
    if not signs:
        return found
    told = [m for m in found if m[2].startswith("red_flag") and m[3] in signs]
    if not told:
        return found

    def listed_after(f, m) -> bool:  # "entre las piernas y las nalgas": one more place of the sign
        return (f[1] <= m[0] and m[0] - f[1] <= 3 and set(ctx.words[f[1]:m[0]]) <= _LISTED
                and not _HURTS & set(ctx.words[m[1]:m[1] + 4]))  # not "y la espalda me está matando"

    def the_signs(m) -> bool:
        return m[2] == "pain_location" and any(
            (f[0] <= m[0] and m[1] <= f[1]) or listed_after(f, m) for f in told)
    return [m for m in found if not the_signs(m)]


def taken_back_after_a_comma(ctx, end: int, kinds: tuple, stops: tuple) -> bool:
    """A place of pain taken back past the comma its denial otherwise stops at, by a denial that
    closes its own words ("me duele la espalda baja, bueno no, más bien arriba"); "... sea un
    tumor, nunca he tenido cáncer" denies what follows it, not the place."""
    hit = ctx.cue_after_at(end, kinds) if stops else None
    if not hit:
        return False
    after = ctx.words[hit[1] + 1:hit[1] + 3]
    return len(after) < 2 or any(w in stops or w in _SENTENCE_END for w in after)
