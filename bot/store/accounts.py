"""Staff accounts and their signed-in sessions.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import delete, insert, select, update

from bot.store.migrations import engine_for
from bot.store.schema import now, row_dict, staff_sessions, staff_users, utc_aware


def add_user(username: str, password_hash: str, *, is_admin: bool = False,
             is_manager: bool = False, url: Optional[str] = None) -> int:
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
            disabled=False, created_at=now()))
        return result.inserted_primary_key[0]


def get_user(username: str, *, url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    with engine_for(url).connect() as connection:
        row = connection.execute(select(staff_users)
                                 .where(staff_users.c.username == username.strip())).first()
    return row_dict(row) if row else None


def set_password_hash(user_id: int, password_hash: str, *, url: Optional[str] = None) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(update(staff_users).where(staff_users.c.id == user_id)
                           .values(password_hash=password_hash))


def list_users(*, url: Optional[str] = None) -> List[Dict[str, Any]]:
    with engine_for(url).connect() as connection:
        return [row_dict(r) for r in connection.execute(
            select(staff_users.c.id, staff_users.c.username, staff_users.c.is_admin,
                   staff_users.c.is_manager,
                   staff_users.c.disabled, staff_users.c.created_at).order_by(staff_users.c.username))]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(user_id: int, *, url: Optional[str] = None) -> Tuple[str, str]:
    """A new login session: returns (cookie token, CSRF token). Only a hash is stored."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    when = now()
    with engine_for(url).begin() as connection:
        connection.execute(insert(staff_sessions).values(
            token_hash=_token_hash(token), user_id=user_id, csrf_token=csrf,
            created_at=when, last_seen_at=when))
    return token, csrf


def session_user(token: str, *, idle: timedelta, lifetime: timedelta,
                 url: Optional[str] = None) -> Optional[Dict[str, Any]]:
    """The signed-in user for a cookie token, or None when unknown, expired or disabled."""
    if not token:
        return None
    key = _token_hash(token)
    when = now()
    query = (select(staff_sessions, staff_users.c.username, staff_users.c.is_admin,
                    staff_users.c.is_manager, staff_users.c.disabled)
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
            "is_manager": bool(row.is_manager), "csrf_token": row.csrf_token}


def end_session(token: str, *, url: Optional[str] = None) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(delete(staff_sessions)
                           .where(staff_sessions.c.token_hash == _token_hash(token or "")))

