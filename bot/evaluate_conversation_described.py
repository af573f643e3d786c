"""Judging inputs that blind off-script sets from set 5 on carry in their own items.

The format: tests/blind/SCHEMA_offscript.txt.
From set 5 on, a writer states a correction's slot and value (`correct_to`) and the words an
`other` answer must contain (`expect_words`), so nothing is written by hand after the set is
seen. Importing this module adds each item's entries to the rules' tables as it is read.
"""
from __future__ import annotations

import re
from typing import Any, Dict

from bot.evaluate_conversation_checks import CORRECTIONS, OTHER_CHECKS, says


def adapt(item: Dict[str, Any]) -> Dict[str, Any]:
    """The item, its own correction and `other` check registered for the judge."""
    correction = item.get("correct_to")
    if correction:
        value = correction["value"]
        if correction["slot"] == "pain_duration_weeks":
            value = float(value)
        elif correction["slot"] == "booking_time":
            value = re.escape(str(value))  # the judge matches a time by pattern
        CORRECTIONS[item["id"]] = (correction["slot"], value, list(correction.get("taken_back") or []))
    words = item.get("expect_words")
    if words:
        pattern = "|".join(re.escape(str(w)) for w in words)
        OTHER_CHECKS[item["id"]] = says(pattern, f"say any of {words}")
    return item
