"""Web chat sessions on a Rasa server with several workers, while REST keeps them busy.

    PYTHONPATH=. nice -n 10 .venv/bin/python scripts/measure_webchat_workers.py [--sessions 30]

Starts the action server and `python -m bot.serve rasa` with SANIC_WORKERS=2 on a new SQLite
database (as `make run` does on 2 cores), keeps both workers busy with REST patients, and
opens N socket.io sessions at once over each transport: long-polling only (the widget's
fallback), and websocket (what web/widget.js tries first). Each session asks for
its conversation and sends three messages, each waited for until answered. Engine.IO keeps a
session in the memory of the worker that opened it: a long-polling request the kernel hands
to the other worker is refused ("Invalid session"), and the session breaks. Reported: the
sessions that broke and the messages left unanswered. Not a test (its figures depend on the
machine's load); reports/workers-19.md has its results.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import socketio

from bot.channels.config import endpoints_yaml
from tests.harness import ROOT, free_port, running_action_server, wait_for
from tests.integration.test_scale_out import post

MESSAGES = ["hello", "my lower back", "about 6 months"]


async def one_session(url: str, transports, answered: list, broken: list) -> None:
    client = socketio.AsyncClient(reconnection=False)
    confirmed, turn_done = asyncio.Event(), asyncio.Event()
    client.on("session_confirm", lambda _data: confirmed.set())
    client.on("bot_turn_done", lambda _data: turn_done.set())
    lost = []
    client.on("disconnect", lambda: lost.append(True))
    try:
        await client.connect(url, transports=transports, socketio_path="/socket.io")
        await client.emit("session_request", {"session_token": None})
        await asyncio.wait_for(confirmed.wait(), 60)
        for text in MESSAGES:
            turn_done.clear()
            await client.emit("user_uttered", {"message": text})
            await asyncio.wait_for(turn_done.wait(), 60)
            answered.append(text)
    except Exception as error:  # noqa: BLE001 - a broken session is what is counted
        lost.append(True)
        if not broken:
            print(f"  (first broken session: {error!r})", flush=True)
    finally:
        if lost:
            broken.append(True)
        await client.disconnect()


async def one_websocket_session(url: str, _transports, answered: list, broken: list) -> None:
    """The same over a websocket, speaking Engine.IO 4 / Socket.IO 5 itself: python-engineio
    4.15's websocket client needs a newer aiohttp than Rasa 3.6 allows (ClientWSTimeout)."""
    import json

    import websockets

    ws_url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"

    async def until(connection, event: str) -> None:
        while True:
            frame = await asyncio.wait_for(connection.recv(), 60)
            if frame == "2":  # Engine.IO ping
                await connection.send("3")
            elif frame.startswith("42") and json.loads(frame[2:])[0] == event:
                return

    try:
        async with websockets.connect(ws_url, max_size=None) as connection:
            await connection.recv()  # Engine.IO open
            await connection.send("40")
            await connection.recv()  # Socket.IO connect
            await connection.send('42["session_request",{"session_token":null}]')
            await until(connection, "session_confirm")
            for text in MESSAGES:
                await connection.send("42" + json.dumps(["user_uttered", {"message": text}]))
                await until(connection, "bot_turn_done")
                answered.append(text)
    except Exception as error:  # noqa: BLE001 - a broken session is what is counted
        if not broken:
            print(f"  (first broken session: {error!r})", flush=True)
        broken.append(True)


def measure(url: str, sessions: int, transports) -> tuple:
    answered, broken = [], []
    session = one_websocket_session if transports == ["websocket"] else one_session

    async def all_sessions() -> None:
        await asyncio.gather(*(session(url, transports, answered, broken)
                               for _ in range(sessions)))

    asyncio.run(all_sessions())
    return len(broken), sessions * len(MESSAGES) - len(answered)


def rest_load(url: str, stop: threading.Event) -> None:
    n = 0
    while not stop.is_set():
        n += 1
        for text in MESSAGES:
            try:
                post(url, f"load-{threading.get_ident()}-{n}", text)
            except OSError:
                pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="webchat-workers-"))
    os.environ.update(VAR_DIR=str(tmp), REST_CHANNEL_TOKEN="measure-token")
    db_url = f"sqlite:///{tmp / 'clinic.db'}"
    subprocess.run([sys.executable, "-m", "bot.channels", "--out", str(tmp / "credentials.yml"),
                    "--quiet"], cwd=ROOT, check=True)
    with running_action_server(tmp, DB_URL=db_url) as action_url:
        (tmp / "endpoints.yml").write_text(endpoints_yaml(db_url, actions_url=action_url))
        port = free_port()
        with open(tmp / "rasa.log", "w") as log:
            rasa = subprocess.Popen(
                [sys.executable, "-m", "bot.serve", "rasa", "--model", "models/current.tar.gz",
                 "--endpoints", str(tmp / "endpoints.yml"), "--credentials",
                 str(tmp / "credentials.yml"), "--port", str(port), "--interface", "127.0.0.1"],
                cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=db_url,
                                   SANIC_WORKERS=str(args.workers), FLOOD_BURST="0"),
                stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for(f"{url}/webhooks/rest/", timeout=600)
            stop = threading.Event()
            print(measure(url, 1, ["websocket"]), "unloaded check", flush=True)
            load = [threading.Thread(target=rest_load, args=(url, stop)) for _ in range(8)]
            for thread in load:
                thread.start()
            try:
                for name, transports in (("long-polling only", ["polling"]),
                                         ("websocket (the widget tries it first)", ["websocket"])):
                    broken, unanswered = measure(url, args.sessions, transports)
                    print(f"{args.workers} workers, {args.sessions} sessions, {name}: "
                          f"{broken} broken, {unanswered} of {args.sessions * len(MESSAGES)} "
                          "messages unanswered", flush=True)
            finally:
                stop.set()
                for thread in load:
                    thread.join()
        finally:
            rasa.terminate()
            rasa.wait(timeout=60)


if __name__ == "__main__":
    main()
