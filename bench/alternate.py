"""`python -m bench.alternate [PAIRS] [--session 14|15]`: a session's speed-ups off and on.

One process, the trained model and a real action server as in bench/inprocess.py: whole rounds
of the benchmark's paths, alternately with Rasa's own functions put back and with this
project's, so that a change of a few per cent shows through a shared machine's noise. Prints
the CPU ms a message of this process and of the action server, and the action-server calls a
message, for each round. Session 14's switches: the form's start, `action_extract_slots`, the
debug-log copies. Session 15's (the default): the active loop's copy in each call's tracker
state (bot/active_loop_copy.py) and the applied events' loop names and the temporary
tracker's replay (bot/dialogue_speedups.py), the language request patterns (bot/language.py),
against session 14's versions of them.
"""
from __future__ import annotations

import argparse
import copy as real_copy
import dataclasses
import importlib
import time

from bench.conversations import ASSISTANT_PATHS
from bench.inprocess import _cpu_of, in_process


def _switches(session: int):
    """{name: (Rasa's or the earlier way, this session's way)} put in place by `switch`."""
    if session == 14:
        from rasa.core.actions.action import ActionExtractSlots
        from rasa.core.actions.forms import FormAction

        from bot import debug_log_copies
        fast = {"activate": FormAction.activate, "vir": FormAction._validate_if_required,
                "extract": ActionExtractSlots.run,
                "copies": {m: importlib.import_module(m).copy for m in debug_log_copies.MODULES}}

        def put14(on: bool) -> None:
            FormAction.activate = fast["activate"] if on else fast["activate"].__wrapped__
            FormAction._validate_if_required = fast["vir"] if on else fast["vir"].__wrapped__
            ActionExtractSlots.run = fast["extract"] if on else fast["extract"].__wrapped__
            for m, c in fast["copies"].items():
                importlib.import_module(m).copy = c if on else real_copy
        return put14

    from rasa.shared.core import trackers

    from bench import session14_speedups
    from bot.dialogue_speedups import _ORIGIN
    tracker_class, stand_in = trackers.DialogueStateTracker, trackers.dataclasses
    fast = {k: getattr(tracker_class, k) for k in ("applied_events", "copy")}
    before = {"applied_events": session14_speedups.applied_events(fast["applied_events"])}

    def copy_s14(self):  # a copy's copy replayed from the start, as in session 14
        self.__dict__.pop(_ORIGIN, None)
        return fast["copy"](self)
    before["copy"] = copy_s14

    from bot import language
    fast_request = language.requested_language

    def put15(on: bool) -> None:
        trackers.dataclasses = stand_in if on else dataclasses
        language.requested_language = fast_request if on else session14_speedups.requested_language
        for name in fast:
            setattr(tracker_class, name, fast[name] if on else before[name])
    return put15


def main(pairs: int, session: int) -> None:
    with in_process("ab-") as run:
        switch = _switches(session)
        texts = sum(len(p) for p in ASSISTANT_PATHS)
        run.play("warm-on")
        switch(False)
        run.play("warm-off")
        results = {"off": [], "on": [], "off_a": [], "on_a": [], "calls_off": [], "calls_on": []}
        for r in range(pairs):
            for state in (("off", "on") if r % 2 == 0 else ("on", "off")):
                switch(state == "on")
                run.calls.clear()
                a0, t0 = _cpu_of(run.actions_pid), time.process_time()
                run.play(f"{state}-{r}")
                results[state].append((time.process_time() - t0) * 1000 / texts)
                results[state + "_a"].append((_cpu_of(run.actions_pid) - a0) * 1000 / texts)
                results["calls_" + state].append(sum(run.calls.values()) / texts)
        for k, v in results.items():
            print(k, [round(x, 2) for x in v], "mean", round(sum(v) / len(v), 3),
                  "median", round(sorted(v)[len(v) // 2], 3))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.alternate")
    parser.add_argument("pairs", type=int, nargs="?", default=5)
    parser.add_argument("--session", type=int, choices=(14, 15), default=15)
    args = parser.parse_args()
    main(args.pairs, args.session)
