"""Off-script turns: a question about the clinic, distress, "what now?", a call-back request.

Each answers, then `resume` brings back what was pending (inside a form its rule does that).
"""
from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from functools import partial
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.types import DomainDict

from actions.common import (
    current_slots,
    language,
    latest_entities,
    latest_intent,
    latest_text,
    only_not_knowing,
    says_leaving,
)
from actions.settings import clinic, content
from actions.triage import level_from_what_is_known, utter
from bot import store
from bot.advice import answer_option_question, next_step_offer, option_asked_about, other_body_part
from bot.booking import names_a_time, new_time_in_change
from bot.booking_change import time_changed_from
from bot.booking_request import asks_to_book
from bot.content import DEFAULT_ASPECT, LANGUAGES
from bot.faq import load_faq
from bot.language import requested_language
from bot.nlu.crisis import default_detector
from bot.nlu.crisis_gate import crisis_wording, time_answer_heard_as_crisis
from bot.nlu.request_words import request_words
from bot.offscript import (
    booking_later,
    defers_booking,
    pending_question,
    questions_not_started,
    say,
    steps_away,
)
from bot.option_select import (
    aftercare_question,
    answer_question,
    asks_about_an_option,
    option_question_not_heard,
)
from bot.question_about import asks_about_the_question
from bot.questions_asked import leaving_known, signs_never_asked
from bot.time_said import time_to_store


def resume(dispatcher, tracker: Tracker, start_questions: bool = True) -> List[EventType]:
    """After an answer: inside a form its rule asks again; else the pending offer, or the
    triage questions if they have not started (unless start_questions is False)."""
    if tracker.active_loop.get("name"):
        return []
    slots = current_slots(tracker)
    question = pending_question(content(language(tracker)), clinic(), slots)
    if question:
        utter(dispatcher, question)
        return []
    if start_questions and questions_not_started(slots):
        return [FollowupAction("triage_form")]
    return []


def clinic_answer(tracker: Tracker) -> str:
    """The front desk's answer to the topics the latest message asks about, in the
    conversation's language."""
    topics = [e["value"] for e in latest_entities(tracker) if e.get("entity") == "faq_topic"]
    lang = language(tracker) if language(tracker) in LANGUAGES else "en"
    return load_faq(lang=lang).answer(topics, latest_text(tracker), clinic(),
                                      datetime.now(timezone.utc), content(lang).calendar)


class ActionAnswerClinic(Action):
    def name(self) -> Text:
        return "action_answer_clinic"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        entities = latest_entities(tracker)
        topics = [e["value"] for e in entities if e.get("entity") == "faq_topic"]
        lang = language(tracker) if language(tracker) in LANGUAGES else "en"
        said, slots = content(lang), current_slots(tracker)
        if aftercare_question(said, latest_text(tracker), topics, slots.get("last_option")):
            # "can I drive home after it, or should I bring someone?" once an option was
            # discussed: the option's own text answers it, not the clinic's companion policy
            answer, option_id = answer_option_question(said, latest_text(tracker), slots)
            utter(dispatcher, answer)
            return [SlotSet("last_option", option_id)] + resume(dispatcher, tracker)
        if (not topics or set(topics) <= _WHO_TOPICS and not _answered(tracker, topics)) \
                and slots.get("last_option") and not tracker.active_loop.get("name") \
                and asks_about_an_option(said, latest_text(tracker)):
            # "would this tell the doctor what is causing my pain?" after an option: nothing of
            # the front desk's in it; the option's own text answers (never "I don't have that")
            answer, option_id = answer_option_question(said, latest_text(tracker), slots)
            utter(dispatcher, answer)
            return [SlotSet("last_option", option_id), SlotSet("clinic_topic", None)] + resume(dispatcher, tracker)
        if topics and set(topics) <= _LANGUAGE_TOPICS and requested_language(latest_text(tracker)) \
                and not request_words().someone.search(latest_text(tracker)):  # "¿hay doctores que hablen español?" asks
            # "can we do this in English?": the switch answers it (never "I don't have that")
            return [SlotSet("clinic_topic", None)] + _switched(dispatcher, tracker, slots)
        if not topics and any(e.get("entity") == "body_part_other" for e in entities):
            # "do you treat knee pain too?": what the clinic treats, not "I don't know"
            utter(dispatcher, other_body_part(content(lang), clinic()))
        else:
            dispatcher.utter_message(text=clinic_answer(tracker))
        # kept for staff (what patients ask about); every custom action returns an event
        events = [SlotSet("clinic_topic", ", ".join(topics) or None)]
        if topics and set(topics) == {"wrong_clinic"} and questions_not_started(current_slots(tracker)) \
                and not tracker.active_loop.get("name"):
            # meant for another practice: no pain questions follow ("where does it hurt?")
            return events
        if _books_now(tracker, current_slots(tracker)):
            # "what's a consult cost? ok book it": answered, then the booking it asked for
            return events + [FollowupAction("booking_form")]
        if says_leaving(latest_text(tracker)) and not tracker.active_loop.get("name"):
            # "whats ur phone number, ill just call tmrw": answered, and nothing asked after
            return events
        return events + resume(dispatcher, tracker)


_LANGUAGE_TOPICS = {"languages", "interpreter"}
# Topics about who the doctors are: "would this tell the doctor what's causing it?" names one
# without asking about them (cost or insurance unanswered still get the front desk's number).
_WHO_TOPICS = {"doctor_preference", "doctor_name"}


def _answered(tracker: Tracker, topics) -> bool:
    """Whether the front desk's file answers a topic found (not "I don't have that")."""
    lang = language(tracker) if language(tracker) in LANGUAGES else "en"
    faq = load_faq(lang=lang)
    return bool(topics) and clinic_answer(tracker) != faq.answer([], "", clinic(), datetime.now(timezone.utc))


def _switched(dispatcher, tracker: Tracker, slots) -> List[EventType]:
    """A language asked for (the slot is already the new one): said, and what was pending
    comes back in it; after an option, "explain that again in English" gets the option again.
    Questions not started: the triage form says the switch as it starts."""
    if tracker.active_loop.get("name") or questions_not_started(slots):
        return resume(dispatcher, tracker)
    said, text = content(language(tracker)), latest_text(tracker)
    utter(dispatcher, say(said, clinic(), "language_switched"))
    events: List[EventType] = []
    if slots.get("last_option") and request_words().explain_again.search(text.replace("\u2019", "'")):
        option = next((o for o in said.options if o.id == slots["last_option"]), None)
        if option is not None:  # what it is, whatever aspect words came with "again"
            utter(dispatcher, {"text": answer_question(said, option, DEFAULT_ASPECT)})
    return events + resume(dispatcher, tracker)


def _books_now(tracker: Tracker, slots) -> bool:
    """The message also asks to book, and nothing stands in the way (no request yet, no
    emergency)."""
    return asks_to_book(latest_text(tracker)) and not slots.get("booking_reference") \
        and slots.get("triage_level") != "emergency"


class ActionAcknowledgeDistress(Action):
    """Once, briefly and warmly; then the conversation goes on. Words that may be crisis
    language (`possible_crisis`) get the crisis line every time they come."""

    def name(self) -> Text:
        return "action_acknowledge_distress"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        acknowledged = True
        time_taken: List[EventType] = []
        if latest_intent(tracker) == "possible_crisis" and tracker.active_loop.get("name") == "booking_form" \
                and time_answer_heard_as_crisis(
                default_detector(), latest_text(tracker), tracker.get_slot("requested_slot")):
            # "el viernes, pero en la tarde no tengo quién me lleve" at "when suits you?": the
            # time, no crisis word in it; the booking form takes it (actions/booking.py)
            acknowledged = bool(tracker.get_slot("distress_acknowledged"))
        elif latest_intent(tracker) == "possible_crisis":
            utter(dispatcher, say(content(language(tracker)), clinic(), crisis_wording(default_detector(), latest_text(tracker))))
            if tracker.get_slot("requested_slot") == "booking_time" and names_a_time(latest_text(tracker)):
                # "por las mañanas, que en la tarde no tengo quién me lleve": the line said, and
                # the time taken (it was asked for again until the chat ended unbooked)
                time_taken = [SlotSet("booking_time", time_to_store(latest_text(tracker)))]
        elif tracker.active_loop.get("name") == "triage_form" and (
                asks_about_the_question(latest_text(tracker)) or only_not_knowing(latest_text(tracker))):
            # "I don't rightly know how to describe it" heard as distress: not knowing, no
            # distress in it; the form asks again with examples
            # "why are you asking me this": no distress in it; the form answers and asks again
            acknowledged = bool(tracker.get_slot("distress_acknowledged"))
        elif not tracker.get_slot("distress_acknowledged"):
            utter(dispatcher, say(content(language(tracker)), clinic(), "distress"))
        events: List[EventType] = [SlotSet("distress_acknowledged", acknowledged)] + time_taken
        said, slots = content(language(tracker)), current_slots(tracker)
        if latest_intent(tracker) == "express_distress" and asks_about_an_option(said, latest_text(tracker)) \
                and option_asked_about(said, latest_text(tracker), slots.get("last_option")):
            # "Does the burning-the-nerve thing hurt? I'm scared of it": the fear is heard,
            # and the question gets its answer from the clinic's text
            answer, option_id = answer_option_question(said, latest_text(tracker), slots)
            utter(dispatcher, answer)
            events.append(SlotSet("last_option", option_id))
        if _books_now(tracker, slots):  # "sorry, I'm just tired of this. ok yes I'll book"
            return events + [FollowupAction("booking_form")]
        return events + resume(dispatcher, tracker)


class ActionNextStep(Action):
    """ "What now?" after the options: the consultation offer again."""

    def name(self) -> Text:
        return "action_next_step"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        slots = current_slots(tracker)
        if latest_intent(tracker) == "nothing_helped":  # after the advice: sorry, then the offer
            utter(dispatcher, say(content(language(tracker)), clinic(), "nothing_helped"))
        if slots.get("triage_level") in ("consultation", "self_care") or slots.get(
                "booking_reference"):
            offer = next_step_offer(content(language(tracker)), clinic(), slots)
            for message in offer.messages:
                utter(dispatcher, message)
            return [SlotSet("pending_offer", offer.pending_offer)]
        # Mid-questions the next step is the pending question, which the form asks again. The
        # action says nothing then, so an event says it ran: none reads as a failed action
        # server (ActionServerOutagePolicy), which told the patient of technical trouble.
        return resume(dispatcher, tracker) or [SlotSet("pending_offer", slots.get("pending_offer"))]


class ActionResume(Action):
    """After an answer a response gives ("are you a bot?"): what was pending comes back, or
    the triage questions start if none were asked yet."""

    def name(self) -> Text:
        return "action_resume"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        # an event says it ran: none reads as a failed action server (see ActionNextStep)
        return resume(dispatcher, tracker) or [SlotSet("pending_offer", tracker.get_slot("pending_offer"))]


class ActionGoodbye(Action):
    """Leaving: the goodbye with the clinic's and the emergency number, and the level known
    then stored (a patient who leaves mid-way still has one for staff). Putting off the
    decision ("let me think about it", "not ready to book yet") with no farewell word is not
    a leaving: how to book later, and the offer stays open (a "yes" or the button books)."""

    def name(self) -> Text:
        return "action_goodbye"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        slots = current_slots(tracker)
        events = level_from_what_is_known(leaving_known(slots), "leaving")
        if latest_intent(tracker) == "goodbye" and defers_booking(latest_text(tracker), slots):
            utter(dispatcher, booking_later(content(language(tracker)), clinic()))
            return events + [SlotSet("pending_offer", "booking")]
        if signs_never_asked(slots):
            utter(dispatcher, say(content(language(tracker)), clinic(), "leaving_signs"))
        dispatcher.utter_message(response="utter_goodbye")
        return events + [SlotSet("pending_offer", None)]


class ActionRequestCallback(Action):
    """ "Can someone call me?": the call-back details are collected at once."""

    def name(self) -> Text:
        return "action_request_callback"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        utter(dispatcher, say(content(language(tracker)), clinic(), "callback_start"))
        return [SlotSet("pending_offer", "callback")]


class ActionCannotHelp(Action):
    """Something the assistant cannot do: what it can do, and how to reach a person."""

    def name(self) -> Text:
        return "action_cannot_help"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        said, slots = content(language(tracker)), current_slots(tracker)
        if not tracker.active_loop.get("name") and option_question_not_heard(
                said, latest_text(tracker), slots.get("last_option")):
            # "I want to know what is wrong with my back" after an option: what it is, and
            # that only a specialist can say (the option's text), not "I can't help with that"
            answer, option_id = answer_option_question(said, latest_text(tracker), slots)
            utter(dispatcher, answer)
            return [SlotSet("last_option", option_id)] + resume(dispatcher, tracker)
        key = "take_your_time" if steps_away(latest_text(tracker)) else "cannot_help"
        utter(dispatcher, say(content(language(tracker)), clinic(), key))
        return resume(dispatcher, tracker)


class ActionChangeBooking(Action):
    """ "Can I cancel?": a request sent in this conversation is passed back to the team as a
    call-back request about it; otherwise, how to reach the front desk. Then resume."""

    def name(self) -> Text:
        return "action_change_booking"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        slots = current_slots(tracker)
        if not (slots.get("booking_reference") and slots.get("booking_contact") and slots.get("booking_name")):
            # A patient here about an appointment is not asked where it hurts: only what was
            # pending comes back. (Every custom action returns an event: none means failed.)
            utter(dispatcher, say(content(language(tracker)), clinic(), "booking_change_unknown"))
            return [SlotSet("change_requested", list(slots.get("change_requested") or []))] + resume(
                dispatcher, tracker, start_questions=False)
        # "mejor cámbiemelo para las tardes": the new time is said back and goes to staff
        when = time_changed_from(slots.get("booking_time"), latest_text(tracker)) \
            or new_time_in_change(latest_text(tracker))
        return await send_change(dispatcher, tracker, {"booking_time": when} if when else {}) \
            + resume(dispatcher, tracker)


async def send_change(dispatcher, tracker: Tracker, change: dict) -> List[EventType]:
    """A change to the request sent here (a new time or contact, or none: "can I cancel?"):
    stored for staff as a call-back request about it (once per reference unless something
    new is said), the new detail said back and kept, and the patient told how it goes."""
    slots = current_slots(tracker)
    reference = slots["booking_reference"]
    asked = list(slots.get("change_requested") or [])
    change = {k: v for k, v in change.items() if v and v != slots.get(k)}
    contact = change.get("booking_contact") or slots["booking_contact"]
    new = ", ".join(change.values())
    if reference not in asked or change:
        note = say(content(), clinic(), "booking_change_note", reference=reference)["text"]
        note = f"{note} {new}" if new else note
        save = partial(store.save_booking, conversation_id=tracker.sender_id, kind="callback",
                       name=slots["booking_name"], contact=contact, preferred_time=note[:200],
                       triage_level=slots.get("triage_level"))
        try:
            await asyncio.get_running_loop().run_in_executor(None, save)
        except store.StorageUnavailable:
            utter(dispatcher, say(content(language(tracker)), clinic(), "booking_change_unknown"))
            return [SlotSet("change_requested", asked)]
    if new:
        utter(dispatcher, say(content(language(tracker)), clinic(), "correction_ack", value=new))
    utter(dispatcher, say(content(language(tracker)), clinic(), "booking_change", reference=reference))
    return [SlotSet("change_requested", sorted({*asked, reference}))] + [
        SlotSet(name, value) for name, value in change.items()]
