"""Concurrent messages: Rasa's lock store handles one conversation's messages one at a time,
none dropped silently or interleaved, while different conversations stay independent.

Against the servers `make run` starts (real Rasa, action server, SQLite tracker store)."""
import json
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import create_engine, text

from tests.harness import rest_conversation, say


def _events(db_url: str, sender: str):
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT type_name, action_name, data FROM events WHERE sender_id = :s ORDER BY id"),
                {"s": rest_conversation(sender)}).all()
    finally:
        engine.dispose()
    return [(r.type_name, r.action_name, json.loads(r.data)) for r in rows]


def _turns(events):
    """The conversation as turns: each patient message with what followed it, up to the next."""
    turns = []
    for kind, action, data in events:
        if kind == "user":
            turns.append({"text": data.get("text"), "bot": 0, "listened": False})
        elif turns and kind == "bot":
            turns[-1]["bot"] += 1
        elif turns and kind == "action" and action == "action_listen":
            turns[-1]["listened"] = True
    return turns


def test_twenty_messages_at_once_to_one_conversation_are_handled_one_at_a_time(made_run):
    port, sender = made_run["ports"]["rasa"], "concurrent-one"
    say(port, sender, "hello")
    # A patient who sends many messages in a burst (double taps, a flaky connection retrying).
    messages = [f"my lower back has hurt for {weeks} weeks" for weeks in range(1, 11)] + \
               [f"I tried physio {n} times" for n in range(1, 11)]
    with ThreadPoolExecutor(max_workers=len(messages)) as pool:
        replies = list(pool.map(lambda m: say(port, sender, m), messages))

    assert all(reply.strip() for reply in replies), "every request got an answer"
    # The intake gate (bot/intake.py) takes a few of one sender's messages at once and asks
    # the patient to resend the rest; every message it took must be stored exactly once.
    taken = [m for m, reply in zip(messages, replies) if "one at a time" not in reply]
    assert len(taken) >= 5, "several messages of one conversation were in flight at once"
    turns = _turns(_events(made_run["db_url"], sender))[1:]  # after "hello"
    assert sorted(t["text"] for t in turns) == sorted(taken)  # each exactly once
    # Never two turns at once: each message got its answers and the assistant went back to
    # listening before the next message was taken.
    assert all(t["bot"] >= 1 and t["listened"] for t in turns), turns


def test_conversations_at_the_same_time_do_not_mix(made_run):
    port = made_run["ports"]["rasa"]
    scripts = {
        "concurrent-neck": ["my neck has hurt for 2 weeks", "nothing yet"],
        "concurrent-lowback": ["my lower back has hurt for 6 months, it stays in my back", "physio and tylenol, it doesn't spread"],
        "concurrent-neck-2": ["neck pain for 3 weeks", "I took ibuprofen"],
        "concurrent-lowback-2": ["low back pain for a year", "injections and physio"],
    }

    def talk(sender):
        return [say(port, sender, message) for message in scripts[sender]]

    with ThreadPoolExecutor(max_workers=len(scripts)) as pool:
        answered = dict(zip(scripts, pool.map(talk, scripts)))
    assert all(all(r.strip() for r in replies) for replies in answered.values())

    for sender, messages in scripts.items():
        events = _events(made_run["db_url"], sender)
        assert [d.get("text") for kind, _, d in events if kind == "user"] == messages
        slots = {a: d.get("value") for kind, a, d in events if kind == "slot"}
        expected = "neck" if "neck" in sender else "lower_back"
        assert slots.get("pain_location") == expected, (sender, slots.get("pain_location"))
        expected_category = "chronic" if "lowback" in sender else "acute"
        assert slots.get("duration_category") == expected_category
