"""The tracker store `make run` uses (bot/tracker_store.py) stores exactly what Rasa's
SQLTrackerStore stores, and never hands out a tracker the database does not back."""
import asyncio
import uuid

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

from bot.tracker_store import ClinicTrackerStore
from tests.harness import ROOT, Conversation, load_agent

DOMAIN = Domain.load(str(ROOT / "domain.yml"))
PATIENT = ["hello", "my lower back", "about 6 months", "physio and ibuprofen, it doesn't spread",
           "no, none of those", "what is a facet injection?", "does it hurt?", "yes", "7"]


def run(coro):
    return asyncio.new_event_loop().run_until_complete(coro)


def stored(url, sender):
    store = SQLTrackerStore(DOMAIN, host=url)
    tracker = run(store.retrieve_full_tracker(sender))
    return [(e.type_name, getattr(e, "action_name", None) or getattr(e, "key", None)
             or getattr(e, "text", None)) for e in tracker.events]


def test_a_conversation_is_stored_exactly_as_rasas_own_store_would(tmp_path, action_server, loop):
    """The same conversation through both stores leaves the same events (no event written
    twice, none missing), whatever the store kept between turns."""
    ours, rasas = f"sqlite:///{tmp_path / 'ours.db'}", f"sqlite:///{tmp_path / 'rasa.db'}"
    agent = load_agent(action_server, ours)
    assert isinstance(agent.tracker_store._tracker_store, ClinicTrackerStore)
    reference = load_agent(action_server, rasas)
    reference.tracker_store._tracker_store = SQLTrackerStore(DOMAIN, host=rasas)
    for a in (agent, reference):
        c = Conversation(a, loop, "same-patient")
        for text in PATIENT:
            c.say(text)
    mine, theirs = stored(ours, "same-patient"), stored(rasas, "same-patient")
    assert len(mine) > 3 * len(PATIENT)
    assert mine == theirs


def test_another_server_writing_to_the_conversation_is_seen(tmp_path):
    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    a, b = ClinicTrackerStore(DOMAIN, host=url), ClinicTrackerStore(DOMAIN, host=url)
    sender = uuid.uuid4().hex
    tracker = run(a.get_or_create_tracker(sender))
    tracker.update(UserUttered("hello"))
    run(a.save(tracker))
    run(a.save(run(a.retrieve(sender))))  # now kept by server a

    other = run(b.retrieve(sender))  # server b answers the next message
    other.update(SlotSet("pain_location", "neck"))
    run(b.save(other))

    again = run(a.retrieve(sender))
    assert again.get_slot("pain_location") == "neck"


def test_a_turn_that_fails_half_way_leaves_nothing_behind(tmp_path):
    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    store = ClinicTrackerStore(DOMAIN, host=url)
    sender = uuid.uuid4().hex
    tracker = run(store.get_or_create_tracker(sender))
    tracker.update(UserUttered("my neck"))
    run(store.save(tracker))
    run(store.save(run(store.retrieve(sender))))

    half = run(store.retrieve(sender))
    half.update(SlotSet("pain_location", "neck"))  # ... and the turn crashes: never saved
    assert run(store.retrieve(sender)).get_slot("pain_location") is None


def test_a_new_session_is_not_written_twice(tmp_path):
    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    store = ClinicTrackerStore(DOMAIN, host=url)
    sender = uuid.uuid4().hex
    tracker = run(store.get_or_create_tracker(sender))
    for _ in range(2):  # two sessions, each a few turns, the second started mid-way
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(ActionExecuted("action_listen"))
        for text in ("hello", "my neck"):
            tracker = run(store.retrieve(sender)) or tracker
            tracker.update(UserUttered(text))
            tracker.update(ActionExecuted("action_listen"))
            run(store.save(tracker))
    texts = [e[1] for e in stored(url, sender) if e[0] == "user"]
    assert texts == ["hello", "my neck", "hello", "my neck"]
