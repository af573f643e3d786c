"""Staff review fixtures: real databases (SQLite and a PostgreSQL server started here),
conversations run through the real assistant with Rasa's SQLTrackerStore on that database,
and a real action server writing its bookings to the same database."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

import pytest
from pytest_postgresql import factories

from bot import store
from tests.harness import free_port, require, wait_for
from tests.staff.staff_page import make_fresh_db

ROOT = Path(__file__).resolve().parents[2]


# ----------------------------------------------------------------------------- PostgreSQL

# As root (CI containers), pg_ctl_unprivileged runs the server as the `postgres` OS user.
postgresql_server = factories.postgresql_proc(
    executable=str(ROOT / "deploy" / "pg_ctl_unprivileged"), host="127.0.0.1", port=None,
    user="postgres", dbname="staff_template",
)


@pytest.fixture(scope="session")
def pg_server(request):
    require("postgresql")
    return request.getfixturevalue("postgresql_server")


_pg_counter = iter(range(1_000_000))


@pytest.fixture(scope="session")
def new_pg_database(pg_server):
    """Makes an empty PostgreSQL database and returns its SQLAlchemy URL."""
    import psycopg

    def make(prefix: str = "clinic") -> str:
        name = f"{prefix}_{next(_pg_counter)}"
        with psycopg.connect(host=pg_server.host, port=pg_server.port, user=pg_server.user,
                             dbname="postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg2://{pg_server.user}@{pg_server.host}:{pg_server.port}/{name}"

    return make


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'clinic.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request, tmp_path) -> str:
    """An empty database of each kind (nothing created yet)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'clinic.db'}"
    return request.getfixturevalue("new_pg_database")("empty")


# ----------------------------------------------------------------------------- the assistant

@dataclass
class Recorded:
    """Conversations run through the real assistant into one database."""
    url: str
    kind: str
    ids: Dict[str, str] = field(default_factory=dict)       # scenario -> conversation id
    slots: Dict[str, Dict] = field(default_factory=dict)    # scenario -> final tracker slots
    messages: Dict[str, List[str]] = field(default_factory=lambda: dict(SCENARIOS))


SCENARIOS: Dict[str, List[str]] = {
    # chronic low back pain, PEG answered, a consultation booked
    "consultation": ["my low back has hurt for 6 months, it stays in my back, physio and ibuprofen didn't help",
                     "no, none of those", "yes", "7", "about a 5", "6", "yes please",
                     "Jane Smith", "555 010 2030", "weekday mornings"],
    # a fall: urgent, a call back requested
    "urgent": ["I fell off a ladder last week and now my back is killing me", "yes",
               "Ahmed Khan", "555 777 1234", "this afternoon"],
    # cauda equina signs: emergency, never booked
    "emergency": ["hello", "lower back", "I've lost control of my bladder since yesterday"],
    # markup typed by a patient must show as text
    "markup": ["<script>alert('owned')</script> <b>my neck</b> hurts", "2 days"],
}


def _start_action_server(url: str, log_path: Path):
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=url, TF_CPP_MIN_LOG_LEVEL="3",
               RASA_TELEMETRY_ENABLED="false")
    log = open(log_path, "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/health")
    except RuntimeError:
        process.terminate()
        raise RuntimeError("action server did not start:\n" + log_path.read_text()[-3000:])
    return process, log, f"http://127.0.0.1:{port}/webhook"


def _record(url: str, kind: str, loop, tmp_path_factory) -> Recorded:
    from rasa.core.agent import Agent
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    model = ROOT / "models" / "current.tar.gz"
    if not model.exists():
        pytest.fail("models/current.tar.gz is missing: run `make train` (make test does)")
    configure_structlog()
    store.upgrade(url)  # as `make run` does before Rasa starts
    process, log, endpoint = _start_action_server(
        url, tmp_path_factory.mktemp("logs") / f"actions-{kind}.log")
    try:
        tracker_store = SQLTrackerStore(host=url)  # what endpoints.yml / var/endpoints.yml makes
        agent = Agent.load(str(model), action_endpoint=EndpointConfig(url=endpoint),
                           tracker_store=tracker_store)
        recorded = Recorded(url=url, kind=kind)
        for name, messages in SCENARIOS.items():
            sender = f"staff-{kind}-{name}-{time.time_ns() % 10**9}"
            for text in messages:
                loop.run_until_complete(agent.handle_text(text, sender_id=sender))
            tracker = loop.run_until_complete(agent.tracker_store.retrieve(sender))
            recorded.ids[name] = sender
            recorded.slots[name] = tracker.current_slot_values()
        tracker_store.engine.dispose()
        return recorded
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def recorded_sqlite(loop, tmp_path_factory) -> Recorded:
    url = f"sqlite:///{tmp_path_factory.mktemp('staffdb') / 'clinic.db'}"
    return _record(url, "sqlite", loop, tmp_path_factory)


@pytest.fixture(scope="session")
def recorded_postgresql(loop, tmp_path_factory, new_pg_database) -> Recorded:
    return _record(new_pg_database("recorded"), "postgresql", loop, tmp_path_factory)


@pytest.fixture(params=["sqlite", "postgresql"])
def recorded(request) -> Recorded:
    return request.getfixturevalue(f"recorded_{request.param}")


# ----------------------------------------------------------------------------- the staff page

@pytest.fixture(scope="session")
def staff_server(recorded_sqlite, tmp_path_factory):
    """`python -m bot staff serve` on a free port over the recorded SQLite database, with an
    administrator and a receptionist account."""
    url = recorded_sqlite.url
    env = dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=url)
    for user, admin in (("admin", True), ("reception", False)):
        subprocess.run([sys.executable, "-m", "bot", "staff", "add-user", user,
                        *(["--admin"] if admin else [])], cwd=ROOT, check=True,
                       env=dict(env, STAFF_PASSWORD=f"{user}-password-1"),
                       stdin=subprocess.DEVNULL, capture_output=True)
    port = free_port()
    log_path = tmp_path_factory.mktemp("logs") / "staff.log"
    log = open(log_path, "w")
    process = subprocess.Popen([sys.executable, "-m", "bot", "staff", "serve", "--port",
                                str(port)], cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/health", timeout=30)
    except RuntimeError:
        process.terminate()
        raise RuntimeError("staff page did not start:\n" + log_path.read_text()[-3000:])
    yield {"base": base, "url": url, "log": log_path, "recorded": recorded_sqlite}
    process.terminate()
    process.wait(timeout=20)
    log.close()


@pytest.fixture
def fresh_db(tmp_path, monkeypatch) -> str:
    """A fresh SQLite database with an administrator, a receptionist and one conversation."""
    return make_fresh_db(tmp_path, monkeypatch)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")  # closed before another module starts its own Playwright
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    require("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
