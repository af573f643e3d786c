"""Two measured hot spots inside Rasa 3.6.21, replaced by equivalent cached versions.

Profiled under load (reports/bench.md), a 20-message conversation spent:
- ~70 % of the Rasa server's CPU in `RemoteAction._validate_action_result`: it calls
  `jsonschema.validate`, which re-checks the (constant) response schema against the
  draft 2020-12 metaschema on every action-server reply (~70 ms each here). Here the
  validator is built once and validates the same schema with the same error.
- ~20 % of loading a tracker in `Event.resolve_by_type`, which walks the whole Event class
  tree (`all_subclasses` + `inspect.isabstract`) for every stored event it deserialises.
  Here the type name -> class lookup is remembered; unknown names still take Rasa's path.

Rasa has no extension point for either, so `apply()` swaps the two functions, once per
process, from the modules Rasa imports from the model (bot.dialogue) and the endpoints
(bot.tracker_store). tests/unit/test_rasa_speedups.py checks both still behave as Rasa's.
Remove this module when upgrading Rasa past 3.6 (re-measure first).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text, Type

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


def apply() -> None:
    global _applied
    if _applied:
        return
    _cached_action_result_validation()
    _cached_event_type_lookup()
    _applied = True
