"""The active loop in each action call's tracker state, copied without `dataclasses`' walk.

Each call to the action server sends `DialogueStateTracker.current_state`, whose
`active_loop` is `dataclasses.asdict(tracker.active_loop)`: a deep copy of the loop's
`trigger_message`, the whole parse of the message that started the form (intent ranking,
entities, language). `dataclasses.asdict` walks it with a type check and a `copy.deepcopy`
per value, ~0.75 ms a call under cProfile (2.5 % of a turn on the benchmark's paths, session 15),
for data that is plain JSON.

Here the tracker module's `dataclasses` is a stand-in whose `asdict` copies a
`TrackerActiveLoop` made only of dicts, lists, tuples, strings, numbers, booleans and None
directly, giving what `dataclasses.asdict` gives: new dicts, lists and tuples, in the same
order, and the same immutable leaves (`copy.deepcopy` hands back a str, int, float, bool or
None itself). Anything else anywhere in it (a subclass of one of those types, a set, an
object), another dataclass or a `dict_factory` goes to `dataclasses.asdict` as before.
tests/unit/test_active_loop_copy.py compares both on the active loops of whole conversations
and on odd values, and checks that `current_state` is the tracker module's only use of
`dataclasses` after import.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Dict, Optional, Tuple

RELIED_ON: Dict[str, Optional[Tuple[str, ...]]] = {
    "rasa.shared.core.trackers:dataclasses": None,
    "rasa.shared.core.trackers:TrackerActiveLoop": None,
    "rasa.shared.core.trackers:DialogueStateTracker.current_state": ("self", "event_verbosity"),
}

_LEAVES = frozenset((str, int, float, bool, type(None)))


class _NotPlain(Exception):
    pass


def _plain_copy(value: Any) -> Any:
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is dict:
        return {_plain_copy(k): _plain_copy(v) for k, v in value.items()}
    if kind is list:
        return [_plain_copy(v) for v in value]
    if kind is tuple:
        return tuple(_plain_copy(v) for v in value)
    raise _NotPlain


class DataclassesForTrackerState:
    """`dataclasses` for rasa.shared.core.trackers, with a direct `asdict` of a plain active
    loop; every other name is the real module's."""

    def __init__(self, loop_class: type) -> None:
        self._loop_class = loop_class
        self._fields = tuple(f.name for f in dataclasses.fields(loop_class))

    def asdict(self, obj: Any, *, dict_factory: Any = dict) -> Any:
        if type(obj) is self._loop_class and dict_factory is dict:
            try:
                return {name: _plain_copy(getattr(obj, name)) for name in self._fields}
            except _NotPlain:
                pass
        return dataclasses.asdict(obj, dict_factory=dict_factory)

    def __getattr__(self, name: str) -> Any:
        return getattr(dataclasses, name)


def copied_directly() -> None:
    from rasa.shared.core import trackers

    if not isinstance(trackers.dataclasses, DataclassesForTrackerState):
        trackers.dataclasses = DataclassesForTrackerState(trackers.TrackerActiveLoop)
