"""Measured hot spots inside Rasa 3.6.21, replaced by equivalent versions.

Profiled under load (reports/bench.md), a 20-message conversation spent:
- ~70 % of the Rasa server's CPU in `RemoteAction._validate_action_result`: it calls
  `jsonschema.validate`, which re-checks the (constant) response schema against the
  draft 2020-12 metaschema on every action-server reply (~70 ms each here). Here the
  validator is built once and validates the same schema with the same error.
- ~20 % of loading a tracker in `Event.resolve_by_type`, which walks the whole Event class
  tree (`all_subclasses` + `inspect.isabstract`) for every stored event it deserialises.
  Here the type name -> class lookup is remembered; unknown names still take Rasa's path.
- ~25 % of each prediction and of each NLU parse in dask's scheduler (`DaskGraphRunner.run`
  hands Rasa's small, fixed graph to `dask.get` and recomputes the minimal graph for the
  targets on every call). Here the graph is evaluated in order, each node once, as dask's
  synchronous scheduler does, and the minimal graph is computed once per target set.
- (issue 19, session 11) action-call bodies encoded by ujson; `Domain.is_empty`'s domain built once.

Rasa has no extension point for these, so `apply()` swaps the functions, once per
process, called in one place: when the Rasa server creates its tracker store
(bot.tracker_store.ClinicTrackerStore, named in the endpoints), before it reads a message.
It first checks (`check_rasa_internals`, bot/rasa_internals.py) that Rasa is the version these were written for and
that every private member replaced here, or used by the tracker store and the channels
(RELIED_ON), is still there with the same parameters; otherwise the server refuses to start
and names what changed, instead of silently losing a speed-up or a safety check.
tests/unit/test_rasa_speedups.py checks the replacements still behave as Rasa's (the graph
runner against Rasa's own on the real model); every conversation test runs through them.
Remove this module when upgrading Rasa past 3.6 (re-measure first)."""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Text, Tuple, Type

from bot import rule_states_tail
from bot.rasa_internals import check_rasa_internals


def _replacing(original: Callable) -> Callable[[Callable], Callable]:
    """Marks a replacement, keeping Rasa's own function beside it (tests compare the two)."""
    def mark(replacement: Callable) -> Callable:
        replacement.__wrapped__ = original  # type: ignore[attr-defined]
        replacement.__rasa_speedup__ = True  # type: ignore[attr-defined]
        return replacement
    return mark


_applied = False


# Event types whose branch of Rasa's EVENTS_SCHEMA (rasa/shared/utils/schemas/events.py)
# requires nothing but the type: for these, and for "slot" (a string name and a value), the
# common keys below decide; "action" events are checked field by field. Other types ("user",
# "entities") go to jsonschema.
_TYPE_ONLY_EVENTS = frozenset((
    "user_featurization", "cancel_reminder", "reminder", "action_execution_rejected",
    "form_validation", "loop_interrupted", "form", "active_loop", "reset_slots", "resume",
    "pause", "followup", "export", "restart", "undo", "rewind", "bot", "session_started",
    "agent"))


def _number_or_none(value: Any) -> bool:
    return value is None or (type(value) in (int, float))


def _plain_action_event(event: Dict[Text, Any]) -> bool:
    """An "action" event as its schema branch wants it: string-or-null names, a number-or-null
    confidence, a boolean hide_rule_turn (what action_session_start's reply carries)."""
    return (all(event.get(key) is None or type(event.get(key)) is str
                for key in ("policy", "name", "action_text"))
            and _number_or_none(event.get("confidence"))
            and ("hide_rule_turn" not in event or type(event["hide_rule_turn"]) is bool))


def _plainly_valid(result: Any) -> bool:
    """True only for an action server reply the response schema accepts (an object; `events`
    a list of objects each with a known `event` type, a number or null `timestamp`, an object
    or null `metadata`, a slot event's string `name` and its `value`; `responses` a list of
    objects). False means "not sure": jsonschema decides, and words any error, as before."""
    if type(result) is not dict:
        return False
    responses = result.get("responses", [])
    if type(responses) is not list or any(type(r) is not dict for r in responses):
        return False
    events = result.get("events", [])
    if type(events) is not list:
        return False
    for event in events:
        if type(event) is not dict:
            return False
        kind = event.get("event")
        if type(kind) is not str or not (kind in _TYPE_ONLY_EVENTS or (
                kind == "slot" and type(event.get("name")) is str and "value" in event)
                or (kind == "action" and _plain_action_event(event))):
            return False
        if not _number_or_none(event.get("timestamp")):
            return False
        if type(event.get("metadata", {})) not in (dict, type(None)):
            return False
    return True


def _cached_action_result_validation() -> None:
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator = validator_for(schema)(schema)

    @_replacing(RemoteAction._validate_action_result)
    def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        if _plainly_valid(result):  # what the schema surely accepts; anything else: jsonschema
            return True
        try:
            validator.validate(result)
            return True
        except ValidationError as e:  # the same message Rasa gives
            e.message += (
                f". Failed to validate Action server response from API, "
                f"make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
            raise e

    RemoteAction._validate_action_result = _validate_action_result


def _cached_event_type_lookup() -> None:
    from rasa.shared.core.events import Event

    original = Event.resolve_by_type
    known: Dict[Text, Type[Event]] = {}

    @_replacing(original)
    def resolve_by_type(
        type_name: Text, default: Optional[Type[Event]] = None
    ) -> Optional[Type[Event]]:
        cls = known.get(type_name)
        if cls is None:
            cls = original(type_name, default)
            # Only real matches are remembered: defaults and misses stay Rasa's decision.
            if cls is not None and getattr(cls, "type_name", None) == type_name:
                known[type_name] = cls
        return cls

    Event.resolve_by_type = staticmethod(resolve_by_type)


def _graph_runs_without_dask() -> None:
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    def _evaluate(graph: Dict[Text, Any], targets: List[Text]) -> List[Any]:
        """dask.get's semantics for Rasa's graphs ((node, *needed keys) tuples, inputs as
        plain tuples), in this thread, each node once: what dask's synchronous scheduler
        does, without its task bookkeeping."""
        results: Dict[Text, Any] = {}

        def compute(key: Text) -> Any:
            if key not in results:
                task = graph[key]
                if callable(task[0]):
                    results[key] = task[0](*(compute(need) for need in task[1:]))
                else:
                    results[key] = task
            return results[key]

        return [compute(target) for target in targets]

    minimal_schemas: Dict[Tuple[Text, ...], Any] = {}

    @_replacing(DaskGraphRunner.run)
    def run(self: DaskGraphRunner, inputs: Optional[Dict[Text, Any]] = None,
            targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = targets if targets else self._graph_schema.target_names
        key = (id(self._graph_schema), *run_targets)
        if key not in minimal_schemas:  # the schema never changes once a model is loaded
            # (the schema itself is kept too, so its id is never reused by another)
            minimal_schemas[key] = (self._graph_schema,
                                    self._graph_schema.minimal_graph_schema(run_targets))
        run_graph = self._build_dask_graph(minimal_schemas[key][1])
        if inputs:
            self._add_inputs_to_graph(inputs, run_graph)
        try:
            return dict(_evaluate(run_graph, run_targets))
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e

    DaskGraphRunner.run = run


def json_dumps(obj: Any) -> str:
    """ujson's encoding, `json.dumps` for anything ujson refuses (see _json_bodies_by_ujson)."""
    import json

    import ujson

    try:
        return ujson.dumps(obj)
    except (OverflowError, TypeError, ValueError):
        return json.dumps(obj)


def _json_bodies_by_ujson() -> None:
    """Every action-server call carries the session's events as JSON (40 KB on average over
    the benchmark's paths, up to 90 KB): aiohttp encoded it with `json.dumps`, ~0.7 ms a call,
    the largest item of a call on Rasa's side. ujson (already installed: Sanic, the action
    server's, decodes the requests and encodes its replies with it) encodes it in about a
    third of that. The body is the same JSON (only spacing and escaped "/" differ), which the
    action server decodes to the same values (floats round-trip exactly); anything ujson
    refuses (an integer past 64 bits) goes to `json.dumps` as before."""
    import aiohttp
    from rasa.utils import endpoints

    @_replacing(endpoints.EndpointConfig.session)
    def session(self: endpoints.EndpointConfig) -> aiohttp.ClientSession:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) \
            if self.basic_auth else None
        return aiohttp.ClientSession(
            headers=self.headers, auth=auth,
            timeout=aiohttp.ClientTimeout(total=endpoints.DEFAULT_REQUEST_TIMEOUT),
            json_serialize=json_dumps)

    endpoints.EndpointConfig.session = session


def _empty_domain_built_once() -> None:
    """Rasa checks every parsed message against the domain unless the domain is empty, and
    `Domain.is_empty` compares the domain's data with an empty domain's built anew for each
    message (~0.2-0.6 ms): the empty domain's data is the same every time, built once here."""
    from rasa.shared.core.domain import Domain

    empty = Domain.empty().as_dict()

    @_replacing(Domain.is_empty)
    def is_empty(self: Domain) -> bool:
        return self.as_dict() == empty

    Domain.is_empty = is_empty


def apply() -> None:
    """Checks Rasa (refusing to start when it changed), then replaces the hot spots.
    Called once per process, when the Rasa server creates its tracker store."""
    global _applied
    if _applied:
        return
    check_rasa_internals()
    _cached_action_result_validation()
    _cached_event_type_lookup()
    _graph_runs_without_dask()
    _json_bodies_by_ujson()
    _empty_domain_built_once()
    from bot import (
        action_connections,
        active_loop_copy,
        debug_log_copies,
        form_speedups,
        rule_lookup_speedup,
        tracker_copy_speedups,
        tracker_state_speedups,
    )
    from bot.local_actions import answered_here
    from bot.nlu import count_vectors
    count_vectors.sentence_features_only()
    action_connections.kept_alive_requests()
    answered_here()  # in front of action_connections' request
    tracker_state_speedups.incremental_applied_events()
    tracker_state_speedups.incremental_tracker_states()
    rule_lookup_speedup.indexed_rule_lookup()
    tracker_copy_speedups.incremental_tracker_copy()
    tracker_copy_speedups.incremental_form_validation_tracker()
    rule_states_tail.read_back_only_as_far_as_rules()
    form_speedups.activation_validated_once()
    form_speedups.slot_mappings_that_set_nothing_skipped()
    debug_log_copies.copied_only_when_logged()
    active_loop_copy.copied_directly()
    _applied = True
