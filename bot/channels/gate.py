"""What every channel shares: the intake gate (bot/intake.py) before the assistant reads a
message, and a provider's API address from the credentials.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import UserMessage

from bot.intake import gated


def provider_api_url(value: Optional[str]) -> Optional[str]:
    value = (value or "").strip()
    return value.rstrip("/") if value else None




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
        # A turn that fails (the database away past every retry, an exception) is answered
        # there with the clinic's number, and logged without the patient's words.
        return gated(on_new_message, channel=self.name(),  # type: ignore[attr-defined]
                     reply_is_free=self.reply_is_free)


