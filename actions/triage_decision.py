"""The triage decision (action_triage): the level from everything said, and what it means."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.types import DomainDict

from actions.common import (
    alert_staff,
    apply,
    clinical_events,
    current_slots,
    language,
    latest_entities,
    latest_text,
    says_leaving,
)
from actions.settings import clinic, content
from actions.triage import open_questions, trail_with, utter
from bot import alerts
from bot.advice import answer_option_question, compose_triage, correction_message, unchanged_advice
from bot.offscript import say
from bot.option_select import option_question_not_heard
from bot.slots import retracted_red_flags
from bot.triage import decide_triage


def _ended_after_booking(tracker: Tracker, slots: Dict[str, Any]) -> bool:
    """The triage form has just ended with questions open after a request was sent: only
    ClinicalFormValidation's early end does that (a form completes with none open)."""
    return bool(slots.get("booking_reference")) and bool(open_questions(slots)) \
        and tracker.latest_action_name == "triage_form"


class ActionTriage(Action):
    """Decide the triage level from everything said so far, and say what it means."""

    def name(self) -> Text:
        return "action_triage"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        before = current_slots(tracker)
        events: List[EventType] = clinical_events(tracker)  # this turn's words count too
        slots = apply(before, events)
        retracted = retracted_red_flags(before, latest_entities(tracker))
        if retracted:
            utter(dispatcher, correction_message(content(language(tracker)), clinic(), retracted))
        decision = decide_triage(slots.get("red_flags"), slots.get("duration_category"),
                                 duration_unknown=bool(slots.get("duration_unknown")))
        if _ended_after_booking(tracker, slots) and (
                decision is None or decision.level not in ("emergency", "urgent")):
            # The questions after a booking ended on an off-script turn (ClinicalFormValidation):
            # nothing more is asked or advised; the warning signs, if never screened, once.
            if slots.get("red_flag_screen") is None:
                utter(dispatcher, say(content(language(tracker)), clinic(), "questions_after_booking_end"))
            if says_leaving(latest_text(tracker)):
                # "Thank you dear, you've been a great help. Goodbye now.": a goodbye, with the
                # clinic's phone to change the request and the emergency number
                dispatcher.utter_message(response="utter_goodbye")
            return events + [SlotSet("requested_slot", None)]
        if decision is None:
            # A correction took back the only red flag before the questions were done.
            return events + [FollowupAction("triage_form")]

        advice = compose_triage(decision, slots, content(language(tracker)), clinic())
        if unchanged_advice(before, decision.level, advice.options):
            said, text = content(language(tracker)), latest_text(tracker)
            if option_question_not_heard(said, text, slots.get("last_option")):
                # "would that show them what's actually wrong with my spine?" heard as a story:
                # the option's own text answers it
                answer, option_id = answer_option_question(said, text, slots)
                utter(dispatcher, answer)
                return events + [SlotSet("last_option", option_id)]
            # told after the options (how an injection went): the same options, not again
            utter(dispatcher, say(content(language(tracker)), clinic(), "story_noted"))
            return events + [SlotSet("decision_trail", trail_with(decision, slots, advice.options,
                                                                  advice.option_trail))]
        for message in advice.messages:
            utter(dispatcher, message)

        trail = trail_with(decision, slots, advice.options, advice.option_trail)
        events += [
            SlotSet("triage_level", decision.level),
            SlotSet("decision_trail", trail),
            SlotSet("options_explained", advice.options),
            SlotSet("pending_offer", advice.pending_offer),
        ]
        # Staff hear of an urgent or emergency conversation at once (once per level).
        await alert_staff(alerts.conversation_triaged, tracker.sender_id, decision.level,
                          clinic=clinic())
        if tracker.active_loop.get("name") and decision.level in ("emergency", "urgent"):
            # A red flag ends whatever form was running: no more questions, no booking.
            events += [ActiveLoop(None), SlotSet("requested_slot", None)]
        return events
