"""The load client: conversations over Rasa's REST channel, each its own sender.

One asyncio + aiohttp process, only to 127.0.0.1, bounded by a per-request and a total timeout.

- `run_load` (closed loop, saturating): all conversations at once, each sent one message
  after the other as soon as the previous one is answered.
- `run_open_loop` (a clinic's real load): messages arrive at a fixed rate whatever the
  answers, each conversation with a patient's pause between its messages; the latencies say
  what a patient waits at that rate, and a server that cannot keep up shows it as a queue.

An error is a non-200 answer, an answer with nothing for the patient to read, a timeout, a
refused connection, or a message never sent because the total time ran out."""
from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple
from urllib.parse import urlsplit

import aiohttp

from bot.server_secrets import REST_TOKEN, server_secret  # noqa: E402

WEBHOOK = "/webhooks/rest/webhook"
# The REST channel is the clinic's own integration route: it needs the clinic's token (the
# default `rasa init` assistant ignores the header).
REST_AUTH = {"Authorization": f"Bearer {server_secret(REST_TOKEN)}"}


@dataclass
class Turn:
    conversation: int
    index: int             # 0-based position of the message in its conversation
    latency_ms: float      # until the whole answer was read (also for failed requests)
    error: Optional[str]   # None when the patient got an answer


def percentile(values: Sequence[float], q: float) -> Optional[float]:
    """Nearest-rank percentile (q in 0..100) of `values`, None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


def _has_answer(body) -> bool:
    return isinstance(body, list) and any(
        isinstance(m, dict) and (m.get("text") or m.get("image") or m.get("buttons")
                                 or m.get("custom"))
        for m in body)


async def _converse(session: aiohttp.ClientSession, webhook: str, sender: str, number: int,
                    messages: Sequence[str], request_timeout: aiohttp.ClientTimeout,
                    turns: List[Turn]) -> None:
    for index, text in enumerate(messages):
        await _send(session, webhook, sender, number, index, text, request_timeout, turns)


def _local_only(base_url: str) -> None:
    host = urlsplit(base_url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"the benchmark only loads servers on this machine, not {host}")


async def _run(base_url: str, conversations: Sequence[Sequence[str]], total_timeout_s: float,
               request_timeout_s: float, sender_prefix: str) -> Dict:
    _local_only(base_url)
    webhook = base_url.rstrip("/") + WEBHOOK
    run_id = uuid.uuid4().hex[:8]
    turns: List[Turn] = []
    senders = [f"{sender_prefix}-{run_id}-{n}" for n in range(len(conversations))]
    connector = aiohttp.TCPConnector(limit=len(conversations) or 1)
    timeout = aiohttp.ClientTimeout(total=request_timeout_s)
    cpu_started, started = time.process_time(), time.perf_counter()
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [asyncio.ensure_future(_converse(session, webhook, senders[n], n, messages,
                                                 timeout, turns))
                 for n, messages in enumerate(conversations)]
        done, pending = await asyncio.wait(tasks, timeout=total_timeout_s)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    wall = time.perf_counter() - started
    planned = sum(len(m) for m in conversations)
    return dict(_figures(turns, planned, wall, time.process_time() - cpu_started),
                conversations=len(conversations), senders=senders)


def _figures(turns: List[Turn], planned: int, wall: float, cpu: float) -> Dict:
    kinds = Counter(t.error for t in turns if t.error)
    if planned > len(turns):
        kinds["not_sent_in_time"] = planned - len(turns)
    answered = [t.latency_ms for t in turns if t.error is None]
    latencies = [t.latency_ms for t in turns if t.error not in ("timeout", None)] + answered

    def ms(value):
        return None if value is None else round(value, 1)

    return {
        "messages_planned": planned,
        "messages_answered": len(answered),
        "wall_s": round(wall, 2),
        "throughput_msg_s": round(len(answered) / wall, 2) if wall > 0 else None,
        "p50_ms": ms(percentile(latencies, 50)),
        "p95_ms": ms(percentile(latencies, 95)),
        "p99_ms": ms(percentile(latencies, 99)),
        "max_ms": ms(max(latencies) if latencies else None),
        "errors": sum(kinds.values()),
        "error_kinds": dict(kinds),
        # The client must not be the bottleneck: its own CPU time against the wall time.
        "client_cpu_s": round(cpu, 2),
        "client_cpu_share": round(cpu / wall, 3) if wall > 0 else None,
        "turns": turns,
    }


async def _send(session: aiohttp.ClientSession, webhook: str, sender: str, number: int,
                index: int, text: str, request_timeout: aiohttp.ClientTimeout,
                turns: List[Turn]) -> None:
    started = time.perf_counter()
    error = None
    try:
        async with session.post(webhook, json={"sender": sender, "message": text},
                                headers=REST_AUTH, timeout=request_timeout) as response:
            body = await response.json(content_type=None)
            if response.status != 200:
                error = f"http_{response.status}"
            elif not _has_answer(body):
                error = "empty_reply"
    except asyncio.TimeoutError:
        error = "timeout"
    except (aiohttp.ClientError, ValueError) as e:
        error = type(e).__name__
    turns.append(Turn(number, index, (time.perf_counter() - started) * 1000, error))


def open_loop_schedule(rate: float, seconds: float, pause_s: float,
                       paths: Sequence[Sequence[str]]) -> List[Tuple[float, int, int, str]]:
    """(send at, conversation, message index, text) for `rate` messages a second during
    `seconds`: round(rate × pause_s) conversations side by side, each sending its next message
    `pause_s` after its previous one, their starts spread evenly over the first pause."""
    conversations = max(1, round(rate * pause_s))
    per_conversation = max(1, int(seconds // pause_s))
    schedule = []
    for n in range(conversations):
        path = paths[n % len(paths)]
        start = n / rate
        for i in range(min(per_conversation, len(path))):
            schedule.append((start + i * pause_s, n, i, path[i]))
    return sorted(schedule)


async def _run_open(base_url: str, schedule: Sequence[Tuple[float, int, int, str]],
                    request_timeout_s: float, sender_prefix: str) -> Dict:
    webhook = base_url.rstrip("/") + WEBHOOK
    run_id = uuid.uuid4().hex[:8]
    turns: List[Turn] = []
    timeout = aiohttp.ClientTimeout(total=request_timeout_s)
    late: List[float] = []
    cpu_started, started = time.process_time(), time.perf_counter()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        tasks = []
        for at, number, index, text in schedule:
            delay = started + at - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                late.append(-delay)
            tasks.append(asyncio.ensure_future(_send(
                session, webhook, f"{sender_prefix}-{run_id}-{number}", number, index, text,
                timeout, turns)))
        await asyncio.gather(*tasks)
    wall = time.perf_counter() - started
    result = _figures(turns, len(schedule), wall, time.process_time() - cpu_started)
    # The client kept the schedule: how late its latest send was (ms).
    result["client_max_late_ms"] = round(max(late) * 1000, 1) if late else 0.0
    return result


def run_open_loop(base_url: str, rate: float, seconds: float, pause_s: float,
                  paths: Sequence[Sequence[str]], *, request_timeout_s: float = 60.0,
                  sender_prefix: str = "open") -> Dict:
    """Messages at `rate` a second for `seconds` against `base_url`, whatever the answers
    (open_loop_schedule); the same figures as run_load, with the offered rate."""
    _local_only(base_url)
    schedule = open_loop_schedule(rate, seconds, pause_s, paths)
    result = asyncio.run(_run_open(base_url, schedule, request_timeout_s, sender_prefix))
    offered = len(schedule) / max(schedule[-1][0], 1e-9) if len(schedule) > 1 else rate
    return dict(result, rate_msg_s=rate, offered_msg_s=round(offered, 1), pause_s=pause_s,
                conversations=len({n for _, n, _, _ in schedule}))


def run_load(base_url: str, conversations: Sequence[Sequence[str]], *,
             total_timeout_s: float = 600.0, request_timeout_s: float = 60.0,
             sender_prefix: str = "bench") -> Dict:
    """Every conversation at once against `base_url` (e.g. http://127.0.0.1:5005, or a proxy in
    front of several servers); figures as a dict (`turns` holds every message's latency, `senders` the conversation ids)."""
    return asyncio.run(_run(base_url, conversations, total_timeout_s, request_timeout_s,
                            sender_prefix))


def figures(result: Dict) -> Dict:
    """The result without the per-message list and sender ids (what the report keeps)."""
    return {k: v for k, v in result.items() if k not in ("turns", "senders")}


def per_message_ms(result: Dict, conversation: int = 0) -> List[float]:
    """One conversation's latencies in message order."""
    turns = sorted((t for t in result["turns"] if t.conversation == conversation),
                   key=lambda t: t.index)
    return [round(t.latency_ms, 1) for t in turns]


def median(values: Sequence[float]) -> Optional[float]:
    return round(statistics.median(values), 1) if values else None
