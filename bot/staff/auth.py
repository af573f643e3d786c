"""Staff passwords: argon2id hashes (argon2-cffi's defaults), never stored or logged in clear."""
from __future__ import annotations

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
