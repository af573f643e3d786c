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

One module per provider (as Rasa's own ``rasa/core/channels/``): ``rest``, ``socketio``,
``twilio``, ``telegram``, ``facebook``, ``slack``; ``choices`` (numbered choices, message
splitting), ``gate`` (the intake gate every channel passes messages through) and ``config``
(the effective ``var/credentials.yml`` and ``var/endpoints.yml``). The channel classes are
named here, as ``bot.channels.RestInput`` etc. in credentials.yml, and imported when Rasa
first asks for one.

``python -m bot.channels [--out var/credentials.yml]`` writes the effective credentials file:
REST and web chat always, each messaging channel only when its environment variables are set
(one start-up line per channel says which are on and what turns the others on). Secrets are
not written: the file names them as ``${VARIABLE}`` and Rasa reads them from the environment.
"""
from __future__ import annotations

import importlib
from typing import Any

# The channel classes credentials.yml names (``bot.channels.RestInput``), and their modules.
_EXPORTS = {
    "RestInput": "rest", "SocketIOInput": "socketio", "TwilioInput": "twilio",
    "TelegramInput": "telegram", "FacebookInput": "facebook", "SlackInput": "slack",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    # Lazily, so that writing the configuration does not import every provider's SDK.
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
