"""bot/preloaded_model.py: the model the Rasa server's manager loads before forking is what a
worker's MessageProcessor gets for that same file; another file is loaded afresh."""
from __future__ import annotations

import shutil

import pytest
from rasa.core.processor import MessageProcessor

from bot import preloaded_model
from tests.harness import MODEL


@pytest.fixture
def restored(monkeypatch):
    # preload() replaces the staticmethod; monkeypatch puts Rasa's back after the test.
    monkeypatch.setattr(MessageProcessor, "_load_model", MessageProcessor.__dict__["_load_model"])


def test_a_worker_gets_the_preloaded_model_and_another_file_is_loaded_afresh(restored, tmp_path):
    assert preloaded_model.preload(str(MODEL)) is True
    first = MessageProcessor._load_model(str(MODEL))
    assert MessageProcessor._load_model(MODEL) is first  # the same object: nothing reloaded
    name, metadata, runner = first
    assert name == MODEL.name and metadata.assistant_id == "spine-pain-triage"

    retrained = tmp_path / "retrained.tar.gz"
    shutil.copy(MODEL, retrained)
    other = MessageProcessor._load_model(str(retrained))
    assert other is not first and other[2] is not runner and other[0] == "retrained.tar.gz"


def test_no_model_there_changes_nothing(restored, tmp_path):
    rasas = MessageProcessor.__dict__["_load_model"]
    assert preloaded_model.preload(str(tmp_path / "missing.tar.gz")) is False
    assert preloaded_model.preload(str(tmp_path)) is False  # a folder with no model
    assert MessageProcessor.__dict__["_load_model"] is rasas


@pytest.mark.parametrize("args, expected", [
    (["--model", "models/x.tar.gz", "--port", "5005"], "models/x.tar.gz"),
    (["-m", "elsewhere"], "elsewhere"),
    (["--model=models/y.tar.gz"], "models/y.tar.gz"),
    (["--enable-api"], "models"),  # rasa run's default folder
])
def test_the_model_rasa_run_is_given(args, expected):
    assert preloaded_model.model_argument(args) == expected
