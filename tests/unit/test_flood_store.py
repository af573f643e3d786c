"""The flood limit shared by several Rasa workers (bot/flood_store.py), on a real SQLite file
and a PostgreSQL started by the test: two limit objects on one database stand for two
worker processes (each has its own engine and connections, as a forked worker does)."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from bot.flood_store import IN_FLIGHT_LIFETIME, DatabaseFloodLimit
from bot.intake import Limits
from bot.lock_store import lock_file_url
from tests.staff.conftest import new_pg_database, pg_server, postgresql_server  # noqa: F401


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'clinic.db'}"
    return request.getfixturevalue("new_pg_database")("flood")


def two_workers(url, clock, **limits):
    settings = Limits(**{"burst": 4, "per_minute": 60, "notice_seconds": 30, "in_flight": 100,
                         **limits})
    return DatabaseFloodLimit(settings, url, clock), DatabaseFloodLimit(settings, url, clock)


def test_a_senders_burst_is_one_allowance_whichever_worker_reads_the_message(database):
    clock = Clock()
    first, second = two_workers(database, clock)
    taken = [(first if n % 2 else second).take("rest", "+15550100")[0] for n in range(8)]
    assert taken == [True] * 4 + [False] * 4  # not 4 per worker
    assert first.take("rest", "another patient") == (True, False)
    clock.now += 1.0  # one message a second refills one token, for both workers
    assert second.take("rest", "+15550100")[0] is True
    assert first.take("rest", "+15550100")[0] is False


def test_messages_in_hand_count_across_workers_and_a_dead_workers_expire(database):
    clock = Clock()
    first, second = two_workers(database, clock, burst=20, in_flight=2)
    assert first.take("web", "s")[0] and second.take("web", "s")[0]
    assert first.take("web", "s")[0] is False  # two in hand, on either worker
    second.release("web", "s")  # one answered
    assert first.take("web", "s")[0] is True
    assert second.take("web", "s")[0] is False
    # Neither is ever released (their worker was killed): they stop counting after a while.
    clock.now += IN_FLIGHT_LIFETIME + 1
    assert second.take("web", "s")[0] is True


def test_notices_are_spaced_across_workers(database):
    clock = Clock()
    first, second = two_workers(database, clock, burst=1, per_minute=1)
    first.take("twilio", "+15550100")
    assert second.take("twilio", "+15550100") == (False, True)
    assert first.take("twilio", "+15550100") == (False, False)
    clock.now += 31
    assert first.take("twilio", "+15550100") == (False, True)


def test_no_sender_id_is_stored(database):
    first, _ = two_workers(database, Clock())
    first.take("twilio", "+15550100")
    url = lock_file_url(database) if database.startswith("sqlite") else database
    with create_engine(url).connect() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM flood_buckets").fetchall()
    assert len(rows) == 1 and "15550100" not in repr(rows)
