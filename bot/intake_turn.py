"""A channel's handler behind the intake gate: refusals answered, a failed turn answered kindly.

bot/channels/gate.py wraps each channel's handler with :func:`gated`: the message passes the
gate of bot/intake.py first (a refused one is answered on its own channel and goes no further).

Then the one failure path for a turn: a turn that fails (an exception anywhere in Rasa, the
database away past every retry, so the conversation could not be loaded or saved,
``bot.db_resilience``) is answered with the assistant's technical-trouble text (domain.yml
``utter_technical_trouble``, the same words Rasa says when the action server is away, with
the numbers from clinic.yml) and logged by error kind and code location only. Rasa's REST
channel would answer nothing and log the patient's text; a turn whose conversation could not
be loaded would be answered as if the patient had just arrived.


Nothing here logs what a patient wrote or who they are (a sender id may be a phone number).
"""
from __future__ import annotations

import logging
import traceback
from functools import lru_cache
from typing import Any, Awaitable, Callable, Optional

from bot.db_resilience import begin_turn, storage_trouble
from bot.intake import DOMAIN_FILE, Gate, default_gate, kept_metadata

logger = logging.getLogger(__name__)


def reply_address(output: Any, conversation: str) -> str:
    """Where a notice sent outside Rasa's send_response goes: the provider's own address of a
    namespaced conversation id (bot.channels.AddressedOutput), else the id itself."""
    address_for = getattr(output, "address_for", None)
    return address_for(conversation) if callable(address_for) else conversation


# Rasa's types are only needed here, so this module stays importable (and testable) without them.
OnNewMessage = Callable[[Any], Awaitable[Any]]


def gated(on_new_message: OnNewMessage, *, channel: str, reply_is_free: bool,
          gate: Optional[Gate] = None) -> OnNewMessage:
    """``on_new_message`` behind the gate, for a channel's ``blueprint``.

    A refused message is answered through the message's own output channel and goes no
    further. A failure while the assistant handles a message is answered with the
    technical-trouble text and logged by kind and code location only: Rasa's own handlers
    would log the patient's text with it.
    """
    async def handle(message: Any) -> Any:
        current = gate or default_gate()
        text = message.text if isinstance(message.text, str) else ""
        sender = str(message.sender_id)
        language = kept_metadata(message.metadata).get("language", "en")
        verdict = current.check(channel, sender, text, reply_is_free=reply_is_free,
                                language=language)
        if verdict.reply is not None:
            _count(verdict.reason)
            if verdict.send_reply:
                await _answer(message, verdict.reply)
            return None
        if isinstance(message.text, str):
            message.text = verdict.text
        message.metadata = kept_metadata(message.metadata)
        begin_turn()
        try:
            await on_new_message(message)
        except Exception as error:  # noqa: BLE001 - the patient must get an answer
            where = traceback.extract_tb(error.__traceback__)[-1:]
            location = f"{where[0].filename}:{where[0].lineno}" if where else "?"
            logger.error("a message could not be handled: %s at %s", type(error).__name__, location)
            await _answer(message, trouble_text(), instead_of_the_turn=True)
            return None
        else:
            if storage_trouble():
                await _answer(message, trouble_text(), instead_of_the_turn=True)
            return None
        finally:
            current.done(channel, sender)

    return handle


TROUBLE_RESPONSE = "utter_technical_trouble"


@lru_cache(maxsize=1)
def trouble_text() -> str:
    """The technical-trouble answer: domain.yml's, where Rasa needs it when the action server
    is away (bot.dialogue.ActionServerOutagePolicy), with the clinic's numbers."""
    import yaml

    from bot.clinic import load_clinic

    clinic = load_clinic()
    domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    template = domain["responses"][TROUBLE_RESPONSE][0]["text"]
    return template.format(clinic_name=clinic.name, clinic_phone=clinic.phone,
                           emergency_number=clinic.emergency_number)


async def _answer(message: Any, text: str, instead_of_the_turn: bool = False) -> None:
    """Sends `text` on the message's own channel; never raises (a channel's provider may be
    away too), so the gate is the only handler a channel needs."""
    from rasa.core.channels.channel import CollectingOutputChannel

    output = message.output_channel
    if output is None:
        return
    if instead_of_the_turn and isinstance(output, CollectingOutputChannel):
        # Answers to a turn that was not stored: the patient sends the message again instead.
        output.messages.clear()
    try:
        await output.send_text_message(reply_address(output, message.sender_id), text)
    except Exception as error:  # noqa: BLE001 - nothing more to do; the kind is logged
        logger.error("an answer could not be sent: %s", type(error).__name__)


_counts = {"too_fast": 0, "too_long": 0}
_LOG_EVERY = 100


def _count(reason: str) -> None:
    """A log line for the first refusal of each kind and then every 100th: counts only."""
    _counts[reason] = _counts.get(reason, 0) + 1
    n = _counts[reason]
    if n == 1 or n % _LOG_EVERY == 0:
        logger.info("messages refused so far in this process: %d %s", n, reason.replace("_", " "))
