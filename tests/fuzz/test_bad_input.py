"""Bad input through the real server: kind answers, nothing lost, nothing stored wrongly.

One `rasa run` (REST and web chat channels, SQLite tracker store) and one action server for
the module. `make fuzz` sends the whole corpus the same way (tests/fuzz/runner.py).
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import statistics
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

import pytest

from tests.fuzz.corpus import CATEGORIES, corpus
from tests.fuzz.runner import (
    check_everything,
    fuzz_servers,
    joined,
    log_problems,
    log_sizes,
    percentile,
    post,
    read_logs,
    send_corpus,
)
from tests.harness import rest_conversation, rest_headers, say
from tests.words import EMERGENCY, PEG_OFFER, TOO_FAST, TOO_LONG

SAMPLE = 300  # the corpus's first 300 messages: every category, 6 conversations of 50
# The sample's conversations send 50 messages each at machine speed; the flood limit's
# burst is raised to let them through (its defaults are tested in tests/unit/test_intake.py).
# The flood test below floods with 300, far beyond it.
BURST = 60
PER_MINUTE = 60


@dataclass
class Server:
    workdir: Path
    port: int
    db_url: str
    logs: Dict[str, Path]

    def events(self, sender: str) -> int:
        with contextlib.closing(sqlite3.connect(self.workdir / "rasa.db")) as db:
            return db.execute("SELECT count(*) FROM events WHERE sender_id = ?",
                              (rest_conversation(sender),)).fetchone()[0]

    def slots(self, sender: str) -> Dict:
        slots: Dict = {}
        with contextlib.closing(sqlite3.connect(self.workdir / "rasa.db")) as db:
            for type_name, data in db.execute(
                    "SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id",
                    (rest_conversation(sender),)):
                if type_name in ("restart", "session_started"):
                    slots = {}
                elif type_name == "slot":
                    event = json.loads(data)
                    slots[event["name"]] = event["value"]
        return slots


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("bad-input")
    with fuzz_servers(workdir, FLOOD_BURST=str(BURST), FLOOD_PER_MINUTE=str(PER_MINUTE)) as (port, db_url, logs):
        yield Server(workdir, port, db_url, logs)


@pytest.fixture
def clean_logs(server):
    """After the test: no error and none of the test's texts in the log lines it caused."""
    offsets = log_sizes(server.logs)
    texts: List[str] = []
    yield texts
    time.sleep(0.2)
    problems = log_problems(read_logs(server.logs, offsets), texts)
    assert not problems, "\n".join(map(str, problems))


def test_a_sample_of_the_corpus_gets_kind_answers_and_stores_nothing_wrong(server, capsys):
    messages = corpus(SAMPLE)
    assert {m.category for m in messages} == set(CATEGORIES)
    offsets = log_sizes(server.logs)
    started = time.perf_counter()
    outcome = send_corpus(server.port, messages, per_conversation=50, workers=4)
    took = time.perf_counter() - started
    checked = check_everything(server.workdir, server.port, server.db_url, server.logs,
                               messages, outcome, offsets)
    with capsys.disabled():
        print(f"\n  bad-input sample: {outcome.messages} messages in {took:.0f} s, "
              f"median {statistics.median(outcome.latencies) * 1000:.0f} ms, "
              f"p99 {percentile(outcome.latencies, .99) * 1000:.0f} ms; "
              f"{outcome.finished}/{outcome.conversations} conversations finished; "
              + ", ".join(f"{n} {what}" for what, n in checked.items()) + " checked")
    assert outcome.conversations == SAMPLE // 50
    assert not outcome.problems, "\n".join(map(str, outcome.problems[:40]))
    assert outcome.finished == outcome.conversations


# One of each kind of junk, none of which means anything to the assistant.
JUNK = ["", "   \n\t", "😭😭😭🔥🔥", "<script>alert(1)</script>", "'; DROP TABLE events; --",
        '{"sender": "other", "message": "hi"}', "{clinic_name}", "\x00\x07\x1b[31m",
        "\u202eyad a sevif rof", "ꮟȓ𞤥ꚗꬰmṏ𐐾iniώ𝒍", "for 99999999 years", "-3 weeks",
        "since tomorrow", "for 2^64 years", '/inform{"duration": 99999999}', "/action_listen"]


def test_junk_mid_question_keeps_the_question_and_the_conversation_still_finishes(server, clean_logs):
    clean_logs.extend(JUNK)
    sender = "junk-mid-question"
    assert "How long" in say(server.port, sender, "my lower back hurts")
    for junk in JUNK:
        reply = say(server.port, sender, junk)
        assert "how long" in reply.lower(), f"{junk!r} got {reply!r}"  # asked again, kindly
    slots = server.slots(sender)
    assert slots.get("pain_location") == "lower_back"
    assert slots.get("pain_duration_weeks") is None and slots.get("duration_category") is None

    assert "tried" in say(server.port, sender, "about 6 months")
    assert "bladder" in say(server.port, sender, "physio and ibuprofen, it doesn't spread")
    assert PEG_OFFER in say(server.port, sender, "no, none of those")
    assert "consultation" in say(server.port, sender, "skip")
    assert "name" in say(server.port, sender, "yes please")
    assert "phone" in say(server.port, sender, "Jane Smith")
    assert "When" in say(server.port, sender, "jane@example.com")
    assert "reference" in say(server.port, sender, "weekday mornings")
    slots = server.slots(sender)
    assert slots["pain_duration_weeks"] == pytest.approx(26.07, abs=0.1)
    assert slots["duration_category"] == "chronic" and slots["triage_level"] == "consultation"
    assert set(slots["treatments_tried"]) == {"physical_therapy", "otc_medication"}


def test_a_too_long_message_gets_a_kind_answer_and_changes_nothing(server, clean_logs):
    sender = "too-long"
    assert "How long" in say(server.port, sender, "my lower back hurts")
    before = server.events(sender)
    long_text = "my back has hurt for 6 months, it stays in my back, and physio did not help. " * 2000  # 110 kB
    reply = say(server.port, sender, long_text)
    assert TOO_LONG in reply and "2,000 characters" in reply and EMERGENCY in reply
    assert server.events(sender) == before  # not stored, not a turn: the form still waits
    assert "tried" in say(server.port, sender, "about 6 months")
    clean_logs.append(long_text[:200])


def test_the_web_chat_has_the_same_length_limit(server, clean_logs):
    import socketio

    async def chat() -> List[str]:
        client, said = socketio.AsyncClient(), []
        done = asyncio.Event()
        client.on("bot_uttered", lambda data: said.append(data.get("text", "")))
        client.on("bot_turn_done", lambda data: done.set())
        await client.connect(f"http://127.0.0.1:{server.port}", transports=["polling"])
        try:
            await client.emit("session_request", {"session_id": "webchat-too-long-1"})
            await asyncio.sleep(0.3)
            await client.emit("user_uttered", {"session_id": "webchat-too-long-1",
                                               "message": "x" * 2001})
            await asyncio.wait_for(done.wait(), 30)
        finally:
            await client.disconnect()
        return said

    said = asyncio.run(chat())
    assert len(said) == 1 and TOO_LONG in said[0]
    assert server.events("webchat-too-long-1") == 0


def test_a_flooding_sender_is_slowed_and_another_patient_is_served(server, clean_logs, capsys):
    """300 messages at once from one sender, while another patient books a consultation."""
    flood: List = []
    patient: Dict[str, List] = {"replies": [], "latencies": []}

    def other_patient() -> None:
        for text in ["my lower back has hurt for 6 months, it stays in my back, physio didn't help", "none of those",
                     "skip", "yes please", "Jane Smith", "jane@example.com", "weekday mornings"]:
            status, payload, elapsed = post(server.port, "patient-beside-a-flood", text)
            patient["replies"].append((status, joined(payload)))
            patient["latencies"].append(elapsed)

    async def flood_all() -> None:
        import aiohttp

        url = f"http://127.0.0.1:{server.port}/webhooks/rest/webhook"
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
            async def one(n: int) -> None:
                async with session.post(url, json={"sender": "flooder", "message": f"hello {n}"},
                                        headers={"Authorization": rest_headers()["Authorization"]},
                                        timeout=aiohttp.ClientTimeout(total=300)) as response:
                    flood.append((response.status, joined(await response.json())))
            await asyncio.gather(*(one(n) for n in range(300)))

    started = time.perf_counter()
    beside = threading.Thread(target=other_patient)
    beside.start()
    asyncio.run(flood_all())
    flood_took = time.perf_counter() - started
    beside.join(timeout=300)

    assert len(flood) == 300 and all(status == 200 and text for status, text in flood)
    refused = [text for _, text in flood if "one at a time" in text]
    # Every refused message is answered, and the answer asks for it again: none is lost unseen.
    assert all(TOO_FAST in text for text in refused)
    # A few at a time were read (FLOOD_IN_FLIGHT, 5), never more than the burst allows plus
    # what the bucket refilled while the flood lasted (FLOOD_PER_MINUTE 60: one a second; a
    # busy machine stretches the flood over a few seconds).
    read = 300 - len(refused)
    assert 5 <= read <= BURST + int(flood_took * PER_MINUTE / 60) + 1

    statuses = [status for status, _ in patient["replies"]]
    replies = [text for _, text in patient["replies"]]
    assert statuses == [200] * 7
    assert "bladder" in replies[0] and PEG_OFFER in replies[1]
    assert "name" in replies[3] and "phone" in replies[4] and "When" in replies[5]
    assert "Jane Smith" in replies[6] and "reference" in replies[6]
    with capsys.disabled():
        lat = patient["latencies"]
        print(f"\n  flood: 300 messages from one sender answered in {flood_took:.1f} s "
              f"({len(refused)} asked to slow down); the other patient's 7 turns meanwhile: "
              f"median {statistics.median(lat) * 1000:.0f} ms, max {max(lat) * 1000:.0f} ms")
