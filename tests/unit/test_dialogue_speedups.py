"""Rasa's dialogue work done incrementally gives what Rasa's own code gives, call for call, on
whole conversations of the real model and action server (bot/tracker_state_speedups.py,
rule_lookup_speedup.py, tracker_copy_speedups.py)."""
from __future__ import annotations

import pytest
from rasa.core.actions.forms import FormAction
from rasa.core.policies.rule_policy import RULES, RULES_NOT_IN_STORIES, RulePolicy
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    DefinePrevUserUtteredFeaturization,
    EntitiesAdded,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bench.conversations import ASSISTANT_PATHS
from bot import rasa_speedups, rule_states_tail, tracker_state_speedups

rasa_speedups.apply()

# Conversations beyond the benchmark's: a form interrupted and resumed, a correction, a
# restart half way, Spanish, a red flag inside a form.
MORE_PATHS = [
    ["hi", "my back", "what is a nerve block?", "3 weeks", "ibuprofen", "no", "restart",
     "hola", "me duele la espalda baja", "hace dos meses", "nada", "no"],
    ["hello", "lower back and it goes down my leg", "actually it's my neck", "a year",
     "physio", "I can't feel my saddle area", "yes", "bye"],
]


@pytest.fixture
def checked(monkeypatch):
    """Every call to a replaced function also runs Rasa's own, and the two must agree."""
    calls = {"applied": 0, "states": 0, "keys": 0, "copies": 0, "validations": 0,
             "rewinds": 0, "predictions": 0, "cut": 0}
    ties = []
    fast_applied = DialogueStateTracker.applied_events
    fast_states = Domain.states_for_tracker_history
    fast_keys = RulePolicy._get_possible_keys
    fast_copy = DialogueStateTracker.copy
    fast_temporary = FormAction._temporary_tracker

    def temporary(self, current_tracker, additional_events, domain):
        got = fast_temporary(self, current_tracker, additional_events, domain)
        want = fast_temporary.__wrapped__(self, current_tracker, additional_events, domain)
        # (recorded, not raised: Rasa's processor would catch it and carry on)
        try:  # the requested slot and the form's execution: new events, equal, both ways
            made = len(current_tracker.events_after_latest_restart())
            assert_same_tracker(got, want, inserted=(made, made + 1))
            calls["validations"] += 1
        except AssertionError as error:
            calls.setdefault("wrong", []).append(error)
        return got

    def copy(self):
        got, want = fast_copy(self), fast_copy.__wrapped__(self)
        assert_same_tracker(got, want)
        calls["copies"] += 1
        return got

    def applied_events(self):
        got = fast_applied(self)
        want = fast_applied.__wrapped__(self)
        assert len(got) == len(want) and all(a is b for a, b in zip(got, want))
        calls["applied"] += 1
        return got

    def states(self, tracker, omit_unset_slots=False, ignore_rule_only_turns=False,
               rule_only_data=None):
        args = (tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        got = fast_states(self, *args)
        want = fast_states.__wrapped__(self, *args)
        wanted = rule_states_tail.wanted()  # during RulePolicy's prediction: its last states
        assert got == (want if wanted is None else want[-wanted:])
        calls["states"] += 1
        calls["cut"] += len(got) < len(want)
        return got

    def keys(self, lookup, states):
        got = fast_keys(self, lookup, states)
        assert got == fast_keys.__wrapped__(self, lookup, states)
        longest = [k for k in got if len(k) == max(map(len, got))]
        if len({lookup[k] for k in longest}) > 1:
            ties.append(longest)  # Rasa would pick one by the set's order
        calls["keys"] += 1
        return got

    fast_predict, all_states = RulePolicy._predict, RulePolicy._prediction_states.__wrapped__

    def predict(self, tracker, domain):
        """RulePolicy's prediction from its last states is the one from every state."""
        got, got_source = fast_predict(self, tracker, domain)
        with pytest.MonkeyPatch.context() as every_state:
            every_state.setattr(RulePolicy, "_prediction_states", all_states)
            want, want_source = fast_predict(self, tracker, domain)
        assert (got.probabilities, got.events, got.hide_rule_turn, got.is_end_to_end_prediction,
                got.is_no_user_prediction) == (want.probabilities, want.events, want.hide_rule_turn,
                                               want.is_end_to_end_prediction,
                                               want.is_no_user_prediction)
        assert got_source == want_source or not ({got_source, want_source} & set(
            self.lookup[RULES_NOT_IN_STORIES]) or got_source in self.lookup[RULES])
        calls["predictions"] += 1
        return got, got_source

    rewind = tracker_state_speedups._Replay.rewind

    def rewound(self, applied):
        done = rewind(self, applied)
        calls["rewinds"] += done
        return done

    monkeypatch.setattr(tracker_state_speedups._Replay, "rewind", rewound)
    monkeypatch.setattr(DialogueStateTracker, "applied_events", applied_events)
    monkeypatch.setattr(Domain, "states_for_tracker_history", states)
    monkeypatch.setattr(RulePolicy, "_get_possible_keys", keys)
    monkeypatch.setattr(DialogueStateTracker, "copy", copy)
    monkeypatch.setattr(FormAction, "_temporary_tracker", temporary)
    monkeypatch.setattr(RulePolicy, "_predict", predict)
    return calls, ties


@pytest.mark.parametrize("path", ASSISTANT_PATHS + MORE_PATHS)
def test_whole_conversations_predict_from_the_same_states_as_rasas_own_code(chat, checked, path):
    calls, ties = checked
    conversation = chat()
    for text in path:
        conversation.say(text)
    assert calls["applied"] > len(path) and calls["states"] > len(path) and calls["keys"] > 0
    assert calls["copies"] > len(path) / 2
    assert calls["validations"] > 0 and not calls.get("wrong")  # every path fills a form
    # a form's later turn folds its previous turn away: the states' replay goes back to the
    # form's last execution (compared above with Rasa's replay from the start)
    assert calls["rewinds"] > 0
    assert ties == []
    assert calls["predictions"] > len(path)  # RulePolicy predicts the same from its last states
    assert calls["cut"] > 0  # and the session was longer than those


def assert_same_tracker(got, want, inserted=()):
    """Everything a tracker holds: the same events (the same objects; equal ones at the
    `inserted` places, made anew by each way), slots, and state."""
    mine = {k: v for k, v in got.__dict__.items() if not k.startswith("_speedups")}
    assert set(mine) == {k for k in want.__dict__ if not k.startswith("_speedups")}
    assert list(got.events) == list(want.events)
    assert all(a is b or (i in inserted and type(a) is type(b) and a == b)
               for i, (a, b) in enumerate(zip(got.events, want.events)))
    assert got.events.maxlen == want.events.maxlen
    assert list(got.slots) == list(want.slots)
    for name, slot in got.slots.items():
        assert type(slot) is type(want.slots[name])
        assert slot.__dict__ == want.slots[name].__dict__
        assert slot is not want.slots[name]
    for key in mine:
        if key not in ("events", "slots"):
            assert mine[key] == want.__dict__[key], key
    assert got.latest_message is want.latest_message
    mine, theirs = got.current_state(), want.current_state()
    if len(got.events) - 1 in inserted:  # the latest event made anew: its time differs
        assert abs(mine.pop("latest_event_time") - theirs.pop("latest_event_time")) < 1
    assert mine == theirs


def _tracker(domain, events):
    tracker = DialogueStateTracker.from_events("t", events, slots=domain.slots)
    return tracker


def test_a_user_message_changed_after_it_was_applied_is_read_afresh(agent):
    domain = agent.domain
    message = UserUttered("my back", {"name": "inform", "confidence": 0.9},
                          [{"entity": "location", "value": "back"}])
    tracker = _tracker(domain, [ActionExecuted("action_listen"), message])
    first = domain.states_for_tracker_history(tracker)
    # What the processor does after the first prediction, and a later entity.
    tracker.update(DefinePrevUserUtteredFeaturization(False))
    tracker.update(EntitiesAdded([{"entity": "duration", "value": "3 weeks"}]))
    again = domain.states_for_tracker_history(tracker)
    assert again == Domain.states_for_tracker_history.__wrapped__(domain, tracker)
    assert again != first
    # the states handed out are new: changing them changes nothing kept
    again[-1].clear()
    assert domain.states_for_tracker_history(tracker) == (
        Domain.states_for_tracker_history.__wrapped__(domain, tracker))
    assert_same_tracker(tracker.copy(), DialogueStateTracker.copy.__wrapped__(tracker))


def test_reverted_and_restarted_sessions_are_folded_as_rasa_folds_them(agent):
    domain = agent.domain
    tracker = _tracker(domain, [ActionExecuted("action_listen"),
                                UserUttered("hi", {"name": "greet", "confidence": 1.0})])
    steps = [ActionExecuted("utter_greet"), ActionExecuted("action_listen"),
             UserUttered("no", {"name": "deny", "confidence": 1.0}), UserUtteranceReverted(),
             ActionExecuted("triage_form"), ActiveLoop("triage_form"),
             SlotSet("requested_slot", "pain_location"), ActionExecuted("action_listen"),
             UserUttered("back", {"name": "inform", "confidence": 1.0}),
             ActionExecuted("triage_form"), SlotSet("pain_location", "lower back"),
             ActiveLoop(None)]
    for event in steps:
        tracker.update(event)
        fast = tracker.applied_events()
        assert fast == DialogueStateTracker.applied_events.__wrapped__(tracker)
        assert domain.states_for_tracker_history(tracker) == (
            Domain.states_for_tracker_history.__wrapped__(domain, tracker))
        assert_same_tracker(tracker.copy(), DialogueStateTracker.copy.__wrapped__(tracker))
    # a copy is a tracker of its own
    before = tracker.current_state()
    copied = tracker.copy()
    copied.update(SlotSet("requested_slot", "duration"))
    copied.latest_action["action_name"] = "changed"
    assert tracker.current_state() == before
    assert_same_tracker(tracker.copy(), DialogueStateTracker.copy.__wrapped__(tracker))
    # events replaced (not appended): everything recomputed
    tracker.events.clear()
    tracker.events.extend(steps[:3])
    assert tracker.applied_events() == DialogueStateTracker.applied_events.__wrapped__(tracker)
    assert domain.states_for_tracker_history(tracker) == (
        Domain.states_for_tracker_history.__wrapped__(domain, tracker))
    assert_same_tracker(tracker.copy(), DialogueStateTracker.copy.__wrapped__(tracker))


def _rule_policy(agent) -> RulePolicy:
    nodes = agent.processor.graph_runner._instantiated_nodes
    return next(node._component for node in nodes.values()
                if type(node._component) is RulePolicy)


def _variants(state):
    """A rule's state as a conversation may hold it, and near misses of it: another intent,
    the text instead of the intent, no user part, no previous action, another previous
    action, another active loop."""
    import copy

    yield state
    for change in ("intent", "text", "no user", "no action", "action", "loop"):
        other = copy.deepcopy(state)
        user = other.get("user") or {}
        if change == "intent":
            other["user"] = {**user, "intent": "deny" if user.get("intent") != "deny" else "affirm"}
        elif change == "text":
            other["user"] = {"text": "some words"}
        elif change == "no user":
            other.pop("user", None)
        elif change == "no action":
            other.pop("prev_action", None)
        elif change == "action":
            other["prev_action"] = {"action_name": "action_listen"
                                    if (state.get("prev_action") or {}).get("action_name")
                                    != "action_listen" else "utter_greet"}
        else:
            other["active_loop"] = {"name": "booking_form"}
        yield other


def test_the_rule_lookup_finds_what_rasas_finds_for_every_rule_and_near_misses(agent):
    """Every rule of the trained model (rules and loops' unhappy paths) as the end of a
    conversation, with its states' near misses (another intent, text instead, no previous
    action: a conversation's first state, where Rasa compares no intent), and a rule's states
    behind other states: the indexed lookup gives the same rules as Rasa's loop over all."""
    from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH

    policy = _rule_policy(agent)
    fast, rasas = RulePolicy._get_possible_keys, RulePolicy._get_possible_keys.__wrapped__
    compared, found = 0, 0
    for table in (RULES, RULES_FOR_LOOP_UNHAPPY_PATH):
        lookup = policy.lookup[table]
        assert len(lookup) > 10
        for key in lookup:
            states = policy._rule_key_to_state(key)
            for variant in _variants(states[-1]):
                for before in ([], states[:-1], [{}] + states[:-1]):
                    conversation = [dict(s) for s in before] + [variant]
                    got = fast(policy, lookup, conversation)
                    assert got == rasas(policy, lookup, conversation), (key, conversation)
                    compared, found = compared + 1, found + bool(got)
    assert fast(policy, policy.lookup[RULES], []) == set(policy.lookup[RULES])
    assert compared > 500 and found > compared / 4


def test_the_rule_lookup_at_a_conversations_first_state_compares_no_intent(agent):
    """At a conversation's first state (no previous action) Rasa takes any rule that starts
    a conversation, whatever intent it names; later, only the rule's own intent."""
    import json

    policy = _rule_policy(agent)
    rules = [[{"user": {"intent": "greet"}}],
             [{"user": {"intent": "greet"}, "prev_action": {"action_name": "action_listen"}}],
             [{}, {"user": {"intent": "deny"}, "prev_action": {"action_name": "action_listen"}}],
             [{"user": {"intent": "SHOULD_NOT_BE_SET"}}]]
    lookup = {json.dumps(states): "utter_greet" for states in rules}
    fast, rasas = RulePolicy._get_possible_keys, RulePolicy._get_possible_keys.__wrapped__
    for conversation in ([{"user": {"intent": "deny"}}], [{"user": {"text": "hi"}}],
                         [{"user": {"intent": "deny"}, "prev_action": {
                             "action_name": "action_listen"}}],
                         [{}, {"user": {"intent": "greet"}, "prev_action": {
                             "action_name": "action_listen"}}]):
        got = fast(policy, lookup, conversation)
        assert got == rasas(policy, lookup, conversation) and got


def test_a_copys_copy_goes_on_from_the_replay_it_was_copied_from(agent, monkeypatch):
    """The processor's copy for an action, copied again by a form for each validation,
    continues the live tracker's replay (no replay from the start) and gives Rasa's copy,
    also after the live tracker went further or the copy was changed."""
    domain = agent.domain
    tracker = _tracker(domain, [ActionExecuted("action_listen"),
                                UserUttered("my back", {"name": "inform", "confidence": 0.9}),
                                ActionExecuted("triage_form"), ActiveLoop("triage_form"),
                                SlotSet("pain_location", "lower back")])
    handed_out = tracker.copy()
    starts = []
    original_init_copy = DialogueStateTracker.init_copy
    monkeypatch.setattr(DialogueStateTracker, "init_copy",
                        lambda self: starts.append(self) or original_init_copy(self))
    # the copy as the processor changes it (the prediction's events), then copied again
    handed_out.update(SlotSet("language", "en"))
    again = handed_out.copy()
    assert starts == []
    assert_same_tracker(again, DialogueStateTracker.copy.__wrapped__(handed_out))
    # the live tracker goes on (its replay too) while an old copy is still around
    tracker.update(SlotSet("pain_duration", "3 weeks"))
    newer = tracker.copy()
    assert_same_tracker(newer, DialogueStateTracker.copy.__wrapped__(tracker))
    stale = handed_out.copy()  # its events are no longer the replay's first ones
    assert_same_tracker(stale, DialogueStateTracker.copy.__wrapped__(handed_out))
    # a copy of a copy whose events the live replay also has, a copy changed outside events
    twin = newer.copy()
    assert_same_tracker(twin, DialogueStateTracker.copy.__wrapped__(newer))
    newer.slots["pain_location"].value = "neck"  # not an event: a replay does not see it
    assert_same_tracker(newer.copy(), DialogueStateTracker.copy.__wrapped__(newer))
    assert_same_tracker(tracker.copy(), DialogueStateTracker.copy.__wrapped__(tracker))
