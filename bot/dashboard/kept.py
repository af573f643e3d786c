"""The dashboard's summary kept between a conversation's saves: each save reads the new events only.

The tracker store saves a conversation at every turn, and the dashboard's rows
(bot/dashboard/summary.py `record`) summarise every event the tracker holds: read whole, that
walked the session again at each turn (~90 events by message 20, growing with the session).
Here the fold of the events already read is kept with the tracker it read, and a save goes on
from it with the events appended since, which gives the rows a whole reading gives: a tracker
only ever appends events. The fold is used only for the same tracker object whose events
container is the same one, no shorter, and still holds, at the places read last, the very
event objects read; anything else (another tracker loaded from the database, a copy, events
dropped from the front) is read whole, as before.
"""
from __future__ import annotations

import itertools
import weakref
from collections import OrderedDict
from typing import Any, Callable, Dict, List, Optional, Tuple

from bot.dashboard.summary import ConversationFold, Step

# Conversations whose fold is kept per process (as many as the tracker store keeps trackers)
KEPT = 2000

# sender_id -> (the tracker, its events container, how many were read, the first and the
# last event read, the fold of those)
_kept: "OrderedDict[str, Tuple[Any, Any, int, Any, Any, ConversationFold]]" = OrderedDict()


def _still_valid(kept: Tuple[Any, Any, int, Any, Any, ConversationFold], tracker: Any) -> bool:
    tracker_ref, events_ref, read, first, last, _ = kept
    events = tracker.events
    return (tracker_ref() is tracker and events_ref() is events and len(events) >= read > 0
            and events[0] is first and events[read - 1] is last)


def summary_rows(tracker: Any, to_step: Callable[[Any], Step],
                 tz: Any) -> List[Dict[str, Any]]:
    """The summary rows of every session `tracker.events` holds, as
    `summarise_all(sender_id, (to_step(e) for e in tracker.events), tz)` gives them."""
    sender_id = tracker.sender_id
    kept = _kept.pop(sender_id, None)
    events = tracker.events
    if kept is not None and _still_valid(kept, tracker):
        read, fold = kept[2], kept[5]
        new = itertools.islice(events, read, None)
    else:
        read, fold = 0, ConversationFold()
        new = iter(events)
    for event in new:
        fold.add(to_step(event))
        read += 1
    rows = fold.rows(sender_id, tz)
    if read:
        try:
            refs = (weakref.ref(tracker), weakref.ref(events))
        except TypeError:  # an events container without weak references: read whole
            return rows
        _kept[sender_id] = (*refs, read, events[0], events[read - 1], fold)
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return rows


def forget(sender_id: Optional[str] = None) -> None:
    """Drops the kept fold of one conversation (all, with no id: tests)."""
    if sender_id is None:
        _kept.clear()
    else:
        _kept.pop(sender_id, None)
