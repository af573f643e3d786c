"""REST (/webhooks/rest/webhook): Rasa's channel behind the gate, malformed bodies refused.
"""
from __future__ import annotations

import logging
from typing import Any, Optional, Text

from rasa.core.channels.rest import RestInput as _RasaRestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.gate import GatedChannel, OnNewMessage, bearer_token_valid, body_too_large
from bot.conversation_ids import conversation_id
from bot.server_secrets import REST_TOKEN, server_secret

logger = logging.getLogger(__name__)

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
    called "default"). The body's ``input_channel`` field does not change which flood limit
    applies.
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


