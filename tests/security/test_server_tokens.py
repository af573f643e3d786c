"""The launchers of bot/serve.py, as real processes: the action server refuses calls without
the shared token, `bot.serve rasa` refuses a token on its command line, and neither token
is in any server's command line or in the supervisor's config."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.harness import free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]
ACTION_TOKEN = "action-token-for-this-test-only"


def _post(url: str, body: dict) -> tuple:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def action_server(tmp_path_factory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("actions") / "actions.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT), ACTION_SERVER_TOKEN=ACTION_TOKEN,
               VAR_DIR=str(log_path.parent / "var"))
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot.serve", "actions",
                                    "--port", str(port)], cwd=ROOT, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for(f"http://127.0.0.1:{port}/health", timeout=120)
        except RuntimeError:
            process.terminate()
            raise RuntimeError("action server did not start:\n" + log_path.read_text()[-3000:])
        yield {"url": f"http://127.0.0.1:{port}", "pid": process.pid}
        process.terminate()
        process.wait(timeout=30)


CALL = {"next_action": "action_no_such_thing", "sender_id": "web:someone", "version": "3.6.21",
        "tracker": {"sender_id": "web:someone", "slots": {}, "events": [],
                    "latest_message": {}, "paused": False, "followup_action": None,
                    "active_loop": {}, "latest_action_name": None},
        "domain": {}}


@pytest.mark.parametrize("query", ["", "?token=", "?token=guessed-token"])
def test_the_action_server_refuses_a_call_without_the_shared_token(action_server, query):
    status, body = _post(action_server["url"] + "/webhook" + query, CALL)
    assert status == 401 and "token" in body and "action_no_such_thing" not in body


def test_the_action_server_answers_the_rasa_server_that_has_the_token(action_server):
    status, body = _post(f"{action_server['url']}/webhook?token={ACTION_TOKEN}", CALL)
    # Past the guard: rasa_sdk itself answers (this action does not exist).
    assert status == 404 and "action_no_such_thing" in body


def test_the_action_token_is_not_on_the_action_servers_command_line(action_server):
    cmdline = Path(f"/proc/{action_server['pid']}/cmdline").read_bytes()
    assert b"bot.serve" in cmdline and ACTION_TOKEN.encode() not in cmdline


@pytest.mark.parametrize("argument", [["--auth-token", "typed-token"], ["--auth-token=typed-token"]])
def test_bot_serve_rasa_refuses_a_token_on_its_command_line(argument):
    done = subprocess.run([sys.executable, "-m", "bot.serve", "rasa", "--enable-api", *argument],
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "not from the command line" in done.stderr and "Traceback" not in done.stderr


def test_the_supervisors_config_names_no_secret(tmp_path):
    secrets = {"RASA_AUTH_TOKEN": "api-token-sentinel-1", "ACTION_SERVER_TOKEN": "action-sentinel-2",
               "REST_CHANNEL_TOKEN": "rest-sentinel-3", "WEB_SESSION_SECRET": "web-sentinel-4"}
    done = subprocess.run([sys.executable, "-m", "bot.ops.supervise", "--print-config"], cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), VAR_DIR=str(tmp_path),
                                   **secrets),
                          capture_output=True, text=True, timeout=120, check=True)
    assert "-m bot.serve rasa" in done.stdout and "-m bot.serve actions" in done.stdout
    assert "auth-token" not in done.stdout
    assert not [name for name, value in secrets.items() if value in done.stdout]


@pytest.mark.parametrize("token", ["-starts-with-a-dash", "--two-dashes", "-", "plain_token-1"])
def test_rasa_run_reads_any_api_token_bot_serve_hands_it(token):
    # A token from var/api-token is URL-safe base64, which begins with '-' one time in 64:
    # passed as a separate argument, Rasa's parser took it for an option and `rasa run`
    # exited (2) at every start. Rasa's own parser must read back exactly the token.
    from rasa.__main__ import create_argument_parser

    from bot.serve import rasa_argv

    argv = rasa_argv(["--enable-api", "--port", "5005"], token)
    assert argv[:2] == ["rasa", "run"]
    parsed = create_argument_parser().parse_args(argv[1:])
    assert parsed.auth_token == token and parsed.enable_api and parsed.port == 5005
