"""The test harness: real processes and the real trained model, shared by every test module.

(A module of its own, not conftest.py: with conftest files in subfolders, `from conftest
import ...` would find whichever was imported first.)
"""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "current.tar.gz"
# Rasa reports errors and usage to its servers unless told not to: patient data stays here.
os.environ["RASA_TELEMETRY_ENABLED"] = "false"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# The servers' own secrets (bot/server_secrets.py), the same for every server a test starts,
# so no test writes into the repository's var/.
for _name, _value in (("RASA_AUTH_TOKEN", "rasa-api-token-for-tests"),
                      ("REST_CHANNEL_TOKEN", "rest-channel-token-for-tests"),
                      ("WEB_SESSION_SECRET", "web-session-secret-for-tests"),
                      ("ACTION_SERVER_TOKEN", "action-server-token-for-tests")):
    os.environ.setdefault(_name, _value)


def rest_headers() -> Dict[str, str]:
    """What the clinic's own integration sends to the REST channel: JSON and its token."""
    return {"Content-Type": "application/json",
            "Authorization": f"Bearer {os.environ['REST_CHANNEL_TOKEN']}"}


def rest_conversation(sender: str) -> str:
    """The stored conversation id of a REST sender (bot/conversation_ids.py)."""
    return f"rest:{sender}"


# The servers the tests start, and the Debian package each comes from. `make test` installs
# them (scripts/system-deps.sh), so one missing is a setup problem: it fails, never skips.
SYSTEM_TOOLS = {
    "chromium": (Path("/usr/bin/chromium"), "chromium"),
    "postgresql": (Path("/usr/lib/postgresql/15/bin/pg_ctl"), "postgresql"),
    "redis": (Path("/usr/bin/redis-server"), "redis-server"),
}


def require(tool: str) -> Path:
    """The path of a system tool the tests need; a missing one fails with how to install it."""
    path, package = SYSTEM_TOOLS[tool]
    if not path.exists():
        pytest.fail(f"{path} is missing: run `bash scripts/system-deps.sh` (make test does), "
                    f"or `apt-get install -y {package}`", pytrace=False)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 90.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f}s")


@contextlib.contextmanager
def running_action_server(log_dir: Path, port: int = 0, **env_overrides: str) -> Iterator[str]:
    """`python -m rasa_sdk` (the action server) as a real process (on a free port by default)."""
    port = port or free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3", **env_overrides)
    log_path = log_dir / f"actions-{port}.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.serve", "actions", "--port", str(port)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            try:
                wait_for(f"http://127.0.0.1:{port}/health")
            except RuntimeError:
                raise RuntimeError("action server did not start:\n"
                                   + log_path.read_text()[-3000:]) from None
            yield f"http://127.0.0.1:{port}/webhook"
        finally:
            process.terminate()
            process.wait(timeout=20)


def endpoints(action_url: str, db_url: str) -> Dict:
    """Rasa's endpoints exactly as `make run` writes them (`python -m bot endpoints`)."""
    import yaml

    from bot.channels.config import endpoints_yaml

    return yaml.safe_load(endpoints_yaml(db_url, actions_url=action_url))


def load_agent(action_url: str, db_url: str):
    """The trained assistant in process (NLU, rules, policies), talking to an action server,
    with the tracker store `make run` uses on the database at db_url."""
    if not MODEL.exists():
        pytest.fail("models/current.tar.gz is missing: run `make train` (make test does)")
    from rasa.core.agent import Agent
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    configure_structlog()  # otherwise every tracker state is printed
    config = endpoints(action_url, db_url)
    return Agent.load(
        str(MODEL),
        action_endpoint=EndpointConfig.from_dict(config["action_endpoint"]),
        tracker_store=TrackerStore.create(EndpointConfig.from_dict(config["tracker_store"])),
        generator=EndpointConfig.from_dict(config["nlg"]),
    )


class Conversation:
    """One patient's chat: send messages, read what the assistant said and the slots."""

    def __init__(self, agent, loop, sender: str):
        self.agent, self.loop, self.sender = agent, loop, sender
        self.replies: List[Dict] = []

    def say(self, text: str) -> str:
        replies = self.loop.run_until_complete(
            self.agent.handle_text(text, sender_id=self.sender)
        ) or []
        self.replies = replies
        return "\n".join(r.get("text", "") for r in replies)

    @property
    def slots(self) -> Dict:
        tracker = self.loop.run_until_complete(
            self.agent.tracker_store.retrieve(self.sender)
        )
        return tracker.current_slot_values()

    def answer_the_screen(self, answer: str = "no, none of those") -> str:
        """Answer the warning-sign screen, then "not sure" to the pain's story questions that
        follow it (asked only when they change the options, bot/story.py): everything the
        assistant said meanwhile."""
        said = [self.say(answer)]
        while self.slots.get("requested_slot") in ("pain_pattern", "prior_injection_relief"):
            said.append(self.say("not sure"))
        return "\n".join(said)

    @property
    def active_form(self):
        tracker = self.loop.run_until_complete(
            self.agent.tracker_store.retrieve(self.sender)
        )
        return tracker.active_loop_name if tracker else None  # None: nothing said yet


def start_rasa(tmp_path, port, action_url, **env_overrides: str):
    """`rasa run` as a real process, REST channel, SQLite tracker store under tmp_path."""
    endpoints_file = tmp_path / "endpoints.yml"
    from bot.channels.config import endpoints_yaml

    endpoints_file.write_text(endpoints_yaml(f"sqlite:///{tmp_path / 'rasa.db'}",
                                             actions_url=action_url))
    env = dict(os.environ, PYTHONPATH=str(ROOT), RASA_TELEMETRY_ENABLED="false",
               **env_overrides)
    log = open(tmp_path / f"rasa-{port}.log", "a")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.serve", "rasa", "--model", "models/current.tar.gz",
         "--endpoints", str(endpoints_file), "--port", str(port), "--interface", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    wait_for(f"http://127.0.0.1:{port}/", timeout=120)
    return process


def say(port, sender, text):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers=rest_headers(),
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return " ".join(m.get("text", "") for m in json.load(response))


@contextlib.contextmanager
def running_make_run(tmp_path: Path, db_url: str, token: str) -> Iterator[Dict[str, int]]:
    """`scripts/run.sh` (what `make run` starts) as it is, on free ports, its files under
    tmp_path/var: the Rasa server with its API token, the action server, the web chat page and
    the staff page under supervisord. Yields the ports; stops them all afterwards (SIGTERM, as
    Ctrl-C or systemd would)."""
    ports = {name: free_port() for name in ("rasa", "actions", "web", "staff")}
    env = dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=db_url, RASA_AUTH_TOKEN=token,
               VAR_DIR=str(tmp_path / "var"), RASA_PORT=str(ports["rasa"]),
               ACTIONS_PORT=str(ports["actions"]), WEB_PORT=str(ports["web"]),
               STAFF_PORT=str(ports["staff"]))
    for name in ("RASA_HOST", "WEB_HOST", "STAFF_HOST", "ACTIONS_HOST"):
        env.pop(name, None)  # the defaults are what is tested
    out = tmp_path / "run.log"
    with open(out, "w") as log:
        process = subprocess.Popen(["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + 180
        while "The assistant is ready." not in out.read_text():
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError("scripts/run.sh did not start:\n" + out.read_text()[-3000:])
            time.sleep(0.5)
        yield ports
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)  # run.sh's trap stops the servers it started
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=10)
