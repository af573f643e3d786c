"""A clinic's mistake in clinic.yml stops the action server at start-up, with a clear reason."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_actions_with(clinic_file: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), CLINIC_CONFIG=str(clinic_file),
               TF_CPP_MIN_LOG_LEVEL="3")
    return subprocess.run([sys.executable, "-m", "rasa_sdk", "--actions", "actions",
                           "--port", "0"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_missing_field_stops_start_up_naming_the_file_and_field(tmp_path):
    broken = tmp_path / "clinic.yml"
    text = (ROOT / "clinic.yml").read_text()
    broken.write_text("\n".join(line for line in text.splitlines()
                                 if not line.startswith("emergency_number")))
    result = start_actions_with(broken)
    assert result.returncode != 0
    assert f"{broken}: field 'emergency_number'" in result.stdout + result.stderr


def test_a_malformed_time_stops_start_up(tmp_path):
    broken = tmp_path / "clinic.yml"
    broken.write_text((ROOT / "clinic.yml").read_text().replace('mon: "08:00-17:00"', 'mon: "8 o clock"'))
    result = start_actions_with(broken)
    assert result.returncode != 0
    assert "opening_hours" in result.stdout + result.stderr
