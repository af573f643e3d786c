"""The turns that leave the triage flow: a person, crisis, under 18, a language not spoken."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.types import DomainDict

from actions.common import language
from actions.settings import clinic, content
from actions.triage import utter
from bot.advice import crisis_message, handoff_message, other_language_message, under_18_message
from bot.content import LANGUAGES
from bot.other_language_action import OTHER_LANGUAGE_ACTION


class ActionHandoff(Action):
    def name(self) -> Text:
        return "action_handoff"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        in_form = bool(tracker.active_loop.get("name"))
        utter(dispatcher, handoff_message(clinic(), datetime.now(timezone.utc),
                                          content(language(tracker)), in_form=in_form))
        # In a form its question comes back next (data/rules.yml): a "yes" then accepts the
        # call back unless that question is itself a yes/no one (ClinicalFormValidation.run).
        return [SlotSet("pending_offer", "callback")]


class ActionCrisis(Action):
    def name(self) -> Text:
        return "action_crisis"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        utter(dispatcher, crisis_message(clinic(), content(language(tracker))))
        return [SlotSet("pending_offer", "callback")]


class ActionUnder18(Action):
    def name(self) -> Text:
        return "action_under_18"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        utter(dispatcher, under_18_message(clinic(), content(language(tracker))))
        return [SlotSet("pending_offer", None)]


class ActionOtherLanguage(Action):
    """A message in a language the assistant does not speak (bot/other_language.py)."""

    def name(self) -> Text:
        return OTHER_LANGUAGE_ACTION

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        utter(dispatcher, other_language_message([content(lang) for lang in LANGUAGES], clinic()))
        # Nothing changes; an event says the action ran (bot.dialogue.ActionServerOutagePolicy).
        return [SlotSet("pending_offer", tracker.get_slot("pending_offer"))]
