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

import os
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager

import psutil
import pytest
from sqlalchemy import create_engine

from bot.channels.config import endpoints_yaml
from bot.lock_store import lock_file_url
from tests.harness import ROOT, free_port, running_action_server, wait_for
from tests.integration.test_scale_out import assert_stored_once_in_order, post, run_patients
from tests.staff.conftest import new_pg_database, pg_server, postgresql_server  # noqa: F401

pytestmark = pytest.mark.slow

WORKERS, PATIENTS = 2, 50
FLOOD_BURST, FLOOD_PER_MINUTE = 20, 0.01  # bot.intake's default burst; a refill in 100 minutes


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def two_workers(request, tmp_path_factory):
    """The action server and `python -m bot.serve rasa` with SANIC_WORKERS=2 on a new
    database; yields the server's URL and the database URL."""
    tmp_path = tmp_path_factory.mktemp(f"workers-{request.param}")
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
                                   SANIC_WORKERS=str(WORKERS),
                                   # the burst (20) and hardly any refill during the tests
                                   FLOOD_PER_MINUTE=str(FLOOD_PER_MINUTE)),
                stdout=log, stderr=subprocess.STDOUT)
        try:
            try:
                wait_for(f"http://127.0.0.1:{port}/webhooks/rest/", timeout=480)
            except RuntimeError:
                raise RuntimeError(log_path.read_text()[-3000:]) from None
            yield {"url": f"http://127.0.0.1:{port}", "db_url": db_url, "pid": rasa.pid,
                   "log": log_path}
        finally:
            if rasa.poll() is None:  # (the last test kills it)
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


def test_fifty_patients_on_two_workers_each_answered_in_order_nothing_lost(two_workers):
    assert serving_workers(two_workers["pid"]) >= WORKERS, "Rasa did not start two workers"
    # (both "servers" are the one port: the kernel hands each connection to either worker)
    conversations, answered, errors = run_patients([two_workers["url"]] * 2, PATIENTS, "workers")
    assert not errors, f"{errors[0]!r}; log: {two_workers['log']}"
    assert_stored_once_in_order(two_workers["db_url"], conversations, answered)
    # Every ticket queue was finished: nothing left waiting in the database.
    url = two_workers["db_url"]
    with create_engine(lock_file_url(url) if url.startswith("sqlite") else url).connect() as db:
        assert db.exec_driver_sql("SELECT count(*) FROM conversation_locks").scalar() == 0


def test_no_process_of_the_server_loads_tensorflow(two_workers):
    """The model uses no TensorFlow component, so neither the manager nor a worker maps its
    library (bot/deferred_imports.py; about 350 MB a process when Rasa imported it)."""
    manager = psutil.Process(two_workers["pid"])
    for process in [manager, *manager.children()]:
        maps = open(f"/proc/{process.pid}/maps").read()
        assert "_pywrap_tensorflow_internal" not in maps, process.cmdline()


def test_a_senders_flood_allowance_is_shared_by_the_workers(two_workers):
    """One sender's messages reach both workers; the burst is one allowance, not one a
    worker (bot/flood_store.py): 26 messages, 20 read, 6 refused kindly."""
    manager = psutil.Process(two_workers["pid"])
    sender, replies = f"flood-{uuid.uuid4().hex[:8]}", []

    def send(count: int) -> None:
        for _ in range(count):
            replies.append(post(two_workers["url"], sender, "hello"))

    with workers_seen(two_workers["url"], serving(manager)) as seen:
        threads = [threading.Thread(target=send, args=(13,)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(seen) == WORKERS, "the messages did not reach both workers"
    refused = [r for r in replies if any("faster than I can read" in text for text in r)]
    assert (len(replies), len(refused)) == (26, 26 - FLOOD_BURST)


def test_patients_connecting_at_once_are_spread_over_both_workers(two_workers):
    """50 patients' connections opened at the same moment: each worker listens on a socket of
    its own (bot/worker_manager.py), so the kernel spreads them, instead of the first worker
    awake accepting nearly all of them (with the one shared socket, 33 to 49 of 50 went to one
    worker; a kept-alive connection stays with its worker, so the other idled)."""
    import socket
    from urllib.parse import urlsplit

    port = urlsplit(two_workers["url"]).port
    manager = psutil.Process(two_workers["pid"])
    opened = [socket.create_connection(("127.0.0.1", port)) for _ in range(PATIENTS)]
    try:
        def accepted():
            counts = [sum(1 for c in w.net_connections("tcp")
                          if c.laddr and c.laddr.port == port and c.status == "ESTABLISHED")
                      for w in serving(manager)]
            return counts if sum(counts) == PATIENTS else None
        counts = wait_for_value(accepted)
    finally:
        for connection in opened:
            connection.close()
    # An even split by the kernel's hash: one worker with more than 40 of 50 is a chance
    # of about 1 in 100,000.
    assert len(counts) == WORKERS and min(counts) >= PATIENTS // 5, counts


def test_a_killed_worker_is_replaced_and_patients_answered_by_a_full_set_again(two_workers):
    """A worker killed outright (the out-of-memory killer, a crash in a native library) takes
    no patient with it: its listening socket closes with it, so the kernel hands every new
    connection to the one still listening, and the conversations are in the database. The
    manager starts a new worker in its place (bot/worker_manager.py), which answers patients
    once it has loaded the model."""
    manager = psutil.Process(two_workers["pid"])
    workers = serving(manager)
    workers[0].kill()
    psutil.wait_procs(workers[:1], timeout=60)

    conversations, answered, errors = run_patients([two_workers["url"]] * 2, 5, "after-kill")
    assert not errors, f"{errors[0]!r}; log: {two_workers['log']}"
    assert_stored_once_in_order(two_workers["db_url"], conversations, answered)

    new_worker = wait_for_value(lambda: [w for w in serving(manager) if w.pid != workers[1].pid])
    # Patients keep arriving until the new worker has answered some of them (it accepts
    # connections once its model is loaded): then the full set serves again.
    seen: set = set()
    for round_ in range(60):
        with workers_seen(two_workers["url"], [workers[1], *new_worker]) as now_seen:
            conversations, answered, errors = run_patients([two_workers["url"]] * 2, 10,
                                                           f"full-set-{round_}")
        assert not errors, f"{errors[0]!r}; log: {two_workers['log']}"
        seen |= now_seen
        if len(seen) == WORKERS:
            break
    assert seen == {workers[1].pid, new_worker[0].pid}, f"log: {two_workers['log']}"


def serving(manager: psutil.Process):
    return [child for child in manager.children() if child.cmdline() == manager.cmdline()]


def wait_for_value(get, attempts: int = 600):
    for _ in range(attempts):
        value = get()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError("no new worker was started")


@contextmanager
def workers_seen(url: str, workers):
    """The set of `workers` seen holding a connection to the server's port meanwhile: each
    connection is accepted by exactly one worker, which answers it."""
    port = int(url.rsplit(":", 1)[1])
    seen, done = set(), threading.Event()

    def watch() -> None:
        while not done.is_set():
            for worker in workers:
                try:
                    if any(c.laddr and c.laddr.port == port and c.status == "ESTABLISHED"
                           for c in worker.connections("tcp")):
                        seen.add(worker.pid)
                except psutil.NoSuchProcess:
                    pass
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        yield seen
    finally:
        done.set()
        watcher.join()


def test_workers_stop_when_their_manager_is_killed(two_workers):
    """Killed outright, the server's manager process must not leave its workers serving as
    orphans on the port: the supervisor's new Rasa server could never bind it."""
    manager = psutil.Process(two_workers["pid"])
    workers = [child for child in manager.children() if child.cmdline() == manager.cmdline()]
    assert workers  # (one of them was killed by the test above)
    manager.kill()
    gone, alive = psutil.wait_procs(workers, timeout=60)
    assert alive == [], "workers still running after their manager was killed"
