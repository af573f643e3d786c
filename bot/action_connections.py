"""Calls to the action server over kept-alive connections; a lost kept one is retried once.

Rasa's `EndpointConfig.request` makes a new aiohttp session, so a new TCP connection, for
every action-server call (1.17 a message) and closes it after the answer: a connection set up
and torn down on both servers each call. `kept_alive_requests` makes each endpoint keep one
session per event loop, whose idle connections are reused for `KEEPALIVE_S` seconds: less
than the action server keeps them open (`SANIC_KEEP_ALIVE_TIMEOUT`, 60 s, bot/serve.py), so in
normal running the Rasa side always closes an idle connection first and never sends on one the
server is closing.

If the action server went away anyway (restarted or killed while a connection was kept), a
request on that kept connection fails before any answer comes back (the server disconnected or
reset it). That request, only when it was sent on a reused connection and no answer had
started, is sent once more on a new connection; a refused connection, a timeout, an error
answer or a failure on a new connection are Rasa's errors exactly as before, so a patient whose
action server is down still gets the outage answer (ActionServerOutagePolicy). The request
itself (headers, token, parameters, compression, certificate, the errors raised) is Rasa's.
"""
from __future__ import annotations

import asyncio
import atexit
import os
import ssl
from typing import Any, Dict, Optional, Text, Tuple

KEEPALIVE_S = 15.0  # an idle kept connection is closed after this (the server waits 60 s)
# Sends of one request at most: kept connections the server had closed are seldom more than
# one (a connection closed while idle is noticed and dropped before it is reused).
ATTEMPTS = 3

# (loop id, headers, user, password) -> (loop, session)
_kept: Dict[Tuple[Any, ...], Tuple[asyncio.AbstractEventLoop, Any]] = {}
_applied = False


def _trace_config() -> Any:
    import aiohttp

    async def reused(_session: Any, context: Any, _params: Any) -> None:
        if isinstance(context.trace_request_ctx, dict):
            context.trace_request_ctx["reused"] = True

    async def answered(_session: Any, context: Any, _params: Any) -> None:
        if isinstance(context.trace_request_ctx, dict):
            context.trace_request_ctx["answered"] = True

    config = aiohttp.TraceConfig()
    config.on_connection_reuseconn.append(reused)
    config.on_request_end.append(answered)  # the answer's status and headers were read
    return config


def _session_for(endpoint: Any) -> Any:
    """A kept session for the running event loop and the endpoint's headers and credentials
    (all a session holds: the address and token go with each request), made on first use."""
    import aiohttp
    from rasa.utils import endpoints

    from bot.rasa_speedups import json_dumps

    loop = asyncio.get_running_loop()
    auth = endpoint.basic_auth or {}
    key = (id(loop), repr(sorted((endpoint.headers or {}).items())),
           auth.get("username"), auth.get("password"))
    kept = _kept.get(key)
    if kept is not None and kept[0] is loop and not kept[1].closed:
        return kept[1]
    for other_key, (other_loop, other) in list(_kept.items()):
        if other_loop.is_closed():  # a finished loop's (tests, scripts): it can serve no more
            del _kept[other_key]
            _drop(other)
    session = aiohttp.ClientSession(
        headers=endpoint.headers,
        auth=aiohttp.BasicAuth(auth["username"], auth["password"]) if auth else None,
        timeout=aiohttp.ClientTimeout(total=endpoints.DEFAULT_REQUEST_TIMEOUT),
        json_serialize=json_dumps,
        # no cap on connections at once, as with a session a call before
        connector=aiohttp.TCPConnector(limit=0, keepalive_timeout=KEEPALIVE_S),
        trace_configs=[_trace_config()])
    _kept[key] = (loop, session)  # the loop is kept too: its id is never another loop's
    return session


def _drop(session: Any) -> None:
    """Closes a session whose loop can no longer run its close(): its connections closed
    at once (aiohttp's connector closes them synchronously), nothing left to warn about."""
    connector = session.connector
    session.detach()
    if connector is not None:
        try:
            connector._close()  # noqa: SLF001 - what the connector's close() runs, unawaited
        except Exception:  # noqa: BLE001 - a transport of a closed loop: nothing to close
            pass


@atexit.register
def _dropped_at_exit() -> None:
    """Processes other than the server (tests, scripts) end without the server's shutdown:
    their kept sessions are dropped before the interpreter's clean-up would warn of them."""
    for key, (_loop, session) in list(_kept.items()):
        del _kept[key]
        _drop(session)


async def close_kept_sessions() -> None:
    """Closes the running loop's kept sessions (the Rasa server's shutdown calls this)."""
    loop = asyncio.get_running_loop()
    for key, (kept_loop, session) in list(_kept.items()):
        if kept_loop is loop:
            del _kept[key]
            if not session.closed:
                await session.close()


def kept_alive_requests() -> None:
    """Replaces `EndpointConfig.request` as described above. Once per process."""
    global _applied
    if _applied:
        return
    import aiohttp
    from aiohttp.client_exceptions import ContentTypeError
    from rasa.shared.exceptions import FileNotFoundException
    from rasa.utils import endpoints

    from bot.rasa_speedups import _replacing

    @_replacing(endpoints.EndpointConfig.request)
    async def request(self: endpoints.EndpointConfig, method: Text = "post",
                      subpath: Optional[Text] = None,
                      content_type: Optional[Text] = "application/json",
                      compress: bool = False, **kwargs: Any) -> Optional[Any]:
        # Rasa's request, word for word, up to the session.
        headers: Dict[Text, Any] = {}
        if content_type:
            headers["Content-Type"] = content_type
        if "headers" in kwargs:
            headers.update(kwargs["headers"])
            del kwargs["headers"]
        if self.headers:
            headers.update(self.headers)
        url = endpoints.concat_url(self.url, subpath)
        sslcontext = None
        if self.cafile:
            try:
                sslcontext = ssl.create_default_context(cafile=self.cafile)
            except FileNotFoundError as e:
                raise FileNotFoundException(
                    f"Failed to find certificate file, "
                    f"'{os.path.abspath(self.cafile)}' does not exist.") from e
        params = self.combine_parameters(kwargs)
        session = _session_for(self)
        for attempt in range(1, ATTEMPTS + 1):
            sent: Dict[Text, bool] = {"reused": False, "answered": False}
            try:
                async with session.request(
                        method, url, headers=headers, params=params, compress=compress,
                        ssl=sslcontext, trace_request_ctx=sent, **kwargs) as response:
                    if response.status >= 400:
                        raise endpoints.ClientResponseError(
                            response.status, response.reason, await response.content.read())
                    try:
                        return await response.json()
                    except ContentTypeError:
                        return None
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
                if not sent["reused"] or sent["answered"] or attempt == ATTEMPTS:
                    raise
                # a kept connection the server had closed: again (a closed kept connection
                # is dropped, so the next is another kept one, or a new one)
        return None  # not reached: the last attempt returns or raises

    endpoints.EndpointConfig.request = request
    _applied = True


def closed_at_server_stop() -> None:
    """The Rasa server's shutdown (`rasa.core.run.close_resources`, registered when the server
    is set up, so this runs before) also closes the kept sessions: no connection left open
    and no "Unclosed client session" at exit."""
    from rasa.core import run

    if getattr(run.close_resources, "__rasa_speedup__", False):
        return
    from bot.rasa_speedups import _replacing

    rasas = run.close_resources

    @_replacing(rasas)
    async def close_resources(app: Any, _: Any) -> None:
        try:
            await rasas(app, _)
        finally:
            await close_kept_sessions()

    run.close_resources = close_resources
