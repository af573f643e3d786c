"""`python -m bench.alternate [PAIRS]`: session 14's Rasa replacements off and on, alternating rounds.

One process, the trained model and a real action server as in bench/inprocess.py: whole rounds
of the benchmark's paths, alternately with Rasa's own functions put back (the form's start,
`action_extract_slots`, the debug-log copies) and with this project's, so that a change of a few
per cent shows through a shared machine's noise. Prints the CPU ms a message of this process
and of the action server, and the action-server calls a message, for each round.
"""
from __future__ import annotations

import asyncio
import copy as real_copy
import importlib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.conversations import ASSISTANT_PATHS
from bench.inprocess import _action_server_pid, _cpu_of


def main(pairs: int) -> None:
    from rasa.core.actions.action import ActionExtractSlots
    from rasa.core.actions.forms import FormAction
    from rasa.utils.endpoints import EndpointConfig

    from tests.harness import free_port, load_agent, running_action_server

    work = Path(tempfile.mkdtemp(prefix="ab-"))
    port = free_port()
    with running_action_server(work, port=port) as url:
        apid = _action_server_pid(port)
        agent = load_agent(url, f"sqlite:///{work / 'clinic.db'}")
        from bot import debug_log_copies, rasa_speedups
        rasa_speedups.apply()
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

        calls = Counter()
        original = EndpointConfig.request

        async def counted(self, *a, **kw):
            calls["n"] += 1
            return await original(self, *a, **kw)

        EndpointConfig.request = counted
        loop = asyncio.new_event_loop()
        texts = sum(len(p) for p in ASSISTANT_PATHS)

        def one_round(tag):
            for i, path in enumerate(ASSISTANT_PATHS):
                for text in path:
                    loop.run_until_complete(agent.handle_text(text, sender_id=f"{tag}-{i}"))

        one_round("warm-on")
        switch(False)
        one_round("warm-off")
        results = {"off": [], "on": [], "off_a": [], "on_a": [], "calls_off": [], "calls_on": []}
        for r in range(pairs):
            for state in (("off", "on") if r % 2 == 0 else ("on", "off")):
                switch(state == "on")
                calls.clear()
                a0, t0 = _cpu_of(apid), time.process_time()
                one_round(f"{state}-{r}")
                results[state].append((time.process_time() - t0) * 1000 / texts)
                results[state + "_a"].append((_cpu_of(apid) - a0) * 1000 / texts)
                results["calls_" + state].append(calls["n"] / texts)
        for k, v in results.items():
            print(k, [round(x, 2) for x in v], "mean", round(sum(v) / len(v), 3),
                  "median", round(sorted(v)[len(v) // 2], 3))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
