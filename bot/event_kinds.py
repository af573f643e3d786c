"""Which of a tracker's events are of a Rasa event class, without abc's check for each event.

Rasa's `Event` is abstract, so `isinstance(event, UserUttered)` goes through
`ABCMeta.__instancecheck__` for every event: ~1 µs each, and the tracker store and
LanguagePolicy asked it of every event of the session at every turn (reports/speed-s22.md).
The answer depends on the event's class alone (`issubclass`, the same check abc makes), so
it is remembered per class; tests/unit/test_event_kinds.py compares it with `isinstance`."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, List


@lru_cache(maxsize=None)
def _is_kind(cls: type, kind: type) -> bool:
    return issubclass(cls, kind)


def is_kind(event: Any, kind: type) -> bool:
    """`isinstance(event, kind)`."""
    return _is_kind(type(event), kind)


def events_of(events: Iterable[Any], kind: type) -> List[Any]:
    """The events that are instances of `kind`, in order."""
    return [event for event in events if _is_kind(type(event), kind)]
