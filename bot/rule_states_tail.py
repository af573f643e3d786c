"""RulePolicy's states of a conversation built only as far back as its longest rule reads.

Every prediction (2-3 a message) RulePolicy asks for the states of the whole session
(`Policy._prediction_states`), one dict of slots, previous action, loop and user message for
every action so far, and then reads only its end: `_get_possible_keys` compares a rule's
states with the conversation's last ones, and a rule is applicable once the comparison has
gone further back than the rule's length (Rasa's `_is_rule_applicable`). The rest of the list
is used twice more: as the prediction's source when no rule applies (`_create_feature_key`,
compared only with the keys in `rules_not_in_stories`, each no longer than the longest rule),
and in a debug log line.

So during RulePolicy's `_prediction_states` the states wanted are the last L + 1, L the most
states any key of the model's lookup holds (rules, loop unhappy paths, rules not in stories):
- every rule compared sees the same states at every position it reads (the last L);
- a session of more than L + 1 states gives a source of L + 1 states, which, like the whole
  session's, equals no key of at most L states: `hide_rule_turn` is False either way, and the
  source itself is not kept (`predict_action_probabilities` drops it);
- with the rule policy's debug log on (structlog's `debug` not its no-op), every state, as
  Rasa logs them.

`wanted()` is read by the tracker states' replacement (bot/tracker_state_speedups.py); Rasa's own
`states_for_tracker_history`, which ignores it, still gives the right answer (all states).
"""
from __future__ import annotations

import contextvars
import json
from typing import Any, Dict, List, Optional, Tuple

RELIED_ON: Dict[str, Optional[Tuple[str, ...]]] = {  # beside what bot/tracker_state_speedups.py etc. rely on
    "rasa.core.policies.policy:Policy._prediction_states": (
        "self", "tracker", "domain", "use_text_for_last_user_input", "rule_only_data"),
    "rasa.core.policies.rule_policy:RulePolicy._create_feature_key": ("self", "states"),
    "rasa.core.policies.rule_policy:RULES_NOT_IN_STORIES": None,
}

_KEYS = ("rules", "rules_for_loop_unhappy_path", "rules_not_in_stories")
# The number of last states the prediction in progress reads; None: all of them.
_WANTED: contextvars.ContextVar[Optional[int]] = contextvars.ContextVar("rule_states_wanted",
                                                                       default=None)


def wanted() -> Optional[int]:
    """How many of the session's last states are read now (None: all)."""
    return _WANTED.get()


def last(positions: List[Any], final: Any) -> List[Any]:
    """`positions` and `final`, the session's states in order, cut to the number wanted."""
    count = _WANTED.get()
    if count is None or count > len(positions):
        return [*positions, final]
    return [*positions[len(positions) - count + 1:], final]


def longest_key(lookup: Dict[str, Any]) -> int:
    """The most states any key of a RulePolicy's lookup holds (rules, loop unhappy paths, the
    rules not in stories); keys that are not lists of states (a rule's name) count 0."""
    most = 0
    for key in (key for part in _KEYS for key in lookup.get(part) or ()):
        try:
            states = json.loads(key)
        except (TypeError, ValueError):
            continue
        if isinstance(states, list):
            most = max(most, len(states))
    return most


def read_back_only_as_far_as_rules() -> None:
    """RulePolicy's `_prediction_states` asks for the last L + 1 states only (module doc)."""
    from rasa.core.policies import rule_policy
    from rasa.core.policies.policy import Policy
    from structlog._native import _nop

    from bot.rasa_speedups import _replacing

    original = Policy._prediction_states
    longest: Dict[int, Tuple[Tuple, int]] = {}  # id(lookup) -> (its collections as read, L)

    @_replacing(original)
    def _prediction_states(self: Any, tracker: Any, domain: Any,
                           use_text_for_last_user_input: bool = False,
                           rule_only_data: Optional[Dict[str, Any]] = None) -> List[Any]:
        if getattr(rule_policy.structlogger.debug, "__func__", None) is not _nop:
            return original(self, tracker, domain, use_text_for_last_user_input, rule_only_data)
        lookup = self.lookup
        seen = (lookup, *((id(part), len(part or ())) for part in map(lookup.get, _KEYS)))
        kept = longest.get(id(lookup))
        if kept is None or kept[0][0] is not lookup or kept[0][1:] != seen[1:]:  # trained since
            kept = longest[id(lookup)] = (seen, longest_key(lookup))
        token = _WANTED.set(kept[1] + 1)
        try:
            return original(self, tracker, domain, use_text_for_last_user_input, rule_only_data)
        finally:
            _WANTED.reset(token)

    rule_policy.RulePolicy._prediction_states = _prediction_states
