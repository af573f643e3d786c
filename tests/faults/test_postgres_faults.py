"""PostgreSQL restarted or down mid-conversation, with a real server started here, a real Rasa
server and action server storing conversations and bookings in it."""
import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from pytest_postgresql import factories
from sqlalchemy import create_engine, text

from bot import store
from bot.intake_turn import trouble_text
from tests.faults.servers import start_rasa
from tests.harness import free_port, require, rest_conversation, running_action_server, say
from tests.words import TROUBLE

PG_CTL_WRAPPER = Path(__file__).parents[2] / "deploy" / "pg_ctl_unprivileged"  # runs as postgres

faults_postgresql = factories.postgresql_proc(
    executable=str(PG_CTL_WRAPPER), host="127.0.0.1", port=None, user="postgres",
    dbname="faults_template",
)


@pytest.fixture(scope="module")
def pg(request):
    require("postgresql")
    return request.getfixturevalue("faults_postgresql")


@pytest.fixture(scope="module")
def servers(pg, tmp_path_factory):
    import psycopg

    with psycopg.connect(host=pg.host, port=pg.port, user=pg.user, dbname="postgres",
                         autocommit=True) as connection:
        connection.execute('CREATE DATABASE "clinic_faults"')
    db_url = f"postgresql+psycopg2://{pg.user}@{pg.host}:{pg.port}/clinic_faults"
    store.upgrade(db_url)
    tmp = tmp_path_factory.mktemp("pg-faults")
    with running_action_server(tmp, DB_URL=db_url, DB_WRITE_RETRY_SECONDS="3") as action_url:
        port = free_port()
        rasa = start_rasa(tmp, port, action_url, db_url)
        try:
            yield {"port": port, "db_url": db_url}
        finally:
            rasa.terminate()
            rasa.wait(timeout=30)


def _listening(pg) -> bool:
    try:
        with socket.create_connection((pg.host, pg.port), timeout=1):
            return True
    except OSError:
        return False


def restart(pg) -> None:
    """pg_ctl restart -m fast: every client connection is cut."""
    # The server's output goes to its log file: a pipe would be held open by the server.
    subprocess.run([str(PG_CTL_WRAPPER), "restart", "-D", pg.datadir, "-m", "fast", "-w",
                    "-l", pg.logfile], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=60)


def stop(pg) -> None:
    """Fast shutdown (SIGINT to the postmaster); the data directory stays."""
    pid = int((Path(pg.datadir).resolve() / "postmaster.pid").read_text().split()[0])
    os.kill(pid, signal.SIGINT)
    deadline = time.time() + 30
    while _listening(pg) and time.time() < deadline:
        time.sleep(0.1)
    assert not _listening(pg)


def start(pg) -> None:
    """Started again as pytest-postgresql first started it (same port, same data)."""
    subprocess.run(pg.command, shell=True, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=60)


def _user_texts(db_url, sender):
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return [r[0] for r in connection.execute(text(
                "SELECT data::json->>'text' FROM events "
                "WHERE sender_id = :s AND type_name = 'user' ORDER BY id"), {"s": rest_conversation(sender)})]
    finally:
        engine.dispose()


def test_a_restarted_postgresql_does_not_lose_the_next_message(pg, servers):
    port, sender = servers["port"], "pg-restarted"
    say(port, sender, "my lower back has hurt for 6 months, it stays in my back, physio didn't help")
    restart(pg)  # the Rasa server's and the action server's pooled connections are now dead
    reply = say(port, sender, "none of those")
    assert TROUBLE not in reply and reply.strip()
    restart(pg)
    for message in ("skip", "yes please", "Jane Smith", "jane@example.com"):
        say(port, sender, message)
    restart(pg)
    confirmation = say(port, sender, "weekday mornings")
    [booking] = store.list_bookings(rest_conversation(sender), url=servers["db_url"])
    assert booking["reference"] in confirmation
    assert _user_texts(servers["db_url"], sender) == [
        "my lower back has hurt for 6 months, it stays in my back, physio didn't help", "none of those", "skip",
        "yes please", "Jane Smith", "jane@example.com", "weekday mornings"]


def test_postgresql_down_for_a_few_seconds_is_waited_out(pg, servers):
    port, sender = servers["port"], "pg-down-briefly"
    say(port, sender, "my neck has hurt for 2 weeks")
    stop(pg)
    restarter = threading.Timer(3, start, args=(pg,))
    restarter.start()
    try:
        reply = say(port, sender, "I took ibuprofen")
    finally:
        restarter.join()
    assert TROUBLE not in reply and reply.strip()
    assert _user_texts(servers["db_url"], sender) == ["my neck has hurt for 2 weeks",
                                                      "I took ibuprofen"]


def test_postgresql_down_for_longer_gets_the_clinics_number_then_recovers(pg, servers):
    port, sender = servers["port"], "pg-down-longer"
    say(port, sender, "my neck has hurt for 2 weeks")
    stop(pg)
    try:
        reply = say(port, sender, "I took ibuprofen")
    finally:
        start(pg)
    assert reply.strip() == trouble_text()
    assert _user_texts(servers["db_url"], sender) == ["my neck has hurt for 2 weeks"]
    reply = say(port, sender, "I took ibuprofen")
    assert TROUBLE not in reply
    assert _user_texts(servers["db_url"], sender) == ["my neck has hurt for 2 weeks",
                                                      "I took ibuprofen"]
