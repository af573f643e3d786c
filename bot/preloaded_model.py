"""The model loaded once by the Rasa server's manager process, shared by the workers it forks.

With SANIC_WORKERS > 1, each worker Sanic forks loads the model itself when it starts (Rasa's
before-start listener -> Agent -> MessageProcessor._load_model): the spaCy pipelines, the
vectorizers, the classifier and the clinical vocabularies are then built once per worker, in
pages of its own. `preload()` (called by `python -m bot.serve rasa` in the manager, before the
fork) loads the model there instead and lets `MessageProcessor._load_model` hand the workers
that loaded model while the model file is the same one (path, size and modification time):
its pages are shared copy-on-write, and the garbage collector's objects are frozen before
each fork (bot/serve.py), so a collection in a worker does not copy them. A model file
replaced since (a retrain, `PUT /model`) is loaded afresh, as Rasa would.

Rasa's unpacked model directory is temporary and deleted once the components are loaded, so
nothing on disk is shared. What a worker gets is exactly what `_load_model` returns.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, List, Optional, Tuple, Union

Fingerprint = Tuple[str, int, int]


def model_argument(args: List[str]) -> str:
    """The model `rasa run` is given (`--model`/`-m`), else Rasa's default folder."""
    from rasa.shared.constants import DEFAULT_MODELS_PATH

    for i, arg in enumerate(args):
        if arg in ("--model", "-m") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--model="):
            return arg.split("=", 1)[1]
    return DEFAULT_MODELS_PATH


def model_file(model_path: Union[str, Path]) -> Optional[str]:
    """The archive Rasa would load for `model_path` (a file, or the latest in a folder)."""
    from rasa.model import get_latest_model

    if os.path.isfile(model_path):
        return str(model_path)
    try:
        return get_latest_model(model_path)
    except TypeError:
        return None


def fingerprint(model_path: Union[str, Path]) -> Optional[Fingerprint]:
    """Which model file `model_path` names now; None when none (Rasa then says why)."""
    try:
        path = model_file(model_path)
        if path is None:
            return None
        stat = os.stat(path)
    except (TypeError, OSError):
        return None
    return os.path.realpath(path), stat.st_size, stat.st_mtime_ns


def preload(model_path: Union[str, Path]) -> bool:
    """Load the model now and serve it to every later `_load_model` of the same file; False
    (nothing changed) when there is no model there yet: the workers then fail as before."""
    from rasa.core.processor import MessageProcessor

    loaded_from = fingerprint(model_path)
    if loaded_from is None:
        return False
    rasas_load = MessageProcessor.__dict__["_load_model"].__func__
    loaded = rasas_load(model_path)

    def _load_model(path: Union[str, Path]) -> Tuple[str, Any, Any]:
        if fingerprint(path) == loaded_from:
            return loaded
        return rasas_load(path)

    MessageProcessor._load_model = staticmethod(_load_model)
    return True
