"""A real Rasa server with every channel on, and a local stand-in for the providers' APIs.

`rasa_channels` (session-scoped, made available to all tests by tests/conftest.py) starts:

* `FakeProviders`: one HTTP server on 127.0.0.1 answering the Telegram Bot API, Twilio's REST
  API, the Graph API (Messenger) and Slack's Web API the way they answer, and recording every
  call, so tests assert on what the patient would receive;
* `rasa run` as a subprocess on a free 127.0.0.1 port, with the trained model, the action
  server fixture, a temporary tracker store and the credentials file `python -m bot.channels`
  generates from environment variables pointing each channel's API base URL at the stand-in.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import pytest

from bot.channels.config import endpoints_yaml

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"

TELEGRAM_TOKEN = "123456789:AAtest-token-for-the-local-stand-in"
TELEGRAM_SECRET = "telegram-secret-for-tests"
TWILIO_SID = "AC" + "0" * 32
TWILIO_TOKEN = "twilio-auth-token-for-tests"
TWILIO_NUMBER = "+15550100999"
TWILIO_WHATSAPP = "whatsapp:+15550100888"
FACEBOOK_SECRET = "facebook-app-secret-for-tests"
FACEBOOK_VERIFY = "facebook-verify-token"
SLACK_SECRET = "slack-signing-secret-for-tests"


@dataclass
class Call:
    provider: str        # telegram | twilio | facebook | slack
    method: str          # API method: sendMessage, Messages, me/messages, chat.postMessage ...
    params: Dict[str, Any]
    path: str = ""


class FakeProviders:
    """Telegram, Twilio, Messenger and Slack APIs on one local port, recording each call."""

    def __init__(self) -> None:
        self.calls: List[Call] = []
        # recipient (Telegram chat id, Twilio "To", Messenger recipient id, Slack channel) ->
        # (HTTP status, body): the provider refuses or fails every call for that recipient
        self.failures: Dict[str, Any] = {}
        self._lock = threading.Lock()
        self._ids = iter(range(1, 1_000_000))
        providers = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def _handle(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                params = providers._parse(self.headers.get("Content-Type", ""), body)
                params.update({k: v[-1] for k, v in urllib.parse.parse_qs(url.query).items()})
                status, answer = providers._answer(url.path, params)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @staticmethod
    def _parse(content_type: str, body: bytes) -> Dict[str, Any]:
        if not body:
            return {}
        if "json" in content_type:
            return json.loads(body)
        if "multipart/form-data" in content_type:
            from email.parser import BytesParser
            from email.policy import HTTP

            msg = BytesParser(policy=HTTP).parsebytes(
                b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
            return {part.get_param("name", header="content-disposition"): part.get_content()
                    for part in msg.iter_parts()}
        return {k: v[-1] if len(v) == 1 else v
                for k, v in urllib.parse.parse_qs(body.decode(), keep_blank_values=True).items()}

    def _record(self, provider: str, method: str, params: Dict[str, Any], path: str) -> None:
        with self._lock:
            self.calls.append(Call(provider, method, params, path))

    def _answer(self, path: str, params: Dict[str, Any]):
        n = next(self._ids)
        recipient = str(params.get("chat_id") or params.get("To") or params.get("channel")
                        or (params.get("recipient") or {}).get("id") or "")
        if recipient in self.failures:
            provider = ("telegram" if path.startswith("/bot") else "twilio" if "/Accounts/" in path
                        else "slack" if path.startswith("/api/") else "facebook")
            self._record(provider, path.rsplit("/", 1)[-1].replace("Messages.json", "Messages"),
                         params, path)
            return self.failures[recipient]
        if path.startswith("/bot"):  # Telegram: /bot<token>/<method>
            method = path.rsplit("/", 1)[-1]
            self._record("telegram", method, params, path)
            if method == "getMe":
                result: Any = {"id": 1, "is_bot": True, "first_name": "Clinic", "username": "clinic_bot"}
            elif method in ("sendMessage", "editMessageText"):
                result = {"message_id": n, "date": int(time.time()),
                          "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                          "text": params.get("text", "")}
            else:
                result = True
            return 200, {"ok": True, "result": result}
        if path.startswith("/2010-04-01/Accounts/"):  # Twilio: .../Messages.json
            self._record("twilio", "Messages", params, path)
            return 201, {"sid": f"SM{n:032d}", "account_sid": TWILIO_SID, "to": params.get("To"),
                         "from": params.get("From"), "body": params.get("Body"), "status": "queued",
                         "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01",
                         "uri": f"/2010-04-01/Accounts/{TWILIO_SID}/Messages/SM{n:032d}.json"}
        if path.startswith("/v") and "/me/" in path:  # Graph API: /v21.0/me/messages
            method = path.split("/me/", 1)[1]
            self._record("facebook", method, params, path)
            return 200, {"recipient_id": (params.get("recipient") or {}).get("id"), "message_id": f"m_{n}"}
        if path.startswith("/api/"):  # Slack Web API: /api/chat.postMessage
            method = path[len("/api/"):]
            self._record("slack", method, params, path)
            return 200, {"ok": True, "channel": params.get("channel"), "ts": f"{time.time():.6f}",
                         "message": {"text": params.get("text")}}
        return 404, {"ok": False, "error": "unknown path"}

    # -- for tests ------------------------------------------------------------------------------

    def find(self, provider: str, method: Optional[str] = None,
             where: Optional[Callable[[Call], bool]] = None) -> List[Call]:
        with self._lock:
            calls = list(self.calls)
        return [c for c in calls if c.provider == provider and (method is None or c.method == method)
                and (where is None or where(c))]

    def wait_for(self, provider: str, method: Optional[str] = None,
                 where: Optional[Callable[[Call], bool]] = None, count: int = 1,
                 timeout: float = 20.0) -> List[Call]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = self.find(provider, method, where)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"no {provider} {method or ''} call arrived within {timeout:.0f}s; "
                             f"calls so far: {[(c.provider, c.method) for c in self.find(provider)]}")

    def mark(self) -> int:
        with self._lock:
            return len(self.calls)

    def since(self, mark: int, provider: str, method: Optional[str] = None) -> List[Call]:
        with self._lock:
            calls = self.calls[mark:]
        return [c for c in calls if c.provider == provider and (method is None or c.method == method)]


@dataclass
class RasaChannels:
    url: str
    providers: FakeProviders
    env: Dict[str, str]
    log_path: Path
    credentials: str = ""
    extra: Dict[str, Any] = field(default_factory=dict)

    def webhook(self, channel: str) -> str:
        return f"{self.url}/webhooks/{channel}/webhook"


# -- signing helpers, the way each provider signs -------------------------------------------------

def twilio_signature(url: str, params: Dict[str, str], token: str = TWILIO_TOKEN) -> str:
    data = url + "".join(f"{k}{params[k]}" for k in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def hub_signature_sha1(body: bytes, secret: str = FACEBOOK_SECRET) -> str:
    return "sha1=" + hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


def slack_signature(body: bytes, timestamp: str, secret: str = SLACK_SECRET) -> str:
    base = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, process: subprocess.Popen, log_path: Path, timeout: float = 120.0) -> None:
    import urllib.request

    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("rasa run exited:\n" + log_path.read_text()[-4000:])
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"rasa run did not answer within {timeout:.0f}s:\n" + log_path.read_text()[-4000:])


@pytest.fixture(scope="session")
def rasa_channels(action_server, tmp_path_factory):
    """`rasa run` with REST, web chat, Telegram, Twilio, Messenger and Slack all on."""
    if not MODEL.exists():
        pytest.fail("models/current.tar.gz is missing: run `make train` (make test does)")
    from bot.channels.config import effective_credentials, render

    providers = FakeProviders()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = tmp_path_factory.mktemp("rasa-channels")
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="3",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        TELEGRAM_TOKEN=TELEGRAM_TOKEN,
        TELEGRAM_WEBHOOK_URL="https://clinic.example.org/webhooks/telegram/webhook",
        TELEGRAM_SECRET_TOKEN=TELEGRAM_SECRET,
        TELEGRAM_API_URL=providers.url,
        TWILIO_ACCOUNT_SID=TWILIO_SID,
        TWILIO_AUTH_TOKEN=TWILIO_TOKEN,
        TWILIO_NUMBER=TWILIO_NUMBER,
        TWILIO_WHATSAPP_NUMBER=TWILIO_WHATSAPP,
        TWILIO_API_URL=providers.url,
        FACEBOOK_VERIFY_TOKEN=FACEBOOK_VERIFY,
        FACEBOOK_APP_SECRET=FACEBOOK_SECRET,
        FACEBOOK_PAGE_ACCESS_TOKEN="facebook-page-token",
        FACEBOOK_GRAPH_URL=providers.url,
        SLACK_BOT_TOKEN="xoxb-slack-token-for-tests",
        SLACK_SIGNING_SECRET=SLACK_SECRET,
        SLACK_API_URL=providers.url + "/api/",
    )
    credentials, _ = effective_credentials(env)
    credentials_text = render(credentials)
    (workdir / "credentials.yml").write_text(credentials_text)
    (workdir / "endpoints.yml").write_text(
        endpoints_yaml(f"sqlite:///{workdir / 'rasa.db'}", actions_url=action_server))
    log_path = workdir / "rasa.log"
    log = open(log_path, "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa", "run", "--model", str(MODEL), "--interface", "127.0.0.1",
         "--port", str(port), "--credentials", str(workdir / "credentials.yml"),
         "--endpoints", str(workdir / "endpoints.yml"), "--cors", "*"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        _wait(f"{base}/webhooks/rest/", process, log_path)
        yield RasaChannels(base, providers, env, log_path, credentials_text,
                           extra={"db_url": f"sqlite:///{workdir / 'rasa.db'}"})
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        providers.close()
