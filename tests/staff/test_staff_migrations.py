"""Schema migrations on SQLite and PostgreSQL: an empty database, a database made by the
previous version (before migrations, with data), and revision-by-revision upgrades."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from alembic.script import ScriptDirectory
from sqlalchemy import (
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
    inspect,
)

from bot import store


def _head_revision() -> str:
    """The newest revision in migrations/ (read there, so a new revision needs no edit here)."""

    return ScriptDirectory.from_config(store.alembic_config()).get_current_head()


HEAD = _head_revision()


def _previous_version_schema(url: str) -> None:
    """What the previous bot/store.py created (metadata.create_all, no Alembic), with data,
    and the events table Rasa's SQLTrackerStore created beside it."""
    old = MetaData()
    bookings = Table(
        "booking_requests", old,
        Column("id", Integer, primary_key=True),
        Column("conversation_id", String(255), nullable=False, index=True),
        Column("kind", String(20), nullable=False),
        Column("name", String(200), nullable=False),
        Column("contact", String(200), nullable=False),
        Column("preferred_time", String(200), nullable=False),
        Column("triage_level", String(20)),
        Column("status", String(20), nullable=False, default="new"),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("notes", Text),
    )
    events = Table(
        "events", old,
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255), nullable=False, index=True),
        Column("type_name", String(255), nullable=False),
        Column("timestamp", Float),
        Column("intent_name", String(255)),
        Column("action_name", String(255)),
        Column("data", Text),
    )
    engine = create_engine(url, future=True)
    old.create_all(engine)
    with engine.begin() as connection:
        for i in range(3):
            connection.execute(insert(bookings).values(
                conversation_id=f"old-{i}", kind="callback", name=f"Patient {i}",
                contact=f"555 000 {i:04d}", preferred_time="morning", triage_level="urgent",
                status="contacted" if i == 0 else "new",
                created_at=datetime(2024, 5, 1, tzinfo=timezone.utc), notes="kept"))
        connection.execute(insert(events).values(
            sender_id="old-0", type_name="user", timestamp=1714550400.0, intent_name="greet",
            data=json.dumps({"event": "user", "text": "hello"})))
    engine.dispose()


def _tables(url: str) -> set:
    engine = create_engine(url, future=True)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_an_empty_database_gets_the_whole_schema(empty_db):
    store.upgrade(empty_db)
    assert store.current_revision(empty_db) == HEAD
    assert {"booking_requests", "booking_status_changes", "staff_users", "staff_sessions",
            "audit_log", "events", "conversation_locks", "alembic_version"} <= _tables(empty_db)
    store.upgrade(empty_db)  # running again at every start changes nothing
    assert store.current_revision(empty_db) == HEAD


def test_a_database_from_the_previous_version_is_upgraded_without_loss(empty_db):
    _previous_version_schema(empty_db)
    store.upgrade(empty_db)
    assert store.current_revision(empty_db) == HEAD
    rows = store.list_bookings(url=empty_db)
    assert [r["name"] for r in rows] == ["Patient 0", "Patient 1", "Patient 2"]
    assert [r["status"] for r in rows] == ["contacted", "new", "new"]
    assert rows[0]["notes"] == "kept" and rows[0]["status_changed_by"] is None
    assert store.get_conversation("old-0", url=empty_db)["timeline"][0]["text"] == "hello"
    # and the upgraded database works for the new features
    reference = store.save_booking(conversation_id="new-1", kind="consultation", name="N",
                                   contact="n@example.org", preferred_time="any",
                                   triage_level="consultation", url=empty_db)
    assert reference == "R00004"
    store.set_booking_status(2, "closed", actor="maria", url=empty_db)


def test_revision_by_revision_and_back(empty_db):
    store.upgrade(empty_db, "0001")
    assert store.current_revision(empty_db) == "0001"
    engine = create_engine(empty_db, future=True)
    with engine.begin() as connection:
        _insert_0001(connection)
    engine.dispose()
    store.upgrade(empty_db)
    assert [r["name"] for r in store.list_bookings(url=empty_db)] == ["Kept"]
    from alembic import command
    config = store.alembic_config(empty_db)
    command.downgrade(config, "0001")
    assert "audit_log" not in _tables(empty_db)
    store.upgrade(empty_db)
    assert [r["name"] for r in store.list_bookings(url=empty_db)] == ["Kept"]


def _insert_0001(connection):
    """An insert with only the columns revision 0001 has."""
    connection.exec_driver_sql(
        "INSERT INTO booking_requests (conversation_id, kind, name, contact, preferred_time, "
        "status, created_at) VALUES ('c', 'callback', 'Kept', '1', 'x', 'new', "
        "'2025-01-01 00:00:00')")


def test_staff_accounts_and_sessions_of_revision_0002_survive_0004(empty_db):
    """Reviews and accounts (0004): existing users keep their password and need not change it;
    downgrading removes only what 0004 added."""
    from bot.staff.auth import hash_password, verify_password

    store.upgrade(empty_db, "0002")
    engine = create_engine(empty_db, future=True)
    with engine.begin() as connection:  # only the columns revision 0002 has
        connection.exec_driver_sql(
            "INSERT INTO staff_users (username, password_hash, is_admin, disabled, created_at) "
            "VALUES ('maria', %s, true, false, '2025-01-01 00:00:00')"
            % repr(hash_password("a long enough password")))
    engine.dispose()
    store.upgrade(empty_db, "0004")
    maria = store.get_user("maria", url=empty_db)
    assert verify_password(maria["password_hash"], "a long enough password")[0]
    assert maria["must_change_password"] is False and maria["totp_enabled_at"] is None
    assert {"conversation_reviews", "booking_activity", "staff_recovery_codes"} <= _tables(empty_db)
    from alembic import command
    command.downgrade(store.alembic_config(empty_db), "0002")
    assert not {"conversation_reviews", "booking_activity", "staff_recovery_codes"} & _tables(empty_db)
    assert "staff_users" in _tables(empty_db)
