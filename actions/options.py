"""Questions about a treatment the clinic offers, answered from the clinician's content file."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.types import DomainDict

from actions.common import current_slots, language, latest_text
from actions.offscript import _switched, resume
from actions.settings import clinic, content
from actions.triage import _language_before_message, utter
from bot.advice import answer_option_question, asks_home_care
from bot.language import requested_language
from bot.wording import clinic_values, self_care_message


class ActionAnswerOption(Action):
    def name(self) -> Text:
        return "action_answer_option"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        spoken = language(tracker)
        said = content(spoken)
        if requested_language(latest_text(tracker)) == spoken != _language_before_message(tracker):
            # "could you say that again in English?" after an option: the switch is said, and
            # the option again in the new language (not an aspect its words happened to name)
            return _switched(dispatcher, tracker, current_slots(tracker))
        if asks_home_care(said, latest_text(tracker)):  # "what can I do at home meanwhile?"
            utter(dispatcher, {"text": self_care_message(said, clinic_values(said, clinic()))})
            return resume(dispatcher, tracker)
        answer, option_id = answer_option_question(
            content(spoken), latest_text(tracker), current_slots(tracker),
            also=content("en") if spoken == "es" else None)  # "esa facet injection"
        utter(dispatcher, answer)
        events = [SlotSet("last_option", option_id)] if option_id else []
        return events + resume(dispatcher, tracker)
