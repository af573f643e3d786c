"""Reading a session's events by class (bot/event_kinds.py) gives what `isinstance` gave, so
the tracker store keeps the same trackers and LanguagePolicy reads the same messages."""
from __future__ import annotations

import random

from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot.event_kinds import events_of, is_kind
from bot.tracker_store import ClinicTrackerStore


class _Tracker:
    def __init__(self, events):
        self.events = events


def _rasas_count(events) -> int:
    """The tracker store's count before session 22 (isinstance on each event)."""
    starts = [e.timestamp for e in events if isinstance(e, SessionStarted)]
    if not starts:
        return len(events)
    return sum(1 for e in events if e.timestamp >= starts[-1])


def test_is_kind_answers_as_isinstance_for_every_rasa_event_class():
    classes = [c for c in all_subclasses(Event) if not getattr(c, "__abstractmethods__", None)]
    assert len(classes) > 20
    for cls in classes:
        event = cls.__new__(cls)  # no constructor arguments needed to ask its class
        for kind in [Event, UserUttered, SessionStarted, ActionExecuted, SlotSet, *classes]:
            assert is_kind(event, kind) == isinstance(event, kind), (cls, kind)


def test_a_session_read_by_class_counts_and_lists_as_before():
    """Random sessions (several starts, timestamps out of order, ties): the tracker store's
    count of the last session's events and LanguagePolicy's messages are unchanged."""
    randomly = random.Random(22)
    makers = [lambda t: SessionStarted(timestamp=t), lambda t: UserUttered("hi", timestamp=t),
              lambda t: ActionExecuted("action_listen", timestamp=t),
              lambda t: BotUttered("hello", timestamp=t), lambda t: SlotSet("x", 1, timestamp=t)]
    started = 0
    for _ in range(500):
        events = [randomly.choice(makers)(float(randomly.randint(0, 20)))
                  for _ in range(randomly.randint(0, 30))]
        started += any(isinstance(e, SessionStarted) for e in events)
        assert ClinicTrackerStore._events_in_last_session(_Tracker(events)) == _rasas_count(events)
        assert events_of(events, UserUttered) == [e for e in events if isinstance(e, UserUttered)]
    assert 100 < started < 500  # sessions with and without a start
