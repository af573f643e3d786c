"""Requests in clear words that win over the classifier (bot/nlu/intent_rules.RequestCheck)."""
from bot.nlu.intent_rules import _CALL_ME, _PERSON


def test_a_real_person_asked_for_not_asked_about():
    assert _PERSON.search("are you a robot? put me through to a real person")
    assert _PERSON.search("can I speak with someone please")
    assert not _PERSON.search("is this a real person I'm writing to?")
    assert not _PERSON.search("am I talking to a live human right now?")


def test_call_me_is_a_call_back():
    assert _CALL_ME.search("could someone phone me this afternoon")
    assert not _CALL_ME.search("what should I call you?")
