"""One Rasa server with two worker processes (what `make run` starts on a 2-core machine), the
lock store in its own database (bot/lock_store.py), 50 patients at once: on SQLite and on
PostgreSQL.

Each patient's messages reach whichever worker the operating system hands the connection to,
and a patient who types quickly has two messages in flight at once. What must hold: every
message is stored exactly once, each is answered against the conversation as it stood after
the previous one (its replies follow it in the tracker before the next message), nothing is
lost or duplicated, and each worker's kept trackers (bot/tracker_store.py) never hide what
the other worker stored.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from collections import Counter
from typing import Dict, List

import psutil
import pytest

from bot import store
from bot.channels.config import endpoints_yaml
from tests.harness import ROOT, free_port, rest_conversation, running_action_server, wait_for
from tests.integration.test_scale_out import final_slots, paragraphs, post, stored_events, turns
from tests.staff.conftest import new_pg_database, pg_server, postgresql_server  # noqa: F401

pytestmark = pytest.mark.slow

WORKERS, PATIENTS = 2, 50
LOCATIONS = [("my lower back", "lower_back"), ("my neck", "neck"), ("my upper back", "upper_back")]
# Sent at the same moment: answers the patient typed ahead.
BURST = ["about 6 months", "physio and ibuprofen, it doesn't spread"]


@pytest.fixture(params=["sqlite", "postgresql"])
def two_workers(request, tmp_path):
    """The action server and `python -m bot.serve rasa` with SANIC_WORKERS=2 on a new
    database; yields the server's URL and the database URL."""
    db_url = (f"sqlite:///{tmp_path / 'clinic.db'}" if request.param == "sqlite"
              else request.getfixturevalue("new_pg_database")("workers"))
    with running_action_server(tmp_path, DB_URL=db_url) as action_url:
        endpoints = tmp_path / "endpoints.yml"
        endpoints.write_text(endpoints_yaml(db_url, actions_url=action_url))
        port = free_port()
        log_path = tmp_path / "rasa.log"
        with open(log_path, "w") as log:
            rasa = subprocess.Popen(
                [sys.executable, "-m", "bot.serve", "rasa", "--model", "models/current.tar.gz",
                 "--endpoints", str(endpoints), "--port", str(port), "--interface", "127.0.0.1"],
                cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=db_url,
                                   SANIC_WORKERS=str(WORKERS)),
                stdout=log, stderr=subprocess.STDOUT)
        try:
            try:
                wait_for(f"http://127.0.0.1:{port}/webhooks/rest/", timeout=240)
            except RuntimeError:
                raise RuntimeError(log_path.read_text()[-3000:]) from None
            yield {"url": f"http://127.0.0.1:{port}", "db_url": db_url, "pid": rasa.pid,
                   "log": log_path}
        finally:
            rasa.terminate()
            try:
                rasa.wait(timeout=60)
            except subprocess.TimeoutExpired:
                rasa.kill()
                rasa.wait(timeout=30)


def serving_workers(pid: int) -> int:
    """Sanic's worker processes: forked from the server's main process (the same command)."""
    main = psutil.Process(pid)
    return sum(1 for child in main.children() if child.cmdline() == main.cmdline())


def patient(url: str, sender: str, location: str) -> Dict[str, List[str]]:
    """Two messages one at a time, two at once (typed ahead), one more; what each was answered."""
    replies: Dict[str, List[str]] = {}
    for text in ("hello", location):
        replies[text] = post(url, sender, text)

    def send(text: str) -> None:
        replies[text] = post(url, sender, text)

    burst = [threading.Thread(target=send, args=(text,)) for text in BURST]
    for thread in burst:
        thread.start()
    for thread in burst:
        thread.join()
    replies["no, none of those"] = post(url, sender, "no, none of those")
    return replies


def test_fifty_patients_on_two_workers_each_answered_in_order_nothing_lost(two_workers):
    assert serving_workers(two_workers["pid"]) >= WORKERS, "Rasa did not start two workers"
    url, db_url = two_workers["url"], two_workers["db_url"]
    conversations = {f"workers-{i}-{uuid.uuid4().hex[:8]}": LOCATIONS[i % 3]
                     for i in range(PATIENTS)}
    answered: Dict[str, Dict[str, List[str]]] = {}
    errors: List[BaseException] = []

    def run(sender: str, location: str) -> None:
        try:
            answered[sender] = patient(url, sender, location)
        except BaseException as exc:  # reported below, with the server log
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(sender, said))
               for sender, (said, _) in conversations.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, f"{errors[0]!r}; log: {two_workers['log']}"
    # Every call to the action server went through (a failed action_session_start would
    # leave the clinic's phone and emergency numbers out of the answers).
    assert "Failed to run custom action" not in two_workers["log"].read_text()

    for sender, (said, location) in conversations.items():
        events = stored_events(db_url, rest_conversation(sender))
        stored = turns(events)
        sent = ["hello", said, *BURST, "no, none of those"]
        # Every message stored exactly once; those sent one at a time in their order, the
        # burst between them (in whichever order the lock store served it).
        assert Counter(text for text, _, _ in stored) == Counter(sent), sender
        texts = [text for text, _, _ in stored]
        assert texts[:2] == sent[:2] and texts[-1] == sent[-1], (sender, texts)
        # No interleaving: each message's turn ends by listening for the next one, and what
        # the patient was answered is exactly what follows that message in the tracker.
        for text, bot_texts, actions in stored:
            assert actions and actions[-1] == "action_listen", (sender, text, actions)
            assert actions.count("action_listen") == 1, (sender, text, actions)
            assert paragraphs(bot_texts) == paragraphs(answered[sender][text]), (sender, text)
        # No event stored twice (every event carries its own timestamp).
        serialised = [json.dumps(e, sort_keys=True) for e in events]
        assert len(serialised) == len(set(serialised)), sender
        slots = final_slots(events)
        assert slots["pain_location"] == location
        assert slots["duration_category"] == "chronic"
        assert set(slots["treatments_tried"]) == {"physical_therapy", "otc_medication"}
        assert slots["triage_level"] == "consultation"
    # Every ticket queue was finished: nothing left waiting in the database.
    with store.engine_for(db_url).connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM conversation_locks").scalar() == 0
