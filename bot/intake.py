"""What happens to a patient's message before the assistant reads it: one gate for every channel.

Three things, in this order, for every message from every channel (bot/channels/gate.py wraps each
channel's handler with bot/intake_turn.py's :func:`gated`):

1. **Flood limit**, per sender: a token bucket of ``FLOOD_BURST`` messages (default 20),
   refilled at ``FLOOD_PER_MINUTE`` (default 60), and at most ``FLOOD_IN_FLIGHT`` (default 5)
   of one sender's messages being read or waiting their turn at once. A patient typing,
   tapping buttons quickly, or an SMS provider delivering a backlog at once stays well inside
   it; a script or a stuck client sending hundreds a second is stopped, so its messages never
   queue in front of other patients' (each costs NLU, the tracker and the action server).
   The in-flight cap matters because Rasa reads one sender's messages strictly one after
   another: measured with 60 of them sent at once on a busy machine, the last ones waited
   more than Rasa's 60-second conversation lock allows and failed. The excess is not read and
   not stored: the reply says so and asks the patient to send it
   again, so nothing they meant is lost without them knowing. On channels where every reply
   is an outbound message the clinic pays for (SMS, WhatsApp, Telegram, Messenger, Slack),
   that notice goes out at most once per ``FLOOD_NOTICE_SECONDS`` (default 30) per sender;
   that also ends a reply loop with another automated account. With one Rasa process the
   buckets live in its memory; with several Sanic workers (SANIC_WORKERS > 1, `make run` on
   a machine with several cores) in the database, beside the conversations' ticket queues
   (bot/flood_store.py), so a sender's allowance is the same whichever worker reads their
   message. Several servers behind a proxy share it when they share a PostgreSQL database;
   senders who keep changing their id are a job for the reverse proxy.
   ``FLOOD_BURST=0`` turns the limit off.
2. **Length limit**: a message over ``MAX_MESSAGE_CHARS`` characters (default 2000) is not
   read; the patient is asked to say it in a few sentences. The conversation is untouched:
   the message never reaches the NLU (100 kB costs half a second of it), the tracker or the
   forms, so a form still waits for the same answer.
3. **Clean-up**: characters no patient types and no database should store are removed
   (control characters other than tab and newline, unpaired UTF-16 surrogates, which
   PostgreSQL and UTF-8 encoders reject); everything else is kept as written.
4. **A leading "/"** makes Rasa read a message as an intent with entities
   (``/inform{"duration": 99999999}`` sets them, skipping the NLU), and Rasa logs the text of
   one it cannot parse. Only the bare payloads the assistant's own buttons and channels send
   (``/affirm``, ``/deny``, ``/greet``: an intent of domain.yml, nothing after it) keep it;
   from anything else typed with a leading slash the slash is dropped and the words are read
   as words.

A turn that fails is answered in bot/intake_turn.py (the one failure path).

Why here and not as the first NLU component: a component runs after Rasa has logged the
message, taken the conversation's lock and added the message to the tracker, so a refused
message would still be stored (100 kB of it), move the form on and cost every later turn;
and a flood must be refused before it waits in line for that lock. One function shared by
every channel keeps the limits the same on each.

Nothing here logs what a patient wrote or who they are (a sender id may be a phone number).
"""
from __future__ import annotations

import math
import os
import re
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import Any, Callable, FrozenSet, Mapping, Optional, Tuple

DEFAULT_MAX_MESSAGE_CHARS = 2000
DEFAULT_FLOOD_BURST = 20
DEFAULT_FLOOD_PER_MINUTE = 60
DEFAULT_FLOOD_NOTICE_SECONDS = 30
DEFAULT_FLOOD_IN_FLIGHT = 5

# C0 and C1 controls except tab, newline and carriage return; unpaired surrogates.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_PAYLOAD = re.compile(r"^/(\w+)$")
_LEADING_SLASHES = re.compile(r"^\s*/+\s*")
DOMAIN_FILE = Path(__file__).resolve().parent.parent / "domain.yml"


@dataclass(frozen=True)
class Limits:
    max_chars: int = DEFAULT_MAX_MESSAGE_CHARS
    burst: int = DEFAULT_FLOOD_BURST
    per_minute: float = DEFAULT_FLOOD_PER_MINUTE
    notice_seconds: float = DEFAULT_FLOOD_NOTICE_SECONDS
    in_flight: int = DEFAULT_FLOOD_IN_FLIGHT

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "Limits":
        def number(name: str, default: float, minimum: float) -> float:
            raw = (env.get(name) or "").strip()
            if not raw:
                return default
            try:
                value = float(raw)
            except ValueError:
                raise ValueError(f"{name}={raw!r} is not a number") from None
            if not math.isfinite(value) or value < minimum:
                raise ValueError(f"{name}={raw!r} must be at least {minimum:g}")
            return value

        return cls(
            max_chars=int(number("MAX_MESSAGE_CHARS", DEFAULT_MAX_MESSAGE_CHARS, 1)),
            burst=int(number("FLOOD_BURST", DEFAULT_FLOOD_BURST, 0)),
            per_minute=number("FLOOD_PER_MINUTE", DEFAULT_FLOOD_PER_MINUTE, 0.01),
            notice_seconds=number("FLOOD_NOTICE_SECONDS", DEFAULT_FLOOD_NOTICE_SECONDS, 0),
            in_flight=int(number("FLOOD_IN_FLIGHT", DEFAULT_FLOOD_IN_FLIGHT, 1)),
        )


def clean_text(text: str, intents: FrozenSet[str]) -> str:
    """The message without control characters and unpaired surrogates, and without a leading
    slash unless it is a bare payload of one of ``intents`` (see the module doc)."""
    text = _UNWANTED.sub("", text)
    if text.lstrip().startswith("/"):
        payload = _PAYLOAD.match(text.strip())
        if not (payload and payload.group(1) in intents):
            text = _LEADING_SLASHES.sub("", text)
    return text


def domain_intents(path: Path = DOMAIN_FILE) -> FrozenSet[str]:
    import yaml

    return frozenset(yaml.safe_load(path.read_text(encoding="utf-8")).get("intents") or [])


def admit(bucket: list, now: float, burst: int, rate: float, max_in_flight: int,
          in_flight: int, notice_seconds: float) -> Tuple[bool, bool]:
    """One message arrives now: refills ``bucket`` ([tokens, last refill, last notice]) and
    takes a token if the sender may send it (``in_flight`` of theirs already in hand);
    (allowed, first notice due). The one rule of both flood limits."""
    bucket[0] = min(float(burst), bucket[0] + max(0.0, now - bucket[1]) * rate)
    bucket[1] = now
    if bucket[0] >= 1.0 and in_flight < max_in_flight:
        bucket[0] -= 1.0
        return True, False
    if now - bucket[2] >= notice_seconds:
        bucket[2] = now
        return False, True
    return False, False


class FloodLimit:
    """A token bucket and an in-flight count per sender, in this process's memory, bounded
    in size (one Rasa process; with several workers bot.flood_store.DatabaseFloodLimit)."""

    def __init__(self, burst: int, per_minute: float, notice_seconds: float,
                 in_flight: int = DEFAULT_FLOOD_IN_FLIGHT, max_senders: int = 50_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.rate, self.max_in_flight = burst, per_minute / 60.0, in_flight
        self.notice_seconds, self.max_senders, self.clock = notice_seconds, max_senders, clock
        # sender key -> [tokens, last refill time, last notice time, messages in flight]
        self._buckets: "OrderedDict[Tuple[str, str], list]" = OrderedDict()
        self._lock = Lock()

    def take(self, channel: str, sender: str) -> Tuple[bool, bool]:
        """(allowed, first notice due): one message from this sender arrives now. An allowed
        message is in flight until :meth:`release`."""
        if self.burst <= 0:
            return True, False
        key, now = (channel, sender), self.clock()
        with self._lock:
            bucket = self._buckets.pop(key, None) or [float(self.burst), now, -math.inf, 0]
            allowed, notice_due = admit(bucket, now, self.burst, self.rate, self.max_in_flight,
                                        bucket[3], self.notice_seconds)
            bucket[3] += allowed
            self._buckets[key] = bucket
            while len(self._buckets) > self.max_senders:
                self._buckets.popitem(last=False)  # the longest idle: its bucket was full again
        return allowed, notice_due

    def release(self, channel: str, sender: str) -> None:
        """An allowed message has been answered (or refused for another reason)."""
        if self.burst <= 0:
            return
        with self._lock:
            bucket = self._buckets.get((channel, sender))
            if bucket is not None:
                bucket[3] = max(0, bucket[3] - 1)


@dataclass(frozen=True)
class Verdict:
    """What to do with one message: read it (``reply`` None), or answer ``reply`` instead."""

    text: str                     # the cleaned text to read
    reply: Optional[str] = None   # the kind answer instead of reading it
    send_reply: bool = True       # False: a flood notice already went out recently
    reason: str = ""              # too_fast | too_long, for the counts in the log


class Gate:
    def __init__(self, limits: Limits, replies: "Replies", intents: FrozenSet[str],
                 flood: Optional[Any] = None) -> None:
        self.limits, self.replies, self.intents = limits, replies, intents
        self.flood = flood or FloodLimit(limits.burst, limits.per_minute,
                                         limits.notice_seconds, limits.in_flight)

    def check(self, channel: str, sender: str, text: str, *, reply_is_free: bool,
              language: str = "en") -> Verdict:
        """``reply_is_free``: the reply travels back on the patient's own request or socket
        (REST, web chat), so every refused message gets one; otherwise notices are spaced.
        ``language``: the one the page or channel sent (metadata), for the refusal's words.
        A message to be read stays in flight until :meth:`done`."""
        allowed, notice_due = self.flood.take(channel, sender)
        if not allowed:
            return Verdict(text, self.replies.too_fast(language), reply_is_free or notice_due,
                           "too_fast")
        if len(text) > self.limits.max_chars:
            self.done(channel, sender)
            return Verdict(text, self.replies.too_long(self.limits.max_chars, language), True,
                           "too_long")
        return Verdict(clean_text(text, self.intents))

    def done(self, channel: str, sender: str) -> None:
        self.flood.release(channel, sender)


class Replies:
    """The two kind answers, worded in content/conversation.yml (re-read when edited)."""

    def too_fast(self, language: str = "en") -> str:
        from bot.advice import messages_too_fast
        return messages_too_fast(*_settings(language))

    def too_long(self, limit: int, language: str = "en") -> str:
        from bot.advice import message_too_long
        return message_too_long(*_settings(language), limit=limit)


def _settings(language: str = "en"):
    from bot.clinic import load_clinic
    from bot.content import load_content
    return load_content(lang=language), load_clinic()


_gate: Optional[Gate] = None


def default_gate() -> Gate:
    """The process's gate, with the limits from the environment (read once, at first use)."""
    global _gate
    if _gate is None:
        limits, flood = Limits.from_env(), None
        if int(os.environ.get("SANIC_WORKERS") or 1) > 1 and limits.burst > 0:
            # One of several worker processes: a sender's allowance is shared through the
            # database, not counted once per worker.
            from bot.flood_store import DatabaseFloodLimit

            flood = DatabaseFloodLimit(limits)
        _gate = Gate(limits, Replies(), domain_intents(), flood)
    return _gate


# A channel request carries one patient message: a few kB at most. Larger bodies are refused
# before anything is read (nginx's client_max_body_size is the same idea one step earlier).
MESSAGE_BODY_LIMIT = int(os.environ.get("MESSAGE_BODY_LIMIT") or 64 * 1024)

# Metadata a channel attaches to a message is stored with it in the conversation. The
# assistant reads only the language a page or channel chose (the widget's data-lang, a REST
# client's "metadata": {"language": "es"}), so only that is kept, and only a language it
# speaks: a client cannot fill the database through it.
METADATA_LANGUAGES = ("en", "es")
USED_METADATA: Mapping[str, Tuple[str, ...]] = {"language": METADATA_LANGUAGES}


def kept_metadata(metadata: Any) -> dict:
    """Only the metadata the assistant uses (USED_METADATA), with an allowed value."""
    if not isinstance(metadata, Mapping):
        return {}
    return {key: metadata[key] for key, allowed in USED_METADATA.items()
            if metadata.get(key) in allowed}
