"""The server's own secrets: from the environment, else from a file under var/ made on first use.

Each secret has one environment variable and one file name. A value set in the environment
wins (a container's secret store); otherwise the file under ``var/`` (mode 600, in a mode-700
folder) is read, and made with a fresh random value the first time. No secret is ever passed
on a command line, where ``ps`` shows it to every user of the machine.

| secret | environment | file | protects |
|---|---|---|---|
| Rasa's HTTP API | RASA_AUTH_TOKEN | var/api-token | /conversations, /model: every transcript |
| the REST channel | REST_CHANNEL_TOKEN | var/rest-token | the clinic's own integrations' messages |
| web chat sessions | WEB_SESSION_SECRET | var/web-session-secret | signs each browser's reconnect token |
| the action server | ACTION_SERVER_TOKEN | var/action-token | running actions (filing bookings) |
| alert references | ALERT_REFERENCE_KEY | var/alert-reference-key | a conversation alert's reference (bot/alerts) |
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Secret:
    env: str
    file: str


API_TOKEN = Secret("RASA_AUTH_TOKEN", "api-token")
REST_TOKEN = Secret("REST_CHANNEL_TOKEN", "rest-token")
WEB_SESSION_SECRET = Secret("WEB_SESSION_SECRET", "web-session-secret")
ACTION_TOKEN = Secret("ACTION_SERVER_TOKEN", "action-token")
ALERT_REFERENCE_KEY = Secret("ALERT_REFERENCE_KEY", "alert-reference-key")
ALL = (API_TOKEN, REST_TOKEN, WEB_SESSION_SECRET, ACTION_TOKEN, ALERT_REFERENCE_KEY)


def var_dir(env: Optional[Mapping[str, str]] = None) -> Path:
    env = os.environ if env is None else env
    return Path(env.get("VAR_DIR") or ROOT / "var")


def server_secret(secret: Secret, env: Optional[Mapping[str, str]] = None) -> str:
    """The secret's value: the environment's, else var/<file>'s (made on first use)."""
    env = os.environ if env is None else env
    given = (env.get(secret.env) or "").strip()
    if given:
        return given
    folder = var_dir(env)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    path = folder / secret.file
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC, 0o600)
    value = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value


def make_all() -> None:
    """Every secret's file made now (`python -m bot.server_secrets`, run by scripts/run.sh
    before any server starts), so servers starting at once never race to make one."""
    for secret in ALL:
        server_secret(secret)


if __name__ == "__main__":
    make_all()
