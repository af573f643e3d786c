"""Rasa's two replaced hot spots still behave as Rasa's own code does (bot/rasa_speedups.py)."""
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered

from bot import rasa_speedups

rasa_speedups.apply()


def test_a_valid_action_server_reply_is_accepted():
    action = RemoteAction("action_triage", None)
    reply = {"events": [{"event": "slot", "name": "triage_level", "value": "urgent"}],
             "responses": [{"text": "Please see a doctor within 24 hours."}]}
    assert action._validate_action_result(reply) is True


@pytest.mark.parametrize("reply", [
    {"events": "not a list"},
    {"events": [{"event": "slot"}]},  # a slot event without its name
    {"responses": [42]},
])
def test_a_malformed_action_server_reply_is_still_refused_with_rasas_message(reply):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        RemoteAction("action_triage", None)._validate_action_result(reply)


def test_stored_events_still_turn_into_the_right_event_classes():
    for cls in (UserUttered, ActionExecuted, SlotSet):
        assert Event.resolve_by_type(cls.type_name) is cls
        assert Event.resolve_by_type(cls.type_name) is cls  # and again, from memory
    assert Event.resolve_by_type("topic") is None  # Rasa's backwards compatibility
    assert Event.resolve_by_type("no-such-event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no-such-event")
