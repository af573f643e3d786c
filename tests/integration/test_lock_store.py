"""The lock store several Rasa servers share (bot/lock_store.py) against a real redis-server.

Two lock stores stand for two Rasa servers; several workers on each take the lock of one
conversation over and over, as a patient's quick messages arriving at both servers would.
With Rasa 3.6's own RedisLockStore this pattern let about a quarter of the turns run while
another held the lock, and some waited until their ticket expired (LockError).
"""
from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from pytest_redis import factories

from bot.channels.config import redis_lock_store
from bot.lock_store import AtomicRedisLockStore

REDIS_SERVER = "/usr/bin/redis-server"  # scripts/system-deps.sh installs it
redis_server = factories.redis_proc(executable=REDIS_SERVER, host="127.0.0.1", port=None)


@pytest.fixture
def redis_url(request) -> str:
    if not Path(REDIS_SERVER).exists():
        pytest.fail(f"{REDIS_SERVER} is missing: bash scripts/system-deps.sh installs it")
    server = request.getfixturevalue("redis_server")
    return f"redis://{server.host}:{server.port}/0"


def lock_store(redis_url: str) -> AtomicRedisLockStore:
    """Built the way Rasa builds it from the endpoints `python -m bot endpoints` writes."""
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    entry = dict(redis_lock_store(redis_url))
    store = LockStore.create(EndpointConfig.from_dict(entry))
    assert isinstance(store, AtomicRedisLockStore)
    return store


def test_one_conversation_is_never_processed_twice_at_once(redis_url):
    servers = [lock_store(redis_url), lock_store(redis_url)]
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
    # Finished conversations leave nothing behind in Redis.
    assert servers[0].get_lock("patient-1") is None


def test_tickets_are_served_in_the_order_issued(redis_url):
    first, second = lock_store(redis_url), lock_store(redis_url)
    tickets = [first.issue_ticket("patient-2"), second.issue_ticket("patient-2"),
               first.issue_ticket("patient-2")]
    assert tickets == [0, 1, 2]
    lock = second.get_lock("patient-2")
    assert not lock.is_locked(0) and lock.is_locked(1)
    first.cleanup("patient-2", 0)
    assert not second.get_lock("patient-2").is_locked(1)


def test_redis_url_becomes_rasas_lock_store_keys():
    entry = redis_lock_store("rediss://clinic:s%40cret@redis.internal:6380/2")
    assert entry == {"type": "bot.lock_store.AtomicRedisLockStore", "url": "redis.internal",
                     "port": 6380, "db": 2, "username": "clinic", "password": "s@cret",
                     "use_ssl": True}
    with pytest.raises(SystemExit) as error:
        redis_lock_store("http://:hunter22@redis.internal")
    assert "redis://" in str(error.value) and "hunter22" not in str(error.value)
