"""SQLite faults with real processes: the database locked by another process for a few
seconds, and for longer than the assistant waits. Conversations and bookings share one SQLite file, as
with `make run`. No crash, no 5xx; a lock is waited out; an outage gets the clinic's number;
nothing stored before is lost, and the conversation carries on afterwards."""
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import pytest
from sqlalchemy import create_engine, text

from bot import store
from bot.clinic import load_clinic
from bot.intake_turn import trouble_text
from tests.faults.servers import start_rasa
from tests.harness import free_port, rest_conversation, running_action_server, say
from tests.words import BOOKING_NOT_SENT, TROUBLE

BOOKING = ["my lower back has hurt for 6 months, it stays in my back, physio didn't help", "none of those", "skip",
           "yes please", "Jane Smith", "jane@example.com", "weekday mornings"]


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sqlite-faults")
    db_url = f"sqlite:///{tmp / 'clinic.db'}"
    store.upgrade(db_url)  # as `make run` does (bot db upgrade): schema and write-ahead log
    with running_action_server(tmp, DB_URL=db_url, DB_WRITE_RETRY_SECONDS="3") as action_url:
        port = free_port()
        rasa = start_rasa(tmp, port, action_url, db_url)
        try:
            yield {"port": port, "db_url": db_url, "log": tmp / f"rasa-{port}.log",
                   "actions_log": tmp / f"actions-{action_url.split(':')[2].split('/')[0]}.log"}
        finally:
            rasa.terminate()
            rasa.wait(timeout=30)
    assert rasa.returncode is not None


def _user_texts(db_url, sender):
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return [r.text for r in connection.execute(text(
                "SELECT json_extract(data, '$.text') AS text FROM events "
                "WHERE sender_id = :s AND type_name = 'user' ORDER BY id"), {"s": rest_conversation(sender)})]
    finally:
        engine.dispose()


@contextmanager
def locked(db_url: str, seconds: Optional[float] = None):
    """Another process holds SQLite's exclusive write lock for `seconds`, or (None) until the
    block ends: a lock the assistant must give up on is held until it has, however long the
    machine takes to get there."""
    path = db_url.split(":///", 1)[1]
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True)\n"
         "time.sleep(float(sys.argv[2])) if sys.argv[2] else sys.stdin.readline()\n"
         "c.execute('COMMIT')\n", path, "" if seconds is None else str(seconds)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.stdin.close()  # releases an open-ended lock
        holder.wait(timeout=(seconds or 0) + 30)


def _wait_for_line(path: Path, line: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while line not in path.read_text():
        assert time.monotonic() < deadline, f"{line!r} never appeared in {path.name}"
        time.sleep(0.1)


def test_a_message_sent_while_another_process_locks_the_database_is_answered(servers):
    port, sender = servers["port"], "sqlite-locked"
    say(port, sender, BOOKING[0])
    with locked(servers["db_url"], 8):
        started = time.monotonic()
        reply = say(port, sender, "none of those")
        waited = time.monotonic() - started
    print(f"\nanswered after {waited:.1f}s with the database locked for 8s")
    assert TROUBLE not in reply and reply.strip()
    # The answer was stored once, after the lock, and the conversation goes on from it.
    assert _user_texts(servers["db_url"], sender) == [BOOKING[0], "none of those"]
    assert say(port, sender, "skip").strip()
    assert _user_texts(servers["db_url"], sender) == [BOOKING[0], "none of those", "skip"]


def test_a_booking_confirmed_while_the_database_is_locked_is_stored(servers):
    port, sender = servers["port"], "sqlite-locked-booking"
    for message in BOOKING[:-1]:
        say(port, sender, message)
    with locked(servers["db_url"], 3):
        confirmation = say(port, sender, BOOKING[-1])
    assert "Jane Smith" in confirmation and "reference" in confirmation
    [booking] = store.list_bookings(rest_conversation(sender), url=servers["db_url"])
    assert booking["reference"] in confirmation and booking["preferred_time"]


def test_a_booking_the_database_cannot_take_is_kept_and_sent_when_asked_again(servers):
    port, sender = servers["port"], "sqlite-booking-not-sent"
    for message in BOOKING[:-1]:
        say(port, sender, message)
    # Locked until the action server has given up on the booking (5 s busy timeout +
    # DB_WRITE_RETRY_SECONDS=3), then released well inside what the conversation store waits.
    with ThreadPoolExecutor(1) as pool, locked(servers["db_url"]):
        answer = pool.submit(say, port, sender, BOOKING[-1])
        _wait_for_line(servers["actions_log"], "a booking could not be stored")
    reply = answer.result(timeout=300)
    assert BOOKING_NOT_SENT in reply and load_clinic().phone in reply
    assert store.list_bookings(rest_conversation(sender), url=servers["db_url"]) == []

    confirmation = say(port, sender, "book an appointment")
    [booking] = store.list_bookings(rest_conversation(sender), url=servers["db_url"])
    assert booking["reference"] in confirmation
    # Sent again from the stored details: the chat names the request, not the patient's
    # contact details (whoever types "book an appointment" in it reads the answer).
    assert "Jane Smith" not in confirmation and "jane@example.com" not in confirmation
    assert (booking["name"], booking["contact"]) == ("Jane Smith", "jane@example.com")


def test_a_database_locked_for_too_long_gets_the_clinics_number_and_the_chat_resumes(servers):
    # A backup or a stuck process holding the lock past every retry (about 15 s): the same
    # path as a full disk or a file the server may no longer write.
    port, sender, url = servers["port"], "sqlite-locked-long", servers["db_url"]
    say(port, sender, BOOKING[0])
    before = _user_texts(url, sender)

    with locked(url):  # held until the answer came: past every retry, however long they take
        reply = say(port, sender, "none of those")  # an HTTP error would raise here
    assert reply.strip() == trouble_text()
    clinic = load_clinic()
    assert clinic.phone in reply and clinic.emergency_number in reply
    assert "Traceback" not in reply and "OperationalError" not in reply

    # Released: what was stored is all there, the lost turn was not half-written, and the
    # patient's resent message carries on from where the conversation was.
    assert _user_texts(url, sender) == before
    reply = say(port, sender, "none of those")
    assert TROUBLE not in reply
    assert _user_texts(url, sender) == before + ["none of those"]
    assert say(port, sender, "skip").strip()
    log = servers["log"].read_text()
    assert "none of those" not in log and "lower back" not in log  # no patient text logged
