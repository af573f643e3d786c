"""Channel behaviour at the edges, over HTTP against the running Rasa server: Messenger's
SHA-256 signature, the REST channel's 400, the flood notice, and a provider's API refusing."""
from __future__ import annotations

import hashlib
import hmac
import json
import threading

import pytest

from bot.channels.config import effective_credentials
from bot.channels.facebook import hub_signature_valid
from bot.clinic import load_clinic
from tests.channels.servers import FACEBOOK_SECRET
from tests.channels.test_channel_webhooks import (
    messenger_event,
    post,
    telegram_post,
    telegram_update,
    twilio_form,
    twilio_post,
)
from tests.harness import rest_headers
from tests.words import HOW_LONG, TRIED

pytestmark = pytest.mark.slow


def hub_signature_256(body: bytes, secret: str = FACEBOOK_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def rest(rasa, body: bytes):
    """What the clinic's own integration sends (the REST channel needs its token)."""
    return post(rasa.webhook("rest"), body, rest_headers())


# --- Messenger ----------------------------------------------------------------------------------

def test_messenger_accepts_the_sha256_signature_alone(rasa_channels):
    providers, patient = rasa_channels.providers, "psid-256-1"
    body = messenger_event(patient, "hello")
    status, _ = post(rasa_channels.webhook("facebook"), body,
                     {"Content-Type": "application/json",
                      "X-Hub-Signature-256": hub_signature_256(body)})
    assert status == 200
    providers.wait_for("facebook", "messages", lambda c: (
        (c.params.get("recipient") or {}).get("id") == patient and "message" in c.params))


def test_messenger_refuses_a_forged_sha256_signature(rasa_channels):
    body = messenger_event("psid-256-2", "hello")
    for header in (hub_signature_256(body, "wrong"), hub_signature_256(body + b" "),
                   "sha1=" + hub_signature_256(body)[7:]):
        status, _ = post(rasa_channels.webhook("facebook"), body,
                         {"Content-Type": "application/json", "X-Hub-Signature-256": header})
        assert status == 403, header


def test_an_empty_messenger_secret_verifies_nothing():
    body = messenger_event("psid-empty", "hello")
    signed_with_nothing = "sha256=" + hmac.new(b"", body, hashlib.sha256).hexdigest()
    assert not hub_signature_valid("", body, signed_with_nothing, "")
    assert not hub_signature_valid("", body, "", "sha1=" + hmac.new(b"", body, "sha1").hexdigest())
    # and an empty FACEBOOK_APP_SECRET leaves the channel off
    credentials, _ = effective_credentials({"FACEBOOK_VERIFY_TOKEN": "v", "FACEBOOK_APP_SECRET": "",
                                            "FACEBOOK_PAGE_ACCESS_TOKEN": "t"})
    assert not any("Facebook" in name for name in credentials)


# --- REST ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    b'[{"sender": "a", "message": "hello"}]', b'{"message": "hello"}',
    b'{"sender": "rest-400", "message": 42}', b'{"sender": "rest-400", "message": "hi", "metadata": 1}',
    b'not json at all',
], ids=["a-list", "no-sender", "message-not-text", "metadata-not-object", "not-json"])
def test_rest_answers_a_malformed_body_with_400_and_what_is_wrong(rasa_channels, body):
    status, answer = rest(rasa_channels, body)
    assert status == 400 and "Traceback" not in answer
    if body.startswith((b"{", b"[")):  # well-formed JSON of the wrong shape: says what is wrong
        assert json.loads(answer)["error"]


# --- the flood notice ---------------------------------------------------------------------------

def test_a_flood_is_answered_with_the_notice_and_the_emergency_number(rasa_channels):
    """40 messages at once from one sender: more than the burst (20) and the in-flight cap (5)
    allow however fast the machine is, so some are refused with the notice."""
    sender, answers = "flooding-patient", []
    start = threading.Barrier(40)

    def send(i):
        body = json.dumps({"sender": sender, "message": f"hello {i}"}).encode()
        start.wait()
        answers.append(rest(rasa_channels, body))

    threads = [threading.Thread(target=send, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert len(answers) == 40 and all(status == 200 for status, _ in answers)
    texts = [" ".join(m["text"] for m in json.loads(body)) for _, body in answers]
    notices = [t for t in texts if "faster than I can read" in t]
    assert notices, "some of the 40 were refused"
    emergency = load_clinic().emergency_number
    assert all(f"call {emergency} now" in t for t in notices)


# --- a provider refusing or failing -------------------------------------------------------------

def test_a_twilio_refusal_is_logged_without_patient_data_and_others_are_still_answered(rasa_channels):
    providers, refused, other = rasa_channels.providers, "+15550108001", "+15550108002"
    providers.failures[refused] = (400, {"code": 21610, "status": 400, "more_info": "",
                                         "message": "Attempt to send to unsubscribed recipient"})
    try:
        status, _ = twilio_post(rasa_channels, twilio_form(refused, "my neck hurts a lot"))
        assert status == 200
        providers.wait_for("twilio", where=lambda c: c.params.get("To") == refused)
        twilio_post(rasa_channels, twilio_form(other, "hello"))
        providers.wait_for("twilio", where=lambda c: c.params.get("To") == other)
    finally:
        del providers.failures[refused]
    log = rasa_channels.log_path.read_text()
    assert "twilio: sending failed with status 400" in log
    assert refused not in log and "my neck hurts" not in log


def test_a_telegram_server_error_leaves_the_webhook_answering(rasa_channels):
    providers, chat = rasa_channels.providers, 4242900
    providers.failures[str(chat)] = (500, {"ok": False, "error_code": 500,
                                           "description": "Internal Server Error"})
    try:
        assert telegram_post(rasa_channels, telegram_update(9001, chat, "hello"))[0] == 200
        providers.wait_for("telegram", "sendMessage", lambda c: str(c.params.get("chat_id")) == str(chat))
    finally:
        del providers.failures[str(chat)]
    # the chat goes on once Telegram answers again
    assert telegram_post(rasa_channels, telegram_update(9002, chat, "lower back"))[0] == 200
    providers.wait_for("telegram", "sendMessage", lambda c: (
        str(c.params.get("chat_id")) == str(chat) and "How long" in c.params.get("text", "")))
    assert "lower back" not in rasa_channels.log_path.read_text()


# --- an over-long message -----------------------------------------------------------------------

def test_an_overlong_message_is_answered_kindly_and_the_question_still_waits(rasa_channels):
    """Through the real channel (the gate before the assistant), not Agent.handle_text: what a
    patient who pastes 5,000 characters actually gets."""
    from bot.advice import message_too_long
    from bot.content import load_content
    from bot.intake import Limits

    def say(text):
        status, body = rest(rasa_channels, json.dumps({"sender": "overlong", "message": text}).encode())
        assert status == 200
        return " ".join(m.get("text", "") for m in json.loads(body))

    duration_question, treatments_question = HOW_LONG, TRIED  # as domain.yml words them

    say("hello")
    assert duration_question in say("lower back")
    limit = Limits.from_env(rasa_channels.env).max_chars
    assert say("x" * 5000) == message_too_long(load_content(), load_clinic(), limit=limit)
    assert say("x" * 5000) == message_too_long(load_content(), load_clinic(), limit=limit)
    # nothing of it reached the conversation: the duration question is answered next
    assert treatments_question in say("about 6 months")
