"""Extra spaces, tabs and line breaks a patient typed, taken out before phrases are matched.

spaCy makes a token of every extra space, tab or line break ("low  back" is "low", " ",
"back"), and the phrase matchers then miss the phrase.

* `words_only`: the message without its runs of spaces and tabs (a line break stays: it ends a
  sentence), with each token's character offsets in the text as typed;
* `unbroken`: a normalised message also without its line breaks ("lower\\nback"), with each
  token's index in the message it came from, for the phrase matchers only.
"""
from __future__ import annotations

from spacy.tokens import Doc


def words_only(vocab, source: Doc) -> tuple[Doc, list[tuple[int, int]]]:
    kept = [t for t in source if not t.is_space or "\n" in t.text]
    offsets = [(t.idx, t.idx + len(t.text)) for t in kept]
    return Doc(vocab, words=[t.text for t in kept], spaces=[True] * len(kept)), offsets


def unbroken(vocab, ndoc: Doc) -> tuple[Doc, list[int]]:
    at = [i for i, t in enumerate(ndoc) if not t.is_space]
    if len(at) == len(ndoc):
        return ndoc, at
    return Doc(vocab, words=[ndoc[i].text for i in at], spaces=[True] * len(at),
               lemmas=[ndoc[i].lemma_ or ndoc[i].text for i in at]), at
