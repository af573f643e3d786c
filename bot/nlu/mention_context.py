"""A message's clauses and cue words around each clinical mention (NegEx/ConText-style).

`ContextReader` finds the cues of vocab/context.yml (denial, hypothetical, other people,
history, questions) and the clause boundaries in a normalised Doc; `MentionContext` is what
it found, with the walk that asks whether a cue governs a mention (bot/nlu/mention_walk.py, named
here too); bot/nlu/clinical.py decides.
"""
from __future__ import annotations

import itertools
from typing import Callable

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from bot.nlu.mention_proxy import ProxyReader
from bot.nlu.mention_walk import MentionContext, runs  # noqa: F401  runs: moved there, named here
from bot.nlu.question_scope import not_knowing_after_question, question_topics, questions, sentences_asking

_END_PUNCT = {".", ";", "?", "!", "...", "…", ":", "\n"}
_SEPARATORS = {",", "and", "so", "then", "&", "-", "–"}
# cues that, straight after a sign, still speak of it: no new clause starts there
_SAID_OF_SIGN = {"neg_after", "neg_after_weak", "hedged", "other_after", "pseudo", "place_taken_back"}
_LIST_WORDS = {",", "or", "and", "/", "&", "any", "a", "an", "the", "my"}


class ContextReader:
    """Clause boundaries and cue positions of one normalised message."""

    def __init__(self, nlp, context: dict, normalize: Callable[[Doc], Doc],
                 norm_word: Callable[[str], str], skin: set[str],
                 token_patterns: Callable[[str], list] | None = None):
        """`token_patterns` turns a cue with a placeholder ("hace <years>") into Matcher
        patterns (ClinicalMatcher's, with context.yml's placeholders)."""
        # Words that join a list or a clause, when the language's are not English's
        self._separators = set(context.get("separators") or _SEPARATORS)
        self._list_words = set(context.get("list_words") or _LIST_WORDS)
        self.window = {"before": 6, "after": 4, "other_person": 5, **(context.get("window") or {})}
        self._skin = skin
        self._deep = {norm_word(w) for w in context.get("not_skin") or []}
        # cue kinds (neg_before, neg_after, hypothetical, ...) and their context.yml keys
        self._cue_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._cue_token_matcher = Matcher(nlp.vocab)
        self._cue_kinds: dict[int, str] = {}
        for kind, key in (("neg_before", "negation_before"), ("neg_after", "negation_after"),
                          ("hypothetical", "hypothetical_before"), ("pseudo", "pseudo"),
                          ("scope_end", "scope_end"), ("another", "another_mention"), ("other_before", "other_person_before"),
                          ("other_after", "other_person_after"), ("historical", "historical"),
                          ("flag_hypothetical", "red_flag_hypothetical_before"),
                          ("resolved", "resolved"), ("long_ago", "long_ago"), ("writing_for", "writing_for"),
                          ("place_taken_back", "place_taken_back_after"),
                          ("focus_before", "location_focus_before"), ("prescribed", "prescribed"),
                          ("focus_after", "location_focus_after"), ("animal", "animal_before"),
                          ("other_condition", "other_condition"), ("hedged", "hedged_denial"),
                          ("hedged_topic", "hedged_topic_before"), ("long_ago_said", "long_ago_said"),
                          ("hedged_before", "hedged_before"), ("pain_limited", "limited_by_pain_after"),
                          ("neg_closing", "negation_after_closing"), ("not_now", "not_now"),
                          ("not_now_last", "not_now_said_last"),
                          ("bought_otc", "bought_over_counter"), ("not_done", "treatment_not_done_after"),
                          ("not_taken", "treatment_not_taken_said"), ("borrowed", "borrowed_after"),
                          ("unchanged", "unchanged_for_long"), ("benign", "benign_after"),
                          ("carer", "carer_words"), ("writer_own", "writer_own_pain"),
                          ("writer_self", "writer_self_in_proxy"),
                          ("had_answer", "treatment_had_after_question"), ("affirmed", "red_flag_affirmed_after_question"),
                          ("outcome", "treatment_outcome_after"), ("was_normal", "normal_before_now"),
                          ("setting", "activity_as_setting_before"), ("setting_after", "activity_as_setting_after")):
            phrases = [str(p) for p in context.get(key) or []]
            phrases += not_knowing_after_question() if key == "pseudo" else []
            docs = [normalize(nlp.make_doc(p)) for p in phrases if "<" not in p]
            match_id = nlp.vocab.strings.add(f"cue:{kind}")
            self._cue_kinds[match_id] = kind
            self._cue_matcher.add(f"cue:{kind}", [d for d in docs if len(d)])
            with_placeholders = [p for p in phrases if "<" in p]
            if with_placeholders and token_patterns is None:
                raise ValueError(f"context.yml: {key}: placeholders need a matcher that knows them")
            if with_placeholders:
                self._cue_token_matcher.add(f"cue:{kind}", [pattern for p in with_placeholders
                                                            for pattern in token_patterns(p)])
        self._starters = {norm_word(w) for w in context.get("clause_starters") or []}
        self._sign_starters = {norm_word(w) for w in context.get("starters_after_sign") or []}
        # "no <word> I ...": a bare word a "no" denies ends the list too ("no tumbles I did have")
        self._bare_denied = bool(context.get("bare_denied_words"))
        self._interjections, self._subjects = ({norm_word(w) for w in context.get(key) or []}
                                               for key in ("interjections", "subjects"))
        self._question_starters = {norm_word(w).split()[0]
                                   for w in context.get("question_starters") or []}
        self._question_tags, self._tag_hedges, self._telling_frames = ({tuple(norm_word(w).split()) for w in context.get(
            key) or []} for key in ("question_tags", "question_tag_hedges", "question_telling_frames"))
        self._first_person, self._topic_pronouns = ({norm_word(w) for w in context.get(key) or []}
                                                    for key in ("first_person", "topic_pronouns"))
        self._growths, self._recent = (frozenset(norm_word(w) for w in context.get(key) or [])
                                       for key in ("growths", "recent_onset"))
        self._proxy = ProxyReader(context, norm_word)  # bot/nlu/mention_proxy.py

    def __call__(self, ndoc, spans, typed_for: bool = False) -> MentionContext:
        """Clause boundaries and cue positions of one message (`typed_for`: an earlier message
        of the conversation said it is typed for the patient)."""
        words = [t.text for t in ndoc]
        n = len(words)
        boundary = [w in _END_PUNCT or "\n" in w for w in words]
        before: dict[int, list[tuple[str, int]]] = {}
        after: dict[int, list[tuple[str, int]]] = {}
        matchers = (self._cue_matcher, self._cue_token_matcher) if len(self._cue_token_matcher) \
            else (self._cue_matcher,)
        cue_matches = [(self._cue_kinds[m], s, e) for matcher in matchers for m, s, e in matcher(ndoc)]
        ends = [b or any(k in ("scope_end", "another") and s <= i < e for k, s, e in cue_matches)
                for i, b in enumerate(boundary)]
        cue_matches, proxy_named = self._proxy(  # typed for the patient? (bot/nlu/mention_proxy.py)
            cue_matches, words, _clause_numbers(ends), typed_for)
        pseudo = [(s, e) for kind, s, e in cue_matches if kind == "pseudo"]
        not_now: list[int] = []
        # "antes caminaba sin problema": a denial said of a time before now denies nothing now
        then = [e for kind, s, e in cue_matches if kind == "was_normal" and not any(a <= s and e <= b for a, b in pseudo)]
        for kind, s, e in cue_matches:
            if kind in ("neg_closing", "neg_after") and any(
                    0 <= s - t <= 3 and not any(boundary[t:s]) for t in then):
                continue
            if kind != "pseudo" and any(a <= s and e <= b and (a, b) != (s, e) for a, b in pseudo):
                continue  # "went away" inside "never went away" is no cue
            if kind in ("scope_end", "another"):
                boundary[s:e] = [True] * (e - s)
                if kind == "scope_end":
                    continue  # "another one" is kept: what comes after it may be recent
            if kind == "not_now":  # read across the message, never a cue a walk steps over
                not_now.append(s)  # ("I don't have any bladder problems" stays a denial)
                continue
            if kind == "not_now_last":  # "..., but not me", "yo no, gracias a Dios": only said
                if e == n or words[e] in _END_PUNCT or words[e] == ",":  # last ("a mí no me
                    not_now.append(s)  # hace caso" says nothing of the sign)
                continue
            if kind == "neg_closing":
                if e < n and words[e] not in _END_PUNCT | {",", ";"} and (words[e] not in self._separators or words[e + 1:e + 2] in ([], [","])):
                    continue  # "la pierna tampoco me responde" (but "fiebre no tengo y de ...")
                kind = "neg_after"  # "cáncer tampoco.", "fiebre nunca": said last, a denial
            elif kind == "neg_after" and e - s == 1:
                kind = "neg_after_weak"
            before.setdefault(e - 1, []).append((kind, s))  # read backwards from its end
            after.setdefault(s, []).append((kind, e))  # read forwards from its start
        for cues in before.values():
            cues.sort(key=lambda c: c[1])  # longest first: "no relief" before "relief"
        for cues in after.values():
            cues.sort(key=lambda c: -c[1])
        for i, w in enumerate(words):
            if w in self._separators:  # ", and I ..." starts a new clause
                j = i + 1
                while j < n and words[j] in self._separators:
                    j += 1
                if j < n and words[j] in self._starters:
                    boundary[i] = True
            elif w in self._interjections and i + 1 < n and words[i + 1] in self._subjects:
                boundary[i] = True  # "No I have a fever" is "No, I have a fever"
        denials = {i for i in after if "neg_before" in {k for k, _ in after[i]}}
        sign_starts: dict[int, int] = {}  # first token -> the longest sign's end
        for s, e, _ in spans:
            sign_starts[s] = max(e, sign_starts.get(s, e))
        sign_ends = {e for s, e, _ in spans} | ({i + 2 for i in denials if words[i] == "no"}
                                                if self._bare_denied else set())
        # "no fever no falls I did have a melanoma": a clause's denied list ends at a new subject
        for i, w in enumerate(words):  # after a sign, not at words still of the sign ("no falls
            if i in sign_ends and ((w in self._sign_starters  # I know of", "fuerza ... tengo bien")
                                    and not _SAID_OF_SIGN & {k for j in (i, i + 1) for k, _ in after.get(j, ())})
                                   or _negative_sign_starts(i, sign_starts, after)):
                start = next((j for j in range(i - 1, -1, -1) if boundary[j]), -1)
                at = i - 1 if i in sign_starts else i  # the sign's own first word starts the clause
                boundary[at] = boundary[at] or bool(denials.intersection(range(start + 1, i)))
        clause = _clause_numbers(boundary)
        skin = ({clause[i] for i, w in enumerate(words) if w in self._skin}
                - {clause[i] for i, w in enumerate(words) if w in self._deep})  # "a cyst on the nerve"
        # "ninguna caída": one word read as "nothing tried" and a denial is the denial, no mention to skip
        covered = {i for s, e, term in spans if not (term.label == "treatment_none" and e - s == 1
                                                     and "neg_before" in {k for k, _ in after.get(s, ())})
                   for i in range(s, e)}
        return MentionContext(words, boundary, clause, covered, before, after,
                        questions(words, clause, self._question_starters),
                        question_topics(words, clause, covered, self._topic_pronouns, self._list_words,
                                        self._separators),
                        sentences_asking(words, self._question_tags, self._first_person, self._tag_hedges,
                                         self._telling_frames), skin, self.window, self._list_words,
                        proxy_named, self._proxy.relatives, self._proxy.pronouns,
                        self._proxy.relative_owners, not_now=not_now, growths=self._growths,
                        recent=self._recent)


def _clause_numbers(boundary: list[bool]) -> list[int]:
    """The clause number of each token; a boundary token closes its own clause."""
    return [0, *itertools.accumulate(int(b) for b in boundary[:-1])]


def _negative_sign_starts(i: int, sign_starts: dict, after: dict) -> bool:
    """Does a sign whose own words begin with a negation start at token i or the next ("no fever
    cant hold my pee", "no tengo calentura ya no aguanto la pipí", "no fiebre no siento las
    piernas")? Straight after another sign, it starts a new clause: the list's "no" ends there."""
    def own_negation(j: int) -> bool:  # a denial inside the sign's words, or "ya no" running into them
        return any(k == "neg_before" for t in (j, j + 1) if t < sign_starts[j] - 1 for k, _ in after.get(t, ())) \
            or any(k == "pseudo" and t < j < end for t in range(i, j) for k, end in after.get(t, ()))
    return any(j in sign_starts and own_negation(j) for j in (i, i + 1))
