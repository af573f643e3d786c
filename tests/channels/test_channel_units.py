"""bot.channels and bot.web without a Rasa server: choices, splitting, credentials, the page."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.channels.choices import ChoiceMemory, chunks, numbered_choices, text_with_choices
from bot.channels.config import effective_credentials, render
from bot.channels.facebook import hub_signature_valid
from bot.channels.twilio import twilio_signature
from tests.channels.servers import hub_signature_sha1
from tests.channels.servers import twilio_signature as provider_signature

ROOT = Path(__file__).resolve().parents[2]
YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


def test_buttons_become_numbered_choices():
    assert numbered_choices(YES_NO) == "1. Yes  2. No"
    assert text_with_choices("Book a consultation?", YES_NO) == "Book a consultation?\n\n1. Yes  2. No"
    many = [{"title": f"Loss of bladder or bowel control {i}", "payload": f"p{i}"} for i in range(3)]
    assert numbered_choices(many).splitlines()[1] == "2. Loss of bladder or bowel control 1"


def test_a_number_answers_the_last_buttons_sent_to_that_sender():
    memory = ChoiceMemory()
    memory.remember("twilio", "+1555", YES_NO)
    assert memory.resolve("twilio", "+1555", "2") == "/deny"
    assert memory.resolve("twilio", "+1555", " 1. ") == "/affirm"
    assert memory.resolve("twilio", "+1555", "no") == "/deny"  # a button's title, too
    assert memory.resolve("twilio", "+1555", "3") == "3"  # out of range: the patient's words
    assert memory.resolve("twilio", "+1555", "yes please") == "yes please"
    assert memory.resolve("twilio", "+1666", "1") == "1"  # another patient
    assert memory.resolve("telegram", "+1555", "1") == "1"  # another channel
    memory.forget("twilio", "+1555")  # a message without buttons: "7" stays a 7
    assert memory.resolve("twilio", "+1555", "2") == "2"


def test_choice_memory_is_bounded():
    memory = ChoiceMemory(max_senders=2)
    for sender in ("a", "b", "c"):
        memory.remember("sms", sender, YES_NO)
    assert memory.last("sms", "a") == []
    assert memory.resolve("sms", "c", "1") == "/affirm"


def test_long_text_is_split_at_paragraphs_within_the_limit():
    text = "\n\n".join(["a" * 50, "b" * 50, "c" * 50])
    assert chunks(text, 1600) == [text]
    parts = chunks(text, 110)
    assert parts == ["a" * 50 + "\n\n" + "b" * 50, "c" * 50]
    words = " ".join(["word"] * 100)
    assert all(len(p) <= 60 for p in chunks(words, 60))
    assert " ".join(chunks(words, 60)) == words


def test_only_channels_with_their_variables_are_on():
    credentials, lines = effective_credentials({})
    assert set(credentials) == {"bot.channels.RestInput", "bot.channels.SocketIOInput"}
    assert credentials["bot.channels.SocketIOInput"]["session_persistence"] is True
    off = [line for line in lines if ": off" in line]
    assert len(off) == 4
    assert any("Twilio" in line and "TWILIO_ACCOUNT_SID" in line for line in off)

    credentials, lines = effective_credentials({
        "TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "secret", "TWILIO_WHATSAPP_NUMBER": "whatsapp:+1",
        "SLACK_BOT_TOKEN": "xoxb", "SLACK_SIGNING_SECRET": " "})  # blank counts as unset
    assert credentials["bot.channels.TwilioInput"] == {
        "account_sid": "${TWILIO_ACCOUNT_SID}", "auth_token": "${TWILIO_AUTH_TOKEN}",
        "whatsapp_number": "${TWILIO_WHATSAPP_NUMBER}"}
    assert "bot.channels.SlackInput" not in credentials
    assert "channel Slack: off (set SLACK_SIGNING_SECRET to turn it on)" in lines


def test_the_generated_file_holds_no_secret_and_rasa_reads_it(tmp_path, monkeypatch):
    from rasa.shared.utils.io import read_config_file

    env = {"TELEGRAM_TOKEN": "123:abc-secret", "TELEGRAM_WEBHOOK_URL": "https://x.example/hook"}
    text = render(effective_credentials(env)[0])
    assert "abc-secret" not in text
    path = tmp_path / "credentials.yml"
    path.write_text(text)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    loaded = read_config_file(str(path))
    assert loaded["bot.channels.TelegramInput"]["access_token"] == "123:abc-secret"
    assert "bot.channels.RestInput" in read_config_file(str(ROOT / "credentials.yml"))


def test_the_command_writes_a_private_file_and_says_which_channels_are_off(tmp_path):
    out = tmp_path / "var" / "credentials.yml"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "TWILIO_", "FACEBOOK_", "SLACK_"))}
    result = subprocess.run([sys.executable, "-m", "bot.channels", "--out", str(out)], cwd=ROOT,
                            env=dict(env, PYTHONPATH=str(ROOT)), capture_output=True, text=True, check=True)
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert "channel Telegram: off (set TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_URL to turn it on)" in result.stderr
    assert result.stdout == ""


def test_signatures_match_the_providers_own_scheme():
    url, params = "https://clinic.example/webhooks/twilio/webhook", {"Body": "hi", "From": "+1555"}
    assert twilio_signature("token", url, params) == provider_signature(url, params, "token")
    body = b'{"entry": []}'
    good = hub_signature_sha1(body, "secret")
    assert hub_signature_valid("secret", body, "", good)
    assert not hub_signature_valid("secret", body + b" ", "", good)
    assert not hub_signature_valid("secret", body, "", "")
    assert not hub_signature_valid("secret", body, "", "md5=" + good[5:])


# --- bot.web -------------------------------------------------------------------------------------

@pytest.fixture
def web():
    from bot.web import make_server

    server = make_server("127.0.0.1", 0, rasa_url="https://assistant.example.org")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


def test_the_demo_page_names_the_clinic_under_a_strict_policy(web):
    status, headers, html = fetch(web + "/")
    assert status == 200
    assert "Example Spine &amp; Pain Clinic" in html  # from clinic.yml, escaped
    assert 'href="tel:911"' in html
    assert 'data-server="https://assistant.example.org"' in html
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "connect-src 'self' https://assistant.example.org wss://assistant.example.org" in policy
    assert "http" not in html.split("<script", 1)[1].split("data-server", 1)[0], "widget.js is local"


def test_only_the_widget_assets_are_served(web):
    for path in ("/widget.js", "/widget.css", "/demo.css", "/vendor/socket.io.min.js"):
        status, headers, _ = fetch(web + path)
        assert status == 200, path
        assert headers["X-Content-Type-Options"] == "nosniff"
    for path in ("/../bot/web.py", "/web/package.json", "/node_modules/socket.io-client/package.json",
                 "/vendor/../widget.js.map", "/clinic.yml"):
        assert fetch(web + path)[0] == 404, path
