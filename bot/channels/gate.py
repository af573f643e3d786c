"""What every channel shares: the intake gate, and a provider's API address.

What every channel shares: the intake gate (bot/intake.py) before the assistant reads a
message, and a provider's API address from the credentials.
"""
from __future__ import annotations

import hmac
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.conversation_ids import provider_address
from bot.intake import MESSAGE_BODY_LIMIT, default_gate
from bot.intake_turn import gated


def provider_api_url(value: Optional[str]) -> Optional[str]:
    value = (value or "").strip()
    return value.rstrip("/") if value else None




OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


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
        # A turn that fails (the database away past every retry, an exception) is answered
        # there with the clinic's number, and logged without the patient's words.
        return gated(on_new_message, channel=self.name(),  # type: ignore[attr-defined]
                     reply_is_free=self.reply_is_free)


