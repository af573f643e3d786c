"""The action server keeps a connection it accepted open until the Rasa server sends its call.

Under a burst of conversations a Rasa worker can take seconds between connecting to the action
server and writing its request (its event loop is busy with other patients' messages). The
action server closed such connections after 5 s (Sanic's keep-alive timeout also covers a new
connection), and Rasa then lost that action's events ("Cannot write to closing transport"):
bot/serve.py, ACCEPTED_CONNECTION_WAIT_S."""
from __future__ import annotations

import socket
import time

from tests.harness import running_action_server

SANIC_DEFAULT_KEEP_ALIVE_S = 5


def test_a_call_written_seconds_after_connecting_is_still_answered(tmp_path):
    with running_action_server(tmp_path) as webhook:
        host, port = webhook.split("//", 1)[1].split("/", 1)[0].split(":")
        with socket.create_connection((host, int(port)), timeout=30) as connection:
            # A Rasa worker busy with other conversations: connected, not yet written.
            time.sleep(SANIC_DEFAULT_KEEP_ALIVE_S + 2)
            connection.sendall(b"GET /health HTTP/1.1\r\nHost: actions\r\n"
                               b"Connection: close\r\n\r\n")
            answer = b""
            while chunk := connection.recv(4096):
                answer += chunk

    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
