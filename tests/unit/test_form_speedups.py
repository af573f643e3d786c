"""A form's start sends its validator one call where Rasa sent two, and the call left out would
have answered nothing: on whole conversations of the real model and action server, and in
each case the short cut must leave to Rasa (bot/form_speedups.py)."""
from __future__ import annotations

import pytest
from rasa.core.actions.action import ActionExtractSlots
from rasa.core.actions.forms import FormAction
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bench.conversations import ASSISTANT_PATHS
from bot import form_speedups, rasa_speedups

rasa_speedups.apply()

# Forms started on a message that already answers, after a clinic question, by "book", and
# again after a restart; Spanish; a red flag said while a form is starting.
MORE_PATHS = [
    ["hi", "my lower back has hurt for 6 months, physio didn't help", "no", "yes book me",
     "Jane Doe", "555 010 2030", "mornings"],
    ["hello", "what is a nerve block?", "my neck", "a year", "nothing", "none of those",
     "restart", "hola", "me duele la espalda baja", "hace dos meses", "nada", "no"],
    ["I want to book an appointment", "Ann Lee", "ann@example.com", "any afternoon"],
    ["hi", "back pain and I can't control my bladder since yesterday"],
]


@pytest.fixture
def checked(monkeypatch):
    """Whenever activation's call answered nothing, Rasa's own second call is also made (the
    validator really asked) and must answer what the short cut returned."""
    seen = {"second": 0, "skipped": 0, "different": []}
    fast = FormAction._validate_if_required

    async def compared(self, tracker, domain, output_channel, nlg):
        after_empty_activation = form_speedups._ACTIVATION in self.__dict__
        calls = []
        real_validate_slots = FormAction.validate_slots

        async def counting(*args, **kwargs):
            calls.append(1)
            return await real_validate_slots(*args, **kwargs)

        monkeypatch.setattr(FormAction, "validate_slots", counting)
        got = await fast(self, tracker, domain, output_channel, nlg)
        monkeypatch.setattr(FormAction, "validate_slots", real_validate_slots)
        if after_empty_activation:
            seen["second"] += 1
            if not calls:
                seen["skipped"] += 1
                want = await fast.__wrapped__(self, tracker, domain, output_channel, nlg)
                if want != got:
                    seen["different"].append((tracker.sender_id, want))
        return got

    fast_extract = ActionExtractSlots.run

    async def extract_compared(self, output_channel, nlg, tracker, domain):
        got = await fast_extract(self, output_channel, nlg, tracker, domain)
        want = await fast_extract.__wrapped__(self, output_channel, nlg, tracker, domain)
        seen["extractions"] = seen.get("extractions", 0) + 1
        if got != want:
            seen["different"].append(("action_extract_slots", tracker.sender_id, want))
        return got

    monkeypatch.setattr(FormAction, "_validate_if_required", compared)
    monkeypatch.setattr(ActionExtractSlots, "run", extract_compared)
    return seen


def test_a_forms_second_call_at_its_start_is_skipped_only_when_it_would_say_nothing(chat, checked):
    for path in ASSISTANT_PATHS + MORE_PATHS:
        conversation = chat()
        for text in path:
            conversation.say(text)
    assert checked["skipped"] > 0 and checked["extractions"] > 50
    assert checked["different"] == []


def _edited(domain, mappings=None, actions=()):
    edited = domain.as_dict()
    if mappings is not None:
        edited["slots"]["pain_location"]["mappings"] = mappings
    edited["actions"] = list(edited["actions"]) + list(actions)
    return type(domain).from_dict(edited)


def test_slot_extraction_is_left_to_rasa_unless_every_mapping_is_a_bare_custom_one(agent, loop):
    domain = agent.domain
    assert form_speedups.extracts_nothing(domain)  # this project's domain: the short cut
    assert not form_speedups.extracts_nothing(_edited(domain, [{"type": "custom", "action": "x"}]))
    assert not form_speedups.extracts_nothing(_edited(domain, actions=["action_validate_slot_mappings"]))
    entity = _edited(domain, [{"type": "from_entity", "entity": "pain_location"}])
    assert not form_speedups.extracts_nothing(entity)
    # and Rasa's loop then runs: the entity fills the slot
    tracker = DialogueStateTracker.from_events("form-speedups", [
        ActionExecuted("action_listen"),
        UserUttered("my back", {"name": "describe_pain", "confidence": 1.0},
                    entities=[{"entity": "pain_location", "value": "lower back", "start": 3,
                               "end": 7}])], slots=entity.slots)
    channel, nlg = CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses)
    events = _run(loop, ActionExtractSlots(None).run(channel, nlg, tracker, entity))
    assert events == [SlotSet("pain_location", "lower back")]


# ---------------------------------------------------------------- each condition, one by one

def _validator(monkeypatch, answer):
    """The validator's call, answering `answer`; returns the candidates of each call."""
    calls = []

    async def validate_slots(form, candidates, tracker, domain, output_channel, nlg):
        calls.append(dict(candidates))
        return list(answer)

    monkeypatch.setattr(FormAction, "validate_slots", validate_slots)
    return calls


def _started(agent, *events):
    domain = agent.domain
    tracker = DialogueStateTracker.from_events(
        "form-speedups", [ActionExecuted("action_listen"),
                          UserUttered("my back", {"name": "describe_pain", "confidence": 1.0}),
                          *events], slots=domain.slots)
    return domain, tracker


async def _start(agent, monkeypatch, answer, *events, between=None):
    """The form's start as `LoopAction.run` makes it: activation (on a copy with the form's
    ActiveLoop), then `do`'s validation when activation gave nothing."""
    calls = _validator(monkeypatch, answer)
    domain, tracker = _started(agent, *events)
    form = FormAction("triage_form", None)
    channel, nlg = CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses)
    activated = await form._activate_loop(channel, nlg, tracker, domain)
    marked = form_speedups._ACTIVATION in form.__dict__
    if between:
        between(tracker)
    second = await form._validate_if_required(tracker, domain, channel, nlg)
    return activated, marked, second, calls


def _run(loop, coroutine):
    return loop.run_until_complete(coroutine)


BACK = SlotSet("pain_location", "lower back")


def test_nothing_at_activation_and_nothing_new_sends_one_call(agent, loop, monkeypatch):
    activated, marked, second, calls = _run(loop, _start(agent, monkeypatch, [], BACK))
    assert activated == [ActiveLoop("triage_form")] and second == []
    assert calls == [{"pain_location": "lower back"}]  # Rasa: the same again


def test_an_answer_at_activation_leaves_do_to_rasa(agent, loop, monkeypatch):
    answer = [SlotSet("requested_slot", "pain_duration_weeks")]
    activated, marked, _, calls = _run(loop, _start(agent, monkeypatch, answer, BACK))
    assert activated == [ActiveLoop("triage_form")] + answer and not marked
    assert len(calls) == 2  # (`do` itself would not validate again: Rasa's own check)


def test_a_slot_requested_before_the_form_started_is_sent_again(agent, loop, monkeypatch):
    asked = SlotSet("requested_slot", "booking_time")  # the validator saw it, `do`'s call not
    _, marked, _, calls = _run(loop, _start(agent, monkeypatch, [], asked, BACK))
    assert marked and len(calls) == 2


def test_a_candidate_or_slot_that_differs_is_sent(agent, loop, monkeypatch):
    def changed(tracker):  # a value activation's validator was not sent
        tracker.slots["pain_location"].value = "neck"

    _, marked, _, calls = _run(loop, _start(agent, monkeypatch, [], BACK, between=changed))
    assert marked and len(calls) == 2 and calls[1] == {"pain_location": "lower back"}


def test_a_tracker_changed_since_activation_is_sent(agent, loop, monkeypatch):
    def grown(tracker):
        tracker.update(SlotSet("reask", None))

    _, marked, _, calls = _run(loop, _start(agent, monkeypatch, [], BACK, between=grown))
    assert marked and len(calls) == 2


def test_a_form_already_active_is_validated_as_rasa_does(agent, loop, monkeypatch):
    async def resumed():
        calls = _validator(monkeypatch, [])
        domain, tracker = _started(agent, ActiveLoop("triage_form"))
        form = FormAction("triage_form", None)
        activated = tracker.copy()
        activated.update(ActiveLoop("triage_form"))
        setattr(form, form_speedups._ACTIVATION, (activated, len(activated.events)))  # stale
        channel, nlg = CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses)
        try:
            await form._validate_if_required(tracker, domain, channel, nlg)
        except Exception:  # noqa: BLE001 - Rasa's rejection when nothing was extracted
            pass
        return calls

    assert len(_run(loop, resumed())) == 1
