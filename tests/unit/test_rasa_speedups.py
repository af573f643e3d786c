"""Rasa's replaced hot spots behave as Rasa's own code does, and a changed Rasa is refused
(bot/rasa_speedups.py)."""
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered

from bot import rasa_internals, rasa_speedups

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


def test_this_rasa_is_the_one_the_patches_and_subclasses_were_written_for():
    assert rasa_internals.rasa_internals_changes() == []


def test_a_renamed_or_changed_rasa_member_stops_the_server_naming_it(monkeypatch):
    changes = rasa_internals.rasa_internals_changes({
        "rasa.engine.runner.dask:DaskGraphRunner.run": ("self", "inputs"),
        "rasa.core.tracker_store:SQLTrackerStore._retrieve_renamed": ("self",),
    })
    assert changes == [
        "rasa.engine.runner.dask:DaskGraphRunner.run takes ('self', 'inputs', 'targets'), "
        "not ('self', 'inputs')",
        "rasa.core.tracker_store:SQLTrackerStore._retrieve_renamed is gone",
    ]
    monkeypatch.setattr(rasa_internals, "RASA_VERSION", "3.6.99")
    with pytest.raises(rasa_internals.RasaInternalsChanged, match="Rasa is 3.6.21, not 3.6.99"):
        rasa_internals.check_rasa_internals()


def test_the_graph_runner_gives_what_rasas_own_runner_gives_on_the_real_model(monkeypatch):
    import asyncio

    from rasa.core.agent import Agent
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.trackers import DialogueStateTracker

    from tests.harness import MODEL

    agent = Agent.load(str(MODEL))
    texts = ["hello", "my lower back has hurt for 3 months", "I can't control my bladder",
             "what is a facet joint injection?", "I tried physio and ibuprofen", "no", "bye"]

    async def outputs():
        results = []
        for text in texts:
            parsed = await agent.parse_message(text)
            tracker = DialogueStateTracker.from_events("speedups", [
                ActionExecuted("action_listen"),
                UserUttered(text, parsed["intent"], parsed["entities"]),
            ], slots=agent.domain.slots)
            prediction = agent.processor.predict_next_with_tracker(tracker)
            prediction.pop("tracker")  # the tracker it was given (timestamps differ)
            results.append((parsed, prediction))
        return results

    loop = asyncio.new_event_loop()
    try:
        assert getattr(DaskGraphRunner.run, "__rasa_speedup__", False)
        ours = loop.run_until_complete(outputs())
        monkeypatch.setattr(DaskGraphRunner, "run", DaskGraphRunner.run.__wrapped__)
        rasas = loop.run_until_complete(outputs())
    finally:
        loop.close()
    assert ours == rasas  # every intent score, entity, and action score


_REPLIES = [
    {}, {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "pain_location", "value": "neck"}]},
    {"events": [{"event": "slot", "name": "x", "value": None, "timestamp": 1.5,
                 "metadata": None}, {"event": "active_loop", "name": None},
                {"event": "followup", "name": "utter_x", "timestamp": None}],
     "responses": [{"text": "hi", "buttons": []}]},
    {"events": [{"event": "bot", "text": "hello", "metadata": {"a": 1}}]},
    {"events": [{"event": "session_started"}, {"event": "action", "name": "action_listen",
                 "policy": None, "confidence": None, "timestamp": None}]},
    {"events": [{"event": "action", "name": "x", "confidence": 1, "hide_rule_turn": False,
                 "action_text": None}]},
    # not plainly valid: jsonschema decides
    {"events": [{"event": "slot", "name": "x"}]}, {"events": [{"event": "slot", "value": 1}]},
    {"events": [{"event": "slot", "name": 3, "value": 1}]},
    {"events": [{"event": ["slot"], "name": "x", "value": 1}]},
    {"events": [{"event": "slot", "name": "x", "value": 1, "timestamp": True}]},
    {"events": [{"event": "slot", "name": "x", "value": 1, "timestamp": "now"}]},
    {"events": [{"event": "slot", "name": "x", "value": 1, "metadata": []}]},
    {"events": [{"event": "no such event"}]}, {"events": [{"name": "x"}]}, {"events": {}},
    {"events": ["slot"]}, {"responses": [42]}, {"responses": {}}, [], "events",
    {"events": [{"event": "user", "text": "hi"}]},
    {"events": [{"event": "action", "name": "action_listen", "confidence": "high"}]},
    {"events": [{"event": "action", "name": 5}]},
    {"events": [{"event": "action", "name": "x", "hide_rule_turn": None}]},
    {"events": [{"event": "action", "name": "x", "confidence": True}]},
]


@pytest.mark.parametrize("reply", _REPLIES)
def test_the_quick_check_of_a_reply_accepts_only_what_the_schema_accepts(reply):
    from jsonschema import validate

    if rasa_speedups._plainly_valid(reply):
        validate(reply, RemoteAction.action_response_format_spec())  # never raises
    try:
        RemoteAction._validate_action_result.__wrapped__(RemoteAction("a", None), reply)
        valid = True
    except ValidationError:
        valid = False
    try:
        assert RemoteAction("a", None)._validate_action_result(reply) is True
        assert valid  # Rasa's own accepts it too
    except ValidationError:
        assert not valid  # and refuses what Rasa's own refuses


def test_the_action_server_does_not_load_tensorflow():
    """Its modules need no Rasa policy; TensorFlow alone is ~350 MB of a process's memory."""
    import pkgutil
    import subprocess
    import sys

    import actions

    names = [f"actions.{m.name}" for m in pkgutil.iter_modules(actions.__path__)]
    code = (f"import sys, importlib\nfor n in {names!r}: importlib.import_module(n)\n"
            "import bot.serve\nprint(sorted(m for m in ('tensorflow', 'spacy', 'sklearn', "
            "'rasa.core.policies') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_action_calls_carry_json_that_decodes_to_the_same_values():
    """The action-server call's body, now encoded by ujson, is read back as json.dumps's was:
    the same events, slots, floats to the last bit, non-ASCII text; an integer ujson cannot
    encode still goes (json.dumps)."""
    import asyncio
    import json
    import random

    from rasa.utils.endpoints import EndpointConfig

    rng = random.Random(19)
    body = {"next_action": "validate_triage_form", "sender_id": "é/ñ\u2028<x>&",
            "tracker": {"events": [
                {"event": "user", "text": "me duele la espalda desde hace 3 semanas / ¿qué?",
                 "timestamp": 1764840000.123456 + i,
                 "parse_data": {"intent_ranking": [
                     {"name": f"i{k}", "confidence": rng.random() ** 7} for k in range(10)]}}
                for i in range(40)] + [{"event": "slot", "name": "peg", "value": 2 ** 70},
                                       {"event": "slot", "name": "x", "value": None}]},
            "tiny": [5e-324, 1e308, -0.0, 0.1, 1 / 3, True, False, 0, -2 ** 63]}

    async def encoded() -> str:
        async with EndpointConfig("http://127.0.0.1:1/webhook").session() as session:
            return session.json_serialize(body)

    text = asyncio.new_event_loop().run_until_complete(encoded())
    assert json.loads(text) == body
    assert [repr(x) for x in json.loads(text)["tiny"]] == [repr(x) for x in body["tiny"]]
    small = dict(body, tracker={"events": body["tracker"]["events"][:-2]})
    assert EndpointConfig.session.__rasa_speedup__
    import ujson

    assert json.loads(ujson.dumps(small)) == small  # the fast path is taken for real bodies


def test_an_empty_domain_is_still_told_from_a_real_one():
    from pathlib import Path

    from rasa.shared.core.domain import Domain

    assert Domain.is_empty.__rasa_speedup__
    rasas = Domain.is_empty.__wrapped__
    root = Path(__file__).resolve().parents[2]
    for domain in (Domain.empty(), Domain.from_dict({}), Domain.load(str(root / "domain.yml")),
                   Domain.from_dict({"intents": ["greet"]}),
                   Domain.from_dict({"responses": {"utter_hi": [{"text": "hi"}]}})):
        assert domain.is_empty() == rasas(domain)
    assert Domain.empty().is_empty() and not Domain.from_dict({"intents": ["greet"]}).is_empty()
