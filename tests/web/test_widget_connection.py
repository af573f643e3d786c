"""A patient's message is never lost without them knowing when the web chat's connection drops.

A connection can drop between the browser sending a message and the assistant reading it: a
network change on a phone, or, with several Rasa workers, a long-polling request that reaches
another worker than the one holding its Engine.IO session (refused). The widget then puts the
message back into the message box and says so; it does not send it again by itself (had it
arrived after all, a second answer would go to the next question).

The test puts a TCP relay between the browser and the real Rasa server and cuts the
connection as the patient's message goes through it, before Rasa has read it.
"""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading

import pytest

from tests.channels.servers import _free_port, _wait
from tests.web.test_webchat import DESKTOP, ROOT, TURN, bot_says, browser, new_page, settle, type_message  # noqa: F401

pytestmark = pytest.mark.slow

# A masked websocket frame of a patient's message is far longer than Engine.IO's pong.
MESSAGE_FRAME_BYTES = 20


class CuttingRelay:
    """Relays TCP to `upstream`; once armed, cuts the connection carrying the browser's next
    message instead of passing it on."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port, self.port = upstream_port, _free_port()
        self.armed, self.cuts, self.connections = threading.Event(), 0, 0
        self.loop = asyncio.new_event_loop()
        started = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(started,), daemon=True)
        self.thread.start()
        started.wait(30)

    def _run(self, started: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            asyncio.start_server(self._relay, "127.0.0.1", self.port))
        started.set()
        self.loop.run_forever()
        server.close()

    async def _relay(self, client_reader, client_writer) -> None:
        self.connections += 1
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)

        async def pump(reader, writer, from_browser: bool) -> None:
            try:
                while data := await reader.read(65536):
                    if from_browser and self.armed.is_set() and len(data) > MESSAGE_FRAME_BYTES:
                        self.armed.clear()
                        self.cuts += 1
                        break
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                for w in (client_writer, server_writer):
                    w.close()

        await asyncio.gather(pump(client_reader, server_writer, True),
                             pump(server_reader, client_writer, False))

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture(scope="module")
def relayed_web_server(rasa_channels, tmp_path_factory):
    """The demo page, its widget talking to Rasa through a CuttingRelay."""
    relay = CuttingRelay(int(rasa_channels.url.rsplit(":", 1)[1]))
    port = _free_port()
    log_path = tmp_path_factory.mktemp("relayed-web") / "web.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.web", "--host", "127.0.0.1", "--port", str(port),
             "--rasa-url", f"http://127.0.0.1:{relay.port}"],
            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=log,
            stderr=subprocess.STDOUT)
    try:
        _wait(f"http://127.0.0.1:{port}/healthz", process, log_path, timeout=30)
        yield f"http://127.0.0.1:{port}", relay
    finally:
        process.terminate()
        process.wait(timeout=10)
        relay.close()


def test_a_message_cut_off_on_its_way_is_given_back_to_the_patient(browser, relayed_web_server):  # noqa: F811
    from playwright.sync_api import expect

    url, relay = relayed_web_server
    context, page, _, errors = new_page(browser, DESKTOP)
    page.goto(url)
    try:
        bot_says(page, "Where does it hurt", timeout=3 * TURN)  # the server's first turn
    except AssertionError:
        raise AssertionError(f"no greeting; relayed connections {relay.connections}, "
                             f"page errors {errors}") from None
    settle(page)

    relay.armed.set()
    type_message(page, "my lower back")
    # The message never reached Rasa: it is back in the box, and the patient is told so.
    expect(page.get_by_label("Your message")).to_have_value("my lower back", timeout=TURN)
    expect(page.locator(".stc-status")).to_contain_text("send it again", timeout=TURN)
    assert relay.cuts == 1
    expect(page.locator(".stc-typing")).to_be_hidden()

    # Once reconnected, sending it again carries the same conversation on, answered once.
    page.get_by_label("Your message").press("Enter")
    bot_says(page, "How long")
    settle(page)
    assert page.locator(".stc-bot", has_text="How long").count() == 1
    expect(page.locator(".stc-status")).not_to_contain_text("send it again")
    context.close()
