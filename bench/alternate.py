"""`python -m bench.alternate [PAIRS]`: session 14's Rasa replacements off and on, alternating rounds.

One process, the trained model and a real action server as in bench/inprocess.py: whole rounds
of the benchmark's paths, alternately with Rasa's own functions put back (the form's start,
`action_extract_slots`, the debug-log copies) and with this project's, so that a change of a few
per cent shows through a shared machine's noise. Prints the CPU ms a message of this process
and of the action server, and the action-server calls a message, for each round.
"""
from __future__ import annotations

import copy as real_copy
import importlib
import sys
import time

from bench.conversations import ASSISTANT_PATHS
from bench.inprocess import _cpu_of, in_process


def main(pairs: int) -> None:
    from rasa.core.actions.action import ActionExtractSlots
    from rasa.core.actions.forms import FormAction

    with in_process("ab-") as run:
        from bot import debug_log_copies
        fast = {"activate": FormAction.activate, "vir": FormAction._validate_if_required,
                "extract": ActionExtractSlots.run,
                "copies": {m: importlib.import_module(m).copy for m in debug_log_copies.MODULES}}

        def switch(on: bool, which: tuple = ("forms", "extract", "copies")) -> None:
            if "forms" in which:
                FormAction.activate = fast["activate"] if on else fast["activate"].__wrapped__
                FormAction._validate_if_required = fast["vir"] if on else fast["vir"].__wrapped__
            if "extract" in which:
                ActionExtractSlots.run = fast["extract"] if on else fast["extract"].__wrapped__
            if "copies" in which:
                for m, c in fast["copies"].items():
                    importlib.import_module(m).copy = c if on else real_copy

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
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
