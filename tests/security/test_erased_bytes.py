"""An erased or purged patient's words are in no byte of the SQLite database file nor of its
write-ahead log (-wal): SQLite's secure_delete zeroes the deleted rows, and the log is written
back and emptied after erasing (bot/store.py, `_scrub_deleted`). Real SQLite files, read as
bytes."""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from sqlalchemy import insert

from bot import store

NAME = "Quennell Ardmore-Vasquez"
CONTACT = "+1 555 0199 7731"


def _conversation(url: str, sender: str, name: str, at: float) -> None:
    """What the assistant stores for a patient who left their name: their words in Rasa's
    events table (as SQLTrackerStore writes them) and a callback request."""
    words = [("user", {"event": "user", "text": f"my name is {name}, my leg is numb"}),
             ("slot", {"event": "slot", "name": "booking_name", "value": name}),
             ("bot", {"event": "bot", "text": f"Thank you, {name}."})]
    with store.engine_for(url).begin() as connection:
        for i, (kind, data) in enumerate(words):
            connection.execute(insert(store.events).values(
                sender_id=sender, type_name=kind, timestamp=at + i, intent_name=None,
                action_name=data.get("name"), data=json.dumps(data)))
    store.save_booking(conversation_id=sender, kind="callback", name=name, contact=CONTACT,
                       preferred_time="mornings", triage_level="urgent", url=url)


def _another_server(path: Path) -> sqlite3.Connection:
    """The file held open by another process, as the running Rasa and staff servers hold it:
    SQLite then keeps the -wal file (it removes it when the last connection closes)."""
    other = sqlite3.connect(path)
    other.execute("SELECT count(*) FROM events").fetchall()
    return other


def _database_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_an_erased_patients_name_is_in_no_byte_of_the_database_files(tmp_path):
    path = tmp_path / "clinic.db"
    url = f"sqlite:///{path}"
    _conversation(url, "web:erase-me", NAME, time.time())
    _conversation(url, "web:keep-me", "Maud Keeper", time.time())
    other = _another_server(path)
    assert NAME.encode() in _database_bytes(path)  # the search finds it when it is there

    store.erase_conversation("web:erase-me", actor="admin", url=url)

    data = _database_bytes(path)
    other.close()
    assert NAME.encode() not in data and CONTACT.encode() in data  # the other patient stays
    assert b"Maud Keeper" in data


def test_a_purged_patients_name_is_in_no_byte_of_the_database_files(tmp_path):
    path = tmp_path / "clinic.db"
    url = f"sqlite:///{path}"
    _conversation(url, "sms:+15550100001", NAME, time.time() - 400 * 86400)
    _conversation(url, "sms:+15550100002", "Maud Keeper", time.time())
    other = _another_server(path)
    assert NAME.encode() in _database_bytes(path)

    store.purge(365, actor="cron", url=url)

    data = _database_bytes(path)
    other.close()
    assert b"Maud Keeper" in data
    assert NAME.encode() not in data
