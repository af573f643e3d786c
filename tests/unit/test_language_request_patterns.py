"""A language request is found with patterns compiled once per vocabulary, as re.search on
each phrase found it (bot/language.py `requested_language`)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot import language
from bot.nlu.language import language_vocabulary, plain

BLIND = Path(__file__).resolve().parents[1] / "blind"


def _the_long_way(text):
    said = " " + " ".join(re.findall(r"\w+", plain(text))) + " "
    for lang, phrases in language_vocabulary()["requests"].items():
        if any(re.search(language.not_said_before(phrase) + re.escape(f" {phrase} "), said)
               for phrase in phrases):
            return lang
    return None


def _texts():
    vocab = language_vocabulary()
    for phrases in vocab["requests"].values():
        for phrase in phrases:
            yield from (phrase, f"can you {phrase}?", f"she does not {phrase}", f"no {phrase}",
                        f"¿{phrase.upper()}?", f"x{phrase}")
    for path in sorted(BLIND.glob("understanding_*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str) and len(item) < 400:
                yield item


def test_every_request_phrase_and_seen_text_reads_the_same():
    texts = list(_texts())
    assert len(texts) > 1000
    found = [language.requested_language(t) for t in texts]
    assert found == [_the_long_way(t) for t in texts]
    assert {"en", "es", None} <= set(found)


def test_patterns_follow_a_new_vocabulary(monkeypatch):
    old = language_vocabulary()
    new = {**old, "requests": {"en": ["speak english"], "es": ["zzz qqq"]}}
    monkeypatch.setattr(language, "language_vocabulary", lambda: new)
    assert language.requested_language("zzz qqq please") == "es"
    monkeypatch.setattr(language, "language_vocabulary", lambda: old)
    assert language.requested_language("zzz qqq please") is None
