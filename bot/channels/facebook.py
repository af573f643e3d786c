"""Facebook Messenger: ``X-Hub-Signature-256`` verified in constant time.
"""
from __future__ import annotations

import hmac
import logging
from typing import Any, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput as _RasaFacebookInput
from rasa.core.channels.facebook import Messenger as _RasaMessenger
from rasa.core.channels.facebook import MessengerBot as _RasaMessengerBot
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.choices import CHOICES, ChoicesMixin, chunks, text_with_choices
from bot.channels.gate import AddressedOutput, GatedChannel, OnNewMessage, provider_api_url
from bot.conversation_ids import conversation_id

logger = logging.getLogger(__name__)


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
        try:  # (the gate answers and logs a turn that fails: it never raises)
            await self.on_new_message(UserMessage(text, out, conversation,
                                                  input_channel=self.name(), metadata=metadata))
        finally:
            await out.send_action(sender_id, sender_action="typing_off")


def hub_signature_valid(app_secret: str, body: bytes, header_256: str, header_1: str) -> bool:
    """Messenger's ``X-Hub-Signature-256`` (preferred) or ``X-Hub-Signature`` over the raw body.
    With no app secret nothing is valid: anyone can sign with an empty key."""
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
            api_url=provider_api_url(credentials.get("api_url")),
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

