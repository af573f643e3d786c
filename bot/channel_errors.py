"""What a patient reads when their message could not be handled: the clinic's number, kindly.

Rasa's REST channel answers an exception with an empty list (the patient sees nothing) and
logs the patient's message text with it; a turn whose conversation could not be loaded or
saved (`bot.db_resilience`) is answered as if the patient had just arrived. `kindly` wraps
the `on_new_message` a channel's blueprint receives, so that in both cases the patient gets
the assistant's "technical trouble" answer (domain.yml `utter_technical_trouble`, with the
numbers from clinic.yml) and can send the message again; the log names the error class only.

Every channel in bot/channels.py applies it in its gate (`GatedChannel.gate`), after the
flood and length limits.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Awaitable, Callable

import yaml

from bot.db_resilience import begin_turn, storage_trouble
from bot.intake import reply_address

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
TROUBLE_RESPONSE = "utter_technical_trouble"


@lru_cache(maxsize=1)
def trouble_text() -> str:
    from bot.clinic import load_clinic

    clinic = load_clinic()
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    template = domain["responses"][TROUBLE_RESPONSE][0]["text"]
    return template.format(clinic_name=clinic.name, clinic_phone=clinic.phone,
                           emergency_number=clinic.emergency_number)


def kindly(on_new_message: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    async def handle(message) -> None:
        begin_turn()
        try:
            await on_new_message(message)
        except Exception as error:  # noqa: BLE001 - the patient must get an answer
            logger.error("a message could not be handled (%s)", type(error).__name__)
            await _tell_trouble(message)
            return
        if storage_trouble():
            await _tell_trouble(message)

    return handle


async def _tell_trouble(message) -> None:
    from rasa.core.channels.channel import CollectingOutputChannel

    output = message.output_channel
    if isinstance(output, CollectingOutputChannel):
        # Answers to a turn that was not stored: the patient sends the message again instead.
        output.messages.clear()
    await output.send_text_message(reply_address(output, message.sender_id), trouble_text())
