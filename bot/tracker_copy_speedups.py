"""Tracker copies and form-validation trackers cloned from a kept replay, not replayed from the start.

The replayed tracker is kept on the conversation's tracker and continued over the new events;
the copy handed out is a clone of it (tests/unit/test_dialogue_speedups.py compares them with
Rasa's own on real conversations). Applied by bot/rasa_speedups.py's `apply()`.
"""
from __future__ import annotations

import itertools
from typing import Any, List

from bot import tracker_state_speedups
from bot.tracker_state_speedups import _APPLIED, _STATES, _same_prefix

_REPLICA = "_speedups_replica"  # tracker attribute: (events replayed, the replayed tracker)
_ORIGIN = "_speedups_origin"  # a copy's attribute: the _REPLICA of the tracker it was copied from


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

    tracker_state_speedups._clone = clone  # the replay's snapshots use it

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
