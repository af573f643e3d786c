"""Three measured hot spots inside Rasa 3.6.21, replaced by equivalent cached versions.

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

Rasa has no extension point for these, so `apply()` swaps the three functions, once per
process, from the modules Rasa imports from the model (bot.dialogue) and the endpoints
(bot.tracker_store). tests/unit/test_rasa_speedups.py checks they still behave as Rasa's;
every conversation test runs through them.
Remove this module when upgrading Rasa past 3.6 (re-measure first).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple, Type

_applied = False


def _cached_action_result_validation() -> None:
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator = validator_for(schema)(schema)

    def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
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


def apply() -> None:
    global _applied
    if _applied:
        return
    _cached_action_result_validation()
    _cached_event_type_lookup()
    _graph_runs_without_dask()
    _applied = True
