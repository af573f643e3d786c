"""bot/deferred_imports.py in a fresh interpreter, as `python -m bot.serve rasa` uses it: the
real model loads and answers with neither TensorFlow nor matplotlib imported, and a deferred
class used for real still works (its module, and TensorFlow, imported then)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.harness import MODEL, ROOT

SCRIPT = r"""
import asyncio, json, sys
from bot import deferred_imports
deferred_imports.install()
import rasa.server
from rasa.core.agent import Agent

seen = {}
agent = Agent.load(sys.argv[1])
parsed = asyncio.run(agent.parse_message("my lower back has hurt for 6 weeks"))
seen["intent"] = parsed["intent"]["name"]
seen["entities"] = sorted(e["entity"] for e in parsed["entities"])
seen["tensorflow_after_load"] = "tensorflow" in sys.modules
seen["matplotlib_after_load"] = "matplotlib" in sys.modules

from rasa.nlu.classifiers.diet_classifier import DIETClassifier
import rasa.utils.plotting as plotting
seen["stand_in"] = type(DIETClassifier).__name__
seen["isinstance_before"] = isinstance(object(), DIETClassifier)
try:
    plotting.no_such_name
except AttributeError:
    seen["unknown_name"] = "AttributeError"
seen["tensorflow_after_probes"] = "tensorflow" in sys.modules

config = DIETClassifier.get_default_config()  # used for real: the real class answers
seen["real_config_epochs"] = config["epochs"]
seen["tensorflow_after_use"] = "tensorflow" in sys.modules
from rasa.nlu.classifiers import diet_classifier as real
seen["real_module"] = type(sys.modules["rasa.nlu.classifiers.diet_classifier"]).__name__
seen["issubclass_real"] = issubclass(real.DIETClassifier, DIETClassifier)

class Mine(DIETClassifier):
    pass
seen["subclass_bases"] = [b.__module__ + "." + b.__name__ for b in Mine.__mro__[1:2]]
seen["subclass_is_real"] = issubclass(Mine, real.DIETClassifier)
seen["plotting_function"] = callable(plotting.plot_paired_histogram)
print("RESULT " + json.dumps(seen))
"""


@pytest.fixture(scope="module")
def seen():
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(MODEL)], cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                          text=True, timeout=600)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT "):])


def test_the_model_loads_and_reads_a_message_without_tensorflow_or_matplotlib(seen):
    assert seen["intent"] == "inform" and {"pain_location", "duration"} <= set(seen["entities"])
    assert seen["tensorflow_after_load"] is False
    assert seen["matplotlib_after_load"] is False


def test_looking_at_a_deferred_class_or_module_does_not_import_it(seen):
    assert seen["stand_in"] == "StandInClass"
    assert seen["isinstance_before"] is False
    assert seen["unknown_name"] == "AttributeError"  # (skops scans every module for names)
    assert seen["tensorflow_after_probes"] is False


def test_a_deferred_class_used_for_real_is_the_real_one(seen):
    assert seen["real_config_epochs"] == 300  # DIETClassifier's own default
    assert seen["tensorflow_after_use"] is True
    assert seen["real_module"] == "module"
    assert seen["issubclass_real"] is True
    assert seen["subclass_bases"] == ["rasa.nlu.classifiers.diet_classifier.DIETClassifier"]
    assert seen["subclass_is_real"] is True
    assert seen["plotting_function"] is True
