"""`python -m bench.alternate [PAIRS]`: this project's speed-ups off and on.

One process, the trained model and a real action server as in bench/inprocess.py: whole rounds
of the benchmark's paths, alternately with Rasa's own functions put back and with this
project's, so that a change of a few per cent shows through a shared machine's noise. Prints
the CPU ms a message of this process and of the action server, and the action-server calls a
message, for each round. Switched: the form's start, `action_extract_slots`, the debug-log
copies and the tracker's dataclass stand-in; with `--local`, only the actions answered in this
process (bot/local_actions.py: LOCAL_ACTIONS 0 and 1). (Session 15's comparison against session 14's
code is recorded in reports/bench-profile-in-process.md; that code is not kept.)
"""
from __future__ import annotations

import argparse
import copy as real_copy
import dataclasses
import importlib
import time

from bench.conversations import ASSISTANT_PATHS
from bench.inprocess import _cpu_of, in_process


def switch_speedups():
    """A function `switch(on)` that puts Rasa's own functions back (off) or this project's (on)."""
    from rasa.core.actions.action import ActionExtractSlots
    from rasa.core.actions.forms import FormAction
    from rasa.shared.core import trackers

    from bot import debug_log_copies
    fast = {"activate": FormAction.activate, "vir": FormAction._validate_if_required,
            "extract": ActionExtractSlots.run,
            "copies": {m: importlib.import_module(m).copy for m in debug_log_copies.MODULES}}
    stand_in = trackers.dataclasses

    def switch(on: bool) -> None:
        FormAction.activate = fast["activate"] if on else fast["activate"].__wrapped__
        FormAction._validate_if_required = fast["vir"] if on else fast["vir"].__wrapped__
        ActionExtractSlots.run = fast["extract"] if on else fast["extract"].__wrapped__
        for m, c in fast["copies"].items():
            importlib.import_module(m).copy = c if on else real_copy
        trackers.dataclasses = stand_in if on else dataclasses
    return switch


def switch_local_actions():
    """A function `switch(on)` that sends every action call to the action server (off) or
    answers those that write nothing in this process (on, bot/local_actions.py)."""
    import os

    def switch(on: bool) -> None:
        os.environ["LOCAL_ACTIONS"] = "1" if on else "0"
    return switch


def main(pairs: int, local: bool = False) -> None:
    with in_process("ab-") as run:
        switch = switch_local_actions() if local else switch_speedups()
        texts = sum(len(p) for p in ASSISTANT_PATHS)
        run.play("warm-on")
        switch(False)
        run.play("warm-off")
        results = {"off": [], "on": [], "off_a": [], "on_a": [], "calls_off": [], "calls_on": [],
                   "here_off": [], "here_on": []}
        for r in range(pairs):
            for state in (("off", "on") if r % 2 == 0 else ("on", "off")):
                switch(state == "on")
                run.calls.clear()
                run.local.clear()
                a0, t0 = _cpu_of(run.actions_pid), time.process_time()
                run.play(f"{state}-{r}")
                results[state].append((time.process_time() - t0) * 1000 / texts)
                results[state + "_a"].append((_cpu_of(run.actions_pid) - a0) * 1000 / texts)
                results["calls_" + state].append(sum(run.calls.values()) / texts)
                results["here_" + state].append(sum(run.local.values()) / texts)
        for k, v in results.items():
            print(k, [round(x, 2) for x in v], "mean", round(sum(v) / len(v), 3),
                  "median", round(sorted(v)[len(v) // 2], 3))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.alternate")
    parser.add_argument("pairs", type=int, nargs="?", default=5)
    parser.add_argument("--local", action="store_true",
                        help="switch only the actions answered in this process (bot/local_actions.py)")
    args = parser.parse_args()
    main(args.pairs, args.local)
