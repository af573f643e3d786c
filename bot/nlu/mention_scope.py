"""Which mentions tell of this pain: not a treatment for something else, not the back a blow struck.

bot/nlu/clinical.py reads each mention; these decide, from the whole message, which of them
belong to the pain the patient writes about. Mentions are clinical.py's tuples
(start, end, label, value, negated, experiencer, reason).
"""
from __future__ import annotations

from bot.nlu.place_scope import (
    PROCEDURES,
    procedure_sites_dropped,
    region_named,
    sign_places_dropped,
    treated_places_dropped,
)


def of_this_pain(found: list, ctx, elsewhere: set, extras: dict, tried_anyway=frozenset(),
                 everyday=frozenset()) -> list:
    """The mentions that tell of the pain written about (the rules below, and the places'
    in place_scope.py). `extras`: the language's location vocabulary (pain_words, procedure_site,
    places_of_signs);
    `everyday`: treatments that are also everyday activities (context.yml `everyday_treatments`)."""
    pain_words = frozenset(extras.get("pain_words") or ())
    found = [m for m in found if not scene_of_an_injury(m, found, ctx, everyday)]
    found = asked_then_had([m for m in found if not treated_elsewhere(m, found, ctx, elsewhere)], ctx)
    found = suggested_then_told(found, ctx)
    found = [(*m[:4], False, *m[5:]) if m[2] == "treatment" and m[4] and tried_before(m[0], ctx, tried_anyway, m[1])
             else m for m in found]
    found = procedure_sites_dropped(not_taken(struck_places_dropped(found, ctx), ctx), ctx, pain_words)
    found = treated_places_dropped(found, ctx, pain_words, frozenset(extras.get("procedure_site") or ()))
    found = sign_places_dropped(found, ctx, frozenset(extras.get("places_of_signs") or ()))
    return region_named(places_answered_no(found, ctx), ctx)


def places_answered_no(found: list, ctx) -> list:
    """A place followed straight by a bare "no" that closes its clause is denied ("me duele la
    rodilla, la espalda no", "the hip hurts, the back no"); with a comma between ("lower back,
    no") the "no" may answer another question, and the place stays."""
    words = ctx.words

    def denied(m) -> bool:
        i = m[1]
        return (m[2] == "pain_location" and not m[4] and i < len(words) and words[i] in ("no", "nope", "nah")
                and (i + 1 == len(words) or ctx.boundary[i + 1] or words[i + 1] in (",", ";")))
    return [(*m[:4], True, *m[5:]) if denied(m) else m for m in found]


def asked_then_had(found: list, ctx) -> list:
    """A treatment asked about, and the next sentence begins with the patient's own ("How long
    do epidural injections last? Mine lasted about a month"): context.yml
    `treatment_had_after_question` says it was had, so it is tried."""
    answers = {i for i, kinds in ctx.after.items() if any(k == "had_answer" for k, _ in kinds)}
    if not answers:
        return found

    def answered(m) -> bool:
        mark = next((i for i in range(m[1], len(ctx.words)) if ctx.words[i] == "?"), None)
        return mark is not None and mark + 1 in answers
    return [(*m[:4], False, *m[5:]) if m[2] == "treatment" and m[4] and (ctx.asking[m[0]] or ctx.topic[m[0]])
            and answered(m) else m for m in found]


def affirmed_after_question(s: int, ctx) -> bool:
    """A sign asked about, then answered yes after the question ("what do you mean by numbness
    where you sit? I don't know... actually yes, I can't feel it when I wipe"): context.yml
    `red_flag_affirmed_after_question` after the question's "?" and before any other, so the
    answer is read like any answer and the sign is told, not only asked about."""
    mark = next((i for i in range(s, len(ctx.words)) if ctx.words[i] == "?"), None)
    if mark is None:
        return False
    end = next((i for i in range(mark + 1, len(ctx.words)) if ctx.words[i] == "?"), len(ctx.words))
    return any(k == "affirmed" for i in range(mark + 1, end) for k, _ in ctx.after.get(i, ()))


def suggested_then_told(found: list, ctx) -> list:
    """A treatment suggested or offered, told straight after by how it went ("my oncologist
    suggested acupuncture which helped a little", "the GP recommended a brace, which did
    nothing"): context.yml `treatment_outcome_after` says it was had, so it is tried. Never one
    asked about or denied ("I haven't tried physio, which ...")."""
    def told(m) -> bool:
        return (m[2] == "treatment" and m[4] and not (ctx.asking[m[0]] or ctx.topic[m[0]])
                and ctx.cue_right_after(m[1] + (ctx.words[m[1]:m[1] + 1] == [","]), "outcome")
                and ctx.cue_before(m[0], ("neg_before", "hypothetical")) == "hypothetical")
    return [(*m[:4], False, *m[5:]) if told(m) else m for m in found]


def scene_of_an_injury(m: tuple, found: list, ctx, everyday) -> bool:
    """An everyday activity in the clause of an injury the patient tells is where it happened,
    not a remedy ("me lastimé la espalda nadando", "came off my bike cycling to work")."""
    return m[2] == "treatment" and m[3] in everyday and any(
        x[2].startswith("red_flag") and x[3] == "trauma" and not x[4] and x[5] == "patient"
        and ctx.clause[x[0]] == ctx.clause[m[0]] for x in found)


def nothing_of_something_else(s: int, e: int, words: list, verbs: frozenset) -> bool:
    """Is every "nothing" of the mention at s:e the object of another verb one to three words
    before it (context.yml `nothing_object_of`: "yo el inglés no lo hablo nada", "I understand
    nothing")? Then it says nothing of treatments: no "tried nothing"."""
    said = [i for i in range(s, e) if words[i] in ("nothing", "nada")]
    return bool(said) and all(any(words[j] in verbs and all(w.isalnum() for w in words[j + 1:i])
                                  for j in range(max(i - 3, 0), i)) for i in said)


_ARTICLES = ("the", "my", "a", "those", "el", "la", "los", "las", "mi", "mis")


def tried_before(s: int, ctx, phrases, e: int | None = None) -> bool:
    """Words right before a treatment that look like a denial but say it was tried ("nothing
    helps, not even the oxycodone"): context.yml `treatment_tried_before`; a phrase with "*"
    also needs its words after "*" right after the treatment ("ni * me hace": "ni el ibuprofeno
    me hace efecto")."""
    def said(p) -> bool:
        before, _, after = " ".join(p).partition(" * ") if "*" in p else (" ".join(p), "", "")
        before, after = tuple(before.split()), after.split()
        return any(tuple(ctx.words[s - len(before) - k:s - k]) == before for k in (0, 1)
                   if s - len(before) - k >= 0 and (k == 0 or ctx.words[s - 1] in _ARTICLES)) and (
            not after or (e is not None and ctx.words[e:e + len(after)] == after))
    return any(said(p) for p in phrases)


def not_taken(found: list, ctx) -> list:
    """A treatment said later in its sentence not to have been taken or begun ("my friend
    gave me some of her tramadol but I didn't take it", "referred to physio but I haven't gone
    yet"): the last treatment before those words is not tried."""
    cues = [i for i, kinds in ctx.after.items() if any(k == "not_taken" for k, _ in kinds)]
    for cue in cues:
        before = [m for m in found if m[2] == "treatment" and m[1] <= cue
                  and not any(w in (".", "?", "!") for w in ctx.words[m[1]:cue])]
        if before:
            last = [max(before, key=lambda m: m[1])]
            while any(m[1] == last[-1][0] for m in before):  # "codeine | tablets": one thing
                last.append(next(m for m in before if m[1] == last[-1][0]))
            found = [(*m[:4], True, *m[5:]) if m in last else m for m in found]
            # offered and not taken: nothing tried, unless the message names another
            found.append((cue, cue + 1, "treatment_none", "none", False, "patient", ""))
    if any(m[2] == "treatment" and not m[4] for m in found):
        found = [m for m in found if m[2] != "treatment_none" or m[0] not in cues]
    return found


def borrowed(s: int, ctx, first_person: set) -> bool:
    """Is the other person before a treatment only its owner, in a list the patient tried
    ("my friend's muscle relaxers, a chiropractor, hot baths")? "<cue>'s" right before
    the treatment's words, or a word or two before them; or, after them, a `borrowed_after`
    cue of context.yml with the patient just before ("me tomé las pastillas de mi esposo")."""
    hit = ctx.cue_before_at(s, ("other_before",), ctx.window["other_person"], first_person)
    c = hit[1] if hit else -1
    e = s
    while e in ctx.covered:
        e += 1
    if not hit and ctx.cue_right_after(e, "borrowed"):
        return bool(first_person.intersection(ctx.words[max(0, s - 3):s]))
    # a word or two may describe it: "my wife's leftover Flexeril", "mum's old co-codamol"
    return c >= 0 and ctx.words[c + 1:c + 2] == ["'s"] and any(
        i in ctx.covered and not any(ctx.boundary[c + 2:i]) for i in range(c + 2, c + 5))


def treated_elsewhere(m: tuple, found: list, ctx, elsewhere: set) -> bool:
    """A treatment in a clause that names another body part or condition (context.yml
    `treated_elsewhere`, as word tuples) and no place of back or neck pain: given for that,
    not the pain ("the knee got a cortisone shot last year", "breast cancer, chemo + surgery")."""
    if m[2] != "treatment" or m[4] or m[3] not in PROCEDURES:
        return False  # "laying on the floor with my knees up" is rest all the same
    clause = ctx.clause[m[0]]
    if any(x[2] == "pain_location" and not x[4] and ctx.clause[x[0]] == clause for x in found):
        return False
    words = [w for i, w in enumerate(ctx.words) if ctx.clause[i] == clause]
    return any(tuple(words[i:i + len(p)]) == p for p in elsewhere for i in range(len(words)))


def struck_places_dropped(found: list, ctx) -> list:
    """Without a bare "back" in an injury's clause ("landed flat on my back", "I broke my back
    in a car crash"), when the message names another place of pain ("... agony between the
    shoulder blades"); "hurt my lower back" names its place and keeps it."""
    words = ctx.words
    hurt = {ctx.clause[m[0]] for m in found if m[2].startswith("red_flag") and m[3] == "trauma"}
    struck = {m for m in found if m[2] == "pain_location" and words[m[0]:m[1]][-1:] == ["back"]
              and words[m[0]:m[1]][:-1] in ([], ["my"], ["the"]) and ctx.clause[m[0]] in hurt}
    if struck and any(m[2] == "pain_location" and not m[4] and m not in struck for m in found):
        return [m for m in found if m not in struck]
    return found


def unnamed_pills_prescribed(found: list, words: list[str], unnamed: set) -> list:
    """Unnamed pills ("unas pastillas para el dolor") beside a prescribed medicine the patient
    had ("me recetaron ...", "pastillas, tramadol") are that medicine, not one more bought over
    the counter (context.yml `unnamed_medicine`; none listed: the rule is off)."""
    if not unnamed or not any(m[2] == "treatment" and m[3] == "prescription_medication" and not m[4]
                              and m[5] == "patient" for m in found):
        return found
    return [(*m[:3], "prescription_medication", *m[4:]) if m[2] == "treatment" and m[3] == "otc_medication"
            and tuple(words[m[0]:m[1]]) in unnamed else m for m in found]


def alone_back(words: list[str], alone: set) -> list[tuple]:
    """A message that is only "back" (plus punctuation) names the lower back."""
    content = [i for i, w in enumerate(words) if any(c.isalnum() for c in w)]
    if len(content) == 1 and words[content[0]] in alone:
        i = content[0]
        return [(i, i + 1, "pain_location", "lower_back", False, "patient", "")]
    return []
