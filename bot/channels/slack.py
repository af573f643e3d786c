"""Slack: buttons as blocks up to Slack's limit, numbered choices beyond it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel
from rasa.core.channels.slack import SlackBot as _RasaSlackBot
from rasa.core.channels.slack import SlackInput as _RasaSlackInput
from sanic import Blueprint
from sanic.request import Request

from bot.channels.choices import CHOICES, ChoicesMixin, chunks, text_with_choices
from bot.channels.gate import AddressedOutput, GatedChannel, OnNewMessage, provider_api_url
from bot.conversation_ids import conversation_id

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
        channel.api_url = provider_api_url(credentials.get("api_url"))  # type: ignore[attr-defined]
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


