"""A conversation idle for longer than domain.yml's session_expiration_time starts afresh
(a patient coming back tomorrow is triaged again, not booked on yesterday's answers); within
it, nothing said is lost. Time is moved by saving the conversation's events with earlier
timestamps through the tracker store, as if the patient had written that long ago."""
from __future__ import annotations

import pytest
import yaml

from tests.harness import ROOT
from tests.words import WHERE

MINUTES = yaml.safe_load((ROOT / "domain.yml").read_text())["session_config"][
    "session_expiration_time"]


def _as_if_written_ago(c, minutes: float) -> str:
    """A copy of the conversation so far, every event `minutes` older, under a new id."""
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = c.loop.run_until_complete(c.agent.tracker_store.retrieve_full_tracker(c.sender))
    events = list(tracker.events)
    for event in events:
        event.timestamp -= minutes * 60
    moved = DialogueStateTracker.from_events(c.sender + "-later", events,
                                             slots=c.agent.domain.slots)
    c.loop.run_until_complete(c.agent.tracker_store.save(moved))
    return moved.sender_id


@pytest.mark.parametrize("idle,starts_afresh", [(MINUTES - 5, False), (MINUTES + 5, True)])
def test_a_conversation_idle_past_the_session_time_starts_afresh(chat, idle, starts_afresh):
    from tests.harness import Conversation

    c = chat("expiry")
    c.say("my lower back has hurt for 6 months")
    assert c.slots["pain_location"] == "lower_back"
    later = Conversation(c.agent, c.loop, _as_if_written_ago(c, idle))
    reply = later.say("hello again")
    if starts_afresh:
        assert later.slots["pain_location"] is None
        assert WHERE in reply
    else:
        assert later.slots["pain_location"] == "lower_back"
        assert WHERE not in reply
