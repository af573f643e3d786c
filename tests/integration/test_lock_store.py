"""The lock stores that keep one conversation's messages in order across Rasa's worker
processes and servers (bot/lock_store.py): in the database (SQLite, and a PostgreSQL server
started here) and in a real redis-server.

Two lock stores stand for two Rasa processes; several tasks on each take the lock of one
conversation over and over, as a patient's quick messages arriving at both would. With Rasa
3.6's own RedisLockStore this pattern let about a quarter of the turns run while another held
the lock, and some waited until their ticket expired (LockError).
"""
from __future__ import annotations

import asyncio
import threading
from typing import Callable

import pytest
from pytest_redis import factories

from bot.channels.config import endpoints_yaml, redis_lock_store
from bot.lock_store import AtomicRedisLockStore, DatabaseLockStore
from tests.harness import require
from tests.staff.conftest import new_pg_database, pg_server, postgresql_server  # noqa: F401

REDIS_SERVER = "/usr/bin/redis-server"  # scripts/system-deps.sh installs it
redis_server = factories.redis_proc(executable=REDIS_SERVER, host="127.0.0.1", port=None)


@pytest.fixture
def redis_url(request) -> str:
    require("redis")
    server = request.getfixturevalue("redis_server")
    return f"redis://{server.host}:{server.port}/0"


def lock_store(entry: dict):
    """Built the way Rasa builds it from the endpoints `python -m bot endpoints` writes."""
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    return LockStore.create(EndpointConfig.from_dict(dict(entry)))


@pytest.fixture(params=["sqlite", "postgresql", "redis"])
def new_server(request, tmp_path) -> Callable[[], object]:
    """Makes the lock store of one more Rasa process, all sharing one backend."""
    import yaml

    from bot import store

    if request.param == "redis":
        entry = redis_lock_store(request.getfixturevalue("redis_url"))
        expected = AtomicRedisLockStore
    else:
        url = (f"sqlite:///{tmp_path / 'clinic.db'}" if request.param == "sqlite"
               else request.getfixturevalue("new_pg_database")("locks"))
        store.upgrade(url)  # as `python -m bot.serve rasa` does before the workers start
        entry = yaml.safe_load(endpoints_yaml(url))["lock_store"]
        expected = DatabaseLockStore

    def make():
        made = lock_store(entry)
        assert isinstance(made, expected)
        return made

    return make


def test_one_conversation_is_never_processed_twice_at_once(new_server):
    servers = [new_server(), new_server()]
    holders, overlaps, turns, errors = [0], [0], [0], []
    guard = threading.Lock()

    async def messages(store) -> None:
        for _ in range(15):
            try:
                async with store.lock("patient-1", wait_time_in_seconds=0.005):
                    with guard:
                        holders[0] += 1
                        overlaps[0] += holders[0] > 1
                    await asyncio.sleep(0.003)  # the turn: NLU, actions, tracker saved
                    with guard:
                        holders[0] -= 1
                        turns[0] += 1
            except Exception as error:  # noqa: BLE001 - counted, asserted below
                errors.append(error)

    workers = [threading.Thread(target=lambda s=store: asyncio.run(messages(s)))
               for store in servers for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert errors == []
    assert overlaps[0] == 0
    assert turns[0] == 2 * 3 * 15
    # Finished conversations leave nothing behind.
    assert servers[0].get_lock("patient-1") is None


def test_tickets_are_served_in_the_order_issued(new_server):
    first, second = new_server(), new_server()
    tickets = [first.issue_ticket("patient-2"), second.issue_ticket("patient-2"),
               first.issue_ticket("patient-2")]
    assert tickets == [0, 1, 2]
    lock = second.get_lock("patient-2")
    assert not lock.is_locked(0) and lock.is_locked(1)
    first.cleanup("patient-2", 0)
    assert not second.get_lock("patient-2").is_locked(1)


def test_waiting_messages_go_in_the_order_they_arrived(new_server):
    """A patient's messages that arrive while one is being answered wait, and are then
    answered in the order they came, whichever process took each."""
    servers = [new_server(), new_server()]
    entered = []

    async def conversation() -> None:
        all_arrived = asyncio.Event()

        async def message(number: int) -> None:
            async with servers[number % 2].lock("patient-3", wait_time_in_seconds=0.01):
                entered.append(number)
                if number == 0:  # the first is answered while the others arrive
                    await all_arrived.wait()

        tasks = []
        for number in range(6):
            tasks.append(asyncio.create_task(message(number)))
            # the next message arrives once this one holds its ticket
            while len(getattr(servers[0].get_lock("patient-3"), "tickets", ())) < number + 1:
                await asyncio.sleep(0.001)
        all_arrived.set()
        await asyncio.gather(*tasks)

    asyncio.run(conversation())
    assert entered == [0, 1, 2, 3, 4, 5]
    assert servers[1].get_lock("patient-3") is None


def test_the_endpoints_name_the_database_lock_store_unless_redis_is_given(tmp_path):
    import yaml

    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    config = yaml.safe_load(endpoints_yaml(url))
    assert config["lock_store"] == {"type": "bot.lock_store.DatabaseLockStore", "url": url}
    assert config["tracker_store"]["url"] == url  # the same database
    config = yaml.safe_load(endpoints_yaml(url, redis_url="redis://redis.internal:6379/0"))
    assert config["lock_store"]["type"] == "bot.lock_store.AtomicRedisLockStore"


def test_redis_url_becomes_rasas_lock_store_keys():
    entry = redis_lock_store("rediss://clinic:s%40cret@redis.internal:6380/2")
    assert entry == {"type": "bot.lock_store.AtomicRedisLockStore", "url": "redis.internal",
                     "port": 6380, "db": 2, "username": "clinic", "password": "s@cret",
                     "use_ssl": True}
    with pytest.raises(SystemExit) as error:
        redis_lock_store("http://:hunter22@redis.internal")
    assert "redis://" in str(error.value) and "hunter22" not in str(error.value)


def test_a_database_nobody_migrated_still_takes_tickets(tmp_path):
    """A Rasa server started with plain `rasa run` on a new database (no `bot db upgrade`)."""
    import yaml

    url = f"sqlite:///{tmp_path / 'new.db'}"
    store = lock_store(yaml.safe_load(endpoints_yaml(url))["lock_store"])

    async def message() -> int:
        async with store.lock("patient-4") as lock:
            return lock.now_serving

    assert asyncio.run(message()) == 0
    assert store.get_lock("patient-4") is None
