"""Sanic's worker manager, with a dead worker started again.

With SANIC_WORKERS > 1, Sanic 21.12 (the one Rasa 3.6 allows) forks the workers from a
manager process and then only waits for them: a worker killed by the out-of-memory killer or
a crash in a native library is gone for good, and the clinic's server, with nobody watching,
runs on fewer cores until someone restarts it. supervisord (bot/ops/supervise.py) restarts
the whole Rasa server only when the manager dies, which it does not.

`serve_multiple` is Sanic's own (sanic/server/runners.py), with two changes. It waits for any
worker to end and, unless the server is stopping, forks a new one in its place. The new worker
loads the model as the first ones did (Rasa's before-start listener) and shares the manager's
imported modules (bot/serve.py share_with_workers); until it answers, the others take every
connection (it listens only once its model is loaded, after Sanic's before-start listeners). A worker that dies within
QUICK_DEATH_SECONDS of its start (a broken model, a database that refuses) is started again
after a pause that doubles each time, up to MAX_PAUSE_SECONDS, so a worker that cannot start
does not spin the machine's cores.

And each worker listens on a socket of its own (SO_REUSEPORT), and the kernel spreads new
connections over them. Sanic's one shared listening socket let whichever worker woke first
accept every connection waiting (libuv accepts until none is left): a burst of clients
connecting at once (50 conversations starting) went mostly to one worker, and a kept-alive
connection stays with the worker that accepted it, so one worker served most conversations
while the other idled (reports/bench-profile-in-process.md, session 17). The manager keeps a
bound, non-listening socket on the port (a port already taken still stops the start at once,
as before) and receives no connection. RASA_WORKER_SOCKETS=shared brings back the shared socket.

Sanic 22.9 and later have a worker manager of their own; Rasa 3.6 pins Sanic below 21.13.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import socket
import time
from multiprocessing.connection import wait
from signal import SIGINT, SIGTERM, Signals
from signal import signal as signal_func
from typing import Dict

logger = logging.getLogger(__name__)

QUICK_DEATH_SECONDS = 30.0
FIRST_PAUSE_SECONDS = 1.0
MAX_PAUSE_SECONDS = 60.0


def serve_multiple(server_settings: Dict, workers: int) -> None:
    """Sanic's `serve_multiple` (same settings, same signals), keeping `workers` alive."""
    from sanic.server.events import trigger_events
    from sanic.server.runners import serve
    from sanic.server.socket import bind_socket, bind_unix_socket, remove_unix_socket

    server_settings["reuse_port"] = True
    server_settings["run_multiple"] = True
    main_start = server_settings.pop("main_start", None)
    main_stop = server_settings.pop("main_stop", None)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    trigger_events(main_start, loop)

    sock = server_settings.get("sock")
    unix = server_settings["unix"]
    backlog = server_settings["backlog"]
    if unix:
        sock = bind_unix_socket(unix, backlog=backlog)
        server_settings["unix"] = unix
    if sock is None and own_sockets():
        # Each worker's serve() binds host:port itself with reuse_port (set above); this one
        # only holds the port.
        sock = port_holder(server_settings["host"], server_settings["port"])
    elif sock is None:
        sock = bind_socket(server_settings["host"], server_settings["port"], backlog=backlog)
        sock.set_inheritable(True)
        server_settings["sock"] = sock
        server_settings["host"] = None
        server_settings["port"] = None

    fork = multiprocessing.get_context("fork")
    processes: Dict[int, "multiprocessing.process.BaseProcess"] = {}  # sentinel -> worker
    started: Dict[int, float] = {}
    stopping = False

    def start_worker() -> None:
        process = fork.Process(target=serve, kwargs=server_settings)
        process.daemon = True
        process.start()
        processes[process.sentinel] = process
        started[process.sentinel] = time.monotonic()

    def stop(signum, _frame) -> None:
        nonlocal stopping
        logger.info("Received signal %s. Shutting down.", Signals(signum).name)
        stopping = True
        for process in list(processes.values()):
            if process.pid and process.is_alive():
                os.kill(process.pid, SIGTERM)

    signal_func(SIGINT, stop)
    signal_func(SIGTERM, stop)
    for _ in range(workers):
        start_worker()

    pause = FIRST_PAUSE_SECONDS
    while processes:
        for sentinel in wait(list(processes)):
            process = processes.pop(sentinel)
            process.join()
            lived = time.monotonic() - started.pop(sentinel)
            if stopping:
                continue
            logger.error("A server worker ended (exit code %s) after %.0f s: starting another.",
                         process.exitcode, lived)
            if lived < QUICK_DEATH_SECONDS:
                time.sleep(pause)  # (a signal during the pause still stops the server)
                pause = min(pause * 2, MAX_PAUSE_SECONDS)
            else:
                pause = FIRST_PAUSE_SECONDS
            if not stopping:
                start_worker()

    trigger_events(main_stop, loop)
    sock.close()
    loop.close()
    remove_unix_socket(unix)


def own_sockets() -> bool:
    """Whether each worker listens on a socket of its own (the default; the module's
    docstring says why)."""
    return os.environ.get("RASA_WORKER_SOCKETS", "own") != "shared" and hasattr(socket, "SO_REUSEPORT")


def port_holder(host: str, port: int) -> socket.socket:
    """A socket bound to host:port with SO_REUSEPORT and not listening: the port is taken
    (another program's bind fails, and so does this one when the port is already in use
    without SO_REUSEPORT), and no connection is ever queued on it."""
    family = socket.AF_INET6 if host and ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host or "0.0.0.0", port))
    except OSError:
        sock.close()
        raise
    return sock


def install() -> None:
    """Sanic's app starts its workers through this module's `serve_multiple` from now on."""
    import sanic.app

    sanic.app.serve_multiple = serve_multiple
