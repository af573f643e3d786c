"""Actions that write nothing, answered inside the Rasa process: no action-server round trip.

Which turns need the action server: on the benchmark's paths 1.24 calls a message went to it,
each costing both servers the same fixed work whatever the action does (the session's events,
~40 KB, and for the form validators the domain, encoded as JSON, sent, decoded by Sanic, the
reply encoded and decoded again, two event loops' request handling; ~1.5 ms of the two
servers' CPU a call at load 5). Most of those actions only read the tracker and the content
and return events and messages: the form validators (0.59 calls a message), the answers to
option questions, goodbyes, resuming, the red-flag screen's question, the booking offer. Those
are answered here. The action server keeps (`REMOTE`) the actions that write to the database
or queue a staff alert (the triage decision, the booking's submission, a change of a booking
sent) and the session start (a first message's outage answer, ActionServerOutagePolicy,
stays where it was: a lead's call, reports/bench-profile-in-process.md session 13).

Here Rasa's `RemoteAction` still builds the same call body and checks the same reply; for an
action answered here the action server's own executor (rasa_sdk's `ActionExecutor` with the
same `actions` package) runs it in this process, on what the action server would have
decoded, and the answer comes back as the action server would have sent it:

- the call: the body as JSON and back (ujson, as Rasa's client encodes it and Sanic decodes
  it: tuples become lists, nothing shared with Rasa's tracker), through msgpack where msgpack
  gives back exactly that (`_as_decoded`); the domain, the same object for every call of a
  model, decoded once;
- the answer: the executor's result as JSON and back (ujson as Sanic encodes it, `json` as
  aiohttp decodes it); a rejection (`ActionExecutionRejection`, the form's "not my answer")
  is the 400 answer with the same body, an unknown action the 404, any other failure the 500
  Sanic gives: Rasa's `RemoteAction.run` handles each exactly as before.

What changes for a patient: nothing while the action server is up; when it is down, only at
a turn that needs it (a session's first message, the triage decision, a booking) is the
outage answer given, instead of at every custom action. A form validator's rare write (a
booking's detail changed at a later question, actions/offscript.py `send_change`) is made
from this process, through the same bot/store function and DB_URL. `LOCAL_ACTIONS=0` in the
environment sends every call to the action server, as before.
"""
from __future__ import annotations

import json
import logging
import os
from typing import Any, Dict, Optional, Text, Tuple

logger = logging.getLogger(__name__)

# The actions the action server still runs: they write to the database or queue a staff alert
# (action_triage, action_submit_booking, action_change_booking), or start a session.
REMOTE = frozenset({"action_session_start", "action_triage", "action_submit_booking",
                    "action_change_booking"})

_executor: Any = None
# id(Rasa's domain dict) -> (that dict, as the action server decodes it): the domain of a model
# is one object, re-sent with every validator call
_domain_json: Dict[int, Tuple[Any, str]] = {}
_applied = False


def enabled() -> bool:
    return os.environ.get("LOCAL_ACTIONS", "1") != "0"


def runs_here(body: Any) -> bool:
    """Whether this action-server call is answered in this process: an action of the
    `actions` package that is not in `REMOTE`."""
    if not isinstance(body, dict) or not enabled():
        return False
    name = body.get("next_action")
    return name not in REMOTE and name in executor().actions


def executor() -> Any:
    """rasa_sdk's executor with the `actions` package, as `python -m bot.serve actions` has."""
    global _executor
    if _executor is None:
        from rasa_sdk.executor import ActionExecutor

        made = ActionExecutor()
        made.register_package("actions")
        _executor = made
    return _executor


def _decoded_call(body: Dict[Text, Any]) -> Dict[Text, Any]:
    """The call as the action server decodes it (Rasa's ujson body, Sanic's ujson.loads).

    The domain, when sent, is one object for a model: decoded once and the same dict handed
    to every call (nothing reads it but the SDK's form helpers and the validators'
    `required_slots`, which never change it: tests/unit/test_local_actions.py checks it is
    still what a fresh decoding gives after whole conversations)."""
    domain = body.get("domain")
    if domain is None:
        return _as_decoded(body)
    kept = _domain_json.get(id(domain))
    if kept is None or kept[0] is not domain:
        if len(_domain_json) > 8:  # models replaced in a long-running process
            _domain_json.clear()
        kept = (domain, _as_decoded(domain))
        _domain_json[id(domain)] = kept
    call = _as_decoded({k: v for k, v in body.items() if k != "domain"})
    call["domain"] = kept[1]
    return call


def _as_decoded(value: Any) -> Any:
    """`value` encoded by ujson and decoded again (a new object, tuples as lists, keys as
    strings), by msgpack's round trip when that gives the same: ~20 % less CPU for a call's
    ~35 KB of events (reports/bench-profile-in-process.md, session 20). msgpack refuses what it
    would give back differently (a key that is not a string: JSON makes it one; an integer
    past 64 bits; a string JSON cannot carry; bytes, which JSON refuses), and that goes
    through ujson as before, which raises for what it cannot read back."""
    import msgpack
    import ujson

    from bot.rasa_speedups import json_dumps

    try:
        # bytes packed as msgpack's bin type, which max_bin_len=0 refuses (b"" aside)
        return msgpack.unpackb(msgpack.packb(value, use_bin_type=True), raw=False,
                               strict_map_key=True, max_bin_len=0)
    except (TypeError, ValueError, OverflowError):  # UnicodeError is a ValueError
        return ujson.loads(json_dumps(value))


def _as_sent(result: Any) -> Any:
    """The answer as Rasa reads it from the action server (Sanic's ujson, aiohttp's json)."""
    from sanic.response import json_dumps as sanic_dumps

    return json.loads(sanic_dumps(result))


async def answer(call: Dict[Text, Any]) -> Optional[Any]:
    """What the action server's /webhook answers to this call (as `_decoded_call` gives it),
    or the ClientResponseError Rasa's request raises for its error answers."""
    from rasa.utils.endpoints import ClientResponseError
    from rasa_sdk import utils
    from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException
    from sanic.response import json_dumps as sanic_dumps

    utils.check_version_compatibility(call.get("version"))
    try:
        result = await executor().run(call)
    except ActionExecutionRejection as e:
        logger.debug(e)
        raise ClientResponseError(400, "Bad Request", sanic_dumps(
            {"error": e.message, "action_name": e.action_name}).encode()) from None
    except ActionNotFoundException as e:
        logger.error(e)
        raise ClientResponseError(404, "Not Found", sanic_dumps(
            {"error": e.message, "action_name": e.action_name}).encode()) from None
    except Exception as e:  # what Sanic answers for an action that failed
        logger.exception("action '%s' failed", call.get("next_action"))
        raise ClientResponseError(500, "Internal Server Error", str(type(e).__name__).encode()) \
            from None
    return _as_sent(result)


def answered_here() -> None:
    """Puts `answer` before the action server for the calls `runs_here` takes, in front of
    `EndpointConfig.request` (bot/action_connections.py's). Once per process."""
    global _applied
    if _applied:
        return
    from rasa.utils import endpoints

    from bot.rasa_speedups import _replacing

    over_http = endpoints.EndpointConfig.request

    @_replacing(over_http)
    async def request(self: endpoints.EndpointConfig, method: Text = "post",
                      subpath: Optional[Text] = None,
                      content_type: Optional[Text] = "application/json",
                      compress: bool = False, **kwargs: Any) -> Optional[Any]:
        if method == "post" and subpath is None and runs_here(kwargs.get("json")):
            try:
                call = _decoded_call(kwargs["json"])
            except (ValueError, OverflowError, TypeError):  # what ujson cannot read back (an
                pass  # integer past 64 bits): the action server's own answer to it, as before
            else:
                return await answer(call)
        return await over_http(self, method, subpath, content_type, compress, **kwargs)

    endpoints.EndpointConfig.request = request
    if enabled():
        executor()  # the actions imported now: a content or clinic mistake stops the start
    _applied = True
