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
    doc = Doc(vocab, words=[t.text for t in kept], spaces=_spaces(source, kept))
    for token, said in zip(doc, kept):
        token.norm_ = said.norm_  # the tokenizer's norms: "n't" is "not", "cant" "can not"
    return doc, offsets


def _spaces(doc: Doc, kept: list) -> list[bool]:
    """Whether each kept token was followed by a space ("ca|n't" stays one word's parts)."""
    return [bool(t.whitespace_) or (t.i + 1 < len(doc) and doc[t.i + 1].is_space) for t in kept]


def unbroken(vocab, ndoc: Doc) -> tuple[Doc, list[int]]:
    at = [i for i, t in enumerate(ndoc) if not t.is_space]
    if len(at) == len(ndoc):
        return ndoc, at
    return Doc(vocab, words=[ndoc[i].text for i in at], spaces=_spaces(ndoc, [ndoc[i] for i in at]),
               lemmas=[ndoc[i].lemma_ or ndoc[i].text for i in at]), at
