"""Where patients meet the assistant: web chat, Telegram, Twilio SMS/WhatsApp, Messenger, Slack.

Rasa's built-in channels, each subclassed for what a clinic needs:

* every channel: quick-reply buttons become numbered choices ("1. Yes  2. No") where the
  channel has none (SMS, WhatsApp, or more buttons than the app allows), and an answer "1" or
  "2" is mapped back to the payload of the last buttons sent to that patient
  (:class:`ChoiceMemory`);
* a whole bot message is sent as one message (split only at a provider's length limit), not
  one per paragraph, so an SMS thread cannot arrive out of order;
* Twilio: ``X-Twilio-Signature`` is verified (Rasa's channel does not); forged requests get 403;
* Telegram: the webhook is registered at start-up with a secret token that every update must
  carry (``X-Telegram-Bot-Api-Secret-Token``), instead of Rasa's blocking ``asyncio.run`` at
  import time and a ``getMe`` call per message;
* Messenger: ``X-Hub-Signature-256`` (or the older ``X-Hub-Signature``) is verified in
  constant time and forged requests get 403 (Rasa answers 200 "not validated");
* web chat (socket.io): one event per bot message (the widget renders the line breaks), the
  room join awaited when python-socketio makes it a coroutine (RasaHQ/rasa issue 13027), a
  ``bot_turn_done`` event when the assistant has finished answering (the widget's typing
  indicator), and session ids checked for shape.

Each provider's API base address can be redirected (``TELEGRAM_API_URL``,
``TWILIO_API_URL``, ``FACEBOOK_GRAPH_URL``, ``SLACK_API_URL``): for a local Telegram Bot API
server, a regional Twilio edge, an egress proxy, or the tests' stand-in provider.

``python -m bot.channels [--out var/credentials.yml]`` writes the effective credentials file:
REST and web chat always, each messaging channel only when its environment variables are set
(one start-up line per channel says which are on and what turns the others on). Secrets are
not written: the file names them as ``${VARIABLE}`` and Rasa reads them from the environment.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import inspect
import logging
import os
import re
import sys
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Mapping, Optional, Text, Tuple

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------
# Buttons as numbered choices, and answers by number
# ---------------------------------------------------------------------------------------------

Button = Dict[str, Any]
_NUMBER_ANSWER = re.compile(r"^\s*#?\s*(\d{1,2})\s*[.)]?\s*$")
_TITLE_CLEAN = re.compile(r"[^\w ]+")


def numbered_choices(buttons: List[Button]) -> str:
    """``"1. Yes  2. No"`` for a few short choices, one per line for longer lists."""
    items = [f"{i}. {b.get('title') or b.get('payload')}" for i, b in enumerate(buttons, 1)]
    if len(items) <= 4 and sum(len(i) for i in items) <= 48:
        return "  ".join(items)
    return "\n".join(items)


def text_with_choices(text: str, buttons: List[Button]) -> str:
    if not buttons:
        return text
    return f"{text.rstrip()}\n\n{numbered_choices(buttons)}"


def _norm(title: str) -> str:
    return " ".join(_TITLE_CLEAN.sub(" ", title.lower()).split())


class ChoiceMemory:
    """The buttons last sent to each patient, so that "2" means the second of them.

    Kept per (channel, sender) in this process, bounded in size and age. Only the most recent
    bot message counts: a message without buttons clears it, so a "7" typed in answer to a
    0-10 question stays a 7.
    """

    def __init__(self, max_senders: int = 20_000, ttl_seconds: float = 24 * 3600) -> None:
        self.max_senders, self.ttl = max_senders, ttl_seconds
        self._data: "OrderedDict[Tuple[str, str], Tuple[float, List[Button]]]" = OrderedDict()
        self._lock = Lock()

    def remember(self, channel: str, sender: Any, buttons: List[Button]) -> None:
        key = (channel, str(sender))
        kept = [{"title": str(b.get("title") or ""), "payload": str(b.get("payload") or b.get("title") or "")}
                for b in buttons]
        with self._lock:
            self._data.pop(key, None)
            self._data[key] = (time.monotonic(), kept)
            while len(self._data) > self.max_senders:
                self._data.popitem(last=False)

    def forget(self, channel: str, sender: Any) -> None:
        with self._lock:
            self._data.pop((channel, str(sender)), None)

    def last(self, channel: str, sender: Any) -> List[Button]:
        with self._lock:
            item = self._data.get((channel, str(sender)))
        if not item or time.monotonic() - item[0] > self.ttl:
            return []
        return item[1]

    def resolve(self, channel: str, sender: Any, text: Optional[str]) -> Optional[str]:
        """The payload the patient chose by number (or by a button's exact title), else the text."""
        if not text:
            return text
        buttons = self.last(channel, sender)
        if not buttons:
            return text
        match = _NUMBER_ANSWER.match(text)
        if match:
            n = int(match.group(1))
            if 1 <= n <= len(buttons):
                return buttons[n - 1]["payload"]
            return text
        said = _norm(text)
        for b in buttons:
            if said and said == _norm(b["title"]):
                return b["payload"]
        return text


CHOICES = ChoiceMemory()


def chunks(text: str, limit: int) -> List[str]:
    """The text in as few messages as a provider's length limit allows, split at paragraphs."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    parts: List[str] = []
    current = ""
    for para in text.split("\n\n"):
        while len(para) > limit:  # one paragraph longer than the limit: cut at a space
            cut = para.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                parts.append(current)
                current = ""
            parts.append(para[:cut].rstrip())
            para = para[cut:].lstrip()
        candidate = f"{current}\n\n{para}" if current else para
        if len(candidate) <= limit:
            current = candidate
        else:
            parts.append(current)
            current = para
    if current:
        parts.append(current)
    return [p for p in parts if p]


class ChoicesMixin:
    """Remembers the buttons of the last message sent to each recipient (see ChoiceMemory)."""

    choices: ChoiceMemory = CHOICES

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        buttons = message.get("buttons") or message.get("quick_replies")
        if buttons:
            self.choices.remember(self.name(), recipient_id, buttons)
        elif message.get("text"):
            self.choices.forget(self.name(), recipient_id)
        await super().send_response(recipient_id, message)  # type: ignore[misc]


class AddressedOutput:
    """Sends a namespaced conversation's messages to the provider's own address.

    Rasa hands an output channel the stored conversation id (``sms:+1555...``,
    ``telegram:42``; see bot/conversation_ids.py); the provider needs ``+1555...`` or ``42``.
    """

    namespace = ""

    def address_for(self, conversation: Text) -> Text:
        return provider_address(self.namespace, conversation)

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        await super().send_response(self.address_for(recipient_id), message)  # type: ignore[misc]


def _env_url(value: Optional[str]) -> Optional[str]:
    value = (value or "").strip()
    return value.rstrip("/") if value else None


# Rasa's channel modules (and the provider SDKs they import) from here on.
from sanic import Blueprint, response  # noqa: E402
from sanic.request import Request  # noqa: E402
from sanic.response import HTTPResponse  # noqa: E402

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage  # noqa: E402

from bot.channel_errors import kindly  # noqa: E402
from bot.conversation_ids import conversation_id, provider_address, web_session  # noqa: E402
from bot.intake import default_gate, gated, kept_metadata, MESSAGE_BODY_LIMIT  # noqa: E402
from bot.server_secrets import API_TOKEN, REST_TOKEN, WEB_SESSION_SECRET, server_secret  # noqa: E402

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


# ---------------------------------------------------------------------------------------------
# Every channel: the gate before the assistant reads a message (bot/intake.py)
# ---------------------------------------------------------------------------------------------

class GatedChannel:
    """A channel whose messages pass bot.intake's gate first (the flood and length limits and
    the clean-up, the same on every channel): each ``blueprint`` hands Rasa's handler through
    :meth:`gate`."""

    # True where the reply travels back on the patient's own request or socket and costs
    # nothing, so every refused message is answered; elsewhere each reply is a message the
    # clinic sends, and flood notices are spaced out.
    reply_is_free = False

    def gate(self, on_new_message: OnNewMessage) -> OnNewMessage:
        # kindly: a turn that fails (the database away past every retry, an exception) is
        # answered with the clinic's number, and logged without the patient's words.
        return gated(kindly(on_new_message), channel=self.name(),  # type: ignore[attr-defined]
                     reply_is_free=self.reply_is_free)


def body_too_large(request: Request) -> Optional[HTTPResponse]:
    """A REST body larger than one message needs (bot.intake.MESSAGE_BODY_LIMIT) is not
    handled: nothing of it is stored, and the sender gets the gate's kind "too long" answer,
    as for a long message within the limit (Sanic itself refuses bodies over
    SANIC_REQUEST_MAX_SIZE, see bot/serve.py)."""
    if len(request.body or b"") <= MESSAGE_BODY_LIMIT:
        return None
    gate = default_gate()
    try:
        sender = str((request.json or {}).get("sender") or "")
    except Exception:  # not JSON at all: still the same kind answer
        sender = ""
    return response.json([{"recipient_id": sender,
                           "text": gate.replies.too_long(gate.limits.max_chars)}])


def bearer_token_valid(request: Request, expected: str) -> bool:
    """``Authorization: Bearer <token>``, compared in constant time."""
    scheme, _, given = (request.headers.get("Authorization") or "").partition(" ")
    return (scheme.lower() == "bearer" and bool(expected)
            and hmac.compare_digest(given.strip().encode(), expected.encode()))


# ---------------------------------------------------------------------------------------------
# REST
# ---------------------------------------------------------------------------------------------

from rasa.core.channels.rest import RestInput as _RasaRestInput  # noqa: E402

SENDER_LIMIT = 255  # the tracker store's sender_id column


def rest_request_problem(body: Any) -> Optional[str]:
    """Why a REST webhook body cannot be a patient's message, or None when it can."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    sender = body.get("sender")
    if isinstance(sender, bool) or not isinstance(sender, (str, int)) or not str(sender).strip():
        return "'sender' (the conversation id, text) is required"
    if len(str(sender)) > SENDER_LIMIT:
        return f"'sender' is longer than {SENDER_LIMIT} characters"
    if not isinstance(body.get("message"), str):
        return "'message' (text) is required"
    if not isinstance(body.get("metadata") or {}, dict):
        return "'metadata' must be a JSON object"
    return None


class RestInput(GatedChannel, _RasaRestInput):
    """Rasa's REST channel (still ``rest``, at /webhooks/rest/webhook) behind the gate, for the
    clinic's own integrations only: every request carries ``Authorization: Bearer <token>``
    (REST_CHANNEL_TOKEN, else var/rest-token), and the public proxy does not publish it.

    Its conversations are ``rest:<sender>``: a sender shaped like a phone number or a
    ``whatsapp:`` address never reaches another channel's conversation. A body that is not
    ``{"sender": ..., "message": "..."}`` gets 400 with what is wrong (Rasa's would answer 500
    for a JSON list, and put every message without a sender into one shared conversation
    called "default").
    """

    reply_is_free = True
    namespace = "rest"

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        return conversation_id(self.namespace, req.json.get("sender"))

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = super().blueprint(self.gate(on_new_message))
        token = server_secret(REST_TOKEN)

        @webhook.middleware("request")
        async def trusted_and_well_formed(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            if not bearer_token_valid(request, token):
                logger.warning("rest: request refused, token missing or wrong")
                return response.json({"error": "this channel needs the clinic's token"}, status=401)
            too_large = body_too_large(request)
            if too_large:
                return too_large
            problem = rest_request_problem(request.json)
            return response.json({"error": problem}, status=400) if problem else None

        return webhook


# ---------------------------------------------------------------------------------------------
# Web chat: socket.io
# ---------------------------------------------------------------------------------------------

from rasa.core.channels.socketio import (  # noqa: E402
    SocketBlueprint,
    SocketIOInput as _RasaSocketIOInput,
    SocketIOOutput as _RasaSocketIOOutput,
)

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


# ---------------------------------------------------------------------------------------------
# Twilio: SMS and WhatsApp
# ---------------------------------------------------------------------------------------------

from rasa.core.channels.twilio import TwilioInput as _RasaTwilioInput  # noqa: E402
from rasa.core.channels.twilio import TwilioOutput as _RasaTwilioOutput  # noqa: E402

SMS_LIMIT = 1600  # Twilio's limit for one message body (it splits it into SMS segments itself)
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


class TwilioOutput(ChoicesMixin, AddressedOutput, _RasaTwilioOutput):
    """Sends SMS, or WhatsApp when the patient wrote from a ``whatsapp:`` address."""

    namespace = "sms"  # conversations sms:+1555..., and whatsapp:+1555... as Twilio writes them

    def __init__(self, account_sid: Optional[Text], auth_token: Optional[Text],
                 twilio_number: Optional[Text], whatsapp_number: Optional[Text] = None,
                 api_url: Optional[Text] = None) -> None:
        super().__init__(account_sid, auth_token, twilio_number)
        self.whatsapp_number = whatsapp_number
        if api_url:
            self.api.base_url = api_url  # the REST API's base address (twilio.base.domain.Domain)

    def sender_for(self, recipient_id: Text) -> Optional[Text]:
        if str(recipient_id).startswith("whatsapp:"):
            number = self.whatsapp_number or self.twilio_number or ""
            return number if number.startswith("whatsapp:") else f"whatsapp:{number}"
        return self.twilio_number

    async def _send_message(self, message_data: Dict[Text, Any]) -> Any:
        from twilio.base.exceptions import TwilioRestException

        try:
            return await asyncio.to_thread(self.messages.create, **message_data)
        except TwilioRestException as error:
            logger.error("twilio: sending failed with status %s (code %s)", error.status, error.code)
        except Exception as error:  # network errors: log the kind, never the message
            logger.error("twilio: sending failed: %s", type(error).__name__)
        return None

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for part in chunks(text, SMS_LIMIT):
            await self._send_message({"to": recipient_id, "from_": self.sender_for(recipient_id),
                                      "body": part})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, text_with_choices(text, buttons))

    async def send_quick_replies(self, recipient_id: Text, text: Text,
                                 quick_replies: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._send_message({"to": recipient_id, "from_": self.sender_for(recipient_id),
                                  "media_url": [image]})


def twilio_signature(auth_token: str, url: str, params: Mapping[str, Any]) -> str:
    """``X-Twilio-Signature``: base64 HMAC-SHA1 of the URL and the sorted POST parameters."""
    from twilio.request_validator import RequestValidator

    return RequestValidator(auth_token).compute_signature(url, params)


class TwilioInput(GatedChannel, _RasaTwilioInput):
    """Twilio's webhook with its signature checked: forged requests are refused with 403."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("account_sid"),
            credentials.get("auth_token"),
            credentials.get("twilio_number"),
            whatsapp_number=credentials.get("whatsapp_number"),
            webhook_url=credentials.get("webhook_url"),
            api_url=_env_url(credentials.get("api_url")),
        )

    def __init__(self, account_sid: Optional[Text], auth_token: Optional[Text],
                 twilio_number: Optional[Text], whatsapp_number: Optional[Text] = None,
                 webhook_url: Optional[Text] = None, api_url: Optional[Text] = None) -> None:
        super().__init__(account_sid, auth_token, twilio_number, debug_mode=False)
        self.whatsapp_number = whatsapp_number
        self.webhook_url = (webhook_url or "").strip() or None
        self.api_url = api_url

    def get_output_channel(self) -> OutputChannel:
        return TwilioOutput(self.account_sid, self.auth_token, self.twilio_number,
                            self.whatsapp_number, self.api_url)

    def is_signed(self, request: Request) -> bool:
        from twilio.request_validator import RequestValidator

        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature or not self.auth_token:
            return False
        # Behind a reverse proxy the URL Twilio signed is the public one: TWILIO_WEBHOOK_URL.
        url = self.webhook_url or request.url
        return RequestValidator(self.auth_token).validate(url, request.form, signature)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        on_new_message = self.gate(on_new_message)
        twilio_webhook = Blueprint("twilio_webhook", __name__)

        @twilio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @twilio_webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not self.is_signed(request):
                logger.warning("twilio: request refused, X-Twilio-Signature missing or wrong")
                return response.text("invalid signature", status=403)
            sender = request.form.get("From")
            text = request.form.get("Body")
            if sender and text is not None and text.strip():
                sender = conversation_id("sms", sender)
                text = CHOICES.resolve(self.name(), sender, text.replace("¡", "@"))
                try:
                    await on_new_message(UserMessage(text, self.get_output_channel(), sender,
                                                     input_channel=self.name(),
                                                     metadata=self.get_metadata(request)))
                except Exception:
                    logger.exception("twilio: the message could not be handled")
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return twilio_webhook


# ---------------------------------------------------------------------------------------------
# Telegram
# ---------------------------------------------------------------------------------------------

from rasa.core.channels.telegram import TelegramInput as _RasaTelegramInput  # noqa: E402
from rasa.core.channels.telegram import TelegramOutput as _RasaTelegramOutput  # noqa: E402

TELEGRAM_LIMIT = 4096
TELEGRAM_CALLBACK_LIMIT = 64  # bytes of callback_data per button


def telegram_secret(access_token: str) -> str:
    """The webhook secret derived from the bot token when TELEGRAM_SECRET_TOKEN is not set."""
    return hashlib.sha256(f"telegram-webhook:{access_token}".encode()).hexdigest()


class TelegramOutput(ChoicesMixin, AddressedOutput, _RasaTelegramOutput):
    namespace = "telegram"

    def __init__(self, access_token: Optional[Text], api_url: Optional[Text] = None) -> None:
        from aiogram import Bot
        from aiogram.bot.api import TELEGRAM_PRODUCTION, TelegramAPIServer

        server = TelegramAPIServer.from_base(api_url) if api_url else TELEGRAM_PRODUCTION
        Bot.__init__(self, access_token, server=server)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for part in chunks(text, TELEGRAM_LIMIT):
            await self.send_message(recipient_id, part)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], button_type: Optional[Text] = None,
                                     **kwargs: Any) -> None:
        from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

        markup = InlineKeyboardMarkup()
        keys = []
        for i, b in enumerate(buttons, 1):
            payload = str(b.get("payload") or b.get("title"))
            # Longer payloads than Telegram carries go as the choice's number (ChoiceMemory).
            data = payload if len(payload.encode()) <= TELEGRAM_CALLBACK_LIMIT else str(i)
            keys.append(InlineKeyboardButton(str(b.get("title")), callback_data=data))
        if len(keys) <= 3 and all(len(str(b.get("title"))) <= 14 for b in buttons):
            markup.row(*keys)
        else:
            for key in keys:
                markup.row(key)
        parts = chunks(text, TELEGRAM_LIMIT) or [" "]
        for part in parts[:-1]:
            await self.send_message(recipient_id, part)
        await self.send_message(recipient_id, parts[-1], reply_markup=markup)

    async def send_quick_replies(self, recipient_id: Text, text: Text,
                                 quick_replies: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)


class TelegramInput(GatedChannel, _RasaTelegramInput):
    """Telegram's webhook, registered at start-up with a secret token every update must carry."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("access_token"),
            credentials.get("verify"),
            credentials.get("webhook_url"),
            secret_token=credentials.get("secret_token"),
            api_url=_env_url(credentials.get("api_url")),
        )

    def __init__(self, access_token: Optional[Text], verify: Optional[Text],
                 webhook_url: Optional[Text], secret_token: Optional[Text] = None,
                 api_url: Optional[Text] = None) -> None:
        super().__init__(access_token, verify, webhook_url, debug_mode=False)
        self.secret_token = (secret_token or "").strip() or telegram_secret(access_token or "")
        self.api_url = api_url
        self._output: Optional[TelegramOutput] = None

    def get_output_channel(self) -> TelegramOutput:
        # Made in the server's event loop (its HTTP session belongs to that loop); Rasa's own
        # version also sets the webhook here with asyncio.run, which blocks start-up.
        if self._output is None:
            self._output = TelegramOutput(self.access_token, self.api_url)
        return self._output

    async def set_webhook(self) -> bool:
        import json

        result = await self.get_output_channel().request("setWebhook", {
            "url": self.webhook_url,
            "secret_token": self.secret_token,
            "allowed_updates": json.dumps(["message", "edited_message", "callback_query"]),
        })
        return bool(result)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        on_new_message = self.gate(on_new_message)
        telegram_webhook = Blueprint("telegram_webhook", __name__)

        @telegram_webhook.listener("after_server_start")
        async def register_webhook(app: Any, loop: Any) -> None:
            if not self.webhook_url:
                return
            try:
                await self.set_webhook()
                logger.info("telegram: webhook registered")
            except Exception as error:  # the server keeps running; Telegram retries nothing
                logger.error("telegram: could not register the webhook: %s", error)

        @telegram_webhook.listener("before_server_stop")
        async def close_session(app: Any, loop: Any) -> None:
            session = getattr(self._output, "_session", None)
            if session is not None and not session.closed:
                await session.close()

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @telegram_webhook.route("/set_webhook", methods=["POST"])
        async def set_webhook(request: Request) -> HTTPResponse:
            # Re-registering points Telegram at a URL: only with Rasa's API token.
            if not bearer_token_valid(request, server_secret(API_TOKEN)):
                return response.text("forbidden", status=403)
            ok = await self.set_webhook()
            return response.text("Webhook setup successful" if ok else "Invalid webhook")

        @telegram_webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
            if not hmac.compare_digest(given.encode(), self.secret_token.encode()):
                logger.warning("telegram: update refused, secret token missing or wrong")
                return response.text("forbidden", status=403)
            update = request.json if isinstance(request.json, dict) else {}
            out = self.get_output_channel()
            query = update.get("callback_query")
            if query:
                msg = query.get("message") or {}
                text = query.get("data")
                try:  # stops the spinner on the tapped button
                    await out.answer_callback_query(query.get("id"))
                except Exception as error:
                    logger.warning("telegram: answerCallbackQuery failed: %s", type(error).__name__)
            else:
                msg = update.get("message") or update.get("edited_message") or {}
                text = msg.get("text")
            chat_id = (msg.get("chat") or {}).get("id")
            if chat_id is None or not isinstance(text, str) or not text.strip():
                return response.text("success")
            sender = conversation_id("telegram", chat_id)
            if text.strip() == "/start":  # Telegram's first message to a bot
                text = "/greet"
            text = CHOICES.resolve(self.name(), sender, text)
            try:
                await on_new_message(UserMessage(text, out, sender, input_channel=self.name(),
                                                 metadata=self.get_metadata(request)))
            except Exception:
                logger.exception("telegram: the message could not be handled")
            return response.text("success")

        return telegram_webhook


# ---------------------------------------------------------------------------------------------
# Facebook Messenger
# ---------------------------------------------------------------------------------------------

from rasa.core.channels.facebook import FacebookInput as _RasaFacebookInput  # noqa: E402
from rasa.core.channels.facebook import Messenger as _RasaMessenger  # noqa: E402
from rasa.core.channels.facebook import MessengerBot as _RasaMessengerBot  # noqa: E402

MESSENGER_LIMIT = 2000
MESSENGER_QUICK_REPLIES = 13
MESSENGER_TITLE_LIMIT = 20
FACEBOOK_API_VERSION = "21.0"


def messenger_client(page_access_token: str, api_url: Optional[str], api_version: Optional[str]):
    from fbmessenger import MessengerClient

    version = (api_version or FACEBOOK_API_VERSION).lstrip("v")
    client = MessengerClient(page_access_token, api_version=version)
    client.graph_url = f"{(api_url or 'https://graph.facebook.com').rstrip('/')}/v{version}"
    return client


class MessengerOutput(ChoicesMixin, AddressedOutput, _RasaMessengerBot):
    """Quick replies when they fit Messenger's limits, numbered choices otherwise."""

    namespace = "messenger"

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for part in chunks(text, MESSENGER_LIMIT):
            self.messenger_client.send({"text": part}, recipient_id, "RESPONSE")

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        fits = len(buttons) <= MESSENGER_QUICK_REPLIES and all(
            0 < len(str(b.get("title") or "")) <= MESSENGER_TITLE_LIMIT for b in buttons)
        if not fits:
            await self.send_text_message(recipient_id, text_with_choices(text, buttons))
            return
        parts = chunks(text, MESSENGER_LIMIT) or [" "]
        for part in parts[:-1]:
            self.messenger_client.send({"text": part}, recipient_id, "RESPONSE")
        quick = [{"content_type": "text", "title": str(b["title"]), "payload": str(b["payload"])}
                 for b in buttons]
        self.messenger_client.send({"text": parts[-1], "quick_replies": quick}, recipient_id, "RESPONSE")

    async def send_quick_replies(self, recipient_id: Text, text: Text,
                                 quick_replies: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)


class Messenger(_RasaMessenger):
    def __init__(self, page_access_token: Text, on_new_message: OnNewMessage,
                 api_url: Optional[Text] = None, api_version: Optional[Text] = None) -> None:
        super().__init__(page_access_token, on_new_message)
        self.client = messenger_client(page_access_token, api_url, api_version)

    async def _handle_user_message(self, text: Text, sender_id: Text,
                                   metadata: Optional[Dict[Text, Any]]) -> None:
        out = MessengerOutput(self.client)
        conversation = conversation_id("messenger", sender_id)
        text = CHOICES.resolve(self.name(), conversation, text)
        await out.send_action(sender_id, sender_action="mark_seen")
        await out.send_action(sender_id, sender_action="typing_on")
        try:
            await self.on_new_message(UserMessage(text, out, conversation,
                                                  input_channel=self.name(), metadata=metadata))
        except Exception:
            logger.exception("facebook: the message could not be handled")
        finally:
            await out.send_action(sender_id, sender_action="typing_off")


def hub_signature_valid(app_secret: str, body: bytes, header_256: str, header_1: str) -> bool:
    """Messenger's ``X-Hub-Signature-256`` (preferred) or ``X-Hub-Signature`` over the raw body.
    Without an app secret nothing is valid: an empty key would make any signature forgeable."""
    if not app_secret:
        return False
    for header, algorithm in ((header_256, "sha256"), (header_1, "sha1")):
        if not header:
            continue
        method, _, given = header.partition("=")
        if method != algorithm:
            return False
        expected = hmac.new(app_secret.encode(), body, algorithm).hexdigest()
        return hmac.compare_digest(expected, given)
    return False


class FacebookInput(GatedChannel, _RasaFacebookInput):
    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("verify"),
            credentials.get("secret"),
            credentials.get("page-access-token"),
            api_url=_env_url(credentials.get("api_url")),
            api_version=credentials.get("api_version"),
        )

    def __init__(self, fb_verify: Text, fb_secret: Text, fb_access_token: Text,
                 api_url: Optional[Text] = None, api_version: Optional[Text] = None) -> None:
        super().__init__(fb_verify, fb_secret, fb_access_token)
        self.api_url, self.api_version = api_url, api_version

    def get_output_channel(self) -> OutputChannel:
        return MessengerOutput(messenger_client(self.fb_access_token, self.api_url, self.api_version))

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        on_new_message = self.gate(on_new_message)
        fb_webhook = Blueprint("fb_webhook", __name__)

        @fb_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @fb_webhook.route("/webhook", methods=["GET"])
        async def token_verification(request: Request) -> HTTPResponse:
            given = request.args.get("hub.verify_token") or ""
            if self.fb_verify and hmac.compare_digest(given.encode(), str(self.fb_verify).encode()):
                return response.text(request.args.get("hub.challenge") or "")
            logger.warning("facebook: webhook verification refused, wrong verify token")
            return response.text("forbidden", status=403)

        @fb_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not hub_signature_valid(self.fb_secret or "", request.body,
                                       request.headers.get("X-Hub-Signature-256", ""),
                                       request.headers.get("X-Hub-Signature", "")):
                logger.warning("facebook: request refused, X-Hub-Signature missing or wrong")
                return response.text("invalid signature", status=403)
            payload = request.json if isinstance(request.json, dict) else {}
            messenger = Messenger(self.fb_access_token, on_new_message, self.api_url, self.api_version)
            try:
                await messenger.handle({"entry": payload.get("entry") or []}, self.get_metadata(request))
            except (KeyError, TypeError):
                return response.text("malformed", status=400)
            return response.text("success")

        return fb_webhook


# ---------------------------------------------------------------------------------------------
# Slack
# ---------------------------------------------------------------------------------------------

from rasa.core.channels.slack import SlackBot as _RasaSlackBot  # noqa: E402
from rasa.core.channels.slack import SlackInput as _RasaSlackInput  # noqa: E402

SLACK_BUTTONS = 5
SLACK_LIMIT = 3000  # a section block's text


class SlackOutput(ChoicesMixin, AddressedOutput, _RasaSlackBot):
    namespace = "slack"

    def __init__(self, token: Text, slack_channel: Optional[Text] = None,
                 thread_id: Optional[Text] = None, proxy: Optional[Text] = None,
                 api_url: Optional[Text] = None) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        if api_url:
            from slack_sdk.web.async_client import AsyncWebClient

            self.client = AsyncWebClient(token, proxy=proxy, base_url=api_url.rstrip("/") + "/")

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        recipient = self.slack_channel or recipient_id
        for part in chunks(text, SLACK_LIMIT):
            await self._post_message(channel=recipient, as_user=True, text=part, type="mrkdwn")

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        if len(buttons) > SLACK_BUTTONS or any(len(str(b.get("title"))) > 75 for b in buttons):
            await self.send_text_message(recipient_id, text_with_choices(text, buttons))
            return
        recipient = self.slack_channel or recipient_id
        parts = chunks(text, SLACK_LIMIT) or [" "]
        for part in parts[:-1]:
            await self._post_message(channel=recipient, as_user=True, text=part, type="mrkdwn")
        blocks = [
            {"type": "section", "text": {"type": "mrkdwn", "text": parts[-1]}},
            {"type": "actions", "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": str(b["title"])},
                 "value": str(b["payload"])} for b in buttons]},
        ]
        await self._post_message(channel=recipient, as_user=True, text=parts[-1], blocks=blocks)

    async def send_quick_replies(self, recipient_id: Text, text: Text,
                                 quick_replies: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)


class SlackInput(GatedChannel, _RasaSlackInput):
    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        channel = super().from_credentials(credentials)
        channel.api_url = _env_url(credentials.get("api_url"))  # type: ignore[attr-defined]
        return channel

    api_url: Optional[Text] = None

    def get_output_channel(self, channel: Optional[Text] = None,
                           thread_id: Optional[Text] = None) -> OutputChannel:
        return SlackOutput(self.slack_token, channel or self.slack_channel, thread_id, self.proxy,
                           self.api_url)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(self.gate(on_new_message))

    async def process_message(self, request: Request, on_new_message: OnNewMessage, text: Text,
                              sender_id: Optional[Text], metadata: Optional[Dict]) -> Any:
        conversation = conversation_id("slack", sender_id) if sender_id else sender_id
        text = CHOICES.resolve(self.name(), conversation, text)
        return await super().process_message(request, on_new_message, text, conversation, metadata)


# ---------------------------------------------------------------------------------------------
# The effective credentials file
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChannelSpec:
    name: str            # what the start-up line calls it
    key: str             # the credentials.yml key (the channel class)
    required: Tuple[str, ...]
    fields: Tuple[Tuple[str, str], ...]   # (credentials field, environment variable)
    one_of: Tuple[str, ...] = ()          # at least one of these must be set too
    webhook: str = ""


CHANNELS: Tuple[ChannelSpec, ...] = (
    ChannelSpec(
        "Telegram", "bot.channels.TelegramInput",
        required=("TELEGRAM_TOKEN", "TELEGRAM_WEBHOOK_URL"),
        fields=(("access_token", "TELEGRAM_TOKEN"), ("verify", "TELEGRAM_BOT_NAME"),
                ("webhook_url", "TELEGRAM_WEBHOOK_URL"), ("secret_token", "TELEGRAM_SECRET_TOKEN"),
                ("api_url", "TELEGRAM_API_URL")),
        webhook="/webhooks/telegram/webhook",
    ),
    ChannelSpec(
        "Twilio SMS/WhatsApp", "bot.channels.TwilioInput",
        required=("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"),
        one_of=("TWILIO_NUMBER", "TWILIO_WHATSAPP_NUMBER"),
        fields=(("account_sid", "TWILIO_ACCOUNT_SID"), ("auth_token", "TWILIO_AUTH_TOKEN"),
                ("twilio_number", "TWILIO_NUMBER"), ("whatsapp_number", "TWILIO_WHATSAPP_NUMBER"),
                ("webhook_url", "TWILIO_WEBHOOK_URL"), ("api_url", "TWILIO_API_URL")),
        webhook="/webhooks/twilio/webhook",
    ),
    ChannelSpec(
        "Facebook Messenger", "bot.channels.FacebookInput",
        required=("FACEBOOK_VERIFY_TOKEN", "FACEBOOK_APP_SECRET", "FACEBOOK_PAGE_ACCESS_TOKEN"),
        fields=(("verify", "FACEBOOK_VERIFY_TOKEN"), ("secret", "FACEBOOK_APP_SECRET"),
                ("page-access-token", "FACEBOOK_PAGE_ACCESS_TOKEN"),
                ("api_version", "FACEBOOK_API_VERSION"), ("api_url", "FACEBOOK_GRAPH_URL")),
        webhook="/webhooks/facebook/webhook",
    ),
    ChannelSpec(
        "Slack", "bot.channels.SlackInput",
        required=("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"),
        fields=(("slack_token", "SLACK_BOT_TOKEN"), ("slack_signing_secret", "SLACK_SIGNING_SECRET"),
                ("slack_channel", "SLACK_CHANNEL"), ("api_url", "SLACK_API_URL")),
        webhook="/webhooks/slack/webhook",
    ),
)

WEB_CHAT = {
    "user_message_evt": "user_uttered",
    "bot_message_evt": "bot_uttered",
    "session_persistence": True,
}


def _set(env: Mapping[str, str], name: str) -> bool:
    return bool((env.get(name) or "").strip())


def effective_credentials(env: Mapping[str, str]) -> Tuple[Dict[str, Any], List[str]]:
    """The credentials Rasa should load, and one human line per channel saying whether it is on.

    Values are ``${VARIABLE}`` references that Rasa resolves from the environment when it reads
    the file, so no secret is written to disk.
    """
    credentials: Dict[str, Any] = {"bot.channels.RestInput": None,
                                   "bot.channels.SocketIOInput": dict(WEB_CHAT)}
    lines = ["channel REST: on (/webhooks/rest/webhook)",
             "channel web chat: on (socket.io at /socket.io, widget served by python -m bot.web)"]
    for spec in CHANNELS:
        missing = [v for v in spec.required if not _set(env, v)]
        if spec.one_of and not any(_set(env, v) for v in spec.one_of):
            missing.append(" or ".join(spec.one_of))
        if missing:
            lines.append(f"channel {spec.name}: off (set {', '.join(missing)} to turn it on)")
            continue
        credentials[spec.key] = {field: "${%s}" % var for field, var in spec.fields if _set(env, var)}
        lines.append(f"channel {spec.name}: on ({spec.webhook})")
    return credentials, lines


def render(credentials: Mapping[str, Any]) -> str:
    import yaml

    header = ("# Generated by `python -m bot.channels` at start-up (scripts/run.sh): the channels\n"
              "# whose environment variables are set. Rasa fills in each ${VARIABLE} from the\n"
              "# environment. Do not edit; see credentials.yml and the README.\n")
    return header + yaml.safe_dump(dict(credentials), sort_keys=False, default_flow_style=False)


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.channels",
                                     description="Write the effective Rasa credentials file.")
    parser.add_argument("--out", type=Path, help="write here (mode 600) instead of standard output")
    parser.add_argument("--quiet", action="store_true", help="no status lines on standard error")
    args = parser.parse_args(list(argv) if argv is not None else None)
    credentials, lines = effective_credentials(os.environ)
    text = render(credentials)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    if not args.quiet:
        for line in lines:
            print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
