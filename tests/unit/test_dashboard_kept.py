"""The dashboard's rows read from the new events at each save are the rows a whole reading gives."""
from __future__ import annotations

import random
from collections import deque
from datetime import datetime, timezone
from typing import Any, Dict, List

import pytest
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dashboard import kept, summary
from bot.dashboard.summary import Step, from_event, sessions, summarise_all


def _reference_row(conversation_id: str, session: List[Step], tz: Any) -> Dict[str, Any]:
    """The summary row as the dashboard computed it before the fold (session 20's code)."""
    slots: Dict[str, Any] = {}
    last_question, unanswered, pending, messages, fallbacks = None, {}, None, 0, 0
    for step in session:
        if step.type_name == "user":
            messages += 1
            pending = step.intent or "unknown"
        elif step.type_name == "slot" and step.name in summary.SLOTS_KEPT:
            slots[step.name] = step.value
        elif step.type_name == "action" and step.name:
            if step.name.startswith(("utter_ask_", "action_ask_")):
                last_question = step.name.split("_ask_", 1)[1][:60]
            elif step.name in summary.FALLBACK_ACTIONS and pending is not None:
                fallbacks += 1
                unanswered[pending] = unanswered.get(pending, 0) + 1
                pending = None
            elif step.name != "action_listen":
                pending = None
    start = float(next((s.timestamp for s in session if s.type_name == "session_started"),
                       session[0].timestamp))
    requested = ((slots.get("booking_kind") or "consultation")
                 if slots.get("booking_reference") else None)
    return {"conversation_id": conversation_id, "session_start": start,
            "local_day": datetime.fromtimestamp(start, tz).date().isoformat(),
            "channel": summary.channel_of(conversation_id),
            "last_at": float(session[-1].timestamp), "user_messages": messages,
            "triage_level": slots.get("triage_level"),
            "red_flags": summary._names(slots.get("red_flags"))[:500],
            "options_explained": summary._names(slots.get("options_explained"))[:1000],
            "request_kind": requested, "last_question": last_question,
            "fallbacks": fallbacks,
            "unanswered": "|".join(f"{k}={v}" for k, v in sorted(unanswered.items()))[:1000],
            "language": slots.get("language")}


def _random_events(rng: random.Random, n: int, t0: float = 1.7e9) -> List[Any]:
    intents = ["greet", "inform", "nlu_fallback", "affirm", None]
    actions = ["action_listen", "utter_ask_pain_location", "action_ask_red_flag_screen",
               "utter_default", "action_cannot_help", "action_triage", "action_session_start",
               "utter_greet", "triage_form"]
    slots = [("triage_level", ["urgent", "consultation", None]),
             ("red_flags", [["fever"], ["fever", "trauma"], [], None]),
             ("options_explained", [["facet_joint_injection"], []]),
             ("booking_kind", ["callback", None]), ("booking_reference", ["R12345", None]),
             ("language", ["en", "es"]), ("pain_location", ["neck"])]
    events: List[Any] = []
    for i in range(n):
        t, kind = t0 + i * 3.7, rng.random()
        if kind < 0.08:
            events.append(SessionStarted(timestamp=t))
        elif kind < 0.35:
            name = rng.choice(intents)
            events.append(UserUttered("x", intent={"name": name} if name else {}, timestamp=t))
        elif kind < 0.7:
            events.append(ActionExecuted(rng.choice(actions), timestamp=t))
        else:
            key, values = rng.choice(slots)
            events.append(SlotSet(key, rng.choice(values), timestamp=t))
    return events


@pytest.fixture(autouse=True)
def _fresh():
    kept.forget()
    yield
    kept.forget()


@pytest.mark.parametrize("seed", range(40))
def test_whole_reading_gives_the_rows_the_dashboard_gave(seed):
    rng = random.Random(seed)
    steps = [from_event(e) for e in _random_events(rng, rng.randint(1, 120))]
    tz = timezone.utc if seed % 2 else datetime.now().astimezone().tzinfo
    expected = [_reference_row("web:a", s, tz) for s in sessions(steps)]
    assert summarise_all("web:a", steps, tz) == expected
    assert summary.summarise("web:a", steps, tz) == _reference_row("web:a", steps, tz)


@pytest.mark.parametrize("seed", range(25))
def test_rows_read_save_by_save_equal_a_whole_reading(seed):
    rng = random.Random(1000 + seed)
    events = _random_events(rng, 150)
    tracker = DialogueStateTracker("web:p", slots=[])
    at = 0
    while at < len(events):
        step = rng.randint(1, 12)
        for event in events[at:at + step]:
            tracker.events.append(event)  # appended as the processor's update does
        at += step
        whole = summarise_all("web:p", (from_event(e) for e in tracker.events), timezone.utc)
        assert kept.summary_rows(tracker, from_event, timezone.utc) == whole
        # a retried save reads nothing new and gives the same rows
        assert kept.summary_rows(tracker, from_event, timezone.utc) == whole


def test_another_tracker_or_other_events_are_read_whole():
    rng = random.Random(7)
    events = _random_events(rng, 60)
    first = DialogueStateTracker("web:q", slots=[])
    first.events.extend(events[:40])
    kept.summary_rows(first, from_event, timezone.utc)
    # the same conversation loaded again from the database: another tracker, other events
    second = DialogueStateTracker("web:q", slots=[])
    second.events.extend(events[20:60])
    assert kept.summary_rows(second, from_event, timezone.utc) == summarise_all(
        "web:q", (from_event(e) for e in events[20:60]), timezone.utc)
    # the same tracker whose events were replaced by an equally long, different history
    second.events = deque(events[:40])
    assert kept.summary_rows(second, from_event, timezone.utc) == summarise_all(
        "web:q", (from_event(e) for e in events[:40]), timezone.utc)
    # events dropped from the front (a bounded history): read whole
    second.events.popleft()
    second.events.append(events[40])
    assert kept.summary_rows(second, from_event, timezone.utc) == summarise_all(
        "web:q", (from_event(e) for e in list(second.events)), timezone.utc)


def test_a_summary_that_fails_is_read_whole_next_time():
    events = _random_events(random.Random(3), 30)
    tracker = DialogueStateTracker("web:r", slots=[])
    tracker.events.extend(events[:10])
    kept.summary_rows(tracker, from_event, timezone.utc)
    tracker.events.extend(events[10:20])

    def broken(event):
        raise ValueError("broken")
    with pytest.raises(ValueError):
        kept.summary_rows(tracker, broken, timezone.utc)
    tracker.events.extend(events[20:])
    assert kept.summary_rows(tracker, from_event, timezone.utc) == summarise_all(
        "web:r", (from_event(e) for e in events), timezone.utc)
