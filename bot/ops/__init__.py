"""Running the assistant on one machine: supervisor, start-up checks, backups, health.

Running the assistant on one machine: the process supervisor (`supervise`), the checks
before start-up (`preflight`), backups (`backup`) and the health report (`doctor`)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def var_dir() -> Path:
    """Where the running installation keeps its files (token, generated configs, logs,
    supervisor socket): VAR_DIR, else var/ in the checkout."""
    return Path(os.environ.get("VAR_DIR") or ROOT / "var").resolve()


def model_path() -> Path:
    return (ROOT / os.environ.get("RASA_MODEL", "models/current.tar.gz")).resolve()
