"""The Rasa members this project replaces or reaches into, checked at start-up against Rasa.

bot/rasa_speedups.py's replacements, the tracker store and the channels rely on private members
of Rasa 3.6.21 (RELIED_ON: each with its parameters). `check_rasa_internals`, called first by
`bot.rasa_speedups.apply()`, refuses to start the server, naming what changed, when Rasa is
another version or any of them is gone or takes other parameters."""
from __future__ import annotations

import importlib
import inspect
from typing import Any, Dict, List, Optional, Tuple

from bot import rule_states_tail
from bot.active_loop_copy import RELIED_ON as LOOP_COPY_RELIED_ON
from bot.debug_log_copies import RELIED_ON as LOG_COPIES_RELIED_ON
from bot.form_speedups import RELIED_ON as FORMS_RELIED_ON

RASA_VERSION = "3.6.21"

# "module:Class.member" -> the member's parameters in RASA_VERSION (None: it only has to exist).
RELIED_ON: Dict[str, Optional[Tuple[str, ...]]] = {
    # replaced here
    "rasa.core.actions.action:RemoteAction._validate_action_result": ("self", "result"),
    "rasa.core.actions.action:RemoteAction.action_response_format_spec": (),
    "rasa.shared.core.events:Event.resolve_by_type": ("type_name", "default"),
    "rasa.engine.runner.dask:DaskGraphRunner.run": ("self", "inputs", "targets"),
    "rasa.engine.runner.dask:DaskGraphRunner.__init__": (
        "self", "graph_schema", "model_storage", "execution_context", "hooks"),  # sets _graph_schema
    "rasa.engine.runner.dask:DaskGraphRunner._build_dask_graph": ("self", "schema"),
    "rasa.engine.runner.dask:DaskGraphRunner._add_inputs_to_graph": ("inputs", "graph"),
    "rasa.engine.graph:GraphSchema.minimal_graph_schema": ("self", "targets"),
    "rasa.engine.graph:GraphSchema.target_names": None,
    "rasa.utils.endpoints:EndpointConfig.session": ("self",),
    "rasa.shared.core.domain:Domain.is_empty": ("self",),
    "rasa.shared.core.domain:Domain.as_dict": ("self",),
    "rasa.utils.endpoints:DEFAULT_REQUEST_TIMEOUT": None,
    # replaced in bot/action_connections.py (bot/local_actions.py before it), and what it calls
    "rasa.utils.endpoints:EndpointConfig.request": (
        "self", "method", "subpath", "content_type", "compress", "kwargs"),
    "rasa.utils.endpoints:EndpointConfig.combine_parameters": ("self", "kwargs"),
    "rasa.utils.endpoints:concat_url": ("base", "subpath"),
    "rasa.utils.endpoints:ClientResponseError.__init__": ("self", "status", "message", "text"),
    "rasa.core.run:close_resources": ("app", "_"),
    # replaced in bot/nlu/count_vectors.py, and what its replacement calls
    "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer:CountVectorsFeaturizer.process":
        ("self", "messages"),
    "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer:CountVectorsFeaturizer."
    "process_training_data": ("self", "training_data"),
    "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer:CountVectorsFeaturizer."
    "_create_features": ("self", "attribute", "all_tokens"),
    "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer:CountVectorsFeaturizer."
    "_get_processed_message_tokens_by_attribute": ("self", "message", "attribute"),
    "rasa.nlu.featurizers.featurizer:Featurizer.add_features_to_message": (
        "self", "sequence", "sentence", "attribute", "message"),
    # replaced in bot/tracker_state_speedups.py, rule_lookup_speedup.py and tracker_copy_speedups.py,
    # and what their replacements call
    "rasa.shared.core.trackers:DialogueStateTracker.applied_events": ("self",),
    "rasa.shared.core.trackers:DialogueStateTracker._undo_till_previous": (
        "event_type", "done_events"),
    "rasa.shared.core.trackers:DialogueStateTracker._undo_till_previous_loop_execution": (
        "loop_action_name", "done_events"),
    "rasa.shared.core.trackers:DialogueStateTracker._first_loop_execution_or_unhappy_path": (
        "self", "loop_action_name", "applied_events"),
    "rasa.shared.core.trackers:DialogueStateTracker.init_copy": ("self",),
    "rasa.core.actions.forms:FormAction._temporary_tracker": (
        "self", "current_tracker", "additional_events", "domain"),
    **FORMS_RELIED_ON, **LOG_COPIES_RELIED_ON, **LOOP_COPY_RELIED_ON, **rule_states_tail.RELIED_ON,
    "rasa.shared.core.trackers:DialogueStateTracker.idx_after_latest_restart": ("self",),
    "rasa.shared.core.trackers:DialogueStateTracker.copy": ("self",),
    "rasa.shared.core.trackers:DialogueStateTracker.travel_back_in_time": ("self", "target_time"),
    "rasa.shared.core.domain:Domain.states_for_tracker_history": (
        "self", "tracker", "omit_unset_slots", "ignore_rule_only_turns", "rule_only_data"),
    "rasa.shared.core.domain:Domain._get_user_sub_state": ("self", "tracker"),
    "rasa.shared.core.domain:Domain._get_slots_sub_state": ("tracker", "omit_unset_slots"),
    "rasa.shared.core.domain:Domain._get_prev_action_sub_state": ("tracker",),
    "rasa.shared.core.domain:Domain._get_active_loop_sub_state": ("tracker",),
    "rasa.core.policies.rule_policy:RulePolicy._get_possible_keys": ("self", "lookup", "states"),
    "rasa.core.policies.rule_policy:RulePolicy._is_rule_applicable": (
        "self", "rule_key", "turn_index", "conversation_state"),
    "rasa.core.policies.rule_policy:RulePolicy._rule_key_to_state": ("rule_key",),
    "rasa.core.policies.rule_policy:RulePolicy._does_rule_match_state": (
        "rule_state", "conversation_state"),  # what the rule index follows
    # the tracker store (bot/tracker_store.py, bot/db_resilience.py)
    "rasa.core.tracker_store:SQLTrackerStore._retrieve": (
        "self", "sender_id", "fetch_events_from_all_sessions"),
    "rasa.core.tracker_store:SQLTrackerStore.session_scope": ("self",),
    "rasa.core.tracker_store:SQLTrackerStore.save": ("self", "tracker"),
    "rasa.core.tracker_store:SQLTrackerStore.SQLEvent": None,
    "rasa.core.tracker_store:create_engine_kwargs": ("url",),
    # the channels (bot/channels/)
    "rasa.core.channels.facebook:Messenger._handle_user_message": (
        "self", "text", "sender_id", "metadata"),
    "aiogram:Bot.__init__": ("self", "token", "loop", "connections_limit", "proxy", "proxy_auth",
                             "validate_token", "parse_mode", "timeout", "server"),
}


class RasaInternalsChanged(RuntimeError):
    """Rasa (or a library its channels use) is not what bot/rasa_speedups.py was written for."""


def _member(path: str) -> Any:
    module, _, attributes = path.partition(":")
    found: Any = importlib.import_module(module)
    for name in attributes.split("."):
        found = inspect.getattr_static(found, name)
        if isinstance(found, (staticmethod, classmethod)):
            found = found.__func__
    return found


def rasa_internals_changes(relied_on: Dict[str, Optional[Tuple[str, ...]]] = RELIED_ON) -> List[str]:
    """What differs from the Rasa these patches and subclasses were written for; [] if nothing."""
    import rasa

    changes = []
    if rasa.__version__ != RASA_VERSION:
        changes.append(f"Rasa is {rasa.__version__}, not {RASA_VERSION}")
    for path, parameters in relied_on.items():
        try:
            member = _member(path)
        except (ImportError, AttributeError):
            changes.append(f"{path} is gone")
            continue
        if parameters is None:
            continue
        if getattr(member, "__rasa_speedup__", False):
            member = member.__wrapped__  # already replaced here: check Rasa's own
        try:
            found = tuple(inspect.signature(member).parameters)
        except (TypeError, ValueError):
            found = None
        if found != parameters:
            changes.append(f"{path} takes {found}, not {parameters}")
    return changes


def check_rasa_internals() -> None:
    """Refuses to go on (RasaInternalsChanged, naming each change) unless Rasa is as expected."""
    changes = rasa_internals_changes()
    if changes:
        raise RasaInternalsChanged(
            "bot/rasa_speedups.py and the tracker store and channels that reach into Rasa "
            "were written for Rasa " + RASA_VERSION + "; re-check them: " + "; ".join(changes))
