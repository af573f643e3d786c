"""Clinical mentions in a patient's message: pain location, treatments tried, red flags.

Pure spaCy, no Rasa: `ClinicalMatcher(nlp)(doc)` returns every `Mention` in text order. The
words live in YAML files under `vocab/` (clinicians edit those, not this code):

* locations.yml, treatments.yml, red_flags.yml: phrase -> value; context.yml: cues, injury window.

The phrases are matched by bot/nlu/phrase_index.py (the text normalised, overlaps resolved
within each vocabulary file); this module reads each match in its message: a cue counts only
inside the mention's clause and never inside the matched phrase itself, so "I can't control my
bladder" is a positive flag while "no fever but my leg keeps getting weaker" denies only the
fever (NegEx-style scopes, simplified).

Vocabularies: clinical_vocab.py; clauses and cues: mention_context.py; this pain's mentions:
mention_scope.py, place_scope.py; an injury's date: mention_time.py; words near a sign that no
phrase decides (near pairs, a flag's territory: asked, never raised): red_flag_territory.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.nlu.accident_scope import AccidentScope
from bot.nlu.clinical_vocab import VOCAB_DIR, Term, words_in_reach
from bot.nlu.denial_scope import DenialScope
from bot.nlu.drugs import MIN_MISSPELT_LENGTH, english_words, named_at_prescription_strength, spanish_words
from bot.nlu.healed_episode import HealedEpisode
from bot.nlu.hedged_benign import hedged_benign
from bot.nlu.medicines_told import load_told
from bot.nlu.mention_context import ContextReader, MentionContext, runs
from bot.nlu.mention_owner import relative_is_patient, relative_named, writer_speaks
from bot.nlu.mention_scope import (
    affirmed_after_question,
    alone_back,
    borrowed,
    nothing_of_something_else,
    of_this_pain,
    unnamed_pills_prescribed,
)
from bot.nlu.mention_time import (
    another_not_long_past,
    injury_dated,
    injury_phrases,
    read_window,
    said_later,
    weeks_back,
    years_read_today,
)
from bot.nlu.phrase_index import PhraseIndex
from bot.nlu.place_scope import taken_back_after_a_comma
from bot.nlu.prescriber import PrescriberGave
from bot.nlu.red_flag_territory import TerritoryFinder, load_territory, paired, territory_spans, undecided
from bot.nlu.relative_clause import RelativeClauses, clause_owned, clause_owners
from bot.nlu.self_correction import load_corrections
from bot.nlu.sign_not_had import SignNotHad
from bot.nlu.sign_taken_back import TakenBack
from bot.nlu.spacing import words_only
from bot.nlu.spelling import unaccented as _unaccented
from bot.nlu.suggested_sign import denied_signs_win, illness_words
from bot.nlu.trip_scope import fall_causes, trip_words, trips_of_weakness


def typed_as_names(tokens: list[str]) -> set[int]:
    """The words typed as a name: capitalised inside a sentence ("my son Walter"), or a message
    of capitalised words only ("Walter", "Walter Brown"); a sentence's first word is not one."""
    titled = {i for i, t in enumerate(tokens) if t[:1].isupper() and t[1:].islower() and t.isalpha()}
    words = [i for i, t in enumerate(tokens) if t.isalpha()]
    if words and set(words) <= titled:
        return titled
    return {i for i in titled if i > 0 and tokens[i - 1] not in (".", "!", "?", "¿", "¡", "\n")}


def _scene_before(ctx: MentionContext, s: int, reach: int = 4) -> bool:
    """A `setting` cue ending up to `reach` words before token s, in its sentence and clause
    or at its clause's start ("while" itself ends a clause: "... into me while I was resting")."""
    for i in range(s - 1, max(s - 1 - reach, -1), -1):
        if any(k == "setting" for k, _ in ctx.before.get(i, ())):
            return True
        if ctx.words[i] in (".", "?", "!", ",", ";") or ctx.boundary[i]:
            return False
    return False


@dataclass(frozen=True)
class Mention:
    label: str  # pain_location | treatment | treatment_none | red_flag | red_flag_unsure | body_part_other
    value: str  # contract value ("lower_back", "otc_medication", "fever"); a body part
    start: int  # character offsets into doc.text
    end: int
    text: str
    negated: bool = False  # denied; for treatments: not tried ("I don't want surgery")
    experiencer: str = "patient"  # "other": "my mother had cancer"
    # red_flag_unsure: why the sign may not be now (hypothetical, question, historical); pain_location: "focus"
    reason: str = ""


class ClinicalMatcher(PhraseIndex):
    """Finds pain locations, treatments and red flags, with denial and experiencer."""

    def __init__(self, nlp, vocab_dir: Path | None = None):
        super().__init__(nlp, vocab_dir)  # the phrase index: bot/nlu/phrase_index.py
        context = self.context
        self._territory = TerritoryFinder(load_territory(vocab_dir or VOCAB_DIR), self._norm_word, *(
            (spanish_words, MIN_MISSPELT_LENGTH) if self._fold_accents else (english_words, 4)))

        self._first_person = {self._norm_word(w) for w in context.get("first_person") or []}
        self._patient_object, self._patient_object_after = (
            {self._norm_word(w) for w in context.get(key) or []}
            for key in ("patient_object", "patient_object_after"))
        self._hypothetical_flags, self._others_signs_confirmed, self._silent_writer_signs = (frozenset(
            context.get(k) or []) for k in ("hypothetical_red_flags", "others_signs_confirmed", "silent_writer_signs"))
        self._bought, self._hedges, self.dated_from = (
            frozenset(self._norm_word(w) for w in context.get(key) or [])
            for key in ("prescribed_scope_end", "writer_hedges", "pain_dated_from"))
        self._inability = {self._norm_word(w) for w in context.get("inability_words") or []}
        self._denial_scope = DenialScope.from_context(context, self._norm_word, self._inability)
        self._accident = AccidentScope.from_context(context, self._norm_word)  # "an accident, I pooped"
        self._trips = trip_words(context, self._norm_word)  # "my foot drags, I trip on the stairs"
        self._fall_causes = fall_causes(context, self._norm_word)  # "me caigo porque ..."
        self._benign_hedges = words_in_reach("benign_hedges", context.get("benign_hedges"), self._norm_word, 4)
        self._illness = illness_words(context, self._norm_word)  # "no fever ... had the flu"
        self.timeless_flags = frozenset(context.get("timeless_red_flags") or [])
        self._pain_limited = frozenset(context.get("limited_by_pain_flags") or [])
        self._injury_window = read_window(context.get("recent_injury"))
        self.dating_flags = frozenset(context.get("flags_dating_the_pain", self.timeless_flags))
        self.pain_words = frozenset(self._extras["pain_words"])  # "back pain and a rash"
        self._weight_explained, self._weight_unexplained, self._weight_illness = (  # runs of up to four words
            words_in_reach(key, context.get(key), self._norm_word, 4)
            for key in ("explained_weight_loss", "unexplained_weight_loss", "illness_weight_loss"))
        self._elsewhere, self._tried_anyway = ({tuple(self._norm_word(w).split()) for w in context.get(key) or []}
                                               for key in ("treated_elsewhere", "treatment_tried_before"))
        self._ongoing = words_in_reach("ongoing", context.get("ongoing"), self._norm_word, 3)
        self._everyday = frozenset(context.get("everyday_treatments") or [])  # "while I was lying down"
        self._for_the_spine = words_in_reach("for_the_spine", context.get("for_the_spine"), self._norm_word, 1)
        self._given, self._given_before = ([self._norm_word(p).split() for p in context.get(key) or []] for key in (
            "treatment_given_to_patient_after", "treatment_given_to_patient_before"))
        self._place_said, self._place_said_before = ([self._norm_word(p).split() for p in context.get(key) or []]
                                                     for key in ("place_affirmed_after", "place_affirmed_before"))
        self._place_stops = tuple(context.get("place_denial_stops") or ())  # "no me caí, ... la espalda"
        self._nothing_of = frozenset(self._norm_word(w) for w in context.get("nothing_object_of") or [])
        self._healed = HealedEpisode.from_context(context, self._norm_word)  # "me operaron y quedé bien"
        self._not_had = SignNotHad.from_context(context, self._norm_word)  # "si me caigo", "scared it's cancer"
        self._prescriber = PrescriberGave.from_context(context, self._norm_word)  # "the doctor ... gives me"
        self._unnamed = {tuple(self._norm_word(p).split()) for p in context.get("unnamed_medicine") or []}
        self._told = load_told(vocab_dir or VOCAB_DIR, self._norm_word)  # "me tomé un Mejoral"
        self._relative_clauses = RelativeClauses.from_context(context.get("relative_clause"), self._norm_word)
        corrections = load_corrections(vocab_dir)  # "fever yes, wait, sorry, that was my son"
        self._taken_back = TakenBack.from_context(context, corrections.marker, corrections.also,
                                                   corrections.strong)

        self._read_context = ContextReader(nlp, context, self._normalize, self._norm_word,
                                           self._extras["skin"],
                                           lambda phrase: self._token_patterns(phrase, exact=True))

    def __call__(self, doc, typed_for: bool = False) -> list[Mention]:  # typed_for: an earlier message said so
        if not len(doc):
            return []
        # Tokenise the lower-cased text again ("CAN'T" is not split); lower() keeps offsets.
        text, lowered = doc.text, doc.text.lower()
        source = self.nlp.make_doc(lowered) if len(lowered) == len(text) else doc
        source, offsets = words_only(self.nlp.vocab, source)  # "low  back": bot/nlu/spacing.py
        if not len(source):
            return []
        ndoc = self._normalize(source)
        spans = self._resolve(ndoc, [text[s:s + 1].isupper() for s, _ in offsets])  # a brand's capital
        parts = [x for x in spans if x[2].label == "near"]
        if parts:
            spans = [x for x in spans if x[2].label != "near"]
            near = paired([t.text for t in ndoc], self._read_context(ndoc, spans).after, parts, spans)
            # a topic word inside the sign's own words is no denial ("peeing more often than normal")
            spans = [x for x in spans if not (x[2].mode == "if_denied" and any(
                t.value == x[2].value and s <= x[0] and x[1] <= e for s, e, t in near))]
            spans = sorted(spans + near, key=lambda x: (x[0], x[1]))
        ctx = self._read_context(ndoc, spans, typed_for)
        years_read_today(ctx.words, ctx.before, ctx.after, self._injury_window)  # "that was 2022": long ago?
        ctx.writer_speaks = writer_speaks(ctx.words, self._first_person, ctx.proxy_words)
        owners = clause_owners(self._relative_clauses, [_unaccented(t.lower_) for t in source], spans,
                               self._first_person) if ctx.proxy_named is None else {}  # "escribo por ...": theirs
        found = [m for m in (self._judge(s, e, term, ctx, owners) for s, e, term in spans) if m]
        # a writer who never speaks of themself, of no animal ("the cat's got a fever")
        silent = not writer_speaks(ctx.words, self._first_person, ctx.proxy_words, self._hedges) \
            and not any(k == "animal" for cues in ctx.before.values() for k, _ in cues)
        if ctx.proxy_named is None and relative_is_patient(found, ctx.writer_speaks, silent and (
                self._silent_writer_signs), relative_named(ctx)):
            ctx.relative_is_patient = True  # bot/nlu/mention_owner.py: read once more
            found = [m for m in (self._judge(s, e, term, ctx, owners) for s, e, term in spans) if m]
        names = typed_as_names([text[s:e] for s, e in offsets])  # "Walter": no misspelt "water"
        found += self._territory_asked(ndoc, ctx, found, names)  # bot/nlu/red_flag_territory.py
        found = self._accident.read(found, ctx.words)  # bot/nlu/accident_scope.py
        found = trips_of_weakness(found, ctx.words, self._trips, self._fall_causes)  # bot/nlu/trip_scope.py
        found = hedged_benign(ctx, found, self._benign_hedges)  # "creo que era benigno, no estoy segura"
        found = denied_signs_win(found, ctx.words, self._illness)  # bot/nlu/suggested_sign.py
        found = of_this_pain(found, ctx, self._elsewhere, self._extras, self._tried_anyway, self._everyday)
        found = unnamed_pills_prescribed(found, ctx.words, self._unnamed)  # "me recetaron unas pastillas"
        scenes = {(s, e) for s, e, t in spans if t.label == "treatment" and t.value in self._everyday} - {
            (m[0], m[1]) for m in found if m[2] == "treatment"}  # "nadando" is no "nada" either
        found = [m for m in found if not (m[2] == "treatment_none" and (m[0], m[1]) in scenes)]
        if any(m[2] == "treatment" and not m[4] and m[5] == "patient" for m in found):
            found = [m for m in found if m[2] != "treatment_none"]  # "physio, nothing else"
        if not any(m[2] == "pain_location" for m in found):
            found.extend(alone_back(ctx.words, self._extras["alone"]))
        found += [(0, 1, "writing_for", "patient", False, "patient", "")] if ctx.proxy_named is not None else []
        spans_in_text = ((offsets[m[0]][0], offsets[m[1] - 1][1], m) for m in sorted(set(found)))
        return self._taken_back(  # bot/nlu/sign_taken_back.py
            [Mention(m[2], m[3], start, end, text[start:end], *m[4:]) for start, end, m in spans_in_text], text)

    def _territory_asked(self, ndoc, ctx: MentionContext, found: list, names=()) -> list:
        """A flag's territory words where the vocabulary decided nothing of that flag; a word
        typed as a name ("Walter") is never read as a misspelt one ("water")."""
        spans = territory_spans(ctx.words, ctx.after, self._territory(ctx.words, [t.lemma_ for t in ndoc], names))
        decided = {(ctx.clause[i], m[3]) for m in found if m[2].startswith("red_flag") for i in range(m[0], m[1])}
        signs = [(m[0], m[1], m[3]) for m in found if m[2].startswith("red_flag")]
        return [m for m in (self._judge(s, e, t, ctx) for s, e, t in undecided(spans, decided, ctx.clause, signs)) if m]

    def _judge(self, s: int, e: int, term: Term, ctx: MentionContext, owners: dict | None = None):
        """One mention as (start, end, label, value, negated, experiencer, reason), or None."""
        if (term.label == "pain_location" and ctx.clause[s] in ctx.skin_clauses
                and not self._extras["pain_words"].intersection(ctx.words[max(s - 2, 0):e])):
            return None  # "a rash on my back"; "back pain and a rash" stays
        treatment = term.label == "treatment"
        label, reason, before, after = term.label, "", (), ()
        if term.label == "treatment_none":  # "yo el inglés no lo hablo nada": no "tried nothing"
            negated = nothing_of_something_else(s, e, ctx.words, self._nothing_of)
        elif treatment and ctx.asking[s]:
            negated = True  # asked about is not had: "is surgery an option?"
        elif treatment and ctx.topic[s]:
            negated = True  # "epidurals - do they help?" (never for red flags: "breast
            # cancer, does it matter?" still tells the flag)
        else:
            before = ("neg_before", "hypothetical") if treatment else (
                ("neg_before", "neg_after") if term.mode == "territory" else ("neg_before",))  # "no issues with the loo"
            # after-cues deny flags and places; a treatment only its own "not done" ones
            after = ("not_done",) if treatment else ("neg_after", "place_taken_back") if (
                term.label == "pain_location") else ("neg_after",)  # "physio was fine"; "el cuello, no, perdón"
            if term.mode in ("if_denied", "absent", "near", "territory"):
                after += ("neg_after_weak",)  # "bladder fine", but not "a fall, normal x-ray"
            stop = self._place_stops if term.label == "pain_location" else ()
            negated = (term.mode in ("absent", "near_denied", "territory_denied") or bool(ctx.cue_before(s, before, stop=stop))
                       or bool(after and ctx.cue_after(e, after, stop=stop))
                       or bool(stop and taken_back_after_a_comma(ctx, e, after, stop))
                       or (term.label != "pain_location" and ctx.answered_no(e))  # "rest no"
                       or (term.value == "cancer_history" and ctx.benign_growth(s, e)))  # "a tumour, benign"
        if negated and term.mode in ("absent", "if_denied") and ctx.cue_before(s, ("was_normal",)):
            return None  # "antes caminaba bien", "until last month I walked fine": then, not now
        if negated and term.label == "pain_location" and (
                any(ctx.words[e:e + len(p)] == p for p in self._place_said) or any(
                    ctx.words[s - len(p) - k:s - k] == p for p in self._place_said_before for k in (0, 1, 2)
                    if s - len(p) - k >= 0 and all(w.isalpha() for w in ctx.words[s - k:s]))):
            negated = False  # "no sale nada y la espalda me duele", "no aguanto la cintura": said
        # "no bladder problems that I know of": a denial the writer is not sure of is asked; so
        # is a topic word "denied" by an inability ("she can't get her leg to lift")
        # ... and a topic word the writer says they are unsure of ("not sure about the numbness")
        # ... and a sign the writer doubts before naming it ("I don't think it was cancer")
        hedged = term.label == "red_flag" and (bool(ctx.cue_before(s, ("hedged_before",))) or (
            ctx.cue_after(e, ("hedged",)) if negated else (
                term.mode == "if_denied" and bool(ctx.cue_before(s, ("hedged_topic",))))))
        unable = term.mode in ("if_denied", "territory") and negated and ctx.denied_by_inability(s, e, self._inability)
        # a denial far from the sign, or one that may be the sign's own ("sin poder retener la
        # caca", "can't feel nothing"): asked, never silently absent (bot/nlu/denial_scope.py)
        unclear = (term.label == "red_flag" and negated and not (hedged or unable) and not ctx.answered_no(e)
                   and self._denial_scope.unclear(ctx, s, e, term.mode, before, after,
                                                  term.value in self._denial_scope.history))
        if term.mode == "if_denied" and not negated and not hedged:
            return None  # "bladder" on its own says nothing
        other = treatment and ctx.cue_after_at(e, ("other_condition",), ctx.window.get("other_condition"))
        if other and not self._for_the_spine.intersection(ctx.words[e:other[1]]):  # "tramadol for my back and a statin for ..."
            return None  # "Ozempic for my sugar", "a shot in the shoulder for something else"
        if treatment and self._healed.past(ctx.words, s, e):
            return None  # "tuve la pierna débil, me operaron y quedé bien": a past episode's
        if term.value in self._everyday and treatment and (
                _scene_before(ctx, s) or ctx.cue_right_after(e, "setting_after")):
            return None  # the scene of the pain, not a remedy: "while I was swimming", "walk more than a block"
        if hedged or unable or unclear:  # a feared sign with a loose denial is a feared sign
            negated, label, reason = False, "red_flag_unsure", "near" if unable else ("hedged" if hedged else (
                "hypothetical" if ctx.cue_before(s, ("flag_hypothetical", "hypothetical")) else "denial"))
        elif term.label == "red_flag" and not negated and term.mode == "unsure":  # "se me duermen las piernas": ask
            label, reason = "red_flag_unsure", "hypothetical" if self._not_had.conditional(ctx.words, s) else "vague"
        elif term.label == "red_flag" and not negated:
            reason = self._uncertainty(s, e, term.value, ctx)
            if reason == "resolved" or ctx.not_now_after(e, reason):
                negated, reason = True, ""  # "a fever in spring, fine since"; "a fever? I don't have one"
            elif reason == "hypothetical" and self._not_had.feared_cause(ctx.words, s, e) \
                    and term.value in self._hypothetical_flags:
                return s, e, "red_flag", term.value, False, "feared", reason  # "scared my back pain is
                # cancer": no cancer had (the screen asks), and the learned detector leaves it
            elif reason:
                label = "red_flag_unsure"  # confirmed with the patient before it counts
            elif term.mode in ("near", "territory"):  # words near a sign: confirmed first; "afraid of falling" a fear
                label, reason = "red_flag_unsure", "hypothetical" if self._not_had.feared_event(
                    term.value, ctx.words, s) else term.mode
        if negated and term.mode.startswith("territory"):
            return None  # "no trouble with the loo", "lost 5 kilos on a diet": no sign, nothing decided
        if term.label == "pain_location" and not negated and (
                ctx.cue_before(s, ("focus_before",)) or ctx.cue_right_after(e, "focus_after")):
            reason = "focus"  # the place the patient is asking about: it wins over others
        elif term.label == "pain_location" and term.rank == 1:
            reason = "bare"  # "la espalda, entre los omóplatos": a named part of it wins (slots.py)
        value = term.value
        if value == "otc_medication" and not negated and (
                ctx.cue_before(s, ("prescribed",), stop=self._bought) or ctx.prescribed_after(e, self._bought)
                or self._prescriber.gave(ctx.words, s)
                or (e < len(ctx.words) and ctx.words[e][:1].isdigit()
                    and named_at_prescription_strength(ctx.words[s:e], ctx.words[e]))):
            value = "prescription_medication"  # "the naproxen the GP prescribed", "Motrin 800s"
        elif value == "prescription_medication" and not negated and (
                ctx.cue_after(e, ("bought_otc",)) or ctx.cue_before(s, ("bought_otc",))):
            value = "otc_medication"  # "co-codamol I bought at the chemist"
        experiencer = clause_owned((owners or {}).get(s), ctx.experiencer(  # "mi esposo, que ya no controla la orina"
            s, e, self._patient_object, self._patient_object_after, self._first_person, sign=term.label == "red_flag"))
        asked, experiencer = experiencer == "asked", experiencer.replace("asked", "other")
        if experiencer == "other" and treatment and (  # after its words, or inside them ("rubs it down")
                any(ctx.words[e + k:e + k + len(p)] == p for p in self._given for k in (0, 1))
                or any([w] in self._given for w in ctx.words[s + 1:e])
                or any(s - len(p) - k >= 0 and ctx.words[s - len(p) - k:s - k] == p
                       for p in self._given_before for k in (0, 1))):  # "my wife rubs in some Deep Heat"
            experiencer = "patient"  # "my husband massages my lower back", "she rubs it in for me"
        if experiencer == "other" and label != "red_flag" and (
                ctx.relative_is_patient or (treatment and (ctx.words[s - 1:s] == ["'s"]
                                                           or borrowed(s, ctx, self._first_person)))):
            experiencer = "patient"  # "she keeps grabbing her lower back"; "my wife's Flexeril"
        if (experiencer == "other" and (label == "red_flag" or term.mode == "territory" or reason == "denial" or (
                term.mode == "near" and not ctx.writer_speaks))  # "my mum says she can't tell when she needs to go"
                and not negated and not ctx.not_now_after(e, "other")
                and (value in self._others_signs_confirmed or ctx.relative_is_patient or asked)):
            # "mi papá no puede levantar el pie": a relative may be typing for the patient
            # (said in an earlier message, or not at all): asked, never dropped unasked
            return s, e, "red_flag_unsure", value, False, "patient", "other"
        return s, e, label, value, negated, experiencer, reason

    def _uncertainty(self, s: int, e: int, flag: str, ctx: MentionContext) -> str:
        """Why a red flag not denied may not be present now (ConText's hypothetical, question and
        historical), "resolved" for a past episode that is over, or "" when simply present."""
        kinds = ("flag_hypothetical", "hypothetical") if flag in self._hypothetical_flags \
            else ("flag_hypothetical",)
        if ctx.cue_before(s, kinds):
            return "hypothetical"  # "what if my legs give way?", "scared of a tumour"
        if flag in self._pain_limited and ctx.cue_after(e, ("pain_limited",)):
            return "pain_limited"  # "I can barely walk because of the pain": weak, or only sore? asked
        if ctx.asking[s] and ctx.sentence_asks[s]:  # "is fever with back pain serious?"; "... ? actually yes"
            return "" if affirmed_after_question(s, ctx) else "question"
        if flag == "weight_loss":
            phrases = ctx.sentence_phrases(s, longest=4)  # "not on a diet"
            explained, told = self._weight_explained, runs(ctx.words, longest=4)  # in its sentence: no red flag
            if not self._weight_unexplained.intersection(phrases) and not explained.intersection(
                    phrases) and self._weight_illness.intersection(told):
                return "historical"  # "lost weight, I had a stomach bug": the illness may not explain it: asked
            if not self._weight_unexplained.intersection(phrases) and explained.intersection(told):
                return "resolved" if explained.intersection(phrases) else "historical"  # asked
        later = ctx.words, ctx.clause, ctx.after, ctx.covered, e  # "..., but that was 2022"
        dated = flag == "trauma" and not self._ongoing & ctx.clause_phrases(s) and injury_dated(
            injury_phrases(ctx.words, ctx.clause, s, self._injury_window) | said_later(
                *later, self._injury_window), self._injury_window, over=ctx.cue_in_sentence(e, "resolved", 1),
            long_ago=bool(ctx.cue_before(s, ("long_ago",)) or ctx.cue_after(e, ("long_ago",))
                          or said_later(*later, self._injury_window, "long_ago_said")))  # ", but that was 1998"
        if dated and another_not_long_past(ctx.words, ctx.clause, ctx.after, e, self._injury_window):
            return "historical"  # "a fall in 2015 and another one last week": asked, never dropped
        if dated:
            return dated  # "a car crash in 2009", "hace 10 años me caí": no recent injury
        if flag == "trauma" and ctx.cue_in_sentence(e, "resolved", 1) and (
                ctx.cue_in_sentence(s, "historical", -1) or ctx.cue_in_sentence(e, "historical", 1)):
            return "resolved"  # "my dog knocked me over last year but I was all right afterwards"
        if flag in self.timeless_flags or ctx.unchanged_after(s, e):  # "weak since my stroke, not worse": asked
            return "historical" if flag not in self.timeless_flags else ""  # a cancer or an injury is past by nature
        past = (ctx.cue_before(s, ("historical", "long_ago")) or ctx.cue_after(e, ("historical", "long_ago"))
                or ctx.cue_in_sentence(e, "long_ago_said", 1))  # "..., but that was 6 years ago"
        over = ctx.cue_before(s, ("resolved",)) or ctx.cue_after(e, ("resolved",))
        # across the clauses of its sentence: a past time before it and an end after it
        # ("after my operation last year I leaked a bit with the catheter, but it all
        # settled"); an end alone is confirmed ("a temperature yesterday, but it's gone now")
        over = over or ctx.cue_in_sentence(e, "resolved", 1)
        past = past or (over and (ctx.cue_in_sentence(s, "historical", -1) or weeks_back(  # "in 2019"
            ctx.sentence_phrases(s), self._injury_window) > self._injury_window["recent_weeks"]))
        if past and over:
            return "resolved"
        if past and not over and self._ongoing.intersection(ctx.sentence_phrases(s)):
            return ""  # "years ago and it's happening again"
        return "historical" if past or over else ""
