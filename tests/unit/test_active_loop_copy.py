"""The active loop sent with every action-server call is copied as `dataclasses.asdict` copies
it (bot/active_loop_copy.py)."""
from __future__ import annotations

import ast
import dataclasses
import inspect

import numpy as np
import pytest
from rasa.shared.core import trackers
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity, TrackerActiveLoop

from bench.conversations import ASSISTANT_PATHS
from bot import active_loop_copy, rasa_speedups

rasa_speedups.apply()


def _same(got, want):
    """Equal, of the same types all the way down, and no container shared."""
    assert type(got) is type(want)
    if isinstance(want, dict):
        assert list(got) == list(want)
        for key in want:
            _same(got[key], want[key])
    elif isinstance(want, (list, tuple)):
        assert len(got) == len(want)
        for a, b in zip(got, want):
            _same(a, b)
    else:
        assert got == want or (got != got and want != want)


def _no_shared_containers(copy, original):
    if isinstance(original, (dict, list, tuple)) and original:
        assert copy is not original
    if isinstance(original, dict):
        for key in original:
            _no_shared_containers(copy[key], original[key])
    elif isinstance(original, (list, tuple)):
        for a, b in zip(copy, original):
            _no_shared_containers(a, b)


def test_the_tracker_module_uses_dataclasses_only_for_the_active_loop_after_import():
    tree = ast.parse(inspect.getsource(trackers))
    uses = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Name) and n.value.id == "dataclasses"]
    in_functions = {ast.unparse(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                    for n in ast.walk(f) if n in uses}
    assert in_functions == {"dataclasses.asdict"}
    assert isinstance(trackers.dataclasses, active_loop_copy.DataclassesForTrackerState)


PARSE = {"text": "my lower back, 6 months", "intent": {"name": "inform", "confidence": 0.91},
         "entities": [{"entity": "pain_location", "start": 3, "end": 13, "value": "lower back",
                       "extractor": "ClinicalEntityExtractor", "confidence": 1.0}],
         "intent_ranking": [{"name": "inform", "confidence": 0.91},
                            {"name": "greet", "confidence": 1e-17}],
         "language": {"language": "en", "confidence": 0.8}, "message_id": None,
         "metadata": {}, "span": (3, 13), "nested": [[1, 2.5, True, None], ("a", ["b"])],
         "": "", "nan": float("nan")}


@pytest.mark.parametrize("trigger", [
    PARSE, None, {}, {"odd": {1, 2}}, {"np": np.float64(0.5)}, {"sub": [True, 2**70]},
    {1: "int key"}, {("tuple", "key"): 1}, {"deep": [{"a": [{"b": ({"c": 1.5},)}]}]},
])
def test_a_loops_copy_is_what_dataclasses_gives(trigger):
    loop = TrackerActiveLoop("triage_form", True, False, trigger)
    got = trackers.dataclasses.asdict(loop)
    want = dataclasses.asdict(loop)
    _same(got, want)
    _no_shared_containers(got["trigger_message"], trigger)
    got["trigger_message"] = "changed"
    assert loop.trigger_message is trigger


def test_other_dataclasses_and_a_dict_factory_take_dataclasses_own_way():
    loop = TrackerActiveLoop("booking_form", False, True, dict(PARSE))
    pairs = trackers.dataclasses.asdict(loop, dict_factory=list)
    assert pairs == dataclasses.asdict(loop, dict_factory=list)

    @dataclasses.dataclass
    class Other:
        inner: TrackerActiveLoop
    other = Other(loop)
    _same(trackers.dataclasses.asdict(other), dataclasses.asdict(other))
    assert trackers.dataclasses.fields is dataclasses.fields


def test_the_action_calls_active_loop_on_whole_conversations(chat, monkeypatch):
    """Every tracker state a call would send, inside a form, both ways."""
    seen = []
    original = DialogueStateTracker.current_state

    def current_state(self, event_verbosity=EventVerbosity.NONE):
        got = original(self, event_verbosity)
        if self.active_loop:
            want = dataclasses.asdict(self.active_loop)
            _same(got["active_loop"], want)
            _no_shared_containers(got["active_loop"]["trigger_message"],
                                  self.active_loop.trigger_message)
            seen.append(bool(want.get("trigger_message")))
        return got

    monkeypatch.setattr(DialogueStateTracker, "current_state", current_state)
    for path in ASSISTANT_PATHS[:2]:
        conversation = chat()
        for text in path:
            conversation.say(text)
    assert len(seen) > 10 and any(seen)
