"""Shared fixtures: the real trained model, a real action server, a real SQLite database."""
from __future__ import annotations

import asyncio
import os

import pytest
from hypothesis import settings

from tests.harness import Conversation, load_agent, running_action_server, running_make_run

# No property test depends on how fast this machine is today: Hypothesis's default 200 ms
# deadline per example fails a correct test on a loaded machine.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


@pytest.fixture(scope="session")
def db_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'clinic.db'}"
    os.environ["DB_URL"] = url  # bot.store in this process reads the same database
    return url


@pytest.fixture(scope="session")
def action_server(db_url, tmp_path_factory):
    with running_action_server(tmp_path_factory.mktemp("logs"), DB_URL=db_url) as url:
        yield url


@pytest.fixture(scope="session")
def loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def agent(action_server, db_url, loop):
    return load_agent(action_server, db_url)


@pytest.fixture
def chat(agent, loop, request):
    counter = iter(range(10_000))

    def start(name: str = "") -> Conversation:
        # the module too: two modules may hold a test of the same name, and the agent's
        # database is shared by the whole session (a conversation must never carry over)
        module = request.node.module.__name__.rsplit(".", 1)[-1]
        return Conversation(agent, loop, f"{module}-{request.node.name}-{name}-{next(counter)}")

    return start


@pytest.fixture(scope="session")
def made_run(tmp_path_factory):
    """The servers `make run` starts (scripts/run.sh, default hosts), on a fresh SQLite
    database: their ports, the API token, and the database URL."""
    tmp = tmp_path_factory.mktemp("made-run")
    # A token beginning with '-', as one var/api-token in 64 does: `make run` must start anyway.
    url, token = f"sqlite:///{tmp / 'clinic.db'}", "-test-api-token-not-a-secret"
    with running_make_run(tmp, url, token) as ports:
        yield {"ports": ports, "token": token, "db_url": url}


# A real Rasa server with every channel on and a stand-in for the providers' APIs, shared by
# the channel webhook tests (tests/channels) and the web chat browser test (tests/web).
from tests.channels.servers import rasa_channels  # noqa: E402,F401 - a fixture, registered by import
