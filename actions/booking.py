"""Booking: collect and validate the clinic's follow-up details, then store the request."""
from __future__ import annotations

import asyncio
import logging
import re
from functools import partial
from typing import List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    INTERRUPTIONS,
    ClinicalFormValidation,
    alert_staff,
    clinical_events,
    current_slots,
    language,
    latest_entities,
    latest_intent,
    latest_text,
    says_leaving,
)
from actions.settings import clinic, content
from actions.triage import language_request_only, level_from_what_is_known, open_questions, utter
from bot import alerts, store
from bot.advice import (
    booking_not_sent,
    booking_offer,
    booking_sent,
    emergency_reminder,
    offer_declined,
    option_asked_about,
    peg_thanks,
    questions_after_booking,
)
from bot.booking import (
    contact_digits_corrected,
    details_in_request,
    name_with_contact,
    names_a_time,
    parse_contact,
    parse_name,
    time_after_contact,
    time_before_contact,
    time_beside_question,
)
from bot.booking_request import asks_to_book, asks_whose_name
from bot.contract import EMERGENCY_FLAGS
from bot.fhir import delivery as fhir_delivery
from bot.name_answer import name_in_answer
from bot.name_correction import name_correction
from bot.names_told import name_given_alone, name_said_before
from bot.nlu.crisis import default_detector
from bot.nlu.crisis_gate import time_answer_heard_as_crisis
from bot.offscript import booking_later, defers_booking, say
from bot.peg import PEG_SLOTS, peg_score
from bot.red_flag_questions import says_yes_or_no
from bot.spoken_contact import as_typed
from bot.time_said import time_to_store

logger = logging.getLogger(__name__)

# While booking, "no" cancels (its rule), and asking to book again is just another answer.
# Words of a question: a message with one is never taken for a name the classifier heard as one.
_ASKED = re.compile(r"[?¿]|\b(?:where|when|how|what|which|do you|does|is there|are you|can i|d[oó]nde|cu[aá]ndo|"
                    r"c[oó]mo|qu[eé]|cu[aá]l|tienen|hay)\b", re.I)
_IF = re.compile(r"\b(?:if|si)\b", re.I)
_BOOKING_INTERRUPTIONS = (INTERRUPTIONS | {"deny"}) - {"book_consultation"}
# What the classifier makes of a name said with a note about it (its spelling, its surnames
# in the other order): word pieces, never a question or a leaving in so many words.
_NAME_NOTE_MISREAD_AS = {"goodbye", "greet", "thank", "affirm", "deny", "out_of_scope", "nlu_fallback",
                         "express_distress", "bot_challenge", "inform", "give_contact"}
# Entities that say nothing about the pain: a name beside them is still a name.
_NOT_CLINICAL = {"writing_for"}
# What the classifier makes of an answer to "when?" that says a time among other words.
# "can you call me after 5?" is the time of the call being arranged (and "could you ring me
# after 6?", naming no treatment, no question about one).
_TIME_MISREAD_AS = {"express_distress", "thank", "greet", "affirm", "out_of_scope", "nlu_fallback",
                    "bot_challenge", "inform", "give_contact", "request_callback"}


def _a_name_read_as_medicine(text: str, entities) -> bool:
    """A full name answering the name question whose only clinical reading is a medicine
    in a capitalised word of it (a name is written so; a patient's medicine seldom is)."""
    name = parse_name(text)
    if not name or len(name.split()) < 2 or not entities:
        return False
    return all(e.get("entity") == "treatment" and text[e.get("start", 0):e.get("end", 0)][:1].isupper()
               for e in entities)


class ValidateBookingForm(ClinicalFormValidation):
    def name(self) -> Text:
        return "validate_booking_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        if tracker.get_slot("triage_level") == "emergency":
            return []  # an emergency is never booked: the form ends and the advice repeats
        return domain_slots

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        events = clinical_events(tracker)
        requested = tracker.get_slot("requested_slot")
        if requested not in _BOOKING_DETAILS:
            # the form is starting (after the triage form, its question is still the
            # requested slot): remember what is being booked
            # "Fine, let's book then" while a call back is offered asks for the consultation
            asked = latest_intent(tracker)
            callback = tracker.get_slot("pending_offer") == "callback" and (
                asked == "request_callback" or (asked != "book_consultation"
                                                and not asks_to_book(latest_text(tracker))))
            kind = "callback" if callback else "consultation"
            details = self._details_in_request(tracker)
            if not tracker.get_slot("booking_name") and not any(
                    e.get("name") == "booking_name" for e in details):
                # "her name is Rosemary Example", said at an earlier question: not asked again
                said = [e for e in tracker.events if e.get("event") == "user"]
                # (or "Priya Natarajan", typed alone at another question)
                name = name_said_before([e.get("text") or "" for e in said]) or name_given_alone(said)
                details += [SlotSet("booking_name", name)] if name else []
            return events + [SlotSet("booking_kind", kind), SlotSet("pending_offer", None)] + details

        if language_request_only(dispatcher, tracker, events):
            return [SlotSet("reask", None)]
        intent = latest_intent(tracker)
        confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0
        text = as_typed(latest_text(tracker))  # "five five five, zero one ..." as it is typed
        contact = parse_contact(text)
        corrected = self._correction(tracker, requested, text, contact)
        if corrected:
            slot, value = corrected
            # Taken and said back; the pending question is asked again, plainly.
            utter(dispatcher, say(content(language(tracker)), clinic(), "correction_ack", value=value))
            # "it should be Samantha Taylor-Ruiz. My number is 555 010 4477": both are taken
            both = [SlotSet("booking_contact", contact)] if slot == "booking_name" and contact \
                and requested == "booking_contact" else []
            return events + [SlotSet(slot, value), SlotSet("reask", None)] + both
        if requested == "booking_name" and asks_whose_name(text):
            # booking for someone else: answered, and the name question comes again
            utter(dispatcher, say(content(language(tracker)), clinic(), "booking_whose_name"))
            return events + [SlotSet("reask", None)]
        if requested == "booking_time" and names_a_time(text) and (
                intent in _TIME_MISREAD_AS or intent == "possible_crisis"
                and time_answer_heard_as_crisis(default_detector(), text, requested)
                or intent == "ask_option_info"
                and option_asked_about(content(language(tracker)), text, None) is None
                or intent == "change_booking" and not tracker.get_slot("booking_reference")):
            # A time said among other words at "when?" is its answer: "any afternoon really, I'm
            # on disability so I'm home" read as distress; "por las mañanas, a partir de las
            # diez" read as a change of booking when nothing has been sent yet to change.
            return events + [SlotSet("booking_time", time_to_store(text)),
                             SlotSet("reask", None)]
        asks_clinic = intent == "ask_clinic" or any(
            e.get("entity") == "faq_topic" for e in latest_entities(tracker)) and (
            intent in _TIME_MISREAD_AS or intent == "change_booking")
        if requested == "booking_time" and asks_clinic and not _ASKED.search(text) and not _IF.search(text) \
                and names_a_time(text):
            # "el lunes, pero en la mañana no tengo quién me traiga" ("traer": what to bring)
            # asks nothing: the time, and no "I don't have that information" ("Saturday if you're
            # open" asks, below)
            return events + [SlotSet("booking_time", time_to_store(text)),
                             SlotSet("reask", None)]
        if requested == "booking_time" and asks_clinic and time_beside_question(text):
            # "Saturday if you're open, if not Monday", "Tuesday mornings. Also, do I need to
            # send my X-rays?": the clinic's answer, and the time is taken (a front desk would
            # not ask "when?" again after hearing it)
            from actions.offscript import clinic_answer  # offscript imports actions.triage

            utter(dispatcher, {"text": clinic_answer(tracker)})
            return events + [SlotSet("booking_time", time_beside_question(text)), SlotSet("reask", None)]
        if requested == "booking_name" and intent == "ask_clinic" and not _ASKED.search(text) \
                and len(text.split()) >= 2 and parse_name(text) and all(w[:1].isupper() for w in text.split()) \
                and all(e.get("entity") == "faq_topic" for e in latest_entities(tracker)):
            # "Owen Price-Lloyd" ("price": cost), "Lucía Rampas" ("rampas": access) heard as a clinic
            # question: nothing asked, a name as names are typed (was "I don't have that information")
            return events + [SlotSet(requested, parse_name(text)), SlotSet("reask", None)]
        if requested == "booking_name" and (intent in _NAME_NOTE_MISREAD_AS or intent == "change_booking"
                                            and not tracker.get_slot("booking_reference")) \
                and not contact and "?" not in text and "¿" not in text and not says_leaving(text) \
                and not [e for e in latest_entities(tracker) if e.get("entity") not in _NOT_CLINICAL]:
            # "Vera Holm, that's H-O-L-M" heard as a goodbye, "Noelia Prieto Castaño. Perdona,
            # Castaño Prieto, que siempre me los cambian" as a change: the name, with its note
            # (with a phone or email beside it, the readers below take all of them)
            named = name_in_answer(text)
            if named:
                return events + [SlotSet(requested, named), SlotSet("reask", None)]
        # A confident interruption is not a detail (a bare name like "Faith" may not be);
        # asked for a phone or email, neither is a message with none in it ("gotta go").
        # (A phone or email given at the contact question is its answer, whatever the classifier
        # made of the words around it: "mi teléfono es cinco cinco cinco..." read as a change.)
        if intent in _BOOKING_INTERRUPTIONS and not (requested == "booking_contact" and contact) and (
                confidence >= 0.6 or (requested == "booking_contact" and not contact and intent in INTERRUPTIONS)):
            if events and intent == "ask_clinic":
                # a clinical word beside the question ("ando en silla de ruedas desde la
                # operación"): the form takes it and does not reject, so the answer is said here
                from actions.offscript import clinic_answer  # offscript imports actions.triage

                utter(dispatcher, {"text": clinic_answer(tracker)})
            return events  # the form rejects (when nothing else came) and the rule answers
        if intent == "book_consultation" and confidence >= 0.6:
            # Already booking: "I'd like an appointment" is not a name or a time. Ask again.
            return events + [SlotSet("reask", requested)]

        value: Optional[str] = None
        if requested == "booking_name":
            if _a_name_read_as_medicine(text, latest_entities(tracker)):
                # "Marvin Alexander López" ("Marvin" one letter from a drug's name): a name
                events = [e for e in events if e.get("name") != "treatments_tried"]
                return events + [SlotSet(requested, parse_name(text)), SlotSet("reask", None)]
            # "lower back", "6 months", "physio": what the NLU read as the pain is no name ("her
            # name is ...": whom the patient writes for, is)
            clinical = [e for e in latest_entities(tracker) if e.get("entity") not in _NOT_CLINICAL]
            value = None if clinical else (
                parse_name(text) or (name_with_contact(text) if contact else None) or name_in_answer(text))
        elif requested == "booking_contact":
            value = contact
        elif requested == "booking_time":
            value = time_to_store(text)
        if value is not None:
            events += [SlotSet(requested, value), SlotSet("reask", None)]
        else:
            events.append(SlotSet("reask", requested))
        if contact and requested != "booking_contact" and not tracker.get_slot("booking_contact"):
            events.append(SlotSet("booking_contact", contact))  # "Jane, 555 010 2030"
        when = time_after_contact(text) if contact and requested != "booking_time" else None
        if contact and requested == "booking_contact" and not when:
            when = time_before_contact(text)  # "el viernes ya tarde, después de las 4. mi cel es ..."
        if when and not tracker.get_slot("booking_time"):
            events.append(SlotSet("booking_time", when))  # "Jas Patel 555-0139 tues evening"
        return events

    @staticmethod
    def _details_in_request(tracker: Tracker) -> List[EventType]:
        """The name, phone or email (and a time after them) said in the very message that
        asked to book ("Yes, an appointment please. Harold Pike."): taken, so the form asks
        only for what is missing. Not when the form starts after anything else happened."""
        for event in reversed(tracker.events):
            if event.get("event") == "user":
                break
            if event.get("event") == "action" and event.get("name") not in _STARTING:
                return []
            if event.get("name") == "action_read_red_flag_confirm" and says_yes_or_no(latest_text(tracker)) \
                    and not (latest_intent(tracker) == "book_consultation" or asks_to_book(latest_text(tracker))):
                # the booking asked for at an earlier turn starts on the answer to the sign's
                # question ("no, no tengo eso"), which is no name
                return []
        details = details_in_request(as_typed(latest_text(tracker)))
        if tracker.get_slot("booking_contact"):
            details.pop("booking_time", None)  # a time only with the contact it followed
        return [SlotSet(slot, value) for slot, value in details.items()
                if not tracker.get_slot(slot)]

    @staticmethod
    def _correction(tracker: Tracker, requested: str, text: str, contact: Optional[str]):
        """(slot, new value) when the message corrects the name or contact given earlier
        ("it's Jon not Jhon", "sorry the email is wrong, it is ..."), else None."""
        name = tracker.get_slot("booking_name")
        if name and requested != "booking_name":
            new_name = name_correction(text, name)
            if new_name and new_name != name:
                return "booking_name", new_name
        given = tracker.get_slot("booking_contact")
        if given and contact and contact != given and requested != "booking_contact":
            return "booking_contact", contact
        fixed = contact_digits_corrected(text, given) if not contact else None
        if fixed and requested != "booking_contact":
            return "booking_contact", fixed
        return None


_BOOKING_DETAILS = ("booking_name", "booking_contact", "booking_time")
# What may run between the patient's message and the booking form starting on it.
_STARTING = ("booking_form", "action_listen", "action_request_callback", "action_deactivate_loop",
             "action_read_red_flag_confirm")  # a request said at a confirming question


def details_given_this_turn(tracker: Tracker) -> bool:
    """Whether the patient's latest message filled a booking detail (the form's last answer),
    rather than a request to send details stored earlier in the conversation again."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") in _BOOKING_DETAILS:
            return True
    return False


class ActionSubmitBooking(Action):
    def name(self) -> Text:
        return "action_submit_booking"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        slots = current_slots(tracker)
        if slots.get("triage_level") == "emergency":
            flags = tuple(f for f in slots.get("red_flags") or [] if f in EMERGENCY_FLAGS)
            utter(dispatcher, emergency_reminder(content(language(tracker)), clinic(), flags))
            return [SlotSet("pending_offer", None)]

        already = slots.get("booking_reference")
        if already and not details_given_this_turn(tracker):
            # Asked to book again with a request already filed: name it, file nothing new.
            for message in booking_offer(content(language(tracker)), clinic(), slots).messages:  # already_booked
                utter(dispatcher, message)
            return [SlotSet("pending_offer", None)]

        events: List[EventType] = []
        # Booked before the triage questions were done: the level is decided from what is
        # known, so the request (and staff) carry one; the open questions follow the booking
        # and decide it again when answered. A red flag said later still interrupts.
        events: List[EventType] = level_from_what_is_known(slots, "booking")
        if events:
            slots["triage_level"] = events[0].get("value")
        kind = slots.get("booking_kind") or "consultation"
        save = partial(
            store.save_booking,
            conversation_id=tracker.sender_id,
            kind=kind,
            name=slots["booking_name"],
            contact=slots["booking_contact"],
            preferred_time=slots["booking_time"],
            triage_level=slots.get("triage_level"),
        )
        try:
            # In a thread: a locked database is waited out without stalling other patients.
            reference = await asyncio.get_running_loop().run_in_executor(None, save)
        except store.StorageUnavailable:
            # For the clinic's operators (no patient data): a request the staff will not see.
            logger.warning("a booking could not be stored: the database was unavailable")
            utter(dispatcher, booking_not_sent(content(language(tracker)), clinic()))
            return [SlotSet("pending_offer", None)]
        await alert_staff(alerts.booking_filed, reference, kind, slots.get("triage_level"),
                          clinic=clinic())
        # The EHR handover (when FHIR_BASE_URL is set) is queued in the outbox, which this
        # process's worker sends and retries: the patient never waits for the clinic's server.
        await asyncio.get_running_loop().run_in_executor(
            None, fhir_delivery.enqueue_request, int(reference.lstrip("R")))
        # Details stored earlier and sent again are never read back to the chat (whoever
        # holds the chat now may not be the patient): the reference is enough.
        utter(dispatcher, booking_sent(content(language(tracker)), clinic(), kind, slots, reference,
                                       details_said_now=details_given_this_turn(tracker)))
        events += [SlotSet("booking_reference", reference), SlotSet("pending_offer", None)]
        if open_questions(slots) and not tracker.get_slot("triage_level"):
            # The triage was not finished: its open questions follow, saying why.
            utter(dispatcher, questions_after_booking(content(language(tracker)), clinic()))
            events.append(FollowupAction("triage_form"))
        return events


class ActionDeclineOffer(Action):
    def name(self) -> Text:
        return "action_decline_offer"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        # A "no" is often the patient leaving: the numbers to call go with it. "Maybe later",
        # "not ready to book yet" put the decision off: how to book later, the offer kept.
        slots = current_slots(tracker)
        if slots.get("pending_offer") == "booking" and defers_booking(latest_text(tracker), slots):
            utter(dispatcher, booking_later(content(language(tracker)), clinic()))
            return [SlotSet("pending_offer", "booking")]
        utter(dispatcher, offer_declined(content(language(tracker)), clinic()))
        return [SlotSet("pending_offer", None)]


class ActionOfferBooking(Action):
    """After the PEG questions (answered or skipped): record the score, offer the booking."""

    def name(self) -> Text:
        return "action_offer_booking"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        slots = current_slots(tracker)
        events: List[EventType] = []
        score = peg_score(slots.get(s) for s in PEG_SLOTS)
        if score is not None:
            events.append(SlotSet("peg_score", score))
            slots["peg_score"] = score
            utter(dispatcher, peg_thanks(content(language(tracker)), clinic()))
        offer = booking_offer(content(language(tracker)), clinic(), slots)
        for message in offer.messages:
            utter(dispatcher, message)
        return events + [SlotSet("pending_offer", offer.pending_offer)]
