"""A message in a language the assistant does not speak: what it can still do safely.

The NLU's language detector (`language_detected` in the parse data: {"language": "en" | "es"
| "other", "confidence": float}) reads each message. A message confidently in another
language would otherwise be misunderstood; `OtherLanguagePolicy` answers it with
`action_other_language`, which says in English and in Spanish (content/conversation.yml and
content/es/conversation.yml, `other_language`) the emergency number, the clinic's phone and the
languages the assistant speaks. A red flag or an emergency already recorded goes first
(RedFlagPolicy); the conversation's language is not changed.
"""
from __future__ import annotations

from typing import Any, Mapping

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue import _SafetyPolicy
from bot.other_language_action import OTHER_LANGUAGE_ACTION

__all__ = ["OTHER_LANGUAGE_ACTION", "OtherLanguagePolicy", "in_unspoken_language"]
DETECTED = "language_detected"  # the parse data's key (the es-nlu language detector)


def in_unspoken_language(parse_data: Mapping[str, Any]) -> bool:
    """Whether the message was in a language the assistant does not speak: "other" was the
    detector's best guess, with any margin over English and Spanish. Measured on the
    detector, whole sentences in French and Portuguese get "other" at 0.1-0.2, German and
    Vietnamese at about 0.67; a message that is not English or Spanish cannot be understood
    anyway, and this answer changes nothing but gives the safety numbers."""
    detected = parse_data.get(DETECTED) or {}
    return (detected.get("language") == "other"
            and float(detected.get("confidence") or 0.0) > 0.0)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class OtherLanguagePolicy(_SafetyPolicy):
    PRIORITY = 7.5  # between RedFlagPolicy (7), which it leaves every red flag to, and the outage policy (8)

    def decide(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        if tracker.latest_action_name == OTHER_LANGUAGE_ACTION:
            return self._certain(ACTION_LISTEN_NAME, domain)
        message = tracker.latest_message
        if (tracker.latest_action_name == ACTION_LISTEN_NAME and message
                and in_unspoken_language(message.parse_data)
                and not any(e.get("entity") in ("red_flag", "red_flag_unsure")
                            for e in message.entities or [])
                and not tracker.get_slot("red_flags_unsure")
                # a booking question's answer ("mon/wed mornings", "Kwame Osei") is short and
                # often reads as no language: the booking form reads it, and asks again if need be
                and not str(tracker.get_slot("requested_slot") or "").startswith("booking_")
                and tracker.get_slot("triage_level") != "emergency"):
            return self._certain(OTHER_LANGUAGE_ACTION, domain)
        return self._abstain(domain)
