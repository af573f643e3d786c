"""Which words of a message are inside a question, for the clinical context reader.

A treatment inside a question is asked about, not tried; a red flag inside one is asked about
in general ("is fever with back pain serious?"), not said present (mention_context.py).

One exception, the question tag: "I can't feel my bum when I wipe, is that normal?" says the sign
and then asks about it. A sentence whose question is only a tag pointing back (context.yml
`question_tags`: "is that", "es normal") after the writer's own first person reports what it
says; the tag asks nothing about the words before it. A hedged statement ("a ratos como que se
me duermen las nalgas, ¿eso es normal?", `question_tag_hedges`) stays a question: asked first."""
from __future__ import annotations

from pathlib import Path
from typing import Collection, List, Optional, Sequence

import yaml

_ENDS = ("?", ".", "!")
_REFLEXIVE = ("no se", "no sé")
_KNOWING_NEXT = ("si", "bien", "que", "qué", ".", ",", "la verdad", "exactamente")
NOT_KNOWING_FILE = Path(__file__).resolve().parent / "vocab" / "not_knowing.yml"


def not_knowing_after_question() -> List[str]:
    """A sign asked about then "no idea", "? no sé si ...": not knowing, never the "? no" that
    answers ("fever? no"); every not-knowing phrase (vocab/not_knowing.yml) after a "?", read
    as a `pseudo` cue by mention_context.py."""
    phrases = (yaml.safe_load(NOT_KNOWING_FILE.read_text(encoding="utf-8")) or {}).get("phrases") or []
    # "no se" alone is also a reflexive "no" ("¿se cayó? No se ha caído"): only with what follows
    # a not knowing ("no sé si", "no sé bien", "no sé.")
    said = [p for p in phrases if p.lower() not in _REFLEXIVE] + [f"{p} {w}" for p in _REFLEXIVE for w in _KNOWING_NEXT]
    return [f"? {p}" for p in said]


def _ends_sentence(word: str) -> bool:
    return word in _ENDS or "\n" in word


def _phrase_at(sentence: Sequence[str], start: int, phrases: Collection[tuple]) -> Optional[tuple]:
    """The phrase of `phrases` whose words begin at `start` in the sentence, if any."""
    return next((p for p in phrases if tuple(sentence[start:start + len(p)]) == p), None)


def _tag_start(sentence: Sequence[str], tags: Collection[tuple], first_person: Collection[str],
               hedges: Collection[tuple] = ()) -> Optional[int]:
    """Where the sentence's question tag begins, when its question is a tag after the writer's
    own, unhedged statement (None otherwise)."""
    if any(_phrase_at(sentence, i, hedges) for i in range(len(sentence))):
        return None
    for start in range(1, len(sentence)):
        if _phrase_at(sentence, start, tags) and sentence[start - 1] in (",", "...", "..", "-") \
                and first_person.intersection(sentence[:start]):
            return None if "?" in sentence[:start] else start
    return None


def _telling(sentence: Sequence[str], frames: Collection[tuple], first_person: Collection[str]) -> bool:
    """Whether the question only frames the writer's own statement after it: "does it matter
    that I had prostate cancer?" tells the cancer and asks what it means."""
    for start in range(len(sentence)):
        frame = _phrase_at(sentence, start, frames)
        if frame and first_person.intersection(sentence[start + len(frame):]):
            return True
    return False


def sentences_asking(words: Sequence[str], tags: Collection[tuple] = (),
                     first_person: Collection[str] = frozenset(),
                     hedges: Collection[tuple] = (), frames: Collection[tuple] = ()) -> List[bool]:
    """Per token: does its sentence carry a "?" ("Can't feel my legs." is no question), unless
    that question is only a tag after the writer's own statement, or a frame before it. The
    words a tag leads into are still asked: in "I'm scared, could that shot paralyse me?" the
    paralysis is the question, not a statement."""
    flags: List[bool] = []
    current: List[str] = []
    for w in words:
        current.append(w)
        if _ends_sentence(w):
            asking = w == "?" and not _telling(current, frames, first_person)
            tag = _tag_start(current, tags, first_person, hedges) if asking else None
            told = len(current) if tag is None else tag
            flags.extend([asking and tag is None] * told + [asking] * (len(current) - told))
            current = []
    flags.extend([False] * len(current))
    return flags


def questions(words: Sequence[str], clause: Sequence[int], starters: Collection[str]) -> List[bool]:
    """Per token: is it inside a question (a clause ending in "?", or a sentence that starts
    with a question word)? Treatments there are asked about, not tried."""
    # "(rhizotomy?)": a name the patient is unsure of, no question
    asked = {clause[i] for i, w in enumerate(words) if w == "?" and words[i + 1:i + 2] != [")"]}
    flags, in_question, sentence_start = [], False, True
    for i, w in enumerate(words):
        if sentence_start and any(c.isalnum() for c in w):
            in_question, sentence_start = w in starters, False
        flags.append(in_question or clause[i] in asked)
        if _ends_sentence(w):
            sentence_start = True
    return flags


def question_topics(words: Sequence[str], clause: Sequence[int], covered: Collection[int],
                    pronouns: Collection[str], list_words: Collection[str],
                    separators: Collection[str]) -> List[bool]:
    """Per token: is it in a bare topic that a question then asks about ("medial branch
    blocks, how do they work?", "epidurals - do they help?")? A clause of nothing but
    mentions and list words, in a sentence whose "?" clause points back at it ("they",
    "it"). "I had 3 epidurals, do they work?" reports them: that clause says more."""
    sentence, sentences = 0, []
    for w in words:
        sentences.append(sentence)
        if _ends_sentence(w):
            sentence += 1
    asked = {clause[i] for i, w in enumerate(words) if w == "?"}
    pointing = {sentences[i] for i, w in enumerate(words)
                if clause[i] in asked and w in pronouns}
    said = {clause[i] for i, w in enumerate(words)
            if i not in covered and any(c.isalnum() for c in w)
            and w not in list_words and w not in separators}
    return [sentences[i] in pointing and clause[i] not in said and clause[i] not in asked
            for i in range(len(words))]
