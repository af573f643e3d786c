"""The conversation read model: Rasa's events as staff read them.

The conversation read model: Rasa's events as staff read them (summaries, transcripts,
the slots staff need), with the bookings each conversation made.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any, Dict, Iterable, List, Optional, Tuple

from sqlalchemy import func, select

from bot.store.bookings import booking_matches, list_bookings, status_history
from bot.store.migrations import engine_for
from bot.store.reviews import booking_activity_of, reviews_of
from bot.store.schema import LEVEL_ORDER, SERIOUS_LEVELS, STAFF_SLOTS, NotFound, booking_requests, events


@dataclass
class ConversationFilter:
    """The filters of the staff page and the command line (the same ones)."""
    levels: Tuple[str, ...] = ()          # triage levels; "none" = not triaged yet
    date_from: Optional[datetime] = None  # conversation started on or after
    date_to: Optional[datetime] = None    # ... and before
    red_flag: Optional[str] = None        # a flag name, or "any"
    booked: Optional[bool] = None
    search: Optional[str] = None          # booking name, phone/email, reference or conversation id
    needs_attention: bool = False

    @staticmethod
    def day(value: Optional[str], tz: tzinfo, next_day: bool = False) -> Optional[datetime]:
        """The start of the day `value` names ("2025-01-31"), or of the next one (for `date_to`),
        in the clinic's time zone `tz`; None when it is empty or no such date."""
        try:
            day = date.fromisoformat(value) if value else None
        except ValueError:
            return None
        if day is None:
            return None
        return datetime.combine(day + timedelta(days=1 if next_day else 0), time(0, 0), tzinfo=tz)

    def describe(self) -> str:
        """For the audit log: which filters, never the search text itself."""
        parts = []
        if self.needs_attention:
            parts.append("needs attention")
        if self.levels:
            parts.append("level=" + ",".join(self.levels))
        if self.date_from:
            parts.append(f"from={self.date_from.date().isoformat()}")
        if self.date_to:
            parts.append(f"to={self.date_to.date().isoformat()}")
        if self.red_flag:
            parts.append(f"red_flag={self.red_flag}")
        if self.booked is not None:
            parts.append(f"booked={'yes' if self.booked else 'no'}")
        if self.search:
            parts.append("search=(given)")
        return "; ".join(parts) or "all"


@dataclass
class Page:
    items: List[Dict[str, Any]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _loads(data: Optional[str]) -> Dict[str, Any]:
    try:
        return json.loads(data or "{}")
    except ValueError:
        return {}


def _epoch(value: Optional[datetime]) -> Optional[float]:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.timestamp()


def _summaries(connection, conversation_ids: Optional[Iterable[str]] = None,
               started_from: Optional[float] = None, started_to: Optional[float] = None
               ) -> Dict[str, Dict[str, Any]]:
    """One row per conversation: first and last event time, message count, staff slots."""
    bounds = (select(events.c.sender_id, func.min(events.c.timestamp).label("started"),
                     func.max(events.c.timestamp).label("last"),
                     func.sum(_case_user()).label("messages"))
              .group_by(events.c.sender_id))
    if started_from is not None:
        bounds = bounds.having(func.min(events.c.timestamp) >= started_from)
    if started_to is not None:
        bounds = bounds.having(func.min(events.c.timestamp) < started_to)
    ids = list(conversation_ids) if conversation_ids is not None else None
    if ids is not None:
        bounds = bounds.where(events.c.sender_id.in_(ids))
    result: Dict[str, Dict[str, Any]] = {}
    for row in connection.execute(bounds):
        result[row.sender_id] = {
            "conversation_id": row.sender_id, "started": row.started, "last": row.last,
            "messages": int(row.messages or 0), "slots": {},
        }
    if not result:
        return result
    slot_query = (select(events.c.sender_id, events.c.action_name, events.c.data)
                  .where(events.c.type_name == "slot", events.c.action_name.in_(STAFF_SLOTS))
                  .order_by(events.c.id))
    if ids is not None or len(result) <= 500:
        slot_query = slot_query.where(events.c.sender_id.in_(list(result)))
    for row in connection.execute(slot_query):
        summary = result.get(row.sender_id)
        if summary is not None:
            summary["slots"][row.action_name] = _loads(row.data).get("value")
    return result


def _case_user():
    from sqlalchemy import case
    return case((events.c.type_name == "user", 1), else_=0)


def _decorate(summary: Dict[str, Any], bookings: List[Dict[str, Any]],
              reviews: List[Dict[str, Any]]) -> Dict[str, Any]:
    slots = summary["slots"]
    last_at = _from_epoch(summary["last"])
    # Reviewed when someone reviewed it after its last event: a patient who writes again
    # after the review is seen again.
    reviewed = reviews[-1] if reviews and (
        last_at is None or reviews[-1]["reviewed_at"] >= last_at) else None
    summary.update({
        "triage_level": slots.get("triage_level"),
        "red_flags": list(slots.get("red_flags") or []),
        "pain_location": slots.get("pain_location"),
        "pain_duration_weeks": slots.get("pain_duration_weeks"),
        "duration_category": slots.get("duration_category"),
        "treatments_tried": slots.get("treatments_tried"),
        "peg_score": slots.get("peg_score"),
        "language": slots.get("language"),
        "bookings": bookings,
        "booked": bool(bookings),
        "open_requests": [b for b in bookings if b["status"] != "closed"],
        "started_at": _from_epoch(summary["started"]),
        "last_at": last_at,
        "reviews": reviews,
        "reviewed": reviewed,
        "needs_review": slots.get("triage_level") in SERIOUS_LEVELS and reviewed is None,
    })
    return summary


def _from_epoch(value: Optional[float]) -> Optional[datetime]:
    return datetime.fromtimestamp(value, timezone.utc) if value is not None else None


def _matches(item: Dict[str, Any], f: ConversationFilter) -> bool:
    if f.levels:
        level = item["triage_level"] or "none"
        if level not in f.levels:
            return False
    if f.red_flag:
        if f.red_flag == "any":
            if not item["red_flags"]:
                return False
        elif f.red_flag not in item["red_flags"]:
            return False
    if f.booked is not None and item["booked"] != f.booked:
        return False
    if f.search:
        needle = f.search.strip()
        if not (needle == item["conversation_id"]
                or any(booking_matches(b, needle) for b in item["bookings"])):
            return False
    if f.needs_attention and not item["needs_review"]:
        return False
    return True


def list_conversations(filters: Optional[ConversationFilter] = None, *, page: int = 1,
                       per_page: int = 25, url: Optional[str] = None) -> Page:
    """Conversations with their triage summary, filtered; when `needs_attention`, the
    unreviewed emergency and urgent ones, the most serious and then the oldest first;
    otherwise all, the newest first."""
    f = filters or ConversationFilter()
    with engine_for(url).connect() as connection:
        summaries = _summaries(connection, started_from=_epoch(f.date_from),
                               started_to=_epoch(f.date_to))
    by_conversation: Dict[str, List[Dict[str, Any]]] = {}
    for booking in list_bookings(url=url):
        by_conversation.setdefault(booking["conversation_id"], []).append(booking)
    reviews = reviews_of(url=url)
    items = [_decorate(s, by_conversation.get(cid, []), reviews.get(cid, []))
             for cid, s in summaries.items()]
    items = [item for item in items if _matches(item, f)]
    if f.needs_attention:
        items.sort(key=lambda i: (LEVEL_ORDER.get(i["triage_level"], 4), i["started"] or 0))
    else:
        items.sort(key=lambda i: -(i["last"] or 0))
    page = max(1, page)
    total = len(items)
    start = (page - 1) * per_page
    return Page(items=items[start:start + per_page], total=total, page=page, per_page=per_page)


def all_conversations(filters: Optional[ConversationFilter] = None, *,
                      url: Optional[str] = None) -> List[Dict[str, Any]]:
    return list_conversations(filters, page=1, per_page=10**9, url=url).items


def conversation_exists(conversation_id: str, *, url: Optional[str] = None) -> bool:
    with engine_for(url).connect() as connection:
        found = connection.execute(select(events.c.id).where(
            events.c.sender_id == conversation_id).limit(1)).first()
        if found:
            return True
        return connection.execute(select(booking_requests.c.id).where(
            booking_requests.c.conversation_id == conversation_id).limit(1)).first() is not None


def conversation_ids(*, url: Optional[str] = None) -> List[str]:
    """Every stored conversation's id (an alert's conversation reference is found among them)."""
    with engine_for(url).connect() as connection:
        return [r.sender_id for r in connection.execute(select(events.c.sender_id).distinct())]


def get_conversation(conversation_id: str, *, url: Optional[str] = None) -> Dict[str, Any]:
    """Everything staff read about one conversation: the turns in order with their times,
    slot changes as they happened, current slots, decision trail, options, bookings, PEG."""
    with engine_for(url).connect() as connection:
        rows = connection.execute(
            select(events.c.id, events.c.type_name, events.c.timestamp, events.c.intent_name,
                   events.c.action_name, events.c.data)
            .where(events.c.sender_id == conversation_id).order_by(events.c.id)).all()
    bookings = list_bookings(conversation_id, url=url)
    if not rows and not bookings:
        raise NotFound(conversation_id)
    timeline: List[Dict[str, Any]] = []
    slots: Dict[str, Any] = {}
    for row in rows:
        data = _loads(row.data)
        at = _from_epoch(row.timestamp)
        if row.type_name == "user":
            timeline.append({"kind": "patient", "at": at, "text": data.get("text") or "",
                             "intent": row.intent_name})
        elif row.type_name == "bot":
            buttons = [b.get("title") for b in (data.get("data") or {}).get("buttons") or []
                       if isinstance(b, dict)]
            timeline.append({"kind": "assistant", "at": at, "text": data.get("text") or "",
                             "buttons": [b for b in buttons if b]})
        elif row.type_name == "slot":
            name, value = row.action_name, data.get("value")
            if name in STAFF_SLOTS:
                slots[name] = value
                if name not in ("decision_trail", "red_flag_evidence", "options_explained"):
                    timeline.append({"kind": "slot", "at": at, "name": name, "value": value})
        elif row.type_name in ("session_started", "restart"):
            timeline.append({"kind": "marker", "at": at, "name": row.type_name})
    summary = _decorate({"conversation_id": conversation_id,
                         "started": rows[0].timestamp if rows else None,
                         "last": rows[-1].timestamp if rows else None,
                         "messages": sum(1 for r in rows if r.type_name == "user"),
                         "slots": slots}, bookings,
                        reviews_of([conversation_id], url=url).get(conversation_id, []))
    history = status_history([b["id"] for b in bookings], url=url)
    activity = booking_activity_of([b["id"] for b in bookings], url=url)
    for booking in bookings:
        booking["history"] = history.get(booking["id"], [])
        booking["activity"] = activity.get(booking["id"], [])
    summary.update({
        "timeline": timeline,
        "decision_trail": list(slots.get("decision_trail") or []),
        "options_explained": list(slots.get("options_explained") or []),
        "red_flag_evidence": list(slots.get("red_flag_evidence") or []),
        "red_flags_unconfirmed": list(slots.get("red_flags_unconfirmed") or []),
        "peg": {k: slots.get(k) for k in ("peg_pain", "peg_enjoyment", "peg_activity",
                                          "peg_score", "peg_skipped")},
    })
    return summary

