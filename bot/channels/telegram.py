"""Telegram: the webhook registered at start-up with a secret token every update must carry.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput as _RasaTelegramInput
from rasa.core.channels.telegram import TelegramOutput as _RasaTelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.choices import CHOICES, ChoicesMixin, chunks
from bot.channels.gate import (
    AddressedOutput,
    GatedChannel,
    OnNewMessage,
    bearer_token_valid,
    provider_api_url,
)
from bot.conversation_ids import conversation_id
from bot.server_secrets import API_TOKEN, server_secret

logger = logging.getLogger(__name__)


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
            api_url=provider_api_url(credentials.get("api_url")),
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
            await on_new_message(UserMessage(text, out, sender, input_channel=self.name(),
                                             metadata=self.get_metadata(request)))
            return response.text("success")

        return telegram_webhook

