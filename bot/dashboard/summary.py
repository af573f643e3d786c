"""One summary row per conversation session: what the dashboard counts.

One summary row per conversation session, from the session's events: what the dashboard
counts, so it never reads (or parses) the events table.

The same function reads a tracker's Event objects as it is saved (`record`, called by
bot.tracker_store inside the save's transaction) and the stored event rows (`rebuild`, for
conversations stored before the dashboard existed): the events are first reduced to
(type, timestamp, intent, name, value), which both give alike. Nothing the patient wrote is
kept: slot values that are names (level, red flags, options, request kind), intent names and
counts.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Dict, Iterable, List, NamedTuple, Optional

logger = logging.getLogger(__name__)

# The assistant's answers when it could not help with what was asked (data/rules.yml,
# config.yml's core fallback).
FALLBACK_ACTIONS = frozenset({"utter_default", "action_cannot_help", "action_default_fallback"})
# The questions the assistant asks, in the order a conversation meets them: the funnel of
# "where patients leave". A question's step is its name without utter_ask_/action_ask_.
STEPS = ("start", "pain_location", "pain_duration_weeks", "treatments_tried", "red_flag_screen",
         "red_flag_confirm", "pain_pattern", "prior_injection_relief", "booking_name",
         "booking_contact", "booking_time")
SLOTS_KEPT = ("triage_level", "red_flags", "options_explained", "booking_kind",
              "booking_reference", "language")


class Step(NamedTuple):
    """An event reduced to what the summary reads."""
    type_name: str              # "user", "bot", "action", "slot", "session_started", ...
    timestamp: float
    intent: Optional[str] = None
    name: Optional[str] = None  # the action's or the slot's name
    value: Any = None           # a slot's value


def from_event(event: Any) -> Step:
    """A Rasa Event (as the tracker holds it)."""
    type_name = getattr(event, "type_name", "")
    if type_name == "user":
        return Step(type_name, event.timestamp, intent=event.intent_name)
    if type_name == "action":
        return Step(type_name, event.timestamp, name=event.action_name)
    if type_name == "slot":
        return Step(type_name, event.timestamp, name=event.key, value=event.value)
    return Step(type_name, event.timestamp)


def from_row(type_name: str, timestamp: float, intent: Optional[str], name: Optional[str],
             data: Dict[str, Any]) -> Step:
    """A stored row of Rasa's events table (its columns, `data` parsed)."""
    return Step(type_name, timestamp, intent=intent, name=name,
                value=data.get("value") if type_name == "slot" else None)


def channel_of(conversation_id: str) -> str:
    """The channel the conversation came through: the channels prefix every id with theirs
    (web:, rest:, sms:, whatsapp:, telegram:, ...)."""
    prefix, sep, _ = conversation_id.partition(":")
    return prefix.lower()[:40] if sep and prefix.isalnum() else "other"


def _names(values: Any) -> str:
    items = [str(v) for v in (values or []) if v] if isinstance(values, (list, tuple)) else []
    return "|" + "|".join(items) + "|" if items else ""


def sessions(steps: Iterable[Step]) -> List[List[Step]]:
    """The steps split where a session starts (what comes before the first session_started,
    Rasa's action_session_start, belongs to it)."""
    result: List[List[Step]] = [[]]
    for step in steps:
        if step.type_name == "session_started" and any(
                s.type_name in ("user", "session_started") for s in result[-1]):
            result.append([])
        result[-1].append(step)
    return [s for s in result if s]


@lru_cache(maxsize=1)
def clinic_tz() -> Any:
    """The clinic's time zone (clinic.yml, checked at start-up), for each session's day."""
    try:
        from bot.clinic import load_clinic
        return load_clinic().tz
    except Exception:  # noqa: BLE001 - the assistant's own start-up check reports it
        return timezone.utc


class SessionFold:
    """One session's summary, read a step at a time (`summarise` reads a whole session; the
    tracker store's `record` goes on from the steps it already read, bot/dashboard/kept.py)."""
    __slots__ = ("slots", "last_question", "unanswered", "pending_intent", "messages",
                 "fallbacks", "started", "first_at", "last_at", "opened")

    def __init__(self) -> None:
        self.slots: Dict[str, Any] = {}
        self.last_question: Optional[str] = None
        self.unanswered: Dict[str, int] = {}
        self.pending_intent: Optional[str] = None
        self.messages = self.fallbacks = 0
        self.started: Optional[float] = None   # its first session_started step's time
        self.first_at: Optional[float] = None
        self.last_at: Optional[float] = None
        self.opened = False  # a user or session_started step read: the next start is another

    def add(self, step: Step) -> None:
        if self.first_at is None:
            self.first_at = step.timestamp
        self.last_at = step.timestamp
        type_name = step.type_name
        if type_name == "user":
            self.opened = True
            self.messages += 1
            self.pending_intent = step.intent or "unknown"
        elif type_name == "slot" and step.name in SLOTS_KEPT:
            self.slots[step.name] = step.value
        elif type_name == "action" and step.name:
            name = step.name
            if name.startswith(("utter_ask_", "action_ask_")):
                self.last_question = name.split("_ask_", 1)[1][:60]
            elif name in FALLBACK_ACTIONS and self.pending_intent is not None:
                self.fallbacks += 1
                self.unanswered[self.pending_intent] = (
                    self.unanswered.get(self.pending_intent, 0) + 1)
                self.pending_intent = None
            elif name != "action_listen":
                self.pending_intent = None  # answered by something else
        elif type_name == "session_started":
            self.opened = True
            if self.started is None:
                self.started = step.timestamp

    def row(self, conversation_id: str, tz: Any = timezone.utc) -> Dict[str, Any]:
        slots = self.slots
        # Its session_started event: the one both a saved tracker (which may begin with it)
        # and the stored rows (which also hold the action before it) have.
        start = float(self.started if self.started is not None else self.first_at)
        requested = ((slots.get("booking_kind") or "consultation")
                     if slots.get("booking_reference") else None)
        return {
            "conversation_id": conversation_id,
            "session_start": start,
            "local_day": datetime.fromtimestamp(start, tz).date().isoformat(),
            "channel": channel_of(conversation_id),
            "last_at": float(self.last_at),
            "user_messages": self.messages,
            "triage_level": slots.get("triage_level"),
            "red_flags": _names(slots.get("red_flags"))[:500],
            "options_explained": _names(slots.get("options_explained"))[:1000],
            "request_kind": requested,
            "last_question": self.last_question,
            "fallbacks": self.fallbacks,
            "unanswered": "|".join(
                f"{k}={v}" for k, v in sorted(self.unanswered.items()))[:1000],
            "language": slots.get("language"),
        }


class ConversationFold:
    """Every session's summary of a conversation, read a step at a time: a session starts at
    a session_started step once the one before holds a user or session_started step
    (`sessions`)."""
    __slots__ = ("done", "current")

    def __init__(self) -> None:
        self.done: List[SessionFold] = []
        self.current: Optional[SessionFold] = None

    def add(self, step: Step) -> None:
        if self.current is None:
            self.current = SessionFold()
        elif step.type_name == "session_started" and self.current.opened:
            self.done.append(self.current)
            self.current = SessionFold()
        self.current.add(step)

    def rows(self, conversation_id: str, tz: Any = timezone.utc) -> List[Dict[str, Any]]:
        folds = self.done + ([self.current] if self.current is not None else [])
        return [fold.row(conversation_id, tz) for fold in folds]


def summarise(conversation_id: str, session: List[Step], tz: Any = timezone.utc) -> Dict[str, Any]:
    """The summary row of one session; `tz`: the clinic's time zone."""
    fold = SessionFold()
    for step in session:
        fold.add(step)
    return fold.row(conversation_id, tz)


def summarise_all(conversation_id: str, steps: Iterable[Step],
                  tz: Any = timezone.utc) -> List[Dict[str, Any]]:
    fold = ConversationFold()
    for step in steps:
        fold.add(step)
    return fold.rows(conversation_id, tz)


_tables_seen: Dict[str, bool] = {}


def _has_summary_table(url: str, connection: Any) -> bool:
    """Whether the database has been migrated to hold the summary rows (`make run` migrates
    before Rasa starts; a database Rasa made alone has only its events). Checked once per
    database and process: a conversation is never refused for want of a count, and
    `python -m bot dashboard rebuild` fills in what was missed."""
    if url not in _tables_seen:
        import sqlalchemy as sa

        _tables_seen[url] = sa.inspect(connection.connection()).has_table("conversation_stats")
        if not _tables_seen[url]:
            logger.warning("no dashboard table in this database: run `python -m bot db upgrade`")
    return _tables_seen[url]


def record(connection: Any, tracker: Any) -> None:
    """Called by the tracker store inside the transaction that saves `tracker`'s events, so a
    conversation and its summary are stored together (or retried together). A mistake in
    summarising is logged (its type only) and never fails the patient's turn; a database
    error is the save's and is retried with it."""
    from bot.dashboard.kept import summary_rows
    from bot.store.dashboard import upsert_stats

    if not _has_summary_table(str(connection.get_bind().url), connection):
        return
    try:  # summarise_all over every event, going on from those read at the last save
        rows = summary_rows(tracker, from_event, clinic_tz())
    except Exception as error:  # noqa: BLE001 - the turn matters more than a count
        logger.error("dashboard summary skipped: %s", type(error).__name__)
        return
    upsert_stats(connection, rows)
