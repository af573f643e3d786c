"""Numbered choices for channels without buttons, and messages split at a provider's limit.

Buttons as numbered choices for channels without them, answers by number, and a bot
message split only at a provider's length limit.
"""
from __future__ import annotations

import re
import time
import unicodedata
from collections import OrderedDict
from threading import Lock
from typing import Any, Dict, List, Optional, Text, Tuple

Button = Dict[str, Any]
_NUMBER_ANSWER = re.compile(r"^\s*#?\s*(\d{1,2})\s*[.)]?\s*$")
_TITLE_CLEAN = re.compile(r"[^\w ]+")


def numbered_choices(buttons: List[Button]) -> str:
    """``"1. Yes  2. No"`` for a few short choices, one per line for longer lists."""
    items = [f"{i}. {b.get('title') or b.get('payload')}" for i, b in enumerate(buttons, 1)]
    if len(items) <= 4 and sum(len(i) for i in items) <= 48:
        return "  ".join(items)
    return "\n".join(items)


def text_with_choices(text: str, buttons: List[Button]) -> str:
    if not buttons:
        return text
    return f"{text.rstrip()}\n\n{numbered_choices(buttons)}"


def _norm(title: str) -> str:
    """Lower case, no punctuation, no accents: "si" on a phone keypad chooses "Sí"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", title.lower())
                    if not unicodedata.combining(c))
    return " ".join(_TITLE_CLEAN.sub(" ", plain).split())


class ChoiceMemory:
    """The buttons last sent to each patient, so that "2" means the second of them.

    Kept per (channel, sender) in this process, bounded in size and age. Only the most recent
    bot message counts: a message without buttons clears it, so a "7" typed in answer to a
    0-10 question stays a 7.
    """

    def __init__(self, max_senders: int = 20_000, ttl_seconds: float = 24 * 3600) -> None:
        self.max_senders, self.ttl = max_senders, ttl_seconds
        self._data: "OrderedDict[Tuple[str, str], Tuple[float, List[Button]]]" = OrderedDict()
        self._lock = Lock()

    def remember(self, channel: str, sender: Any, buttons: List[Button]) -> None:
        key = (channel, str(sender))
        kept = [{"title": str(b.get("title") or ""), "payload": str(b.get("payload") or b.get("title") or "")}
                for b in buttons]
        with self._lock:
            self._data.pop(key, None)
            self._data[key] = (time.monotonic(), kept)
            while len(self._data) > self.max_senders:
                self._data.popitem(last=False)

    def forget(self, channel: str, sender: Any) -> None:
        with self._lock:
            self._data.pop((channel, str(sender)), None)

    def last(self, channel: str, sender: Any) -> List[Button]:
        with self._lock:
            item = self._data.get((channel, str(sender)))
        if not item or time.monotonic() - item[0] > self.ttl:
            return []
        return item[1]

    def resolve(self, channel: str, sender: Any, text: Optional[str]) -> Optional[str]:
        """The payload the patient chose by number (or by a button's exact title), else the text."""
        if not text:
            return text
        buttons = self.last(channel, sender)
        if not buttons:
            return text
        match = _NUMBER_ANSWER.match(text)
        if match:
            n = int(match.group(1))
            if 1 <= n <= len(buttons):
                return buttons[n - 1]["payload"]
            return text
        said = _norm(text)
        for b in buttons:
            if said and said == _norm(b["title"]):
                return b["payload"]
        return text


CHOICES = ChoiceMemory()


def chunks(text: str, limit: int) -> List[str]:
    """The text in as few messages as a provider's length limit allows, split at paragraphs."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    parts: List[str] = []
    current = ""
    for para in text.split("\n\n"):
        while len(para) > limit:  # one paragraph longer than the limit: cut at a space
            cut = para.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                parts.append(current)
                current = ""
            parts.append(para[:cut].rstrip())
            para = para[cut:].lstrip()
        candidate = f"{current}\n\n{para}" if current else para
        if len(candidate) <= limit:
            current = candidate
        else:
            parts.append(current)
            current = para
    if current:
        parts.append(current)
    return [p for p in parts if p]


class ChoicesMixin:
    """Remembers the buttons of the last message sent to each recipient (see ChoiceMemory)."""

    choices: ChoiceMemory = CHOICES

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        buttons = message.get("buttons") or message.get("quick_replies")
        if buttons:
            self.choices.remember(self.name(), recipient_id, buttons)
        elif message.get("text"):
            self.choices.forget(self.name(), recipient_id)
        await super().send_response(recipient_id, message)  # type: ignore[misc]

