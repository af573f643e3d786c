"""RulePolicy's rule lookup indexed by the previous action and intent each rule's last state requires.

`RulePolicy._get_possible_keys` tried every rule against the conversation's last state at
each prediction (reports/bench-profile-in-process.md, session 8). The lookup here skips rules
whose last state names another previous action than the conversation's last state (Rasa's
`_is_rule_applicable` would refuse them) and gives the same keys (tests/unit/test_dialogue_speedups.py).
Applied by bot/rasa_speedups.py's `apply()`.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Dict, List, Optional, Set, Text, Tuple


def indexed_rule_lookup() -> None:
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
    from rasa.shared.nlu.constants import ACTION_NAME, ACTION_TEXT, INTENT

    from bot.rasa_speedups import _replacing

    original = RulePolicy._get_possible_keys
    indexes: Dict[int, Tuple[Dict, Dict[Any, Dict[Optional[Text], List[Text]]], Dict]] = {}

    def required(sub_state: Optional[Dict[Text, Any]], kinds: Tuple[Text, ...]) -> Any:
        """The (kind, value) a rule state's sub-state requires, compared by Rasa's
        `_does_rule_match_state` with `!=` (a plain string, set, not SHOULD_NOT_BE_SET)."""
        for kind in kinds:
            value = sub_state.get(kind) if sub_state else None
            if isinstance(value, str) and value and value != SHOULD_NOT_BE_SET:
                return (kind, value)
        return None

    def index(policy: RulePolicy, lookup: Dict[Text, Text]):
        """Rules by the previous action and then the user intent their last state requires
        (a rule's key never changes once the model is loaded); None: requires none of it."""
        found = indexes.get(id(lookup))
        if found is not None and found[0] is lookup and len(found[2]) == len(lookup):
            return found
        by_action: Dict[Any, Dict[Optional[Text], List[Text]]] = defaultdict(
            lambda: defaultdict(list))
        lengths = {}
        for key in lookup:
            rule_states = policy._rule_key_to_state(key)
            lengths[key] = len(rule_states)
            last = rule_states[-1] if rule_states else {}
            action = required(last.get(PREVIOUS_ACTION), (ACTION_NAME, ACTION_TEXT))
            intent = required(last.get(USER), (INTENT,))
            by_action[action][intent[1] if intent else None].append(key)
        found = indexes[id(lookup)] = (
            lookup, {action: dict(by_intent) for action, by_intent in by_action.items()},
            lengths)
        return found

    @_replacing(original)
    def _get_possible_keys(self: RulePolicy, lookup: Dict[Text, Text],
                           states: List[Dict[Text, Any]]) -> Set[Text]:
        if not states:
            return set(lookup.keys())
        _, by_action, lengths = index(self, lookup)
        last = states[-1]
        previous = last.get(PREVIOUS_ACTION)
        intent = (last.get(USER) or {}).get(INTENT)
        candidates: List[Text] = []
        if not previous:
            # a conversation's first state: Rasa accepts any rule starting the conversation
            # there without comparing the user's intent, and refuses every other rule
            for keys in by_action.get(None, {}).values():
                candidates.extend(keys)
        else:
            # A rule naming another previous action or user intent in its last state does
            # not apply (Rasa's `_does_rule_match_state`: a value it sets must be equal).
            for action in (None, *((kind, previous.get(kind))
                                   for kind in (ACTION_NAME, ACTION_TEXT))):
                if action is not None and not isinstance(action[1], str):
                    continue
                by_intent = by_action.get(action, {})
                candidates.extend(by_intent.get(None, ()))
                if isinstance(intent, str) and intent:
                    candidates.extend(by_intent.get(intent, ()))
        possible = {key for key in candidates if self._is_rule_applicable(key, 0, last)}
        # Rasa's loop over the earlier states; past a rule's length it always applies.
        longest = max((lengths[key] for key in possible), default=0)
        for turn in range(1, len(states)):
            if turn >= longest:
                break
            state = states[-1 - turn]
            possible = {key for key in possible if self._is_rule_applicable(key, turn, state)}
        return possible

    RulePolicy._get_possible_keys = _get_possible_keys
