"""The Rasa server killed mid-booking and restarted: the conversation resumes where it was."""
import json
import os
import signal
import subprocess
import sys
import urllib.request

from tests.harness import ROOT, free_port, wait_for


def start_rasa(tmp_path, port, action_url):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f"action_endpoint:\n  url: {action_url}\n"
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'rasa.db'}\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), RASA_TELEMETRY_ENABLED="false")
    log = open(tmp_path / f"rasa-{port}.log", "a")
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa", "run", "--model", "models/current.tar.gz",
         "--endpoints", str(endpoints), "--port", str(port), "--interface", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    wait_for(f"http://127.0.0.1:{port}/", timeout=120)
    return process


def say(port, sender, text):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return " ".join(m.get("text", "") for m in json.load(response))


def test_a_killed_server_resumes_the_booking_form_where_it_was(tmp_path, action_server):
    port = free_port()
    rasa = start_rasa(tmp_path, port, action_server)
    try:
        say(port, "restart-1", "my lower back has hurt for 6 months, physio didn't help")
        say(port, "restart-1", "none of those")
        say(port, "restart-1", "skip")
        say(port, "restart-1", "yes please")
        assert "phone" in say(port, "restart-1", "Jane Smith")
    finally:
        rasa.send_signal(signal.SIGKILL)  # no clean shutdown
        rasa.wait(timeout=30)

    rasa = start_rasa(tmp_path, port, action_server)
    try:
        # Still in the booking form, with the name already given: next it asks when.
        assert "When" in say(port, "restart-1", "jane@example.com")
        confirmation = say(port, "restart-1", "weekday mornings")
        assert "Jane Smith" in confirmation and "reference" in confirmation
    finally:
        rasa.terminate()
        rasa.wait(timeout=30)
