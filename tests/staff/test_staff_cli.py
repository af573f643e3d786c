"""`python -m bot ...` as a clinic would run it: same filters, same audit records."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from bot import store

ROOT = Path(__file__).resolve().parents[2]


def bot(*args: str, url: str, env: dict = None, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=120,
        env=dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=url, **(env or {})))
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_transcripts_list_filters_and_audits(recorded):
    out = bot("transcripts", "list", "--level", "urgent", "--json", "--as", "maria",
              url=recorded.url).stdout
    ids = {row["conversation_id"] for row in json.loads(out)}
    assert recorded.ids["urgent"] in ids and recorded.ids["consultation"] not in ids
    found = json.loads(bot("transcripts", "list", "--search", "Jane Smith", "--json",
                           url=recorded.url).stdout)
    assert [r["conversation_id"] for r in found] == [recorded.ids["consultation"]]
    text = bot("transcripts", "list", "--attention", url=recorded.url).stdout
    lines = text.splitlines()
    assert lines[1].startswith("STARTED") and "Emergency" in lines[2]
    entry = store.list_audit(action="view_list", actor="maria", url=recorded.url)[0]
    assert entry["channel"] == "cli" and entry["detail"] == "level=urgent"


def test_transcripts_show_and_export(recorded_sqlite, tmp_path):
    rec = recorded_sqlite
    cid = rec.ids["consultation"]
    shown = bot("transcripts", "show", cid, url=rec.url).stdout
    assert "Patient:   my low back has hurt for 6 months" in shown
    assert "Consultation" in shown and "Jane Smith" in shown
    out = tmp_path / "one.json"
    bot("transcripts", "export", "--id", cid, "--format", "json", "-o", str(out), url=rec.url)
    assert json.loads(out.read_text())["conversation_id"] == cid
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    listing = bot("transcripts", "export", "--red-flag", "any", "--format", "csv", url=rec.url).stdout
    rows = list(csv.DictReader(io.StringIO(listing)))
    assert {r["conversation_id"] for r in rows} >= {rec.ids["urgent"], rec.ids["emergency"]}
    assert rec.ids["consultation"] not in {r["conversation_id"] for r in rows}
    actor = os.environ.get("USER") or __import__("getpass").getuser()
    exports = store.list_audit(action="export", url=rec.url)
    assert {e["actor"] for e in exports} >= {actor}
    assert bot("transcripts", "show", "no-such-id", url=rec.url, check=False).returncode == 1


def test_bookings_list_and_status(sqlite_url):
    reference = store.save_booking(conversation_id="c-1", kind="callback", name="Pat Doe",
                                   contact="555 0199", preferred_time="noon",
                                   triage_level="urgent", url=sqlite_url)
    rows = json.loads(bot("bookings", "list", "--json", url=sqlite_url).stdout)
    assert [(r["reference"], r["status"], r["name"]) for r in rows] == [(reference, "new", "Pat Doe")]
    bot("bookings", "set-status", reference, "contacted", "--as", "maria", url=sqlite_url)
    row = store.list_bookings("c-1", url=sqlite_url)[0]
    assert (row["status"], row["status_changed_by"]) == ("contacted", "maria")
    assert json.loads(bot("bookings", "list", "--status", "new", "--json", url=sqlite_url).stdout) == []


def test_add_user_needs_a_password_and_there_is_no_default(sqlite_url):
    refused = bot("staff", "add-user", "maria", url=sqlite_url, check=False)
    assert refused.returncode == 2 and "STAFF_PASSWORD" in refused.stderr
    short = bot("staff", "add-user", "maria", url=sqlite_url, check=False,
                env={"STAFF_PASSWORD": "short"})
    assert short.returncode == 2
    assert store.list_users(url=sqlite_url) == []
    bot("staff", "add-user", "maria", "--admin", url=sqlite_url,
        env={"STAFF_PASSWORD": "a-long-password"})
    user = store.get_user("maria", url=sqlite_url)
    assert user["is_admin"] and user["password_hash"].startswith("$argon2id$")


def test_erase_and_purge_from_the_command_line(sqlite_url):
    from .test_staff_store import _fake_conversation

    _fake_conversation(sqlite_url, "erase-me", time.time())
    _fake_conversation(sqlite_url, "old-one", time.time() - 500 * 86400)
    _fake_conversation(sqlite_url, "new-one", time.time())
    assert bot("erase", "erase-me", url=sqlite_url, check=False).returncode == 2  # no prompt
    out = bot("erase", "erase-me", "--yes", "--as", "admin", url=sqlite_url).stdout
    assert "3 events, 1 requests" in out
    out = bot("purge", url=sqlite_url).stdout  # clinic.yml retention_days: 365
    assert "purged 1 conversation(s) older than 365 days" in out
    assert [c["conversation_id"] for c in store.all_conversations(url=sqlite_url)] == ["new-one"]
    actions = [r["action"] for r in store.list_audit(url=sqlite_url)]
    assert "erase" in actions and "purge" in actions


def test_endpoints_point_rasa_at_the_same_database(tmp_path):
    import yaml

    out = tmp_path / "endpoints.yml"
    pg = "postgresql+psycopg2://clinic:secret@db.example:5432/clinic"
    bot("endpoints", "--out", str(out), url=pg, env={"ACTIONS_PORT": "5999"})
    config = yaml.safe_load(out.read_text())
    assert config["tracker_store"] == {"type": "bot.tracker_store.ClinicTrackerStore", "url": pg}
    assert config["action_endpoint"]["url"] == "http://127.0.0.1:5999/webhook"
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    from bot.channels.config import endpoints_yaml
    default = yaml.safe_load(endpoints_yaml("sqlite:///var/clinic.db"))
    assert default["tracker_store"]["url"] == f"sqlite:///{ROOT / 'var' / 'clinic.db'}"


def test_disable_enable_reset_and_list_users_from_the_command_line(fresh_db):
    from bot.staff.auth import verify_password

    reception = store.get_user("reception", url=fresh_db)
    token, _ = store.create_session(reception["id"], url=fresh_db)
    out = bot("staff", "disable", "reception", "--as", "boss", url=fresh_db).stdout
    assert "signed out everywhere" in out
    assert store.session_user(token, idle=timedelta(hours=1), lifetime=timedelta(hours=1),
                              url=fresh_db) is None
    assert store.get_user("reception", url=fresh_db)["disabled"]
    listed = bot("staff", "list-users", url=fresh_db).stdout
    assert "reception" in listed and "disabled" in listed and "last sign-in: never" in listed
    bot("staff", "enable", "reception", "--as", "boss", url=fresh_db)
    assert not store.get_user("reception", url=fresh_db)["disabled"]
    out = bot("staff", "reset-password", "reception", "--as", "boss", url=fresh_db).stdout
    temporary = out.split("temporary password: ")[1].strip()
    user = store.get_user("reception", url=fresh_db)
    assert user["must_change_password"] and verify_password(user["password_hash"], temporary)[0]
    assert "must change password" in bot("staff", "list-users", url=fresh_db).stdout
    common = bot("staff", "reset-password", "reception", url=fresh_db, check=False,
                 env={"STAFF_PASSWORD": "passwordpassword"})
    assert common.returncode == 2 and "common or breached" in common.stderr
    assert bot("staff", "disable", "nobody", url=fresh_db, check=False).returncode == 1
    entries = [(e["actor"], e["action"], e["channel"], e["detail"])
               for e in reversed(store.list_audit(url=fresh_db))]
    assert entries == [("boss", "disable_user", "cli", "reception"),
                       ("boss", "enable_user", "cli", "reception"),
                       ("boss", "reset_password", "cli", "reception")]
