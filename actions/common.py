"""What every action module needs: the latest message's clinical updates and the settings."""
from __future__ import annotations

import asyncio
import logging
from abc import abstractmethod
from functools import partial
from typing import Any, Callable, Dict, List

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.settings import clinic, content
from bot.booking_change import change_after_booking
from bot.duration_across import told_across
from bot.nlu.request_words import request_words
from bot.offscript import questions_end_after_booking, say, says_not_knowing
from bot.question_about import asks_about_the_question
from bot.slots import asked_not_had, clinical_updates
from bot.story import story_updates
from bot.typed_for import as_meant, each_entities_said

logger = logging.getLogger(__name__)

TRIAGE_QUESTIONS = ("pain_location", "pain_duration_weeks", "treatments_tried")

# Intents that are not answers: when one of them carries no clinical detail, a form rejects
# the turn so that its rule (answer, then ask again) runs instead of a re-ask.
INTERRUPTIONS = {
    "bot_challenge", "thank", "goodbye", "request_human", "ask_option_info",
    "book_consultation", "crisis", "age_under_18", "start_over", "out_of_scope",
    "ask_clinic", "express_distress", "ask_next_step", "request_callback",
    "possible_crisis", "change_booking",
}


def latest_intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def latest_entities(tracker: Tracker) -> List[Dict[str, Any]]:
    """The latest message's entities as the conversation means them (bot/typed_for.py)."""
    return as_meant(tracker.latest_message.get("entities") or [], each_entities_said(tracker.events))


def language(tracker: Tracker) -> str | None:
    """The language spoken with this patient (slot `language`: en | es; unset is English)."""
    return tracker.get_slot("language")


def latest_text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


CONFIRM_ACTIONS = ("action_ask_red_flag_confirm", "action_read_red_flag_confirm")


def answers_confirming_question(tracker: Tracker) -> bool:
    """Was the latest message the answer to "Just to be safe: ...?" (actions/confirm.py)?
    Then it is no answer to the form's question, which is simply asked again."""
    seen_user, asked = False, False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == "red_flags_unsure":
            asked = asked or bool(event.get("value"))
        elif seen_user and event.get("event") == "action" and event.get("name") != "action_listen":
            if event.get("name") == CONFIRM_ACTIONS[0]:
                return asked  # it may have answered a question about the screen and asked it again
            return event.get("name") in CONFIRM_ACTIONS
    return False


def yes_no_question_pending(tracker: Tracker) -> bool:
    """Whether the question the patient is answering takes a yes or a no: the warning-sign
    screen or a warning sign's confirming question."""
    return tracker.get_slot("requested_slot") == "red_flag_screen" or bool(
        tracker.get_slot("red_flags_unsure"))


def current_slots(tracker: Tracker) -> Dict[str, Any]:
    return dict(tracker.slots)


def red_flag_evidence(tracker: Tracker) -> List[Dict[str, str]]:
    """The patient's own words for each red flag, kept so they can be echoed and corrected."""
    text = latest_text(tracker)
    evidence = list(tracker.get_slot("red_flag_evidence") or [])
    for entity in latest_entities(tracker):
        if entity.get("entity") == "red_flag":
            words = text[entity.get("start", 0): entity.get("end", 0)]
            item = {"flag": entity["value"], "words": words}
            if item not in evidence:
                evidence.append(item)
    return evidence


def clinical_events(tracker: Tracker) -> List[SlotSet]:
    """SlotSet events for what the latest message says about the pain and red flags."""
    slots = current_slots(tracker)
    entities = asked_not_had(latest_intent(tracker), latest_text(tracker), latest_entities(tracker))
    entities += _length_told_across(tracker, entities)
    updates = clinical_updates(slots, entities, latest_text(tracker))
    updates.update(story_updates(slots, entities, answering=tracker.get_slot("requested_slot")))
    events = [SlotSet(name, value) for name, value in updates.items()]
    if "red_flags" in updates:
        flags = set(updates["red_flags"])
        evidence = [e for e in red_flag_evidence(tracker) if e["flag"] in flags]
        events.append(SlotSet("red_flag_evidence", evidence))
    return events


def _length_told_across(tracker: Tracker, entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """At "how long?", the day it is now after a start the message before dated ("...since the
    new job, that was in June" / "Now is end of September"): the length, as a duration entity."""
    if tracker.get_slot("requested_slot") != "pain_duration_weeks" or tracker.get_slot("language") == "es" \
            or any(e.get("entity") == "duration" for e in entities):
        return []
    said = [e.get("text") for e in tracker.events if e.get("event") == "user"]
    weeks = told_across(said[-2] if len(said) > 1 else None, latest_text(tracker))
    return [] if weeks is None else [{"entity": "duration", "value": weeks, "extractor": "told_across"}]


def apply(slots: Dict[str, Any], events: List[Any]) -> Dict[str, Any]:
    """Slot values after these events (for deciding within the same action)."""
    merged = dict(slots)
    for event in events:
        if isinstance(event, dict) and event.get("event") == "slot":
            merged[event["name"]] = event["value"]
    return merged


# What a confident goodbye may carry that is still the patient's answer, kept over leaving.
_ANSWER_ENTITIES = {"pain_location", "duration", "red_flag", "red_flag_denied", "red_flag_unsure",
                    "treatment_none"}


# What a message may carry that answers a triage question (never a booking change then).
_CLINICAL = {"pain_location", "duration", "treatment", "treatment_none", "red_flag",
             "red_flag_denied", "red_flag_unsure"}


def _leaving(tracker: Tracker) -> bool:
    """A confident goodbye that answers nothing essential (never at a yes/no question)."""
    intent = tracker.latest_message.get("intent") or {}
    if intent.get("name") != "goodbye" or (intent.get("confidence") or 0) < 0.9:
        return False
    # "olvídalo, esto no sirve para nada": the "nada" of giving up is no "tried nothing"
    kept = _ANSWER_ENTITIES - {"treatment_none"} if request_words().leaving.search(
        latest_text(tracker).replace("\u2019", "'")) else _ANSWER_ENTITIES
    return not yes_no_question_pending(tracker) and not any(
        e.get("entity") in kept for e in latest_entities(tracker))


def says_leaving(text: str) -> bool:
    """Leaving in so many words ("mejor no. lo pienso y luego les escribo", "forget it, bye"):
    at a booking question, a goodbye the classifier is sure of is only taken with these (a
    corrected name, "it's Tayler, not Taylor", may sound like one)."""
    words, text = request_words(), (text or "").replace("\u2019", "'")
    return bool(words.leaving.search(text) or words.farewell.search(text) or words.deferring.search(text))


class ClinicalFormValidation(FormValidationAction):
    """A form validation whose `get_extraction_events` reads and validates the whole turn.

    The SDK's default `run` keeps only the form's own required slots from what extraction
    returned, which would drop `duration_category`, `red_flags` and the rest of what the
    patient said in passing; this returns every event, then asks for the next slot.
    """

    @abstractmethod
    def name(self) -> str:
        """Abstract, so the action server does not register this base class itself."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        on_message = self._on_patient_message(tracker)
        call_back_offered = tracker.get_slot("pending_offer") == "callback" \
            and bool(tracker.get_slot("requested_slot"))
        if on_message and (latest_intent(tracker) in ("crisis", "possible_crisis") or (
                call_back_offered and latest_intent(tracker) == "affirm"
                and not yes_no_question_pending(tracker))):
            # Not an answer to the form's question: crisis language, or what may be crisis
            # language, beside a detail ("saving up my painkillers", "a veces pienso que mi
            # familia estaría mejor sin mí. Ya son ocho meses así"), or "yes" to the call back offered mid-form. The form
            # rejects the turn and its rule runs (data/rules.yml). At a yes/no question (a
            # warning sign's) "yes" answers it: only "call me back" asks for the call back.
            return []
        if on_message and _leaving(tracker) and (self.name() == "validate_triage_form" or (
                self.name() == "validate_booking_form" and says_leaving(latest_text(tracker)))):
            # "ugh sorry gotta go, boss just walked in": leaving, though a word of it read as a
            # detail ("walked" as exercise); the form rejects and the goodbye rule runs. (The
            # booking form reads a correction first: "it's Tayler, not Taylor" heard as bye.)
            return []
        if on_message and self.name() == "validate_triage_form" and latest_intent(tracker) == "express_distress" \
                and not yes_no_question_pending(tracker) \
                and all(e.get("entity") == "red_flag_denied" for e in latest_entities(tracker)):
            # "ya no puedo más, no duermo bien, lloro a cada rato" with a sign's word denied in
            # it ("no duermo"): no answer to a question that is not the screen; the form
            # rejects, the distress is acknowledged and the question comes again
            return []
        if not on_message and self.name() == "validate_triage_form" and questions_end_after_booking(
                current_slots(tracker), self._answered_by(tracker), latest_text(tracker)):
            # Booked already, and the patient asked something else instead of answering: the
            # answer alone, no question after it (action_triage then closes, see there).
            return [SlotSet("requested_slot", None)]
        change = on_message and self.name() == "validate_triage_form" and self._booking_change(tracker)
        if change:
            # "actually afternoons are better", said at a question after the booking: the
            # request's detail is changed (and passed to staff), and the questions end there
            from actions.offscript import send_change  # actions.offscript imports this module

            return await send_change(dispatcher, tracker, change) + [SlotSet("requested_slot", None)]
        events = await self.get_extraction_events(dispatcher, tracker, domain)
        if on_message and events and self.name() == "validate_triage_form" and latest_intent(tracker) == "ask_clinic" \
                and tracker.get_slot("booking_reference"):
            # "What should I bring? I have my MRI and my list of pills", after the request was
            # sent: answered with the detail taken (a word of it read as a treatment), and the
            # questions end there, as for a question with no detail (questions_end_after_booking)
            return events + [SlotSet("requested_slot", None)]
        if call_back_offered and on_message and events:
            # The patient carried on after the call-back offer: a later "yes" answers the
            # form's question, not the offer. (Not when the form comes back right after the
            # offer: no patient message yet; nor when the turn was no answer, which the form
            # must still reject so that its rule runs: "ok, let's book then" books.)
            events.append(SlotSet("pending_offer", None))
        if on_message and events and self.name() == "validate_triage_form" \
                and latest_intent(tracker) == "express_distress" and not tracker.get_slot("distress_acknowledged") \
                and not asks_about_the_question(latest_text(tracker)) \
                and not only_not_knowing(latest_text(tracker)):  # "why are you asking me this", "I don't rightly know"
            # "en la espalda baja, pero tengo mucho miedo": the answer is taken and the fear
            # heard, once (as action_acknowledge_distress does when no answer came with it)
            dispatcher.utter_message(**say(content(language(tracker)), clinic(), "distress"))
            events.append(SlotSet("distress_acknowledged", True))
        tracker.add_slots(events)
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        return events + ([next_slot] if next_slot else [])

    @staticmethod
    def _booking_change(tracker: Tracker) -> dict:
        """A detail of the request already sent, changed in a message with no clinical detail."""
        if not tracker.get_slot("booking_reference") or not tracker.get_slot("booking_contact") \
                or any(e.get("entity") in _CLINICAL for e in latest_entities(tracker)):
            return {}
        return change_after_booking(latest_text(tracker), tracker.get_slot("booking_contact"),
                                    tracker.get_slot("booking_time"))

    def _answered_by(self, tracker: Tracker) -> str | None:
        """The action that answered the turn before the form came back (None on a message)."""
        for event in reversed(tracker.events):
            if event.get("event") == "user":
                return None
            if event.get("event") == "action" and event.get("name") not in (
                    self.form_name(), "action_listen"):
                return event.get("name")
        return None

    def _on_patient_message(self, tracker: Tracker) -> bool:
        """Whether the form runs on the patient's message itself, not back after an
        interruption was answered (no other action since the message)."""
        for event in reversed(tracker.events):
            if event.get("event") == "user":
                return True
            if event.get("event") == "action" and event.get("name") not in (
                    self.form_name(), "action_listen"):
                return False
        return True


async def alert_staff(queue_alert: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Queue a staff alert (bot/alerts) in a thread (the database), without ever failing the
    patient's turn: the request or the triage is stored and on the staff page either way, and
    a failure here is logged for the operators (its type only, never patient detail)."""
    try:
        await asyncio.get_running_loop().run_in_executor(
            None, partial(queue_alert, *args, **kwargs))
    except Exception as exc:
        logger.warning("a staff alert could not be queued (%s)", type(exc).__name__)


def only_not_knowing(text: str) -> bool:
    """ "I don't rightly know how to describe it, it's just sore": not knowing, no distress
    in so many words (the classifier's distress guess is not acknowledged for it)."""
    return says_not_knowing(text) and not request_words().distress.search((text or "").replace("\u2019", "'"))
