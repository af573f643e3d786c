"""Session start (the clinic's name and numbers from clinic.yml), and starting again.

Starting again in the same conversation keeps the language the patient speaks."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, Restarted, SessionStarted, SlotSet
from rasa_sdk.types import DomainDict

from actions.settings import clinic
from bot.content import LANGUAGES


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        events = session_events()
        # The language the page or channel chose (the widget's data-lang, a REST client's
        # metadata), carried by the message that started the session; kept by bot.intake
        # only when it is one the assistant speaks.
        chosen = (tracker.get_slot("session_started_metadata") or {}).get("language")
        if chosen in LANGUAGES:
            events.append(SlotSet("language", chosen))
        return events + [ActionExecuted("action_listen")]


def session_events() -> List[EventType]:
    """A new session's first events: the clinic's name and numbers."""
    settings = clinic()
    return [
        SessionStarted(),
        SlotSet("clinic_name", settings.name),
        SlotSet("clinic_phone", settings.phone),
        SlotSet("emergency_number", settings.emergency_number),
    ]


class ActionRestart(Action):
    """ "Empezar de nuevo": everything said is wiped, not the language the patient speaks (the
    next message, a phone number, was answered in English). Rasa's own restart, then a new
    session carrying the `language` slot."""

    def name(self) -> Text:
        return "action_restart"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(response="utter_restart")
        spoken = tracker.get_slot("language")
        return [Restarted()] + session_events() + (
            [SlotSet("language", spoken)] if spoken in LANGUAGES else [])
