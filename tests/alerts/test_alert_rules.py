"""The alert decisions and the outbox, called directly: who is emailed when, what an alert
says, which settings are refused, and how the outbox retries (a real SQLite database)."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from bot import alerts, outbox, store
from bot.alerts import AlertConfigError, alert_settings
from bot.clinic import ClinicConfigError, _parse_alerts, load_clinic

CLINIC = load_clinic()   # Mon-Fri 08:00-17:00, America/New_York
WEDNESDAY_10AM = datetime(2026, 12, 2, 15, 0, tzinfo=timezone.utc)   # 10:00 in New York
SATURDAY_10AM = datetime(2026, 12, 5, 15, 0, tzinfo=timezone.utc)
WEDNESDAY_11PM = datetime(2026, 12, 3, 4, 0, tzinfo=timezone.utc)
GOOD_ENV = {"SMTP_HOST": "mail.clinic.example", "SMTP_FROM": "assistant@clinic.example",
            "SMTP_USER": "assistant", "SMTP_PASSWORD": "pw", "STAFF_BASE_URL": "https://staff.x/"}


def alert(kind="conversation", level="urgent", at=WEDNESDAY_10AM, reference="CABCDEFGHIJ"):
    return alerts.Alert(reference=reference, kind=kind, level=level, at=at,
                        link=f"https://staff.x/alert/{reference}")


@pytest.mark.parametrize("at, level, kind, expected", [
    (WEDNESDAY_10AM, "urgent", "conversation", ["frontdesk@example.org"]),
    (SATURDAY_10AM, "urgent", "conversation", ["frontdesk@example.org", "on-call@example.org"]),
    (WEDNESDAY_11PM, "emergency", "conversation", ["frontdesk@example.org", "on-call@example.org"]),
    (WEDNESDAY_11PM, "consultation", "booking", ["frontdesk@example.org"]),
    (WEDNESDAY_11PM, "urgent", "callback", ["frontdesk@example.org", "on-call@example.org"]),
])
def test_out_of_hours_urgent_alerts_also_reach_the_on_call_address(at, level, kind, expected):
    assert alerts.recipients(alert(kind, level, at), CLINIC) == expected


def test_without_an_out_of_hours_address_the_clinics_own_gets_everything():
    clinic = replace(CLINIC, out_of_hours_alert_emails=())
    assert alerts.recipients(alert(at=SATURDAY_10AM), clinic) == ["frontdesk@example.org"]


def test_an_alert_says_the_five_fields_in_the_clinics_time():
    text = alerts.email_text(alert(level="emergency", at=WEDNESDAY_11PM), CLINIC)
    assert text["subject"] == "[Example Spine & Pain Clinic] EMERGENCY conversation CABCDEFGHIJ"
    assert "Time:      2026-12-02 23:00 (America/New_York)" in text["text"]
    assert "https://staff.x/alert/CABCDEFGHIJ" in text["text"]
    assert alert().as_dict() == {"reference": "CABCDEFGHIJ", "kind": "conversation",
                                 "level": "urgent", "time": "2026-12-02T15:00:00+00:00",
                                 "link": "https://staff.x/alert/CABCDEFGHIJ"}


def test_a_conversation_reference_is_keyed_and_does_not_show_the_id():
    phone_id = "twilio:+15550102030"
    first = alerts.conversation_reference(phone_id, "key-one")
    assert first == alerts.conversation_reference(phone_id, "key-one")
    assert first != alerts.conversation_reference(phone_id, "key-two")
    assert len(first) == 11 and first.startswith("C") and "555" not in first


@pytest.mark.parametrize("change, named", [
    ({"SMTP_FROM": ""}, "SMTP_FROM"),
    ({"SMTP_SECURITY": "ssl"}, "SMTP_SECURITY"),
    ({"SMTP_PORT": "smtp"}, "SMTP_PORT"),
    ({"SMTP_PASSWORD": ""}, "SMTP_USER and SMTP_PASSWORD"),
    ({"SMTP_SECURITY": "none"}, "unencrypted"),
    ({"SMTP_HOST": ""}, "SMTP_HOST"),
    ({"SMTP_CA_FILE": "/nonexistent/ca.pem"}, "SMTP_CA_FILE"),
    ({"ALERT_WEBHOOK_URL": "http://alerts.clinic.example/in",
      "ALERT_WEBHOOK_SECRET": "s" * 40}, "https://"),
    ({"ALERT_WEBHOOK_URL": "https://alerts.clinic.example/in",
      "ALERT_WEBHOOK_SECRET": "short"}, "at least 32"),
    ({"ALERT_WEBHOOK_SECRET": "s" * 40}, "ALERT_WEBHOOK_URL"),
])
def test_a_wrong_setting_is_refused_naming_it(change, named):
    with pytest.raises(AlertConfigError, match=named):
        alert_settings({**GOOD_ENV, **change})


def test_good_settings_and_their_defaults():
    settings = alert_settings({**GOOD_ENV, "ALERT_WEBHOOK_URL": "http://127.0.0.1:9/in",
                               "ALERT_WEBHOOK_SECRET": "s" * 32})
    assert (settings.smtp.port, settings.smtp.security) == (587, "starttls")
    assert settings.staff_base_url == "https://staff.x"
    assert alert_settings({}).any_channel is False
    with pytest.raises(AlertConfigError, match="clinic.yml lists no alerts"):
        alerts.checked_settings(GOOD_ENV, clinic=replace(CLINIC, alert_emails=()))


@pytest.mark.parametrize("value, field", [
    ({"email_to": ["front desk"]}, "alerts.email_to"),
    ({"email_to": "a@b.example", "pager": "x"}, "alerts.pager"),
    ({"out_of_hours_email_to": ["on-call@b.example"]}, "alerts.email_to"),
    (["a@b.example"], "alerts"),
])
def test_clinic_yml_alert_recipients_are_checked(value, field, tmp_path):
    with pytest.raises(ClinicConfigError) as error:
        _parse_alerts(tmp_path / "clinic.yml", value)
    assert error.value.field == field


# ------------------------------------------------------------------------------- outbox

@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'outbox.db'}"


@pytest.fixture
def sent():
    """A sender for the "webhook" kind that records payloads and fails while `down`."""
    record = {"payloads": [], "down": False}

    def send(payload):
        if record["down"]:
            return outbox.DeliveryResult(False, "webhook answered HTTP 503")
        record["payloads"].append(payload)
        return outbox.DeliveryResult(True, response="HTTP 204")

    saved = outbox._senders.pop("webhook", None)
    outbox.register_sender("webhook", send)
    yield record
    outbox._senders.pop("webhook", None)
    if saved:
        outbox.register_sender("webhook", saved)


def test_the_same_alert_queued_twice_is_one_row(db):
    first = outbox.enqueue("webhook", "R00001", {"n": 1}, url=db)
    assert outbox.enqueue("webhook", "R00001", {"n": 2}, url=db) == first
    assert outbox.enqueue("email", "R00001", {"n": 1}, url=db) != first
    assert len(store.list_outbox(url=db)) == 2


def test_failures_back_off_and_the_row_is_kept_until_it_arrives(db, sent):
    outbox.enqueue("webhook", "R00002", {"alert": "x"}, url=db)
    sent["down"] = True
    start = store.now()
    expected_delays = [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]
    at = start
    for attempt, delay in enumerate(expected_delays, start=1):
        assert outbox.deliver_due(url=db, now=at) == 0
        row = store.outbox_failures(url=db)[0]
        assert row["attempts"] == attempt and row["last_error"] == "webhook answered HTTP 503"
        assert row["next_attempt_at"] - at == timedelta(seconds=delay)
        assert outbox.deliver_due(url=db, now=row["next_attempt_at"] - timedelta(seconds=1)) == 0
        at = row["next_attempt_at"]
    sent["down"] = False
    assert outbox.deliver_due(url=db, now=at) == 1
    assert sent["payloads"] == [{"alert": "x"}]
    assert store.outbox_failures(url=db) == []
    delivered = store.list_outbox(url=db)[0]
    assert delivered["delivered_at"] and delivered["response"] == "HTTP 204"
    assert outbox.deliver_due(url=db, now=at + timedelta(days=1)) == 0


def test_a_sender_that_raises_is_a_failure_that_names_no_detail(db):
    def broken(payload):
        raise RuntimeError(f"could not send {payload['secret']}")

    saved = outbox._senders.get("fhir")
    outbox.register_sender("fhir", broken)
    try:
        outbox.enqueue("fhir", "R00003", {"secret": "Jane Smith"}, url=db)
        assert outbox.deliver_due(url=db) == 0
    finally:
        outbox._senders.pop("fhir", None)
        if saved:
            outbox.register_sender("fhir", saved)
    row = store.outbox_failures(url=db)[0]
    assert row["last_error"] == "sender raised RuntimeError"
    assert "payload" not in row   # listings never carry a payload (a FHIR bundle has names)


def test_a_kind_without_a_sender_here_is_left_for_the_process_that_has_one(db, sent):
    outbox.enqueue("fhir", "R00004", {}, url=db)
    assert outbox.deliver_due(url=db) == 0
    row = store.list_outbox(url=db)[0]
    assert row["attempts"] == 0 and row["delivered_at"] is None


def test_a_row_taken_by_one_worker_is_not_sent_by_another(db, sent):
    outbox.enqueue("webhook", "R00005", {"alert": "once"}, url=db)
    due = store.due_outbox(store.now(), url=db)
    assert store.claim_outbox(due[0], store.now() + timedelta(minutes=2), url=db)
    assert not store.claim_outbox(due[0], store.now() + timedelta(minutes=2), url=db)
    assert outbox.deliver_due(url=db) == 0 and sent["payloads"] == []


def test_a_payload_round_trips_as_json(db, sent):
    payload = {"alert": {"reference": "R00006", "level": None}, "to": ["a@b.example"]}
    outbox.enqueue("webhook", "R00006", payload, url=db)
    outbox.deliver_due(url=db)
    assert sent["payloads"] == [json.loads(json.dumps(payload))]


def test_erasing_a_conversation_removes_what_waits_to_be_sent_about_its_requests(db):
    forgotten = store.save_booking(conversation_id="to-erase", kind="consultation",
                                   name="Pat Doe", contact="555 010 9999", preferred_time="am",
                                   triage_level="consultation", url=db)
    kept = store.save_booking(conversation_id="to-keep", kind="callback", name="Sam Roe",
                              contact="555 010 8888", preferred_time="pm", triage_level=None,
                              url=db)
    outbox.enqueue("fhir", forgotten, {"patient": "Pat Doe"}, url=db)
    outbox.enqueue("email", forgotten, {"alert": {}}, url=db)
    outbox.enqueue("fhir", kept, {"patient": "Sam Roe"}, url=db)
    store.erase_conversation("to-erase", actor="admin", url=db)
    assert [(r["kind"], r["reference"]) for r in store.list_outbox(url=db)] == [("fhir", kept)]


def test_the_retention_purge_removes_old_delivered_rows_and_keeps_waiting_ones(db, sent):
    from sqlalchemy import update

    from bot.store.schema import outbox as outbox_table

    delivered = outbox.enqueue("webhook", "R00010", {"alert": "old"}, url=db)
    outbox.deliver_due(url=db)
    waiting = outbox.enqueue("fhir", "R00011", {"alert": "old, never delivered"}, url=db)
    recent = outbox.enqueue("webhook", "R00012", {"alert": "recent"}, url=db)
    outbox.deliver_due(url=db)
    with store.engine_for(db).begin() as connection:
        connection.execute(update(outbox_table).where(outbox_table.c.id.in_([delivered, waiting]))
                           .values(created_at=store.now() - timedelta(days=400)))
    store.purge(365, actor="cron", url=db)
    assert sorted(r["id"] for r in store.list_outbox(url=db)) == [waiting, recent]


def test_the_outbox_migration_keeps_the_requests_and_goes_back_cleanly(db):
    from alembic import command
    from sqlalchemy import create_engine, inspect, text

    store.upgrade(db, "0002")
    engine = create_engine(db, future=True)   # not store.engine_for: that would migrate first
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO booking_requests (conversation_id, kind, name, contact, "
            "preferred_time, status, created_at) VALUES ('kept', 'callback', 'N', "
            "'n@x.example', 'any', 'new', '2026-01-01 00:00:00')"))
        assert "outbox" not in inspect(connection).get_table_names()
    engine.dispose()
    store.upgrade(db, "0003")
    assert store.current_revision(db) == "0003"
    assert [b["reference"] for b in store.list_bookings(url=db)] == ["R00001"]
    assert outbox.enqueue("email", "R00001", {}, url=db)
    command.downgrade(store.alembic_config(db), "0002")
    engine = create_engine(db, future=True)
    with engine.connect() as connection:
        assert "outbox" not in inspect(connection).get_table_names()
        assert connection.execute(text("SELECT name FROM booking_requests")).scalars().all() == ["N"]
    engine.dispose()


def test_the_action_server_refuses_to_start_with_a_wrong_alert_setting(tmp_path):
    import os
    import subprocess
    import sys

    from tests.harness import ROOT, free_port

    env = dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=f"sqlite:///{tmp_path / 'x.db'}",
               SMTP_HOST="mail.clinic.example", SMTP_FROM="", VAR_DIR=str(tmp_path))
    started = subprocess.run([sys.executable, "-m", "bot.serve", "actions", "--port",
                              str(free_port())], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=120)
    assert started.returncode != 0
    assert "alert settings: SMTP_FROM must be the address alerts are sent from" in started.stderr
