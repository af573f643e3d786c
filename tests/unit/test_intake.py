"""The gate every message passes before the assistant reads it (bot/intake.py), without Rasa."""
import pytest

from bot.channels.rest import rest_request_problem
from bot.clinic import load_clinic
from bot.intake import FloodLimit, Gate, Limits, Replies, clean_text, domain_intents

INTENTS = domain_intents()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_defaults_and_the_environment_settings():
    assert Limits.from_env({}) == Limits(max_chars=2000, burst=20, per_minute=60,
                                         notice_seconds=30, in_flight=5)
    limits = Limits.from_env({"MAX_MESSAGE_CHARS": "500", "FLOOD_BURST": "0",
                              "FLOOD_PER_MINUTE": "12", "FLOOD_NOTICE_SECONDS": " "})
    assert (limits.max_chars, limits.burst, limits.per_minute, limits.notice_seconds) == (500, 0, 12, 30)


@pytest.mark.parametrize("env", [{"MAX_MESSAGE_CHARS": "lots"}, {"MAX_MESSAGE_CHARS": "0"},
                                 {"FLOOD_BURST": "-1"}, {"FLOOD_PER_MINUTE": "nan"}])
def test_a_wrong_setting_stops_the_server_with_its_name(env):
    with pytest.raises(ValueError, match=next(iter(env))):
        Limits.from_env(env)


def test_a_sender_gets_a_burst_then_one_message_per_refill():
    clock = Clock()
    flood = FloodLimit(burst=3, per_minute=60, notice_seconds=30, in_flight=100, clock=clock)
    assert [flood.take("rest", "p1")[0] for _ in range(5)] == [True, True, True, False, False]
    assert flood.take("rest", "p2") == (True, False)  # another patient is not affected
    clock.now += 1.0  # one message a second refills one token
    assert flood.take("rest", "p1")[0] is True
    assert flood.take("rest", "p1")[0] is False
    clock.now += 60  # a minute later the whole burst is back, never more
    assert [flood.take("rest", "p1")[0] for _ in range(4)] == [True, True, True, False]


def test_a_sender_has_a_few_messages_in_flight_at_most():
    flood = FloodLimit(burst=20, per_minute=60, notice_seconds=30, in_flight=2)
    assert [flood.take("rest", "p")[0] for _ in range(3)] == [True, True, False]
    flood.release("rest", "p")  # one answered: the next may wait its turn
    assert [flood.take("rest", "p")[0] for _ in range(2)] == [True, False]


def test_flood_notices_are_spaced_where_each_reply_costs_a_message():
    clock = Clock()
    flood = FloodLimit(burst=1, per_minute=1, notice_seconds=30, clock=clock)
    flood.take("twilio", "+15550100")
    assert flood.take("twilio", "+15550100") == (False, True)   # the first refusal: a notice
    assert flood.take("twilio", "+15550100") == (False, False)  # then quiet
    clock.now += 31
    assert flood.take("twilio", "+15550100") == (False, True)


def test_the_flood_limit_off_and_the_memory_bounded():
    off = FloodLimit(burst=0, per_minute=60, notice_seconds=30)
    assert all(off.take("rest", "p")[0] for _ in range(1000))
    small = FloodLimit(burst=1, per_minute=1, notice_seconds=30, max_senders=10)
    for n in range(100):
        small.take("rest", f"p{n}")
    assert len(small._buckets) == 10


class FixedReplies(Replies):
    def too_fast(self, language: str = "en") -> str:
        return "slow down"

    def too_long(self, limit: int, language: str = "en") -> str:
        return f"at most {limit}"


def test_the_gate_refuses_the_excess_and_the_overlong_and_cleans_the_rest():
    gate = Gate(Limits(max_chars=10, burst=2, per_minute=1), FixedReplies(), INTENTS)
    assert gate.check("rest", "p", "hello\x00", reply_is_free=True).reply is None
    assert gate.check("rest", "p", "hello\x00", reply_is_free=True).text == "hello"
    gate.done("rest", "p"), gate.done("rest", "p")
    too_fast = gate.check("rest", "p", "hello", reply_is_free=True)
    assert (too_fast.reply, too_fast.send_reply, too_fast.reason) == ("slow down", True, "too_fast")
    long = Gate(Limits(max_chars=10), FixedReplies(), INTENTS).check("rest", "q", "x" * 11,
                                                                      reply_is_free=False)
    assert (long.reply, long.reason) == ("at most 10", "too_long")
    exactly = Gate(Limits(max_chars=10), FixedReplies(), INTENTS).check("rest", "q", "x" * 10,
                                                                         reply_is_free=False)
    assert exactly.reply is None


def test_the_kind_answers_come_from_the_content_file_with_the_clinics_numbers():
    replies, emergency = Replies(), load_clinic().emergency_number
    assert "2,000" in replies.too_long(2000) and f"call {emergency} now" in replies.too_long(2000)
    assert f"call {emergency} now" in replies.too_fast()


def test_a_message_that_could_not_be_handled_gets_the_clinics_numbers_and_is_not_logged(caplog):
    """Whatever fails behind the gate, the patient is told (with the clinic's phone and the
    emergency number) and the log names the error's kind, not the patient or their words."""
    import asyncio

    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from bot.intake_turn import gated

    async def assistant_fails(message):
        raise RuntimeError("the conversation could not be loaded")

    gate = Gate(Limits(in_flight=1), Replies(), INTENTS)
    handler = gated(assistant_fails, channel="rest", reply_is_free=True, gate=gate)
    out = CollectingOutputChannel()
    asyncio.run(handler(UserMessage("I'm Jane Smith and my back hurts", out, "patient-555-0199")))
    [reply] = out.messages
    clinic = load_clinic()
    assert clinic.phone in reply["text"] and f"call {clinic.emergency_number} now" in reply["text"]
    assert "RuntimeError" in caplog.text
    assert "Jane" not in caplog.text and "555-0199" not in caplog.text
    # the failed message is no longer in flight: the patient's next message is read
    assert gate.check("rest", "patient-555-0199", "hello", reply_is_free=True).reply is None


@pytest.mark.parametrize("text,cleaned", [
    ("hello", "hello"), ("line one\nline two\ttab", "line one\nline two\ttab"),
    ("a\x00b\x01c\x7fd\x9f", "abcd"), ("back \udfff pain", "back  pain"),
    ("\x1b[31mred\x1b[0m", "[31mred[0m"), ("مرحبا 😀 你好", "مرحبا 😀 你好"),
    # the bare payloads the assistant's own buttons send stay payloads ...
    ("/affirm", "/affirm"), ("/deny", "/deny"), ("/greet", "/greet"),
    # ... anything else typed with a slash is read as words (no entities set by hand,
    # nothing Rasa would log while failing to parse it)
    ('/inform{"duration": 99999999}', 'inform{"duration": 99999999}'),
    ("/restart", "restart"), ("/action_listen", "action_listen"), ("//", ""),
    (" / my back hurts", "my back hurts"), ("a/b", "a/b"),
])
def test_clean_up(text, cleaned):
    assert clean_text(text, INTENTS) == cleaned


@pytest.mark.parametrize("body,problem", [
    ({"sender": "p1", "message": "hello"}, None),
    ({"sender": 12345, "message": ""}, None),
    ([1, 2], "JSON object"), ("text", "JSON object"),
    ({"message": "hello"}, "'sender'"), ({"sender": "", "message": "hi"}, "'sender'"),
    ({"sender": ["x"], "message": "hi"}, "'sender'"), ({"sender": True, "message": "hi"}, "'sender'"),
    ({"sender": "x" * 256, "message": "hi"}, "255"),
    ({"sender": "p1"}, "'message'"), ({"sender": "p1", "message": 5}, "'message'"),
    ({"sender": "p1", "message": None}, "'message'"),
    ({"sender": "p1", "message": "hi", "metadata": [1]}, "'metadata'"),
])
def test_a_rest_body_that_is_not_a_message_is_told_what_is_wrong(body, problem):
    found = rest_request_problem(body)
    assert (found is None) if problem is None else (problem in found)


def test_a_refused_message_is_answered_in_the_language_the_page_sent():
    gate = Gate(Limits(max_chars=10), Replies(), INTENTS)
    assert "solo puedo leer hasta 10 caracteres" in gate.check(
        "socketio", "p", "x" * 11, reply_is_free=True, language="es").reply
    assert "I can only read up to 10 characters" in gate.check(
        "socketio", "q", "x" * 11, reply_is_free=True).reply
