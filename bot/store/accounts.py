"""Staff accounts, their signed-in sessions, and their second factor's recovery codes.

Changes an administrator makes (disable, enable, reset a password) are audited here, so the
web page and the command line record them the same way.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import delete, insert, select, update

from bot.store.audit import audit
from bot.store.migrations import engine_for
from bot.store.schema import (
    NotFound,
    now,
    row_dict,
    staff_recovery_codes,
    staff_sessions,
    staff_users,
    utc_aware,
)


def add_user(username: str, password_hash: str, *, is_admin: bool = False,
             must_change: bool = False, is_manager: bool = False,
             url: Optional[str] = None) -> int:
    username = username.strip()
    if not re.fullmatch(r"[A-Za-z0-9_.@-]{2,100}", username):
        raise ValueError("a username is 2-100 letters, digits or . _ @ -")
    with engine_for(url).begin() as connection:
        exists = connection.execute(select(staff_users.c.id)
                                    .where(staff_users.c.username == username)).first()
        if exists:
            raise ValueError(f"user {username!r} already exists")
        result = connection.execute(insert(staff_users).values(
            username=username, password_hash=password_hash, is_admin=is_admin,
            is_manager=is_manager and not is_admin,
            disabled=False, created_at=now(), must_change_password=must_change))
        return result.inserted_primary_key[0]


def get_user(username: str, *, url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    with engine_for(url).connect() as connection:
        row = connection.execute(select(staff_users)
                                 .where(staff_users.c.username == username.strip())).first()
    return row_dict(row) if row else None


def set_password_hash(user_id: int, password_hash: str, *, must_change: bool = False,
                      url: Optional[str] = None) -> None:
    """A new password hash (a rehash, or the user's own new password: must_change False)."""
    with engine_for(url).begin() as connection:
        connection.execute(update(staff_users).where(staff_users.c.id == user_id)
                           .values(password_hash=password_hash, must_change_password=must_change))


def list_users(*, url: Optional[str] = None) -> List[Dict[str, Any]]:
    with engine_for(url).connect() as connection:
        return [row_dict(r) for r in connection.execute(
            select(staff_users.c.id, staff_users.c.username, staff_users.c.is_admin,
                   staff_users.c.is_manager,
                   staff_users.c.disabled, staff_users.c.created_at,
                   staff_users.c.last_login_at, staff_users.c.must_change_password,
                   staff_users.c.totp_enabled_at).order_by(staff_users.c.username))]


def _account_id(connection, username: str) -> int:
    user_id = connection.execute(select(staff_users.c.id)
                                 .where(staff_users.c.username == username.strip())).scalar()
    if user_id is None:
        raise NotFound(f"no staff user {username!r}")
    return user_id


def set_disabled(username: str, disabled: bool, *, actor: str, channel: str = "web",
                 url: Optional[str] = None) -> None:
    """Disable an account (its sessions end at once) or enable it again."""
    with engine_for(url).begin() as connection:
        user_id = _account_id(connection, username)
        connection.execute(update(staff_users).where(staff_users.c.id == user_id)
                           .values(disabled=disabled))
        if disabled:
            connection.execute(delete(staff_sessions).where(staff_sessions.c.user_id == user_id))
    audit(actor, "disable_user" if disabled else "enable_user", channel=channel,
          detail=username, url=url)


def reset_password(username: str, password_hash: str, *, actor: str, channel: str = "web",
                   url: Optional[str] = None) -> None:
    """An administrator sets a temporary password: the user's sessions end, and the user
    must choose a new password at the next sign-in."""
    with engine_for(url).begin() as connection:
        user_id = _account_id(connection, username)
        connection.execute(update(staff_users).where(staff_users.c.id == user_id)
                           .values(password_hash=password_hash, must_change_password=True))
        connection.execute(delete(staff_sessions).where(staff_sessions.c.user_id == user_id))
    audit(actor, "reset_password", channel=channel, detail=username, url=url)


def record_sign_in(user_id: int, *, url: Optional[str] = None) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(update(staff_users).where(staff_users.c.id == user_id)
                           .values(last_login_at=now()))


# ---------------------------------------------------------------------------- second factor

def set_totp(user_id: int, secret: Optional[str], *, enabled: bool,
             recovery_hashes: Tuple[str, ...] = (), url: Optional[str] = None) -> None:
    """Keep `secret` while enrolling (enabled False), turn it on with fresh recovery codes
    (enabled True: the enrolment's code stays spent), or remove it (secret None). Old recovery
    codes always go."""
    values = {"totp_secret": secret, "totp_enabled_at": now() if enabled and secret else None}
    if not enabled:
        values["totp_last_step"] = None
    with engine_for(url).begin() as connection:
        connection.execute(update(staff_users).where(staff_users.c.id == user_id).values(**values))
        connection.execute(delete(staff_recovery_codes)
                           .where(staff_recovery_codes.c.user_id == user_id))
        if recovery_hashes:
            connection.execute(insert(staff_recovery_codes), [
                {"user_id": user_id, "code_hash": h} for h in recovery_hashes])


def spend_totp_step(user_id: int, step: int, *, url: Optional[str] = None) -> bool:
    """Record that the code of `step` was used; False when it (or a later one) already was,
    so a code seen over someone's shoulder cannot be used again (RFC 6238 section 5.2)."""
    with engine_for(url).begin() as connection:
        return connection.execute(
            update(staff_users)
            .where(staff_users.c.id == user_id,
                   (staff_users.c.totp_last_step.is_(None)) | (staff_users.c.totp_last_step < step))
            .values(totp_last_step=step)).rowcount == 1


def unused_recovery_codes(user_id: int, *, url: Optional[str] = None) -> List[Dict[str, Any]]:
    with engine_for(url).connect() as connection:
        return [row_dict(r) for r in connection.execute(
            select(staff_recovery_codes.c.id, staff_recovery_codes.c.code_hash)
            .where(staff_recovery_codes.c.user_id == user_id,
                   staff_recovery_codes.c.used_at.is_(None)))]


def use_recovery_code(code_id: int, *, url: Optional[str] = None) -> bool:
    """Spend a recovery code; False when it was already spent (by a request at the same time)."""
    with engine_for(url).begin() as connection:
        return connection.execute(
            update(staff_recovery_codes)
            .where(staff_recovery_codes.c.id == code_id, staff_recovery_codes.c.used_at.is_(None))
            .values(used_at=now())).rowcount == 1


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(user_id: int, *, awaiting: Optional[str] = None,
                   url: Optional[str] = None) -> Tuple[str, str]:
    """A new login session: returns (cookie token, CSRF token). Only a hash is stored.
    `awaiting`: the sign-in step still to do (see schema.staff_sessions)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    when = now()
    with engine_for(url).begin() as connection:
        connection.execute(insert(staff_sessions).values(
            token_hash=_token_hash(token), user_id=user_id, csrf_token=csrf,
            created_at=when, last_seen_at=when, awaiting=awaiting))
    return token, csrf


def set_session_step(token: str, awaiting: Optional[str], *, url: Optional[str] = None) -> None:
    """Move a half-done sign-in to its next step (None: signed in)."""
    with engine_for(url).begin() as connection:
        connection.execute(update(staff_sessions)
                           .where(staff_sessions.c.token_hash == _token_hash(token or ""))
                           .values(awaiting=awaiting))


def session_user(token: str, *, idle: timedelta, lifetime: timedelta,
                 url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    """The signed-in user for a cookie token, or None when unknown, expired or disabled."""
    if not token:
        return None
    key = _token_hash(token)
    when = now()
    query = (select(staff_sessions, staff_users.c.username, staff_users.c.is_admin,
                    staff_users.c.is_manager, staff_users.c.disabled, staff_users.c.totp_enabled_at)
             .join(staff_users, staff_users.c.id == staff_sessions.c.user_id)
             .where(staff_sessions.c.token_hash == key))
    with engine_for(url).begin() as connection:
        row = connection.execute(query).first()
        if row is None:
            return None
        created, seen = utc_aware(row.created_at), utc_aware(row.last_seen_at)
        if row.disabled or when - seen > idle or when - created > lifetime:
            connection.execute(delete(staff_sessions).where(staff_sessions.c.token_hash == key))
            return None
        if when - seen > timedelta(seconds=30):
            connection.execute(update(staff_sessions).where(staff_sessions.c.token_hash == key)
                               .values(last_seen_at=when))
    return {"user_id": row.user_id, "username": row.username, "is_admin": bool(row.is_admin),
            "is_manager": bool(row.is_manager), "csrf_token": row.csrf_token, "awaiting": row.awaiting,
            "has_second_factor": row.totp_enabled_at is not None}


def end_session(token: str, *, url: Optional[str] = None) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(delete(staff_sessions)
                           .where(staff_sessions.c.token_hash == _token_hash(token or "")))

