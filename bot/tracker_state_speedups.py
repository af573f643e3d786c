"""Rasa's applied events and tracker states continued over a conversation's new events, not replayed.

Profiled in process (reports/bench-profile-in-process.md, session 8), a turn spent about a
quarter of the Rasa process's CPU replaying the whole session to predict the next action:
- `DialogueStateTracker.applied_events` folds every event of the session (with a backwards
  scan at each form execution) each time it is asked, several times a turn;
- `Domain.states_for_tracker_history` (RulePolicy's `_prediction_states`, twice per
  prediction, two or three predictions a turn) replays every applied event into a new
  tracker and featurises every slot at every action of the session;
- `RulePolicy._get_possible_keys` tries every rule against the conversation's last state
  (bot/rule_lookup_speedup.py); the tracker's copies replay it too (bot/tracker_copy_speedups.py).

The replacements give the same results (tests/unit/test_dialogue_speedups.py compares them
with Rasa's own on real conversations): the fold and the replay are kept on the tracker and
continued over the events added since, when the events already folded are still the
tracker's first ones (the same objects, in order; otherwise everything is recomputed, as
Rasa does). Two things Rasa changes in place after an event is applied are never kept: the
user sub-state (`DefinePrevUserUtteredFeaturization` and `EntitiesAdded` change the user
message itself) is computed afresh from the message at every call, and the loop names seen
so far (which decide how a form's earlier executions fold) must be the same. Each call hands
out new state dicts, as Rasa's does, so a caller changing them changes nothing kept; for
RulePolicy, only the last ones it reads (bot/rule_states_tail.py). Applied by
bot/rasa_speedups.py's `apply()`.
"""
from __future__ import annotations

import itertools
import operator
from typing import Any, Callable, Dict, List, Optional, Text, Tuple

_APPLIED = "_speedups_applied_events"  # tracker attribute: (events folded, loop names, result)
_STATES = "_speedups_states"  # tracker attribute: the replay kept between calls
# A replay's snapshots kept: the latest (a form's later turn folds back to the form's last
# execution left in the applied events, the latest one in every flow seen); an older one is
# rebuilt by replaying from the start. Each is a tracker, kept with the conversation's tracker.
_SNAPSHOTS = 1
# A tracker's clone (as `copy` hands out: its own events, slots, latest action and loop), once
# `incremental_tracker_copy` has checked the slots copy plainly; the replay's snapshots use it.
_clone: Optional[Callable[[Any], Any]] = None


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
