"""Alert fixtures: a real SMTP server (aiosmtpd) and a real HTTP receiver that checks the
webhook's signature with the snippet docs/alerts.md gives the clinic's IT."""
from __future__ import annotations

import email
import email.policy
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Dict, List

import pytest
from aiosmtpd.controller import Controller

from tests.harness import free_port

ROOT = Path(__file__).resolve().parents[2]
WEBHOOK_SECRET = "a-webhook-secret-for-tests-0123456789abcdef"
REFERENCE_KEY = "an-alert-reference-key-for-tests"


def documented_verify() -> Callable[..., bool]:
    """The `verify` function exactly as docs/alerts.md shows it."""
    text = (ROOT / "docs" / "alerts.md").read_text()
    code = next(block for block in re.findall(r"```python\n(.*?)```", text, re.S)
                if "def verify(" in block)
    namespace: Dict = {}
    exec(compile(code, "docs/alerts.md", "exec"), namespace)
    return namespace["verify"]


class SmtpServer:
    """aiosmtpd on a fixed port, so it can be stopped (an outage) and started again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.raw: List[bytes] = []
        self.envelopes: List[List[str]] = []
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        self.raw.append(envelope.original_content or envelope.content)
        self.envelopes.append(list(envelope.rcpt_tos))
        return "250 OK queued"

    @property
    def messages(self) -> List[email.message.EmailMessage]:
        return [email.message_from_bytes(raw, policy=email.policy.default) for raw in self.raw]

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()
        self.controller = None


@pytest.fixture(scope="module")
def smtp():
    server = SmtpServer()
    server.start()
    yield server
    if server.controller is not None:
        server.stop()


@dataclass
class Received:
    headers: Dict[str, str]
    body: bytes
    verified: bool


@dataclass
class WebhookReceiver:
    url: str
    received: List[Received] = field(default_factory=list)

    @property
    def accepted(self) -> List[Dict]:
        return [json.loads(r.body) for r in self.received if r.verified]


@pytest.fixture(scope="module")
def webhook():
    verify = documented_verify()
    port = free_port()
    receiver = WebhookReceiver(url=f"http://127.0.0.1:{port}/clinic-alerts")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            ok = verify(WEBHOOK_SECRET, self.headers.get("X-Alert-Timestamp", ""), body,
                        self.headers.get("X-Alert-Signature", ""))
            receiver.received.append(Received(dict(self.headers), body, ok))
            self.send_response(204 if ok else 401)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield receiver
    server.shutdown()
    server.server_close()


def alert_env(smtp: SmtpServer, webhook: WebhookReceiver, db_url: str) -> Dict[str, str]:
    """The environment `make run` would give the servers, pointing at the test's receivers."""
    return {
        "DB_URL": db_url, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp.port),
        "SMTP_SECURITY": "none", "SMTP_FROM": "assistant@clinic.example",
        "ALERT_WEBHOOK_URL": webhook.url, "ALERT_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STAFF_BASE_URL": "https://staff.clinic.example", "ALERT_REFERENCE_KEY": REFERENCE_KEY,
    }
