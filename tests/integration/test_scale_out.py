"""Two Rasa servers sharing one PostgreSQL tracker store and one Redis lock store, behind nginx
(deploy/cluster.py, docs/deploy.md).

Patients' messages reach whichever server the balancer picks, and a patient who types quickly
has several messages in flight at once. What must hold: every message is stored exactly once,
each is answered against the conversation as it stood after the previous one (its replies
follow it in the tracker before the next message), nothing is lost or duplicated, and the
slots staff read come out as the conversation implies. The web chat's socket.io session works
through the balancer (sticky sessions, long-polling then the websocket upgrade).
"""
from __future__ import annotations

import asyncio
import json
import os
import threading
import uuid
from collections import Counter
from typing import Dict, List, Sequence, Tuple

import pytest

from deploy.cluster import Cluster
from tests.harness import rest_conversation, rest_headers
from tests.words import WHERE

pytestmark = pytest.mark.slow

LOCATIONS = [("my lower back", "lower_back"), ("my neck", "neck"), ("my upper back", "upper_back")]
# Sent at the same moment, to different servers: answers the patient typed ahead.
BURST = ["about 6 months", "physio and ibuprofen, it doesn't spread"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with Cluster(rasa_servers=2, action_servers=2, database="postgresql",
                 tmp_dir=tmp_path_factory.mktemp("cluster")) as running:
        yield running


def post(base: str, sender: str, text: str) -> List[str]:
    """One REST message; the texts of the assistant's replies."""
    import urllib.request

    request = urllib.request.Request(
        f"{base}/webhooks/rest/webhook", headers=rest_headers(),
        data=json.dumps({"sender": sender, "message": text}).encode())
    with urllib.request.urlopen(request, timeout=90) as response:
        return [m.get("text", "") for m in json.load(response)]


def stored_events(db_url: str, sender: str) -> List[Dict]:
    """The conversation's events as Rasa's SQLTrackerStore stored them, in storage order."""
    import sqlalchemy as sa

    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"),
                {"s": sender}).fetchall()
    finally:
        engine.dispose()
    return [json.loads(row[0]) for row in rows]


def turns(events: List[Dict]) -> List[Tuple[str, List[str], List[str]]]:
    """(user text, bot texts, action names) for each user message, in stored order."""
    result: List[Tuple[str, List[str], List[str]]] = []
    for event in events:
        if event["event"] == "user":
            result.append((event["text"], [], []))
        elif result and event["event"] == "bot":
            result[-1][1].append(event.get("text") or "")
        elif result and event["event"] == "action":
            result[-1][2].append(event["name"])
    return result


def paragraphs(texts: List[str]) -> List[str]:
    """Rasa's REST channel sends each paragraph of a bot message as a message of its own."""
    return "\n\n".join(t.strip() for t in texts).split("\n\n")


def final_slots(events: List[Dict]) -> Dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def run_conversation(servers: Sequence[str], sender: str, location: str) -> Dict[str, List[str]]:
    """Alternates the two servers (base URLs) one message at a time, then sends BURST to both
    at once; returns what each message was answered."""
    a, b = servers
    replies: Dict[str, List[str]] = {}
    for server, text in ((a, "hello"), (b, location)):
        replies[text] = post(server, sender, text)

    def send(server: str, text: str) -> None:
        replies[text] = post(server, sender, text)

    burst = [threading.Thread(target=send, args=(server, text))
             for server, text in zip((a, b), BURST)]
    for thread in burst:
        thread.start()
    for thread in burst:
        thread.join()
    replies["no, none of those"] = post(b, sender, "no, none of those")
    return replies


def run_patients(servers: Sequence[str], count: int, prefix: str):
    """`count` patients at once (run_conversation); returns {sender: (said, location)},
    {sender: what each message was answered} and the errors met."""
    conversations = {f"{prefix}-{i}-{uuid.uuid4().hex[:8]}": LOCATIONS[i % 3] for i in range(count)}
    answered: Dict[str, Dict[str, List[str]]] = {}
    errors: List[BaseException] = []

    def patient(sender: str, location: str) -> None:
        try:
            answered[sender] = run_conversation(servers, sender, location)
        except BaseException as exc:  # reported by the caller, with the server logs
            errors.append(exc)

    threads = [threading.Thread(target=patient, args=(sender, said))
               for sender, (said, _) in conversations.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return conversations, answered, errors


def assert_stored_once_in_order(db_url: str, conversations: Dict[str, Tuple[str, str]],
                                answered: Dict[str, Dict[str, List[str]]]) -> None:
    for sender, (said, location) in conversations.items():
        events = stored_events(db_url, rest_conversation(sender))
        stored = turns(events)
        sent = ["hello", said, *BURST, "no, none of those"]
        # Every message stored exactly once; the ones sent one at a time in their order, the
        # burst between them (in whichever order the lock store served it).
        assert Counter(text for text, _, _ in stored) == Counter(sent), sender
        texts = [text for text, _, _ in stored]
        assert texts[:2] == sent[:2] and texts[-1] == sent[-1], (sender, texts)
        # No interleaving: each message's turn ends by listening for the next one, and what
        # the patient was answered is exactly what follows that message in the tracker.
        for text, bot_texts, actions in stored:
            assert actions and actions[-1] == "action_listen", (sender, text, actions)
            assert actions.count("action_listen") == 1, (sender, text, actions)
            assert paragraphs(bot_texts) == paragraphs(answered[sender][text]), (sender, text)
        # Nothing stored twice (every event carries its own timestamp).
        serialised = [json.dumps(e, sort_keys=True) for e in events]
        assert len(serialised) == len(set(serialised)), sender
        slots = final_slots(events)
        assert slots["pain_location"] == location
        assert slots["duration_category"] == "chronic"
        assert set(slots["treatments_tried"]) == {"physical_therapy", "otc_medication"}
        assert slots["triage_level"] == "consultation"


def test_interleaved_concurrent_messages_are_stored_once_in_order(cluster):
    conversations, answered, errors = run_patients(cluster.server_urls, 10, "scale")
    assert not errors, f"{errors[0]!r}; logs under {cluster.log_dir}"
    assert_stored_once_in_order(cluster.db_url, conversations, answered)


def test_a_conversation_through_the_balancer(cluster):
    sender = f"scale-balancer-{uuid.uuid4().hex[:8]}"
    assert WHERE in " ".join(post(cluster.private_url, sender, "hello"))
    assert "How long" in " ".join(post(cluster.private_url, sender, "my lower back"))
    assert "tried" in " ".join(post(cluster.private_url, sender, "about 6 months"))
    slots = final_slots(stored_events(cluster.db_url, rest_conversation(sender)))
    assert (slots["pain_location"], slots["duration_category"]) == ("lower_back", "chronic")


async def web_chat_turn(url: str, session: Dict, text: str) -> Tuple[List[Dict], str]:
    """What the widget does: socket.io over long-polling, upgraded to a websocket, then
    session_request with its stored token (none the first time) and one message. Returns the
    bot_uttered events and the transport in use; `session` gets the server's session_confirm."""
    import socketio

    client = socketio.AsyncClient(reconnection=False)
    uttered: List[Dict] = []
    confirmed, done = asyncio.Event(), asyncio.Event()
    client.on("session_confirm", lambda issued: (session.update(issued), confirmed.set()))
    client.on("bot_uttered", uttered.append)
    client.on("bot_turn_done", lambda _: done.set())
    await client.connect(url, transports=["polling", "websocket"], socketio_path="socket.io",
                         wait_timeout=20)
    try:
        await client.emit("session_request", {"session_token": session.get("session_token")})
        await asyncio.wait_for(confirmed.wait(), 20)
        await client.emit("user_uttered", {"message": text})
        await asyncio.wait_for(done.wait(), 60)
        for _ in range(50):  # the upgrade runs beside the conversation; give it a moment
            if client.transport() == "websocket":
                break
            await asyncio.sleep(0.1)
        return uttered, client.transport()
    finally:
        await client.disconnect()


@pytest.fixture
def socketio_client_on_aiohttp_3_9(monkeypatch):
    """python-engineio 4.15's asyncio client opens websockets with aiohttp>=3.11's
    ClientWSTimeout; Rasa 3.6 pins aiohttp 3.9, whose ws_connect takes the same close timeout
    as a number. (Only the test's client is affected: Rasa serves socket.io with Sanic.)"""
    import aiohttp

    monkeypatch.setattr(aiohttp, "ClientWSTimeout", lambda ws_close: ws_close, raising=False)


def test_web_chat_socketio_through_the_balancer(cluster, socketio_client_on_aiohttp_3_9):
    session: Dict = {}
    uttered, transport = asyncio.run(web_chat_turn(cluster.url, session, "hello"))
    assert transport == "websocket"
    assert WHERE in " ".join(m.get("text", "") for m in uttered)
    first = session["session_id"]
    # The widget reconnects (a reload) with its token, maybe to the other server: the same
    # conversation carries on.
    uttered, _ = asyncio.run(web_chat_turn(cluster.url, session, "my lower back"))
    assert session["session_id"] == first
    assert "How long" in " ".join(m.get("text", "") for m in uttered)
    slots = final_slots(stored_events(cluster.db_url, f"web:{first}"))
    assert slots["pain_location"] == "lower_back"



def status_of(url: str) -> int:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_public_listener_lets_only_the_web_chat_and_messaging_webhooks_through(cluster):
    token = os.environ["RASA_AUTH_TOKEN"]
    for path in (f"/status?token={token}", f"/conversations/rest:x/tracker?token={token}",
                 f"/model?token={token}", "/webhooks/rest/webhook", "/webhooks/rest/",
                 "/webhooks/telegram/set_webhook", "/"):
        assert status_of(cluster.url + path) == 404, path
    assert status_of(cluster.url + "/socket.io/?EIO=4&transport=polling") == 200
    # The clinic's network reaches the API (with its token) and the REST channel.
    assert status_of(f"{cluster.private_url}/status?token={token}") == 200
    assert status_of(f"{cluster.private_url}/status") == 401
