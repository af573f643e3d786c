"""The PEG pain scale after a consultation-level triage: three 0-10 answers, skippable."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import INTERRUPTIONS, ClinicalFormValidation, latest_intent, latest_text
from bot.peg import booking_details_instead, parse_score, wants_to_skip


class ValidatePegForm(ClinicalFormValidation):
    def name(self) -> Text:
        return "validate_peg_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        return [] if tracker.get_slot("peg_skipped") else domain_slots

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        if requested is None:  # starting: the offer was accepted, ask the first question
            return [SlotSet("pending_offer", None)]
        text, intent = latest_text(tracker), latest_intent(tracker)
        if wants_to_skip(text) or intent == "deny":
            return [SlotSet("peg_skipped", True), SlotSet("reask", None)]
        score = parse_score(text)
        if score is not None:
            return [SlotSet(requested, score), SlotSet("reask", None)]
        if intent in INTERRUPTIONS:
            return []  # the form rejects and the interruption's rule answers
        details = booking_details_instead(text)
        if details:
            # "Dale Whitcomb" at "your pain on average?": the patient is booking, not scoring;
            # the questions end, the details are kept, and the consultation is offered
            return [SlotSet("peg_skipped", True), SlotSet("reask", None)] + [
                SlotSet(slot, value) for slot, value in details.items()]
        return [SlotSet("reask", requested)]
