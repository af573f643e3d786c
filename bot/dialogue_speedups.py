"""Rasa's per-turn dialogue work done incrementally: applied events, tracker states, rule lookup.

Profiled in process (reports/bench-profile-in-process.md, session 8), a turn spent about a
quarter of the Rasa process's CPU replaying the whole session to predict the next action:
- `DialogueStateTracker.applied_events` folds every event of the session (with a backwards
  scan at each form execution) each time it is asked, several times a turn;
- `Domain.states_for_tracker_history` (RulePolicy's `_prediction_states`, twice per
  prediction, two or three predictions a turn) replays every applied event into a new
  tracker and featurises every slot at every action of the session;
- `RulePolicy._get_possible_keys` tries every rule against the conversation's last state.

The replacements give the same results (tests/unit/test_dialogue_speedups.py compares them
with Rasa's own on real conversations): the fold and the replay are kept on the tracker and
continued over the events added since, when the events already folded are still the
tracker's first ones (the same objects, in order; otherwise everything is recomputed, as
Rasa does). Two things Rasa changes in place after an event is applied are never kept: the
user sub-state (`DefinePrevUserUtteredFeaturization` and `EntitiesAdded` change the user
message itself) is computed afresh from the message at every call, and the loop names seen
so far (which decide how a form's earlier executions fold) must be the same. Each call hands
out new state dicts, as Rasa's does, so a caller changing them changes nothing kept; for
RulePolicy, only the last ones it reads (bot/rule_states_tail.py). The rule lookup skips
rules whose last state names another previous action than the conversation's last state
(Rasa's `_is_rule_applicable` would refuse them). Applied by bot/rasa_speedups.py's `apply()`.
"""
from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from typing import Any, Callable, Dict, List, Optional, Set, Text, Tuple

_APPLIED = "_speedups_applied_events"  # tracker attribute: (events folded, loop names, result)
_STATES = "_speedups_states"  # tracker attribute: the replay kept between calls
# A replay's snapshots kept: the latest (a form's later turn folds back to the form's last
# execution left in the applied events, the latest one in every flow seen); an older one is
# rebuilt by replaying from the start. Each is a tracker, kept with the conversation's tracker.
_SNAPSHOTS = 1


def _same_prefix(kept: List[Any], events: Any) -> bool:
    """Whether `kept` are the first events of `events`, the very same objects in order."""
    return len(kept) <= len(events) and all(map(operator.is_, kept, events))


def incremental_applied_events() -> None:
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionReverted,
        ActiveLoop,
        Restarted,
        SessionStarted,
        UserUtteranceReverted,
        UserUttered,
    )
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.rasa_speedups import _replacing

    original = DialogueStateTracker.applied_events

    def _loop_names(events: Any) -> frozenset:
        return frozenset(e.name for e in events if isinstance(e, ActiveLoop) and e.name)

    @_replacing(original)
    def applied_events(self: DialogueStateTracker) -> List[Any]:
        events = self.events
        kept = self.__dict__.pop(_APPLIED, None)
        start, applied = 0, []
        if kept is not None and _same_prefix(kept[0], events):
            # the loop names of every event: the kept ones' and the new events' (each event
            # looked at once, not at every call: an isinstance on Rasa's abstract Event class
            # over the whole session was most of this function's time)
            loop_names = kept[1].union(_loop_names(itertools.islice(events, len(kept[0]), None)))
            if loop_names == kept[1]:
                start, applied = len(kept[0]), list(kept[2])
        else:
            loop_names = _loop_names(events)
        # Rasa's fold (DialogueStateTracker.applied_events), continued from `start`.
        for event in itertools.islice(events, start, None):
            if isinstance(event, (Restarted, SessionStarted)):
                applied = []
            elif isinstance(event, ActionReverted):
                self._undo_till_previous(ActionExecuted, applied)
            elif isinstance(event, UserUtteranceReverted):
                self._undo_till_previous(UserUttered, applied)
                self._undo_till_previous(ActionExecuted, applied)
            elif (
                isinstance(event, ActionExecuted)
                and event.action_name in loop_names
                and not self._first_loop_execution_or_unhappy_path(event.action_name, applied)
            ):
                self._undo_till_previous_loop_execution(event.action_name, applied)
            else:
                applied.append(event)
        self.__dict__[_APPLIED] = (list(events), loop_names, list(applied))
        return applied

    DialogueStateTracker.applied_events = applied_events


class _Replay:
    """A session replayed so far: the replayed tracker and, at each action, what Rasa's state
    holds apart from the user's message (which is read afresh at every call)."""

    def __init__(self, domain: Any, omit_unset_slots: bool, tracker: Any) -> None:
        self.domain, self.omit_unset_slots = domain, omit_unset_slots
        self.applied: List[Any] = []
        self.tracker = tracker.init_copy()
        self.positions: List[Tuple[Any, Dict, Any, Dict]] = []
        # (events replayed, positions, a clone of the replayed tracker) after a form's
        # execution: a form's later turn folds away the actions and messages since its last
        # execution (`applied_events`), and the replay goes on from there, not from the start
        self.snapshots: List[Tuple[int, int, Any]] = []

    def rewind(self, applied: List[Any]) -> bool:
        """Back to the latest snapshot whose events are still the first of `applied` (the
        same objects); False if there is none."""
        while self.snapshots and _clone is not None:
            done, positions, snapshot = self.snapshots[-1]
            if _same_prefix(self.applied[:done], applied):
                del self.applied[done:], self.positions[positions:]
                self.tracker = _clone(snapshot)
                return True
            self.snapshots.pop()
        return False

    def position(self) -> Tuple[Any, Dict, Any, Dict]:
        tracker, domain = self.tracker, self.domain
        return (tracker.latest_message,
                domain._get_slots_sub_state(tracker, omit_unset_slots=self.omit_unset_slots),
                domain._get_prev_action_sub_state(tracker),
                domain._get_active_loop_sub_state(tracker))


class _LatestMessage:
    """What `Domain._get_user_sub_state` reads of a tracker."""

    __slots__ = ("latest_message",)

    def __init__(self, message: Any) -> None:
        self.latest_message = message


def incremental_tracker_states() -> None:
    from rasa.shared.core.constants import ACTIVE_LOOP, PREVIOUS_ACTION, SLOTS, USER
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.rasa_speedups import _replacing
    from bot.rule_states_tail import last  # only the states RulePolicy reads, when it says
    original = Domain.states_for_tracker_history

    @_replacing(original)
    def states_for_tracker_history(
        self: Domain, tracker: Any, omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False, rule_only_data: Optional[Dict[Text, Any]] = None,
    ) -> List[Dict[Text, Any]]:
        if ignore_rule_only_turns:  # ML policies' view (none here): Rasa's own code
            return original(self, tracker, omit_unset_slots, ignore_rule_only_turns,
                            rule_only_data)
        applied = tracker.applied_events()
        replay = tracker.__dict__.pop(_STATES, None)
        if (replay is None or replay.domain is not self
                or replay.omit_unset_slots != omit_unset_slots
                or not (_same_prefix(replay.applied, applied) or replay.rewind(applied))):
            replay = _Replay(self, omit_unset_slots, tracker)
        forms = self.form_names if _clone is not None and type(
            replay.tracker) is DialogueStateTracker and type(replay.tracker.slots) is dict else ()
        # Rasa's generate_all_prior_trackers: a state before each action, one at the end.
        for event in applied[len(replay.applied):]:
            if isinstance(event, ActionExecuted):
                replay.positions.append(replay.position())
            replay.tracker.update(event)
            replay.applied.append(event)
            if isinstance(event, ActionExecuted) and event.action_name in forms:
                replay.snapshots.append((len(replay.applied), len(replay.positions),
                                         _clone(replay.tracker)))
                del replay.snapshots[:-_SNAPSHOTS]
        tracker.__dict__[_STATES] = replay
        users: Dict[int, Dict] = {}
        states = []
        for message, slots, previous_action, loop in last(replay.positions, replay.position()):
            user = users.get(id(message))
            if user is None:
                user = users[id(message)] = self._get_user_sub_state(_LatestMessage(message))
            state = {USER: dict(user), SLOTS: dict(slots),
                     PREVIOUS_ACTION: dict(previous_action) if previous_action is not None
                     else None,
                     ACTIVE_LOOP: dict(loop)}
            states.append({kind: sub for kind, sub in state.items() if sub})
        return states

    Domain.states_for_tracker_history = states_for_tracker_history


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


_REPLICA = "_speedups_replica"  # tracker attribute: (events replayed, the replayed tracker)
_ORIGIN = "_speedups_origin"  # a copy's attribute: the _REPLICA of the tracker it was copied from
# A tracker's clone (as `copy` hands out: its own events, slots, latest action and loop), once
# `incremental_tracker_copy` has checked the slots copy plainly; the replay's snapshots use it.
_clone: Optional[Callable[[Any], Any]] = None


def incremental_tracker_copy() -> None:
    """`DialogueStateTracker.copy` (the processor's copy before every action it runs) replays
    every event of the conversation into a new tracker. Here a replayed tracker is kept and
    continued over the new events, and the copy handed out is a clone of it: the same state a
    replay gives (not the live tracker's, which Rasa also changes outside events)."""
    import copy as copy_module
    import copyreg
    from collections import deque

    from rasa.shared.core.slots import Slot
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.rasa_speedups import _replacing

    original = DialogueStateTracker.copy
    kept_attributes = (_APPLIED, _STATES, _REPLICA, _ORIGIN)

    def copy_slot(slot: Slot) -> Slot:
        # What copy.copy does for a plain object (checked below): a new instance, same dict.
        new = object.__new__(type(slot))
        new.__dict__.update(slot.__dict__)
        return new

    def subclasses(cls: type) -> List[type]:
        return [cls, *(sub for direct in cls.__subclasses__() for sub in subclasses(direct))]

    # (Slot declares an empty __slots__: no slot names, its instances keep a __dict__.)
    plain = all(getattr(cls, name, None) is getattr(object, name, None)
                for cls in subclasses(Slot)
                for name in ("__copy__", "__setstate__", "__getstate__", "__reduce__",
                             "__reduce_ex__")) and all(
        copyreg._slotnames(cls) == [] for cls in subclasses(Slot))
    if not plain:
        copy_slot = copy_module.copy  # noqa: F811 - Rasa's own way when unsure

    def clone(replica: DialogueStateTracker) -> DialogueStateTracker:
        new = object.__new__(DialogueStateTracker)
        new.__dict__.update((k, v) for k, v in replica.__dict__.items()
                            if k not in kept_attributes)
        new.events = deque(replica.events, replica._max_event_history)
        new.slots = {name: copy_slot(slot) for name, slot in replica.slots.items()}
        new.latest_action = (dict(replica.latest_action)
                             if replica.latest_action is not None else None)
        new.active_loop = copy_module.copy(replica.active_loop)
        return new

    global _clone
    _clone = clone

    @_replacing(original)
    def copy(self: DialogueStateTracker) -> DialogueStateTracker:
        if type(self) is not DialogueStateTracker or type(self.slots) is not dict:
            return original(self)
        kept = self.__dict__.pop(_REPLICA, None)
        events = self.events
        if kept is None or not _same_prefix(kept[0], events):
            # A copy handed out below (the processor's tracker for an action, which a form
            # copies again for each validation) goes on from a clone of the replay it was
            # cloned from, when that replay's events are still its first ones: the replay is
            # always the replay of its events, so that is what a replay from the start gives.
            origin = self.__dict__.get(_ORIGIN)
            if origin is not None and _same_prefix(origin[0], events):
                kept = (list(origin[0]), clone(origin[1]))
            else:
                kept = ([], self.init_copy())
        done, replica = kept
        for event in itertools.islice(events, len(done), None):
            # travel_back_in_time(inf): every event, in order, up to the last one
            if not event.timestamp <= float("inf"):
                return original(self)
            replica.update(event)
            done.append(event)
        self.__dict__[_REPLICA] = kept
        handed_out = clone(replica)
        handed_out.__dict__[_ORIGIN] = kept
        return handed_out

    DialogueStateTracker.copy = copy


def incremental_form_validation_tracker() -> None:
    """Each form validation (`FormAction._temporary_tracker`, before every validator call:
    about one a message) built a new tracker by replaying every event of the conversation,
    then a requested-slot event, the form's execution and the slots to validate. Here the
    replay is the tracker's kept one (`copy` above, continued over the new events) and only the
    added events are applied to its clone. Only for a conversation with no restart in it (Rasa
    replays from the last restart; a clone holds every event) whose slots are the domain's
    (names and kinds, in order, as Rasa's replay makes them); otherwise Rasa's own way."""
    from rasa.core.actions.forms import FormAction
    from rasa.shared.core.constants import REQUESTED_SLOT
    from rasa.shared.core.events import ActionExecuted, SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.rasa_speedups import _replacing

    original = FormAction._temporary_tracker

    @_replacing(original)
    def _temporary_tracker(self: FormAction, current_tracker: DialogueStateTracker,
                           additional_events: List[Any], domain: Any) -> DialogueStateTracker:
        slots = current_tracker.slots
        if (type(current_tracker) is not DialogueStateTracker or type(slots) is not dict
                or current_tracker._max_event_history is not None
                or current_tracker.is_rule_tracker or not current_tracker.sender_id
                or current_tracker.idx_after_latest_restart() != 0
                or [(s.name, type(s)) for s in domain.slots]
                != [(name, type(slot)) for name, slot in slots.items()]):
            return original(self, current_tracker, additional_events, domain)
        tracker = current_tracker.copy()
        if type(tracker) is not DialogueStateTracker:  # pragma: no cover - copy's own fallback
            return original(self, current_tracker, additional_events, domain)
        tracker.sender_id = current_tracker.sender_id
        for event in (SlotSet(REQUESTED_SLOT, self.get_slot_to_fill(current_tracker)),
                      ActionExecuted(self.name()), *additional_events):
            tracker.update(event)
        return tracker

    FormAction._temporary_tracker = _temporary_tracker
