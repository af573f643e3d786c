"""Twilio SMS and WhatsApp: numbered choices, ``X-Twilio-Signature`` verified.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Mapping, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.twilio import TwilioInput as _RasaTwilioInput
from rasa.core.channels.twilio import TwilioOutput as _RasaTwilioOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.choices import CHOICES, ChoicesMixin, chunks, text_with_choices
from bot.channels.gate import AddressedOutput, GatedChannel, OnNewMessage, provider_api_url
from bot.conversation_ids import conversation_id

logger = logging.getLogger(__name__)


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
            api_url=provider_api_url(credentials.get("api_url")),
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
                await on_new_message(UserMessage(text, self.get_output_channel(), sender,
                                                 input_channel=self.name(),
                                                 metadata=self.get_metadata(request)))
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return twilio_webhook

