"""`python -m bench.pieces`: a whole turn's CPU, piece by piece, without a profiler.

The in-process turns of bench/inprocess.py (the trained model, the migrated SQLite database, a
real action server), with chosen functions wrapped in a thread-CPU timer (inclusive: a piece
inside another is counted in both) and every graph node timed by name. cProfile inflates
Python-heavy code far more than C (spaCy, SQLite, ujson), so its shares mislead; these timers
cost ~1 µs a call. Sessions 19-21 wrote this as a throwaway script each time. Prints, for each
piece, CPU ms a message and calls a message, and the whole turn's process CPU beside.
"""
from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import time
from collections import defaultdict
from typing import Any, Callable, Dict, List, Tuple

from bench.conversations import ASSISTANT_PATHS

# (label, module, attribute path): each wrapped where it is looked up.
PIECES: List[Tuple[str, str, str]] = [
    ("NLU graph", "rasa.core.processor", "MessageProcessor._parse_message_with_graph"),
    ("running actions", "rasa.core.processor", "MessageProcessor._run_action"),
    ("· local actions' call copy", "bot.local_actions", "_decoded_call"),
    ("· local actions' answer copy", "bot.local_actions", "_as_sent"),
    ("· Rasa's call body", "rasa.core.actions.action", "RemoteAction._action_call_format"),
    ("· form validation", "rasa.core.actions.forms", "FormAction.validate"),
    ("· the SDK executor", "rasa_sdk.executor", "ActionExecutor.run"),
    ("· classifier's matrix", "bot.nlu.classifier", "sentence_feature_matrix"),
    ("· classifier's predict_proba", "sklearn.linear_model._logistic",
     "LogisticRegression.predict_proba"),
    ("· clinical matcher", "bot.nlu.clinical", "ClinicalMatcher.__call__"),
    ("· durations", "bot.nlu.message_durations", "_durations_on"),
    ("· count vectors' transform", "sklearn.feature_extraction.text", "CountVectorizer.transform"),
    ("· FAQ match", "bot.faq", "Faq.match"),
    ("predictions", "rasa.core.processor", "MessageProcessor._predict_next_with_tracker"),
    ("· RulePolicy", "rasa.core.policies.rule_policy", "RulePolicy.predict_action_probabilities"),
    ("· RedFlagPolicy", "bot.dialogue", "RedFlagPolicy.decide"),
    ("· LanguagePolicy", "bot.dialogue", "LanguagePolicy.decide"),
    ("· ActionServerOutagePolicy", "bot.dialogue", "ActionServerOutagePolicy.decide"),
    ("· OtherLanguagePolicy", "bot.other_language", "OtherLanguagePolicy.decide"),
    ("· tracker copies", "rasa.shared.core.trackers", "DialogueStateTracker.copy"),
    ("tracker store save", "bot.tracker_store", "ClinicTrackerStore.save"),
    ("· _save_once", "bot.tracker_store", "ClinicTrackerStore._save_once"),
    ("· the dashboard's row", "bot.dashboard.summary", "record"),
    ("· events in the last session", "bot.tracker_store",
     "ClinicTrackerStore._events_in_last_session"),
    ("· the rows (as_dict, json)", "bot.tracker_store", "ClinicTrackerStore._row"),
    ("· stored state query", "bot.tracker_store", "ClinicTrackerStore._stored_state"),
    ("· commit", "sqlalchemy.orm.session", "Session.commit"),
    ("· session close", "sqlalchemy.orm.session", "Session.close"),
    ("· schema check", "rasa.core.tracker_store", "ensure_schema_exists"),
    ("· session's connection", "sqlalchemy.orm.session", "Session.connection"),
    ("· statements (Connection.execute)", "sqlalchemy.engine.base", "Connection.execute"),
    ("tracker load", "bot.tracker_store", "ClinicTrackerStore.retrieve"),
    ("session update", "rasa.core.processor", "MessageProcessor._update_tracker_session"),
]


class Timers:
    """Inclusive thread-CPU time and calls by label; a label re-entered inside itself counts once."""

    def __init__(self) -> None:
        self.cpu: Dict[str, float] = defaultdict(float)
        self.calls: Dict[str, int] = defaultdict(int)
        self._depth: Dict[str, int] = defaultdict(int)

    def wrap(self, label: str, function: Callable) -> Callable:
        timers = self
        if inspect.iscoroutinefunction(function):
            @functools.wraps(function)
            async def timed_async(*args: Any, **kwargs: Any) -> Any:
                timers._depth[label] += 1
                start = time.thread_time()
                try:
                    return await function(*args, **kwargs)
                finally:
                    timers._leave(label, start)
            return timed_async

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            timers._depth[label] += 1
            start = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                timers._leave(label, start)
        return timed

    def _leave(self, label: str, start: float) -> None:
        self._depth[label] -= 1
        if not self._depth[label]:
            self.cpu[label] += time.thread_time() - start
            self.calls[label] += 1

    def clear(self) -> None:
        self.cpu.clear()
        self.calls.clear()


def install(timers: Timers) -> None:
    """Wraps every piece where it is defined, and each graph node by its name."""
    from rasa.engine.graph import GraphNode

    for label, module, path in PIECES:
        owner: Any = importlib.import_module(module)
        *parents, name = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        original = owner.__dict__[name]
        if isinstance(original, staticmethod):
            setattr(owner, name, staticmethod(timers.wrap(label, original.__func__)))
        else:
            setattr(owner, name, timers.wrap(label, original))
    node_call = GraphNode.__call__

    def call(self: GraphNode, *inputs: Any) -> Any:
        label = "node " + self._node_name
        timers._depth[label] += 1
        start = time.thread_time()
        try:
            return node_call(self, *inputs)
        finally:
            timers._leave(label, start)
    GraphNode.__call__ = call


def main(rounds: int) -> None:
    from bench.inprocess import in_process

    with in_process("pieces-") as run:
        timers = Timers()
        install(timers)
        run.play("warm")
        timers.clear()
        messages = rounds * sum(len(p) for p in ASSISTANT_PATHS)
        start = time.process_time()
        for r in range(rounds):
            run.play(f"measure-{r}")
        total = (time.process_time() - start) * 1000 / messages
    print(f"whole turn (process CPU, timers on): {total:.2f} ms a message, {messages} messages")
    order = [label for label, _, _ in PIECES]
    nodes = sorted((k for k in timers.cpu if k.startswith("node ")), key=lambda k: -timers.cpu[k])
    for label in order + nodes:
        if label in timers.calls:
            print(f"{label:45s} {timers.cpu[label] * 1000 / messages:6.3f} ms "
                  f"{timers.calls[label] / messages:6.2f} calls")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.pieces")
    parser.add_argument("--rounds", type=int, default=3, help="whole-path rounds measured")
    main(parser.parse_args().rounds)
