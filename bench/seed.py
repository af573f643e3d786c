"""Stored conversations, fast: copied straight into Rasa's `events` table.

Stored conversations, fast: one real conversation's rows in Rasa's `events` table, copied
under new sender ids straight into the table (SQLAlchemy, in batches), not through the API."""
from __future__ import annotations

from typing import Dict, List

import sqlalchemy as sa

BATCH_ROWS = 20_000


def _events(engine) -> sa.Table:
    return sa.Table("events", sa.MetaData(), autoload_with=engine)


def recorded_events(db_url: str, sender_id: str) -> List[Dict]:
    """The conversation's rows in order, without their ids. The REST channel stores a
    conversation under its namespaced id (`rest:<sender>`, bot/conversation_ids.py)."""
    from bot.conversation_ids import conversation_id

    engine = sa.create_engine(db_url)
    try:
        events = _events(engine)
        ids = (sender_id, conversation_id("rest", sender_id))
        with engine.connect() as connection:
            rows = connection.execute(sa.select(events).where(events.c.sender_id.in_(ids))
                                      .order_by(events.c.id)).mappings().all()
    finally:
        engine.dispose()
    if not rows:
        raise RuntimeError("no events stored for the recorded conversation")
    return [{k: v for k, v in row.items() if k != "id"} for row in rows]


def seed(db_url: str, rows: List[Dict], conversations: int, first: int = 0,
         prefix: str = "stored") -> int:
    """Insert `conversations` copies of `rows`, each under its own sender id (numbered from
    `first`, so a database can be grown in steps); returns the rows inserted."""
    # psycopg2: multi-row INSERT ... VALUES pages of 10,000 rows (SQLAlchemy's default is 1,000)
    options = ({"executemany_mode": "values_only", "executemany_values_page_size": 10_000}
               if db_url.startswith("postgresql+psycopg2") else {})
    engine = sa.create_engine(db_url, **options)
    inserted = 0
    try:
        events = _events(engine)
        batch: List[Dict] = []
        with engine.begin() as connection:
            for n in range(first, first + conversations):
                sender = f"{prefix}-{n:06d}"
                batch.extend(dict(row, sender_id=sender) for row in rows)
                if len(batch) >= BATCH_ROWS:
                    connection.execute(events.insert(), batch)
                    inserted += len(batch)
                    batch = []
            if batch:
                connection.execute(events.insert(), batch)
                inserted += len(batch)
    finally:
        engine.dispose()
    return inserted


def stored_conversations(db_url: str) -> int:
    engine = sa.create_engine(db_url)
    try:
        events = _events(engine)
        with engine.connect() as connection:
            return connection.execute(
                sa.select(sa.func.count(sa.distinct(events.c.sender_id)))).scalar_one()
    finally:
        engine.dispose()
