"""The clinic-question matcher's indexed match (issue 19) finds exactly the topics the word-by-word
check found: the former `Faq.match` is kept here as the reference and both run on new
sentences of this file, every example of both faq files with typos made in it, and every blind
understanding and off-script text. (Session 22: only the examples holding a word found are
checked, `_ExampleIndex.complete`; the same comparison holds it to the word-by-word check.)"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Sequence

import pytest
import yaml

from bench.nlu_parses import blind_texts
from bot.faq import STOPWORDS, Faq, _has, _plain, load_faq, simple_words

BLIND = Path(__file__).resolve().parents[1] / "blind"


def reference_match(faq: Faq, words: Sequence[str]) -> List[str]:
    """`Faq.match` as it was before the index: every example checked word by word."""
    present = {w for w in map(_plain, words) if w not in STOPWORDS}
    found: Dict[str, bool] = {}
    by_length: Dict[int, List[str]] = {}
    for word in present:
        by_length.setdefault(len(word), []).append(word)

    def has(wanted: str) -> bool:
        if wanted not in found:
            near = [w for n in (len(wanted) - 1, len(wanted), len(wanted) + 1)
                    for w in by_length.get(n, ())]
            found[wanted] = wanted in present or _has(near, wanted)
        return found[wanted]

    matched = {}
    for topic in faq.topics:
        best = max((ex for ex in topic.examples if all(map(has, ex))), key=len, default=())
        if best:
            matched[topic.name] = set(best)
    kept = [name for name, words in matched.items()
            if not any(words < other for other in matched.values())]
    kept.sort(key=lambda name: -len(matched[name]))
    return kept


def typos(word: str) -> List[str]:
    """Each kind of one-letter slip, at the start, middle and end of the word."""
    out = []
    for i in sorted({0, 1, len(word) // 2, len(word) - 2, len(word) - 1}):
        if 0 <= i < len(word):
            out.append(word[:i] + word[i + 1:])  # a letter missing
            out.append(word[:i] + "x" + word[i + 1:])  # a letter wrong
            out.append(word[:i] + "e" + word[i:])  # a letter extra
            if i + 1 < len(word):
                out.append(word[:i] + word[i + 1] + word[i] + word[i + 2:])  # two swapped
    return out


OWN = [
    "do you guys take blue cross?", "wher r u located", "is ther parking near the clinic",
    "what are your opening hours on saturday", "can I bring my husband with me?",
    "how much does a consultation cost without insurance", "do I need a referal",
    "¿dónde están ubicados?", "¿aceptan seguro médico?", "¿a qué hora abren el sábado?",
    "some days it's there, some days it isn't", "my back hurts when I bring the shopping in",
    "ok", "", "humana", "Humanna insurance?", "parkign", "telehealth or video visit please",
]


@lru_cache(maxsize=1)
def _texts() -> List[str]:
    texts = list(OWN)
    for lang in ("en", "es"):
        for topic in load_faq(lang=lang).topics:
            for example in topic.examples:
                texts.append(" ".join(example))
                for i, word in enumerate(example):
                    for typo in (typos(word) if len(word) >= 4 else ())[::8]:
                        texts.append(" ".join(example[:i] + (typo,) + example[i + 1:]))
    for found in blind_texts().values():
        texts += found
    for path in sorted(BLIND.glob("offscript_*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for key in ("text", "message"):
                if isinstance(item, dict) and isinstance(item.get(key), str):
                    texts.append(item[key])
    return texts


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_index_finds_what_the_word_by_word_check_found(lang):
    faq = load_faq(lang=lang)
    texts = _texts()
    assert len(texts) > 4000
    differ = [t for t in texts
              if faq.match(simple_words(t)) != reference_match(faq, simple_words(t))]
    assert differ == []
    # the examples themselves, and some typos, are found at all (the comparison is not empty)
    assert sum(bool(faq.match(simple_words(t))) for t in texts) > 500
