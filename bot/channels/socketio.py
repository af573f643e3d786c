"""The web chat over socket.io.

The web chat over socket.io: one event per bot message, persistent sessions on any
python-socketio, a ``bot_turn_done`` event for the widget's typing indicator.
"""
from __future__ import annotations

import inspect
import logging
from typing import Any, Dict, List, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint
from rasa.core.channels.socketio import SocketIOInput as _RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput as _RasaSocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.gate import AddressedOutput, GatedChannel, OnNewMessage
from bot.conversation_ids import conversation_id, web_session
from bot.intake import MESSAGE_BODY_LIMIT, kept_metadata
from bot.server_secrets import WEB_SESSION_SECRET, server_secret

logger = logging.getLogger(__name__)


class SocketIOOutput(AddressedOutput, _RasaSocketIOOutput):
    """One socket.io event per bot message; the widget renders paragraphs and line breaks.
    A conversation ``web:<session id>`` is sent to the socket.io room of that session."""

    namespace = "web"

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"text": text.strip()})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {
            "text": text.strip(),
            "quick_replies": [{"content_type": "text", "title": b["title"], "payload": b["payload"]}
                              for b in buttons],
        })

    async def send_quick_replies(self, recipient_id: Text, text: Text,
                                 quick_replies: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)


class SocketIOInput(GatedChannel, _RasaSocketIOInput):
    """Rasa's socket.io channel, with persistent sessions that work on any python-socketio."""

    reply_is_free = True  # the answer goes back over the patient's own socket

    def get_output_channel(self) -> Optional[OutputChannel]:
        if self.sio is None:
            return super().get_output_channel()
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        on_new_message = self.gate(on_new_message)
        from socketio import AsyncServer

        # Origins are not restricted here: the widget is embedded on the clinic's own pages,
        # and `rasa run --cors` sets the allowed origins for HTTP long-polling.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[],
                          max_http_buffer_size=MESSAGE_BODY_LIMIT)
        webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            if self.jwt_key:
                from rasa.core.channels.channel import decode_bearer_token

                token = (auth or {}).get("token")
                return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))
            return True

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict] = None) -> None:
            # The session id is the server's: a reconnect carries on a session only with the
            # signed token issued for it; anything else (a bare id, a forged or expired token)
            # starts a new one. The socket keeps its session in socket.io's own session.
            given = data.get("session_token") if isinstance(data, dict) else None
            session_id, token = web_session(given, server_secret(WEB_SESSION_SECRET))
            await sio.save_session(sid, {"session_id": session_id}, namespace=self.namespace)
            if self.session_persistence:
                entered = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(entered):  # python-socketio >= 5.9 (RasaHQ/rasa#13027)
                    await entered
            await sio.emit("session_confirm", {"session_id": session_id, "session_token": token},
                           room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Dict) -> None:
            if not isinstance(data, dict):
                return
            # The socket's own session, never the message's session_id field.
            session_id = (await sio.get_session(sid, namespace=self.namespace)).get("session_id")
            if not session_id:
                logger.warning("web chat: a message before session_request was ignored")
                return
            room = session_id if self.session_persistence else sid
            text = data.get("message")
            if not isinstance(text, str) or not text.strip():
                return
            if len(text.encode("utf-8", "surrogatepass")) > MESSAGE_BODY_LIMIT:
                text = text[:MESSAGE_BODY_LIMIT]  # still over the length limit: the gate answers
            output = SocketIOOutput(sio, self.bot_message_evt)
            try:
                await on_new_message(UserMessage(text, output, conversation_id("web", room),
                                                 input_channel=self.name(),
                                                 metadata=kept_metadata(data.get(self.metadata_key))))
            finally:
                await sio.emit("bot_turn_done", {}, room=room, namespace=self.namespace)

        return webhook

