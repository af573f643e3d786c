"""`python -m bench.inprocess`: CPU a message inside the Rasa process, without HTTP or load.

The trained model in process (`Agent.handle_text`, the SQLite tracker store `make run` uses,
a real action server), the benchmark's paths (bench/conversations.py) after a warm-up round:
- NLU alone: `Agent.parse_message` over every message of the paths, CPU ms a message;
- whole turns: CPU ms a message of this process (Rasa: NLU, policies, tracker store, action
  calls' client side) and of the action server's process, action-server calls a message, and
  the calls answered in this process instead (bot/local_actions.py; LOCAL_ACTIONS=0: none).
`--profile FILE` writes a cProfile of the whole-turn rounds, timed in this process's CPU time
(other work on the machine does not inflate it). Process CPU time, not wall time,
so other work on the machine slows it less; still rough on a shared machine (say so).
The loaded objects are frozen out of the garbage collector's reach, as in a server worker
(bot/serve.py); `BENCH_FREEZE=0` measures without, as up to session 17. The database is
migrated as `make run`'s (the dashboard's row saved with each turn); `BENCH_DASHBOARD=0`
leaves it Rasa's table alone, as up to session 19.
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import os
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator

from bench.conversations import ASSISTANT_PATHS


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of another process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _action_server_pid(port: int) -> int:
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"bot.serve" in cmd and str(port).encode() in cmd:
                return int(proc.name)
    raise RuntimeError("action server process not found")


@dataclass
class InProcess:
    """The trained agent in this process, its action server's pid, and action calls counted
    by the action each asked for."""
    agent: object
    actions_pid: int
    loop: asyncio.AbstractEventLoop
    calls: Counter = field(default_factory=Counter)
    local: Counter = field(default_factory=Counter)

    def play(self, tag: str) -> None:
        """Every benchmark path once, each as its own conversation."""
        for i, path in enumerate(ASSISTANT_PATHS):
            for text in path:
                self.loop.run_until_complete(self.agent.handle_text(text, sender_id=f"{tag}-{i}"))


@contextmanager
def in_process(prefix: str) -> Iterator[InProcess]:
    """A real action server and the trained agent with this project's Rasa speed-ups, on a
    fresh SQLite database, as `make run` runs them (bench/alternate.py and this module)."""
    from rasa.utils.endpoints import EndpointConfig

    from tests.harness import free_port, load_agent, running_action_server

    work = Path(tempfile.mkdtemp(prefix=prefix))
    port = free_port()
    with running_action_server(work, port=port) as action_url:
        actions_pid = _action_server_pid(port)
        db_url = f"sqlite:///{work / 'clinic.db'}"
        if os.environ.get("BENCH_DASHBOARD", "1") != "0":  # migrated as `make run`'s database:
            from bot.store.migrations import upgrade  # the dashboard's row written each turn

            upgrade(db_url)  # (BENCH_DASHBOARD=0: Rasa's table alone, as up to session 19)
        agent = load_agent(action_url, db_url)
        from bot import local_actions, rasa_speedups
        rasa_speedups.apply()
        if os.environ.get("BENCH_FREEZE", "1") != "0":  # as a server worker once loaded
            gc.collect()  # (bot/serve.py frozen_once_loaded; BENCH_FREEZE=0: as before session 18)
            gc.freeze()
        run = InProcess(agent, actions_pid, asyncio.new_event_loop())
        original = EndpointConfig.request

        async def counted(self, *a, **kw):
            name = (kw.get("json") or {}).get("next_action", "?")
            if local_actions.runs_here(kw.get("json")):
                run.local[name] += 1  # answered in this process (bot/local_actions.py)
            else:
                run.calls[name] += 1
            return await original(self, *a, **kw)

        EndpointConfig.request = counted
        try:
            yield run
        finally:
            EndpointConfig.request = original


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.inprocess")
    parser.add_argument("--rounds", type=int, default=2, help="whole-path rounds measured")
    parser.add_argument("--profile", help="write a cProfile of the measured rounds here")
    args = parser.parse_args()

    with in_process("inprocess-") as run:
        agent, loop, calls = run.agent, run.loop, run.calls
        texts = [t for path in ASSISTANT_PATHS for t in path]
        run.play("warm")
        for text in texts:
            loop.run_until_complete(agent.parse_message(text))
        # NLU alone
        start = time.process_time()
        for _ in range(3):
            for text in texts:
                loop.run_until_complete(agent.parse_message(text))
        nlu_ms = (time.process_time() - start) * 1000 / (3 * len(texts))
        # whole turns
        calls.clear()
        run.local.clear()
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        actions_before, start = _cpu_of(run.actions_pid), time.process_time()
        if profiler:
            profiler.enable()
        for r in range(args.rounds):
            run.play(f"measure-{r}")
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        messages = args.rounds * len(texts)
        rasa_ms = (time.process_time() - start) * 1000 / messages
        actions_ms = (_cpu_of(run.actions_pid) - actions_before) * 1000 / messages
        result: Dict[str, float] = {
            "nlu_ms": round(nlu_ms, 2), "rasa_ms": round(rasa_ms, 2),
            "actions_ms": round(actions_ms, 2),
            "action_calls_per_message": round(sum(calls.values()) / messages, 3),
            "answered_in_process_per_message": round(sum(run.local.values()) / messages, 3)}
        print(result)
        print(dict(calls.most_common()), "in process:", dict(run.local.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
