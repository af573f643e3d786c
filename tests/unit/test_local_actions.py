"""Actions answered in the Rasa process (bot/local_actions.py) answer what the action server
answers: every such call of whole conversations is also sent to the real action server, and
the two answers (events, messages, or the error answer of a form's rejection) must be equal."""
from __future__ import annotations

import json
import os
from collections import Counter

import pytest
import ujson

from bench.conversations import ASSISTANT_PATHS
from bot import local_actions
from bot.rasa_speedups import json_dumps
from tests.harness import Conversation

# Beyond the benchmark's paths: interruptions a form rejects, a red flag inside a form, a
# warning sign to confirm, a restart, Spanish, a crisis, a booking changed after it was sent.
MORE_PATHS = [
    ["hi", "my back hurts", "are you a bot?", "what is a nerve block?", "for 3 months",
     "I lost control of my bladder yesterday"],
    ["hola", "me duele la espalda baja desde hace 5 meses", "fisioterapia", "¿qué es una infiltración?",
     "ninguno", "quiero una cita", "Ana Ruiz", "555 123 4567", "por la tarde"],
    ["my neck hurts", "I had cancer years ago, it's gone", "6 weeks", "nothing",
     "start over", "my lower back, 2 months", "I want to end it all"],
    ["I want to book an appointment", "Tom Baker", "tom@example.com", "mornings",
     "actually afternoons are better", "my lower back", "8 months", "nothing helped",
     "not sure", "gotta go, bye"],
]


def _untimed(value):
    """The answer without the clock's reading (a decision trail's "at"): the two ways run
    seconds apart on a busy machine."""
    if isinstance(value, dict):
        return {k: "<time>" if k == "at" else _untimed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_untimed(v) for v in value]
    return value


def _outcome(coro_result=None, error=None):
    if error is None:  # a copy: Rasa pops "response" and "buttons" from the answer it reads
        return ("answer", _untimed(json.loads(json.dumps(coro_result))))
    status = getattr(error, "status", None)
    text = getattr(error, "text", b"")
    return ("error", type(error).__name__, status, json.loads(text) if status in (400, 404) else None)


@pytest.fixture
def both_ways(agent, loop):
    """Each call answered here also sent to the action server (the request this module's
    replacement stands in front of); the pairs of outcomes, and which actions went where."""
    from rasa.utils import endpoints

    here = endpoints.EndpointConfig.request
    assert getattr(here, "__rasa_speedup__", False), "bot.local_actions is not applied"
    over_http = here.__wrapped__
    seen = {"pairs": [], "here": Counter(), "remote": Counter()}

    async def compared(self, method="post", subpath=None, content_type="application/json",
                       compress=False, **kwargs):
        body = kwargs.get("json")
        name = (body or {}).get("next_action")
        if not local_actions.runs_here(body):
            seen["remote"][name] += 1
            return await over_http(self, method, subpath, content_type, compress, **kwargs)
        seen["here"][name] += 1
        sent = ujson.loads(json_dumps(body))  # the same body, before either way reads it
        outcomes = []
        for way in (here, over_http):
            try:
                result = await way(self, method, subpath, content_type, compress,
                                   **{**kwargs, "json": ujson.loads(json_dumps(sent))})
                outcomes.append(_outcome(result))
            except Exception as e:  # noqa: BLE001 - both ways' errors are compared
                outcomes.append(_outcome(error=e))
        seen["pairs"].append((name, outcomes[0], outcomes[1]))
        # the conversation goes on with the answer given here
        return await here(self, method, subpath, content_type, compress, **kwargs)

    endpoints.EndpointConfig.request = compared
    try:
        yield seen
    finally:
        endpoints.EndpointConfig.request = here


def test_every_call_answered_here_is_the_action_servers_answer(both_ways, agent, loop):
    for i, path in enumerate(ASSISTANT_PATHS + MORE_PATHS):
        c = Conversation(agent, loop, f"local-actions-{i}")
        for text in path:
            c.say(text)
    differing = [(name, a, b) for name, a, b in both_ways["pairs"] if a != b]
    assert not differing, json.dumps(differing[:2], ensure_ascii=False, default=str)[:3000]
    here, remote = both_ways["here"], both_ways["remote"]
    # what the benchmark's paths need: every form validator and the answers, here
    for name in ("validate_triage_form", "validate_booking_form", "validate_peg_form",
                 "action_answer_option", "action_goodbye", "action_resume"):
        assert here[name] > 0, name
    # the writes and the session start still go to the action server
    assert set(remote) <= local_actions.REMOTE and not set(here) & local_actions.REMOTE
    for name in ("action_session_start", "action_triage", "action_submit_booking"):
        assert remote[name] > 0, name


def test_the_domain_handed_to_actions_is_never_changed_by_them(both_ways, agent, loop):
    c = Conversation(agent, loop, "local-actions-domain")
    for text in ASSISTANT_PATHS[0]:
        c.say(text)
    assert local_actions._domain_json, "no validator was answered here"
    for rasas, decoded in local_actions._domain_json.values():
        assert decoded == ujson.loads(json_dumps(rasas))


def test_local_actions_off_sends_every_call_to_the_action_server(both_ways, agent, loop, monkeypatch):
    monkeypatch.setitem(os.environ, "LOCAL_ACTIONS", "0")
    c = Conversation(agent, loop, "local-actions-off")
    for text in ASSISTANT_PATHS[0][:6]:
        c.say(text)
    assert not both_ways["here"] and both_ways["remote"]["validate_triage_form"] > 0


def test_an_action_that_rejects_or_fails_here_is_handled_by_rasa_as_the_servers_answer(
        agent, loop, action_server, monkeypatch):
    """The 400 (rejection) and 500 (a failure) answers the action server gives, as Rasa's
    RemoteAction reads them: a rejection lets other policies act, a failure is Rasa's error."""
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.exceptions import RasaException
    from rasa.utils.endpoints import EndpointConfig
    from rasa_sdk.interfaces import ActionExecutionRejection as SdkRejection

    def rejects(dispatcher, tracker, domain):
        raise SdkRejection("validate_triage_form", "not my answer")

    def fails(dispatcher, tracker, domain):
        raise ValueError("a bug")

    actions = local_actions.executor().actions
    tracker = DialogueStateTracker("local-actions-errors", agent.domain.slots)
    endpoint = EndpointConfig(action_server)
    monkeypatch.setitem(actions, "validate_triage_form", rejects)
    with pytest.raises(ActionExecutionRejection) as rejected:
        loop.run_until_complete(RemoteAction("validate_triage_form", endpoint).run(
            None, None, tracker, agent.domain))
    assert rejected.value.message == "not my answer"
    monkeypatch.setitem(actions, "validate_triage_form", fails)
    with pytest.raises(RasaException, match="Failed to execute custom action"):
        loop.run_until_complete(RemoteAction("validate_triage_form", endpoint).run(
            None, None, tracker, agent.domain))


def _typed(value):
    """The value with each part's type: equal only when the types are the same too (1 is not
    1.0 nor True, a tuple not a list)."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_typed(v) for v in value])
    return (type(value).__name__, repr(value))


@pytest.mark.parametrize("value", [
    {"events": [{"event": "user", "parse_data": {"text_tokens": [(0, 2), (3, 7)],
                                                 "intent": {"confidence": 0.8765432109876543}}}]},
    {"slots": {"pain_score": 7, "weeks": 6.0, "ok": True, "none": None, "empty": [], "é": "ñ"}},
    {1: "a number as a key", None: "null as a key", 2.5: "a float as a key", False: "no"},
    {"big": 2 ** 70, "small": -(2 ** 70), "edge": 2 ** 64 - 1, "neg_edge": -(2 ** 63)},
    {"nested": ({"a": (1, 2.0, "x")},), "zero": -0.0, "tiny": 5e-324, "huge": 1e308},
    {"lone surrogate": "\ud800", "astral": "\U0001F600"},
])
def test_a_call_handed_to_actions_is_what_the_action_server_would_decode(value):
    assert _typed(local_actions._as_decoded(value)) == _typed(ujson.loads(json_dumps(value)))


def test_a_call_handed_to_actions_shares_nothing_with_rasas_tracker():
    parse_data = {"entities": [{"entity": "duration", "value": "6 weeks"}]}
    decoded = local_actions._as_decoded({"events": [{"parse_data": parse_data}]})
    decoded["events"][0]["parse_data"]["entities"].append({"entity": "added by an action"})
    assert parse_data == {"entities": [{"entity": "duration", "value": "6 weeks"}]}


def test_what_json_cannot_carry_is_refused_as_before():
    for value in ({"raw": b"\xff\x00"}, {"text as bytes": b"abc"}, {"a set": {1, 2}}):
        with pytest.raises((TypeError, ValueError, OverflowError)):
            ujson.loads(json_dumps(value))
        with pytest.raises((TypeError, ValueError, OverflowError)):
            local_actions._as_decoded(value)
