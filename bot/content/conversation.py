"""conversation.yml: every text the code says, and the words for how long something has lasted.

Each key the code uses is required, with its allowed placeholders (``CONVERSATION_TEXTS``,
``DURATION_WORDS``)."""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from bot.content.checker import Checker
from bot.content.fields import CONVERSATION_TEXTS, DURATION_WORDS


def build_conversation(file: Path, data: Mapping[str, Any]) -> Mapping[str, str]:
    c = Checker(file)
    texts = {key: value for key, value in data.items() if key != "durations"}
    for key, placeholders in CONVERSATION_TEXTS.items():
        if data.get(key) is None:
            raise c.fail(key, "is missing")
        texts[key] = c.text(data[key], key, placeholders)
    return MappingProxyType(texts)


def build_duration_words(file: Path, data: Mapping[str, Any]) -> Mapping[str, str]:
    c = Checker(file)
    if data.get("durations") is None:
        raise c.fail("durations", "is missing")
    words = c.mapping(data["durations"], "durations", DURATION_WORDS, DURATION_WORDS)
    return MappingProxyType({key: c.text(words[key], f"durations.{key}", DURATION_WORDS[key])
                             for key in DURATION_WORDS})
