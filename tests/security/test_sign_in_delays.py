"""Sign-in delays (bot/staff/auth.py): they grow with each failure, per account and per
address, and stop growing, so failures slow guessing but can keep nobody out for long. The
web flow (refused attempts audited, the right password working after the delay) is in
tests/staff/test_staff_web.py."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.staff.auth import (
    ACCOUNT_FREE_FAILURES,
    ACCOUNT_MAX_DELAY,
    ADDRESS_FREE_FAILURES,
    ADDRESS_MAX_DELAY,
    seconds_to_wait,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
NONE = (0, None)


def _just_now(count: int):
    return count, NOW


def test_the_first_failures_cost_nothing_then_each_doubles_the_wait():
    waits = [seconds_to_wait(_just_now(n), NONE, NOW) for n in range(1, 10)]
    assert waits[:ACCOUNT_FREE_FAILURES - 1] == [0] * (ACCOUNT_FREE_FAILURES - 1)
    growing = waits[ACCOUNT_FREE_FAILURES - 1:]
    assert growing[0] > 0 and all(b in (2 * a, ACCOUNT_MAX_DELAY) for a, b in zip(growing, growing[1:]))


def test_an_account_attacked_without_end_waits_at_most_the_cap():
    assert seconds_to_wait(_just_now(10_000), NONE, NOW) == ACCOUNT_MAX_DELAY
    later = NOW + timedelta(seconds=ACCOUNT_MAX_DELAY)
    assert seconds_to_wait(_just_now(10_000), NONE, later) == 0


def test_one_address_failing_on_many_accounts_is_slowed_for_longer():
    assert seconds_to_wait(NONE, _just_now(ADDRESS_FREE_FAILURES - 1), NOW) == 0
    assert seconds_to_wait(NONE, _just_now(ADDRESS_FREE_FAILURES), NOW) > 0
    assert seconds_to_wait(NONE, _just_now(10_000), NOW) == ADDRESS_MAX_DELAY > ACCOUNT_MAX_DELAY
