"""Issue 23, high: nobody reads or writes a conversation that is not theirs.

Against the real Rasa server with every channel on (tests/channels/servers.py): the web chat
over a real socket.io connection, REST and Twilio through their webhooks, the conversations
read back from the server's database.
"""
from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Dict, List, Tuple

import pytest
import sqlalchemy as sa

from bot.conversation_ids import (
    conversation_id,
    provider_address,
    web_session,
    web_session_from_token,
    web_session_token,
)
from tests.channels.servers import TWILIO_NUMBER, twilio_signature
from tests.harness import rest_headers
from tests.words import TOO_LONG

TURN = 60


def post_json(url: str, body: object, headers: Dict[str, str]) -> Tuple[int, object]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TURN) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def user_texts(db_url: str, conversation: str) -> List[str]:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text(
                "SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"),
                {"s": conversation}).all()
    finally:
        engine.dispose()
    return [json.loads(r[0]).get("text") for r in rows]


# -- the ids themselves ------------------------------------------------------------------------

def test_each_channel_has_its_own_conversations():
    assert conversation_id("rest", "whatsapp:+15550100777") == "rest:whatsapp:+15550100777"
    assert conversation_id("rest", "+15550100777") == "rest:+15550100777"
    assert conversation_id("sms", "+15550100777") == "sms:+15550100777"
    assert conversation_id("sms", "whatsapp:+15550100777") == "whatsapp:+15550100777"
    assert conversation_id("telegram", 42) == "telegram:42"
    # and each output channel sends to the provider's own address again
    assert provider_address("sms", "sms:+15550100777") == "+15550100777"
    assert provider_address("sms", "whatsapp:+15550100777") == "whatsapp:+15550100777"
    assert provider_address("web", "web:abc") == "abc"


def test_a_web_session_carries_on_only_with_its_own_signed_unexpired_token():
    secret = "server-secret"
    session_id, token = web_session(None, secret)
    assert web_session(token, secret)[0] == session_id
    assert web_session(session_id, secret)[0] != session_id, "a bare id is no token"
    assert web_session_from_token(token, "another-secret") is None, "forged"
    assert web_session_from_token(token[:-2] + "xx", secret) is None, "altered"
    expired = web_session_token(session_id, secret, hours=1, now=time.time() - 7200)
    assert web_session_from_token(expired, secret) is None, "expired"


# -- the web chat over a real socket ---------------------------------------------------------

class Chat:
    """A socket.io client the way the widget talks: session_request, then user_uttered."""

    def __init__(self, url: str) -> None:
        import socketio

        self.url, self.sio = url, socketio.AsyncClient(reconnection=False)
        self.session: Dict = {}
        self.said: List[str] = []
        self.turn_done = asyncio.Event()
        self.confirmed = asyncio.Event()
        self.sio.on("session_confirm", self._confirm)
        self.sio.on("bot_uttered", lambda message: self.said.append(message.get("text") or ""))
        self.sio.on("bot_turn_done", lambda _=None: self.turn_done.set())

    async def _confirm(self, session: Dict) -> None:
        self.session = session
        self.confirmed.set()

    async def open(self, request: Dict) -> "Chat":
        await self.sio.connect(self.url, socketio_path="/socket.io", transports=["polling"])  # aiohttp here has no websocket client engineio knows
        await self.sio.emit("session_request", request)
        await asyncio.wait_for(self.confirmed.wait(), TURN)
        return self

    async def say(self, text: str, **extra) -> None:
        self.turn_done.clear()
        await self.sio.emit("user_uttered", {"message": text, **extra})
        await asyncio.wait_for(self.turn_done.wait(), TURN)


def test_a_second_socket_naming_anothers_session_gets_nothing_of_it(rasa_channels):
    db_url = rasa_channels.extra["db_url"]

    async def scenario():
        victim = await Chat(rasa_channels.url).open({})
        victim_id = victim.session["session_id"]
        await victim.say("my lower back has hurt for 6 months")

        # The attacker names the victim's id every way the old channel accepted it.
        attacker = await Chat(rasa_channels.url).open({"session_id": victim_id,
                                                       "session_token": victim_id})
        assert attacker.session["session_id"] != victim_id
        await attacker.say("book an appointment", session_id=victim_id)
        attacker_heard = len(attacker.said)
        victim_heard = len(victim.said)
        await victim.say("physio didn't help")

        # The victim's own token (a reload, a reconnect) carries the conversation on.
        again = await Chat(rasa_channels.url).open({"session_token": victim.session["session_token"]})
        assert again.session["session_id"] == victim_id
        await again.say("none of those")
        await asyncio.sleep(1)  # anything still on its way to the attacker arrives
        for chat in (victim, attacker, again):
            await chat.sio.disconnect()
        return (victim_id, attacker.session["session_id"], victim.said[victim_heard:],
                attacker.said[attacker_heard:], again.said)

    victim_id, attacker_id, victim_new, attacker_new, again_said = asyncio.run(scenario())
    assert user_texts(db_url, f"web:{victim_id}") == [
        "my lower back has hurt for 6 months", "physio didn't help", "none of those"]
    assert user_texts(db_url, f"web:{attacker_id}") == ["book an appointment"]
    assert victim_new and again_said, "the victim's own turns are answered"
    assert attacker_new == [], "the attacker's socket heard none of the victim's replies"


# -- REST: the clinic's own integrations, in their own namespace -------------------------------

def test_rest_needs_the_clinics_token(rasa_channels):
    url = rasa_channels.webhook("rest")
    body = {"sender": "integration-1", "message": "hello"}
    status, _ = post_json(url, body, {"Content-Type": "application/json"})
    assert status == 401
    status, _ = post_json(url, body, {"Content-Type": "application/json",
                                      "Authorization": "Bearer not-the-token"})
    assert status == 401
    status, replies = post_json(url, body, rest_headers())
    assert status == 200 and replies


def test_a_rest_sender_shaped_like_a_phone_number_reaches_no_sms_or_whatsapp_conversation(rasa_channels):
    db_url, patient = rasa_channels.extra["db_url"], "+15550100777"
    webhook = rasa_channels.webhook("twilio")
    for sender in (patient, f"whatsapp:{patient}"):
        form = {"AccountSid": "AC" + "0" * 32, "MessageSid": "SM" + "1" * 32, "From": sender,
                "To": TWILIO_NUMBER, "Body": "my neck has hurt for 2 weeks",
                "ApiVersion": "2010-04-01"}
        request = urllib.request.Request(
            webhook, data=urllib.parse.urlencode(form).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded",
                     "X-Twilio-Signature": twilio_signature(webhook, form)})
        with urllib.request.urlopen(request, timeout=TURN) as answer:
            assert answer.status == 200

    for sender in (patient, f"whatsapp:{patient}", f"sms:{patient}"):
        status, replies = post_json(rasa_channels.webhook("rest"),
                                    {"sender": sender, "message": "book an appointment"},
                                    rest_headers())
        assert status == 200
        assert "neck" not in json.dumps(replies).lower()
        assert user_texts(db_url, f"rest:{sender}") == ["book an appointment"]
    assert user_texts(db_url, f"sms:{patient}") == ["my neck has hurt for 2 weeks"]
    assert user_texts(db_url, f"whatsapp:{patient}") == ["my neck has hurt for 2 weeks"]


def test_a_large_metadata_body_is_refused_and_no_metadata_is_stored(rasa_channels):
    db_url = rasa_channels.extra["db_url"]
    status, replies = post_json(rasa_channels.webhook("rest"),
                                {"sender": "metadata-flood", "message": "hello",
                                 "metadata": {"x": "a" * 900_000}}, rest_headers())
    # Not handled: the sender gets the kind "too long" answer, nothing is stored.
    assert status == 200 and TOO_LONG in json.dumps(replies)
    assert user_texts(db_url, "rest:metadata-flood") == []
    status, _ = post_json(rasa_channels.webhook("rest"),
                          {"sender": "metadata-small", "message": "hello",
                           "metadata": {"tracking": "a" * 1000}}, rest_headers())
    assert status == 200
    engine = sa.create_engine(db_url)
    with engine.connect() as connection:
        stored = [r[0] for r in connection.execute(sa.text(
            "SELECT data FROM events WHERE sender_id = 'rest:metadata-small'"))]
    engine.dispose()
    assert stored and not any("a" * 1000 in row for row in stored)


# -- the smaller holes of the messaging channels ---------------------------------------------

def test_messenger_refuses_every_signature_when_the_app_secret_is_empty():
    import hashlib
    import hmac

    from bot.channels.facebook import hub_signature_valid

    body = b'{"entry": []}'
    forged = "sha256=" + hmac.new(b"", body, hashlib.sha256).hexdigest()
    assert not hub_signature_valid("", body, forged, "")
    assert hub_signature_valid("secret", body,
                               "sha256=" + hmac.new(b"secret", body, hashlib.sha256).hexdigest(), "")


def test_telegrams_set_webhook_needs_the_api_token(rasa_channels):
    url = f"{rasa_channels.url}/webhooks/telegram/set_webhook"
    request = urllib.request.Request(url, data=b"", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=TURN)
    assert refused.value.code == 403
