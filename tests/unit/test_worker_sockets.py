"""The Rasa server's workers each listen on a socket of their own (bot/worker_manager.py): the
manager only holds the port, and a port already taken still stops the start."""
from __future__ import annotations

import socket

import pytest

from bot import worker_manager


def _listening_reuseport(port: int = 0) -> socket.socket:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(8)
    return sock


def test_the_managers_socket_takes_the_port_but_no_connection():
    holder = worker_manager.port_holder("127.0.0.1", 0)
    port = holder.getsockname()[1]
    try:
        # Nobody listening yet: a client is refused, not queued on the manager's socket.
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=2)
        # A worker's listening socket on the same port (as uvloop binds it with reuse_port)
        # gets the connection.
        worker = _listening_reuseport(port)
        try:
            client = socket.create_connection(("127.0.0.1", port), timeout=2)
            accepted, _ = worker.accept()
            accepted.close()
            client.close()
        finally:
            worker.close()
        # Another program cannot bind the port while the manager holds it.
        other = socket.socket()
        with pytest.raises(OSError):
            other.bind(("127.0.0.1", port))
        other.close()
    finally:
        holder.close()


def test_a_port_already_taken_stops_the_start():
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        with pytest.raises(OSError):
            worker_manager.port_holder("127.0.0.1", taken.getsockname()[1])
    finally:
        taken.close()


def test_the_shared_socket_can_be_asked_for(monkeypatch):
    monkeypatch.delenv("RASA_WORKER_SOCKETS", raising=False)
    assert worker_manager.own_sockets()
    monkeypatch.setenv("RASA_WORKER_SOCKETS", "shared")
    assert not worker_manager.own_sockets()
