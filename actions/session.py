"""Session start: the clinic's name and numbers from clinic.yml, for every response."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.types import DomainDict

from actions.settings import clinic


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        settings = clinic()
        return [
            SessionStarted(),
            SlotSet("clinic_name", settings.name),
            SlotSet("clinic_phone", settings.phone),
            SlotSet("emergency_number", settings.emergency_number),
            ActionExecuted("action_listen"),
        ]
