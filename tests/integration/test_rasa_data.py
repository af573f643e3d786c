"""Rasa's own checks of the training data, and the test stories for each path."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RASA = [sys.executable, "-m", "rasa"]
ENV = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")


def run(args, tmp_path):
    return subprocess.run(RASA + args, cwd=ROOT, env=ENV, capture_output=True, text=True,
                          timeout=600)


def test_rasa_data_validate_finds_no_inconsistency(tmp_path):
    result = run(["data", "validate", "--domain", "domain.yml", "--data", "data",
                  "--config", "config.yml"], tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_every_test_story_passes(tmp_path):
    out = tmp_path / "results"
    result = run(["test", "core", "--model", "models/current.tar.gz",
                  "--stories", "tests/integration/test_stories.yml", "--out", str(out),
                  "--fail-on-prediction-errors"], tmp_path)
    failed = out / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, details[-4000:] or result.stderr[-3000:]
