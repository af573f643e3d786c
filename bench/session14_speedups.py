"""Session 14's versions of functions session 15 made cheaper, for bench/alternate.py only.

The server never uses them. Same results, same kept data on the tracker."""
from __future__ import annotations

import itertools
from typing import Any, Callable, List

from bot.dialogue_speedups import _APPLIED, _same_prefix


def applied_events(fast: Callable) -> Callable:
    """`DialogueStateTracker.applied_events` as at 7c09aad: the loop names of the whole
    session gathered at every call."""
    from rasa.shared.core.events import (
        ActionExecuted,
        ActionReverted,
        ActiveLoop,
        Restarted,
        SessionStarted,
        UserUtteranceReverted,
        UserUttered,
    )

    def applied_events_s14(self: Any) -> List[Any]:
        events = self.events
        loop_names = frozenset(e.name for e in events if isinstance(e, ActiveLoop) and e.name)
        kept = self.__dict__.pop(_APPLIED, None)
        if kept is not None and kept[1] == loop_names and _same_prefix(kept[0], events):
            start, applied = len(kept[0]), list(kept[2])
        else:
            start, applied = 0, []
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

    applied_events_s14.__wrapped__ = fast.__wrapped__
    return applied_events_s14


def requested_language(text: str):
    """bot/language.py's `requested_language` as at 7c09aad: each phrase's pattern escaped and
    looked up in re's cache at every call."""
    import re

    from bot.language import _NOT_SAID
    from bot.nlu.language import language_vocabulary, plain

    said = " " + " ".join(re.findall(r"\w+", plain(text))) + " "
    for lang, phrases in language_vocabulary()["requests"].items():
        if any(re.search(_NOT_SAID + re.escape(f" {phrase} "), said) for phrase in phrases):
            return lang
    return None
