"""Staff passwords: argon2id hashes, the password policy, the wait after failures.

Staff passwords: argon2id hashes (argon2-cffi's defaults), never stored or logged in clear;
the password policy; and how long a sign-in waits after failures.

Policy (NIST SP 800-63B): length and a list of common and breached passwords, no composition
rules, no expiry. At least 15 characters, the minimum SP 800-63B-4 sets for a password that is
the only factor: the second factor is optional here (clinic.yml may require it), so every
password must be fit to stand alone. At most 256 (any longer is a mistake, and hashing it costs
more). Any character counts, spaces too. The list is security/common-passwords.txt.
"""
from __future__ import annotations

import math
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, Optional, Tuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()
MIN_LENGTH = 15
MAX_LENGTH = 256
COMMON_PASSWORDS = Path(__file__).resolve().parents[2] / "security" / "common-passwords.txt"
# Verifying against this when the user does not exist keeps the timing the same.
_DUMMY = _hasher.hash("not-a-real-password-0")


def hash_password(password: str) -> str:
    problem = password_problem(password)
    if problem:
        raise ValueError(problem)
    return _hasher.hash(password)


@lru_cache(maxsize=1)
def common_passwords() -> FrozenSet[str]:
    with open(COMMON_PASSWORDS, encoding="utf-8") as lines:
        return frozenset(line.rstrip("\n") for line in lines
                         if line.strip() and not line.startswith("#"))


def password_problem(password: str) -> Optional[str]:
    """Why this password may not be used (a sentence for the person choosing it), or None."""
    password = password or ""
    if len(password) < MIN_LENGTH:
        return (f"the password must be at least {MIN_LENGTH} characters; a few unrelated "
                "words with spaces are easy to remember")
    if len(password) > MAX_LENGTH:
        return f"the password must be at most {MAX_LENGTH} characters"
    if password.lower() in common_passwords():
        return "that password is on a list of common or breached passwords: choose another"
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
