"""Alerts end to end: conversations through the real assistant (trained model, real action
server) file requests and reach triage levels; the outbox delivers to a real SMTP server and
a real webhook receiver; staff follow the links on the real staff page."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from datetime import timedelta

import pytest
import requests

from bot import alerts, outbox, store
from bot.alerts import senders
from tests.alerts.conftest import REFERENCE_KEY, WEBHOOK_SECRET, alert_env, documented_verify
from tests.harness import Conversation, free_port, load_agent, running_action_server, wait_for

ROOT = senders.__file__.rsplit("/bot/", 1)[0]

CONSULTATION = ["my low back has hurt for 6 months, it stays in my back, physio and ibuprofen didn't help",
                "no, none of those", "yes", "7", "about a 5", "6", "yes please",
                "Jane Smith", "555 010 2030", "weekday mornings"]
# Whole phrases and number groups: a lone "010" could be in a reference or a time.
CONSULTATION_DETAIL = ("Jane", "Smith", "010 2030", "0102030", "weekday", "mornings", "physio",
                       "ibuprofen", "low back", "6 months")
URGENT_CALLBACK = ["I fell off a ladder last week and now my back is killing me", "yes",
                   "Ahmed Khan", "555 777 1234", "this afternoon"]
URGENT_DETAIL = ("Ahmed", "Khan", "777 1234", "7771234", "afternoon", "ladder", "fell")
EMERGENCY = ["hello", "lower back", "I've lost control of my bladder since yesterday"]
EMERGENCY_DETAIL = ("bladder", "lost control", "yesterday")


@pytest.fixture(scope="module")
def assistant(smtp, webhook, tmp_path_factory, loop):
    """The assistant with alerts on (worker off: the tests deliver with deliver_due), and
    this process's outbox senders set up exactly as the action server's would be."""
    db_url = f"sqlite:///{tmp_path_factory.mktemp('alertsdb') / 'clinic.db'}"
    env = alert_env(smtp, webhook, db_url)
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    store.upgrade(db_url)
    senders.register_senders(alerts.checked_settings())
    try:
        with running_action_server(tmp_path_factory.mktemp("logs"), OUTBOX_WORKER_SECONDS="0",
                                   **env) as action_url:
            agent = load_agent(action_url, db_url)
            yield {"agent": agent, "loop": loop, "url": db_url, "env": env,
                   "counter": iter(range(1000))}
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def converse(assistant, messages, name: str) -> Conversation:
    chat = Conversation(assistant["agent"], assistant["loop"],
                        f"alerts-{name}-{next(assistant['counter'])}-{time.time_ns() % 10**9}")
    for text in messages:
        chat.say(text)
    return chat


def new_mail(smtp, since: int):
    return smtp.messages[since:], smtp.raw[since:]


def no_patient_detail(raw: bytes, details) -> None:
    """None of the patient's words anywhere in the message as sent (headers and body)."""
    text = raw.decode("utf-8", "replace")
    for detail in details:
        assert detail.lower() not in text.lower(), f"{detail!r} is in the alert"


def test_a_booking_sends_one_email_and_one_signed_webhook_with_no_patient_detail(
        assistant, smtp, webhook):
    mails, hooks = len(smtp.raw), len(webhook.received)
    chat = converse(assistant, CONSULTATION, "booking")
    reference = chat.slots["booking_reference"]
    assert re.fullmatch(r"R\d{5}", reference)

    assert outbox.deliver_due(url=assistant["url"]) == 2
    messages, raws = new_mail(smtp, mails)
    assert len(messages) == 1
    message = messages[0]
    assert reference in message["Subject"]
    assert smtp.envelopes[-1][0] == "frontdesk@example.org"   # clinic.yml alerts: email_to
    body = message.get_content()
    assert f"https://staff.clinic.example/alert/{reference}" in body
    assert "Kind:      booking" in body
    no_patient_detail(raws[0], CONSULTATION_DETAIL)

    received = webhook.received[hooks:]
    assert len(received) == 1 and received[0].verified
    assert json.loads(received[0].body) == {
        "reference": reference, "kind": "booking", "level": "consultation",
        "time": json.loads(received[0].body)["time"],
        "link": f"https://staff.clinic.example/alert/{reference}"}
    no_patient_detail(received[0].body, CONSULTATION_DETAIL)

    # The same request reported again (a retried action) is the same alert, not another.
    alerts.booking_filed(reference, "consultation", "consultation", url=assistant["url"])
    assert outbox.deliver_due(url=assistant["url"], now=store.now() + timedelta(hours=2)) == 0
    assert len(smtp.raw) == mails + 1 and len(webhook.received) == hooks + 1


def test_an_urgent_call_back_alerts_the_conversation_once_and_the_request_once(
        assistant, smtp, webhook):
    mails = len(smtp.raw)
    chat = converse(assistant, URGENT_CALLBACK, "urgent")
    slots = chat.slots
    assert slots["triage_level"] == "urgent"
    conversation = alerts.conversation_reference(chat.sender, REFERENCE_KEY)
    # Triaged urgent again later in the conversation: still one alert for that level.
    alerts.conversation_triaged(chat.sender, "urgent", url=assistant["url"])

    assert outbox.deliver_due(url=assistant["url"]) == 4  # two emails, two webhooks
    messages, raws = new_mail(smtp, mails)
    subjects = sorted(m["Subject"] for m in messages)
    assert len(subjects) == 2
    assert any(f"URGENT conversation {conversation}" in s for s in subjects)
    assert any(f"call-back request {slots['booking_reference']}" in s for s in subjects)
    for raw in raws:
        no_patient_detail(raw, URGENT_DETAIL)
        assert chat.sender.encode() not in raw   # the conversation id is not sent either


def test_an_emergency_alerts_at_once(assistant, smtp, webhook):
    mails, hooks = len(smtp.raw), len(webhook.received)
    chat = converse(assistant, EMERGENCY, "emergency")
    assert chat.slots["triage_level"] == "emergency"
    assert outbox.deliver_due(url=assistant["url"]) == 2
    messages, raws = new_mail(smtp, mails)
    assert len(messages) == 1 and "EMERGENCY conversation C" in messages[0]["Subject"]
    no_patient_detail(raws[0], EMERGENCY_DETAIL)
    alert = json.loads(webhook.received[hooks].body)
    assert (alert["kind"], alert["level"]) == ("conversation", "emergency")
    assert alert["reference"] == alerts.conversation_reference(chat.sender, REFERENCE_KEY)


@pytest.fixture(scope="module")
def staff_page(assistant, tmp_path_factory):
    env = dict(os.environ, PYTHONPATH=ROOT, **assistant["env"])
    subprocess.run([sys.executable, "-m", "bot", "staff", "add-user", "reception"], cwd=ROOT,
                   check=True, env=dict(env, STAFF_PASSWORD="reception-password-1"),
                   stdin=subprocess.DEVNULL, capture_output=True)
    port = free_port()
    log_path = tmp_path_factory.mktemp("logs") / "staff.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot", "staff", "serve", "--port",
                                    str(port)], cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base + "/health", timeout=60)
            session = requests.Session()
            token = re.search(r'name="csrf" value="([^"]+)"', session.get(base + "/login").text)
            session.post(base + "/login", data={"csrf": token.group(1), "username": "reception",
                                                "password": "reception-password-1", "next": "/"})
            yield base, session
        finally:
            process.terminate()
            process.wait(timeout=20)


def test_an_smtp_outage_shows_on_the_staff_page_and_loses_nothing(assistant, smtp, webhook,
                                                                  staff_page):
    base, session = staff_page
    mails = len(smtp.raw)
    smtp.stop()
    try:
        chat = converse(assistant, CONSULTATION, "outage")
        reference = chat.slots["booking_reference"]
        assert outbox.deliver_due(url=assistant["url"]) == 1   # the webhook only
        failing = store.outbox_failures(url=assistant["url"])
        assert [(r["kind"], r["reference"]) for r in failing] == [("email", reference)]
        assert failing[0]["last_error"] == "SMTP server unreachable: ConnectionRefusedError"

        page = session.get(base + "/requests").text
        assert "1 alert(s) not delivered yet" in page
        assert f"email {reference}: SMTP server unreachable" in page
    finally:
        smtp.start()

    # Not due again before its backoff; due after it, and then it arrives.
    assert outbox.deliver_due(url=assistant["url"]) == 0
    assert outbox.deliver_due(url=assistant["url"],
                              now=failing[0]["next_attempt_at"]) == 1
    messages, raws = new_mail(smtp, mails)
    assert len(messages) == 1 and reference in messages[0]["Subject"]
    no_patient_detail(raws[0], CONSULTATION_DETAIL)
    assert store.outbox_failures(url=assistant["url"]) == []
    assert "not delivered yet" not in session.get(base + "/requests").text

    # The link in the email opens that conversation on the staff page, after sign-in.
    link = re.search(r"https://staff\.clinic\.example(/alert/\S+)", messages[0].get_content())
    answer = session.get(base + link.group(1), allow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/conversation?id={chat.sender}"
    anonymous = requests.get(base + link.group(1), allow_redirects=False)
    assert anonymous.headers["location"].startswith("/login")


def test_a_conversation_alert_link_leads_to_its_conversation(assistant, staff_page):
    base, session = staff_page
    chat = converse(assistant, EMERGENCY, "link")
    reference = alerts.conversation_reference(chat.sender, REFERENCE_KEY)
    answer = session.get(f"{base}/alert/{reference}", allow_redirects=False)
    assert answer.headers["location"] == f"/conversation?id={chat.sender}"
    assert session.get(f"{base}/alert/CAAAAAAAAAA").status_code == 404


def test_a_tampered_webhook_fails_verification(assistant, webhook):
    alerts.test_alert(url=assistant["url"])
    outbox.deliver_due(url=assistant["url"])
    genuine = webhook.received[-1]
    assert genuine.verified
    timestamp = genuine.headers["X-Alert-Timestamp"]
    signature = genuine.headers["X-Alert-Signature"]
    verify = documented_verify()
    assert verify(WEBHOOK_SECRET, timestamp, genuine.body, signature)
    tampered = genuine.body.replace(b'"kind":"test"', b'"kind":"booking"')
    assert tampered != genuine.body
    assert not verify(WEBHOOK_SECRET, timestamp, tampered, signature)
    assert not verify("another-secret", timestamp, genuine.body, signature)
    assert not verify(WEBHOOK_SECRET, str(int(timestamp) + 1), genuine.body, signature)
    assert not verify(WEBHOOK_SECRET, timestamp, genuine.body, signature,
                      now=int(timestamp) + 3600)   # replayed an hour later
    # Sent to the receiver as it is, the tampered body is refused.
    answer = requests.post(webhook.url, data=tampered, headers={
        "Content-Type": "application/json", "X-Alert-Timestamp": timestamp,
        "X-Alert-Signature": signature})
    assert answer.status_code == 401


def test_the_command_line_sends_a_test_alert_and_lists_the_outbox(assistant, smtp, webhook):
    env = dict(os.environ, PYTHONPATH=ROOT, **assistant["env"])
    mails = len(smtp.raw)
    sent = subprocess.run([sys.executable, "-m", "bot", "alerts", "test"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert "email: delivered" in sent.stdout and "webhook: delivered" in sent.stdout
    messages, _ = new_mail(smtp, mails)
    assert [m["Subject"].startswith("[Example Spine & Pain Clinic] Test alert T")
            for m in messages] == [True]
    # A test alert goes to the out-of-hours address too, so both can be checked.
    assert smtp.envelopes[-1] == ["frontdesk@example.org", "on-call@example.org"]

    listed = subprocess.run([sys.executable, "-m", "bot", "alerts", "list"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert re.search(r"email +T\d{20} .* delivered", listed.stdout)

    smtp.stop()
    try:
        failed = subprocess.run([sys.executable, "-m", "bot", "alerts", "test"], cwd=ROOT,
                                env=env, capture_output=True, text=True)
    finally:
        smtp.start()
    assert failed.returncode == 1
    assert "email: NOT delivered: SMTP server unreachable" in failed.stdout


def test_a_booking_is_emailed_by_the_action_servers_own_worker(smtp, webhook, tmp_path, loop):
    """As `make run` runs it: the worker loop in the action server delivers the alert of a
    booking made in the chat, with no one calling deliver_due."""
    db_url = f"sqlite:///{tmp_path / 'worker.db'}"
    env = alert_env(smtp, webhook, db_url)
    mails = len(smtp.raw)
    with running_action_server(tmp_path, OUTBOX_WORKER_SECONDS="0.5", **env) as action_url:
        chat = Conversation(load_agent(action_url, db_url), loop, f"alerts-worker-{time.time_ns()}")
        for text in CONSULTATION:
            chat.say(text)
        reference = chat.slots["booking_reference"]
        deadline = time.monotonic() + 60   # a bounded poll, not a timing requirement
        while time.monotonic() < deadline and len(smtp.raw) == mails:
            time.sleep(0.25)
    messages, raws = new_mail(smtp, mails)
    assert len(messages) == 1 and reference in messages[0]["Subject"]
    no_patient_detail(raws[0], CONSULTATION_DETAIL)
