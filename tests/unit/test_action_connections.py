"""Action-server calls over kept-alive connections (bot/action_connections.py, issue 19).

What the Rasa server would notice: calls reuse one connection; a kept connection the action
server closed (restarted) costs the patient nothing (the request is sent again on a new one);
and a request the server received on a new connection and then dropped, an error answer or a
refused connection are not sent twice but fail as before (the outage answer)."""
from __future__ import annotations

import asyncio
import json
from typing import List

import aiohttp
import pytest
from rasa.utils import endpoints
from rasa.utils.endpoints import EndpointConfig

from bot import action_connections

ANSWER = json.dumps({"events": [], "responses": [{"text": "hi"}]}).encode()


class FakeActionServer:
    """A raw HTTP server: `answers_per_connection` requests answered on each connection, then
    the connection closed as the next request arrives, unanswered; `status` of each answer."""

    def __init__(self, answers_per_connection: int = 1000, status: int = 200) -> None:
        self.answers_per_connection = answers_per_connection
        self.status = status
        self.connections = 0
        self.requests: List[bytes] = []  # every request that arrived, answered or not

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        answered = 0
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                body = await reader.readexactly(length)
                self.requests.append(body)
                if answered >= self.answers_per_connection:
                    break  # closed under the request, as a restarted server's connection is
                answered += 1
                writer.write(b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n" % (self.status, len(ANSWER)) + ANSWER)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/webhook"

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()


@pytest.fixture(autouse=True)
def kept_alive():
    action_connections.kept_alive_requests()
    yield


def run(coroutine):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coroutine)
    finally:
        loop.run_until_complete(action_connections.close_kept_sessions())
        loop.run_until_complete(asyncio.sleep(0.05))  # the fake server's handlers see the close
        loop.close()


def test_the_requests_are_rasas_own_replaced_and_calls_share_one_connection():
    assert endpoints.EndpointConfig.request.__rasa_speedup__

    async def calls():
        server = FakeActionServer()
        async with server as url:
            endpoint = EndpointConfig(url=url, token="secret")
            answers = [await endpoint.request(json={"next_action": "a", "i": i}, method="post")
                       for i in range(5)]
        return server, answers

    server, answers = run(calls())
    assert answers == [json.loads(ANSWER)] * 5
    assert server.connections == 1
    assert [json.loads(b)["i"] for b in server.requests] == [0, 1, 2, 3, 4]


def test_a_kept_connection_the_server_closed_is_sent_again_on_a_new_one():
    async def calls():
        server = FakeActionServer(answers_per_connection=1)
        async with server as url:
            endpoint = EndpointConfig(url=url)
            first = await endpoint.request(json={"i": 1}, method="post")
            second = await endpoint.request(json={"i": 2}, method="post")
        return server, first, second

    server, first, second = run(calls())
    assert first == second == json.loads(ANSWER)
    assert server.connections == 2
    # the second request arrived on the closed connection unanswered, then on a new one
    assert [json.loads(b)["i"] for b in server.requests] == [1, 2, 2]


def test_a_request_dropped_on_a_new_connection_is_not_sent_twice():
    async def call():
        server = FakeActionServer(answers_per_connection=0)
        async with server as url:
            with pytest.raises(aiohttp.ClientConnectionError):
                await EndpointConfig(url=url).request(json={"i": 1}, method="post")
        return server

    server = run(call())
    assert len(server.requests) == 1


def test_an_error_answer_is_rasas_error_and_not_sent_twice():
    async def call():
        server = FakeActionServer(status=500)
        async with server as url:
            with pytest.raises(endpoints.ClientResponseError) as raised:
                await EndpointConfig(url=url).request(json={"i": 1}, method="post")
        return server, raised.value

    server, error = run(call())
    assert error.status == 500 and len(server.requests) == 1


def test_a_server_that_is_down_is_a_connection_error_as_before():
    async def call():
        server = FakeActionServer()
        async with server as url:
            pass  # closed: nothing listens there now
        with pytest.raises(aiohttp.ClientConnectionError):
            await EndpointConfig(url=url).request(json={"i": 1}, method="post")

    run(call())


def test_the_rasa_server_closes_an_idle_kept_connection_before_the_action_server_would():
    from bot import serve

    assert action_connections.KEEPALIVE_S < float(serve.ACCEPTED_CONNECTION_WAIT_S) / 2
