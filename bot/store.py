"""Storage for what staff follow up: booking and callback requests.

One module owns the schema and the queries. SQLite by default (`var/clinic.db`, no server to
install); PostgreSQL when DB_URL is set (e.g. postgresql+psycopg2://user@host/db).
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

from sqlalchemy import (Column, DateTime, Integer, MetaData, String, Table, Text,
                        create_engine, insert, select)
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "var" / "clinic.db"

metadata = MetaData()

booking_requests = Table(
    "booking_requests", metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(255), nullable=False, index=True),
    Column("kind", String(20), nullable=False),  # consultation | callback
    Column("name", String(200), nullable=False),
    Column("contact", String(200), nullable=False),
    Column("preferred_time", String(200), nullable=False),
    Column("triage_level", String(20)),
    Column("status", String(20), nullable=False, default="new"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("notes", Text),
)


def database_url() -> str:
    return os.environ.get("DB_URL") or f"sqlite:///{DEFAULT_DB}"


@lru_cache(maxsize=4)
def engine_for(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    metadata.create_all(engine)
    if url.startswith("sqlite:///"):
        os.chmod(path, 0o600)  # health data: readable by the service account only
    return engine


def engine() -> Engine:
    return engine_for(database_url())


def save_booking(*, conversation_id: str, kind: str, name: str, contact: str,
                 preferred_time: str, triage_level: Optional[str]) -> str:
    """Store a request for staff and return the reference the patient is given."""
    with engine().begin() as connection:
        result = connection.execute(insert(booking_requests).values(
            conversation_id=conversation_id, kind=kind, name=name, contact=contact,
            preferred_time=preferred_time, triage_level=triage_level, status="new",
            created_at=datetime.now(timezone.utc),
        ))
        row_id = result.inserted_primary_key[0]
    return f"R{row_id:05d}"


def list_bookings(conversation_id: Optional[str] = None) -> List[Dict[str, Any]]:
    query = select(booking_requests).order_by(booking_requests.c.id)
    if conversation_id is not None:
        query = query.where(booking_requests.c.conversation_id == conversation_id)
    with engine().connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]
