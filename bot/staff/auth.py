"""Staff passwords: argon2id hashes (argon2-cffi's defaults), never stored or logged in clear;
and how long a sign-in waits after failures."""
from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Optional, Tuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()
MIN_LENGTH = 10
# Verifying against this when the user does not exist keeps the timing the same.
_DUMMY = _hasher.hash("not-a-real-password-0")


def hash_password(password: str) -> str:
    problem = password_problem(password)
    if problem:
        raise ValueError(problem)
    return _hasher.hash(password)


def password_problem(password: str) -> Optional[str]:
    if len(password or "") < MIN_LENGTH:
        return f"the password must be at least {MIN_LENGTH} characters"
    return None


def verify_password(stored_hash: Optional[str], password: str) -> Tuple[bool, Optional[str]]:
    """(matches, new hash when the stored one should be upgraded)."""
    try:
        _hasher.verify(stored_hash or _DUMMY, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False, None
    if stored_hash is None:
        return False, None
    return True, (_hasher.hash(password) if _hasher.check_needs_rehash(stored_hash) else None)


# Sign-in delays instead of a lockout: a lockout lets anyone who knows a username keep that
# person out; a delay that grows with each failure and stops growing at a cap slows guessing
# just as much while the real person waits at most the cap.
ACCOUNT_FREE_FAILURES, ACCOUNT_FIRST_DELAY, ACCOUNT_MAX_DELAY = 5, 15, 120       # seconds
ADDRESS_FREE_FAILURES, ADDRESS_FIRST_DELAY, ADDRESS_MAX_DELAY = 20, 15, 15 * 60
FAILURE_WINDOW_MINUTES = 15   # failures older than this are forgotten


def delay_after(failures: int, free: int, first: int, cap: int) -> int:
    """Seconds to wait after the latest of `failures` recent failures: none for the first
    `free`, then `first`, doubling with each further failure, never more than `cap`."""
    if failures < free:
        return 0
    return min(cap, first * 2 ** min(failures - free, 20))


def seconds_to_wait(account_failures: Tuple[int, Optional[datetime]],
                    address_failures: Tuple[int, Optional[datetime]], now: datetime) -> int:
    """How long until this account may try again from this address (0: now). Each argument is
    (failures in the window, when the latest was)."""
    wait = 0
    for (count, latest), rule in (
            (account_failures, (ACCOUNT_FREE_FAILURES, ACCOUNT_FIRST_DELAY, ACCOUNT_MAX_DELAY)),
            (address_failures, (ADDRESS_FREE_FAILURES, ADDRESS_FIRST_DELAY, ADDRESS_MAX_DELAY))):
        if latest is None:
            continue
        until = latest + timedelta(seconds=delay_after(count, *rule))
        wait = max(wait, math.ceil((until - now).total_seconds()))
    return wait
