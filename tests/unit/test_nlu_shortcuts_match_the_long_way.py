"""The NLU shortcuts (issues 15 and 19) find exactly what the long way found.

The vocabularies' token patterns are tried only on messages holding the words they need
(bot/nlu/anchored_matcher.py), the story phrases likewise (bot/nlu/phrasing.py), the intent
classifier's weights are stored column-first, and a Spanish message's vocabulary matching runs
once for the featurizer and the extractor. Each is compared with the long way on new
sentences of this file and on every blind understanding text (bench/nlu_parses.py compares
whole parses before and after a change)."""
from __future__ import annotations

import re

import numpy as np
import pytest
import scipy.sparse
import spacy
from spacy.matcher import Matcher

from bench.nlu_parses import blind_texts
from bot.nlu import components, phrasing
from bot.nlu.anchored_matcher import AnchoredMatcher, word_tests
from bot.nlu.components import english_matcher, spanish_matcher
from bot.nlu.injections import injection_entities
from bot.nlu.pattern import pattern_entities

OWN = {
    "en": ["I lost 2 stone without trying and I can't feel my bum when I wipe",
           "my legs keep giving way on the stairs, temp of 38.5 last night",
           "numbness down there, and I've been dribbling when I cough",
           "had 3 epidurals, the last one helped for about 4 months",
           "it shoots down the back of my left leg into my toes",
           "no fever, I can feel my groin fine, my back is killing me",
           "ok", "", "K\u212a \u017fore ba\u0130ck"],  # Kelvin sign, long s, dotted I
    "es": ["se me duermen las nalgas y se me doblan las piernas",
           "bajé 6 kilos sin dieta, tengo 38,5 de temperatura",
           "me pusieron una epidural hace 2 meses y me ayudó un poco",
           "el dolor me baja por la pierna hasta el pie",
           "no se me sale la orina, eso no", "¿qué?", "Después DEL accidente"],
}


def _texts(language):
    return OWN[language] + blind_texts()[language]


@pytest.fixture(scope="module")
def matchers():
    return {"en": english_matcher(spacy.load(".build/spacy_en")), "es": spanish_matcher()}


@pytest.mark.parametrize("language", ["en", "es"])
def test_anchored_token_patterns_find_what_spacys_matcher_finds(matchers, language):
    clinical = matchers[language]
    anchored = clinical._token_matcher
    assert isinstance(anchored, AnchoredMatcher)
    found_any = 0
    for text in _texts(language):
        ndoc = clinical._normalize(clinical.nlp.make_doc(text.lower()))
        ours, spacys = anchored(ndoc), anchored._whole(ndoc)
        assert sorted(set(ours)) == sorted(set(spacys)), text
        found_any += bool(spacys)
    assert found_any > 50  # the comparison has teeth


def test_a_pattern_is_filed_under_the_words_it_cannot_match_without():
    nlp = spacy.blank("en")
    pattern = [{"LOWER": "lost"}, {"LOWER": {"IN": ["a", "some"]}, "OP": "?"},
               {"LIKE_NUM": True}, {"LEMMA": {"IN": ["kilo", "pound"]}, "OP": "+"},
               {"LOWER": {"REGEX": "^x"}}, {"LOWER": "!", "OP": "!"}]
    assert word_tests(pattern) == [("LOWER", frozenset({"lost"})),
                                   ("LEMMA", frozenset({"kilo", "pound"}))]
    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("weight", [[{"LOWER": "lost"}, {"LIKE_NUM": True}, {"LOWER": "kilos"}]])
    matcher.add("number", [[{"LIKE_NUM": True}]])  # no word test: always tried
    whole = Matcher(nlp.vocab)
    whole.add("weight", [[{"LOWER": "lost"}, {"LIKE_NUM": True}, {"LOWER": "kilos"}]])
    whole.add("number", [[{"LIKE_NUM": True}]])
    for text in ("I lost 5 kilos", "I gained 5 kilos", "lost my keys", "nothing here"):
        doc = nlp(text)
        for token in doc:
            token.lemma_ = token.lower_
        assert sorted(matcher(doc)) == sorted(whole(doc)), text


def test_story_phrases_are_skipped_only_where_they_cannot_match():
    def both(read):
        ours = [read(t) for t in texts]
        keep = phrasing._words_of
        phrasing._words_of = lambda phrase: ()  # every phrase tried, as before
        try:
            return ours, [read(t) for t in texts]
        finally:
            phrasing._words_of = keep

    texts = _texts("en")
    ours, theirs = both(lambda t: pattern_entities(t) + injection_entities(t))
    assert ours == theirs and sum(1 for found in ours if found) > 30
    texts = _texts("es")
    ours, theirs = both(lambda t: components.spanish_story(t, []))
    assert ours == theirs and sum(1 for found in ours if found) > 30


def test_readable_characters_match_case_blind_only_their_own_cases():
    # the assumption of phrasing.find's skip: a READABLE pattern letter matches, under re.I,
    # a character of the text only when their lower cases are equal; every other match
    # involves a character outside READABLE (such a text is read phrase by phrase)
    chars = [chr(code) for code in range(0x3000)]
    for letter in phrasing.READABLE:
        matches = re.compile(re.escape(letter), re.I).fullmatch
        for char in chars:
            if matches(char) is not None:
                assert char.lower() == letter.lower() or char not in phrasing.READABLE


def test_column_first_weights_give_the_classifiers_exact_probabilities():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(7)
    features = scipy.sparse.random(300, 500, density=0.02, format="csr", random_state=7)
    labels = rng.integers(0, 6, 300)
    clf = LogisticRegression(max_iter=500).fit(features, labels)
    rows = scipy.sparse.random(40, 500, density=0.03, format="csr", random_state=8)
    before = clf.predict_proba(rows)
    clf.coef_ = np.asfortranarray(clf.coef_)
    assert clf.coef_.T.flags["C_CONTIGUOUS"]
    assert np.array_equal(clf.predict_proba(rows), before)  # bit for bit


def test_a_spanish_message_is_matched_once_for_the_featurizer_and_the_extractor(monkeypatch):
    calls = []
    matcher = spanish_matcher()
    original = type(matcher).__call__
    monkeypatch.setattr(type(matcher), "__call__",
                        lambda self, doc: calls.append(doc.text) or original(self, doc))
    text = "me duele la cintura desde hace 3 semanas y se me duermen las nalgas"
    reader = components.ReadsSpacyNLPDoc()
    first = reader.read(text, model=None)
    second = reader.read(text, model=None)
    assert first == second and first[0] == "es" and first[1]
    assert calls == [text]
