"""Red flags the patient may not have now: one short confirming question each, and the answer.

A sign that was feared, asked about, past, or found only by the learned detector
(`red_flag_unsure`) never counts and is never dropped on its own: the patient is asked ("Just to
be safe: ...?", content/self_care.yml) and the answer decides. Yes: it counts like any red flag
(action_triage: emergency or urgent). No: it is ruled out and the questions go on where they
were. `bot.dialogue.RedFlagPolicy` decides when these run; `bot.slots` decides the answer.
"""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.types import DomainDict

from actions.common import (
    apply,
    clinical_events,
    current_slots,
    language,
    latest_entities,
    latest_intent,
    latest_text,
    says_leaving,
)
from actions.offscript import ActionGoodbye, clinic_answer, resume
from actions.settings import clinic, content
from actions.triage import ValidateTriageForm, utter
from bot.advice import answer_option_question, option_asked_about, screening_question
from bot.booking import parse_contact
from bot.booking_request import asks_to_book
from bot.content import LANGUAGES
from bot.nlu.crisis import default_detector
from bot.nlu.crisis_gate import crisis_wording
from bot.offscript import correction_ack, say
from bot.option_select import asks_about_an_option
from bot.question_about import (
    about_the_question,
    asks_about_the_question,
    asks_meaning,
    meaning_of_signs,
    told_after_question,
)
from bot.red_flag_questions import asks_in_general, confirm_answer, flags_to_confirm, says_yes_or_no
from bot.wording import fill

# `reask` while a confirming question has been asked a second time
ASKED_AGAIN = "red_flag_confirm"


def _ask(dispatcher, tracker: Tracker, flag: str) -> None:
    dispatcher.utter_message(text=content(language(tracker)).self_care.red_flag_confirm[flag])


class ActionAskRedFlagConfirm(Action):
    """A message with unsure red flags: keep what else it said, ask about the first one."""

    def name(self) -> Text:
        return "action_ask_red_flag_confirm"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        entities = latest_entities(tracker)
        if _option_risk_asked(tracker, entities):
            # "can that paralyze you?" about the option just discussed: its risks, from the
            # clinic's text (the screen was answered; the fear is in the question, not a sign)
            answer, option_id = answer_option_question(content(language(tracker)), latest_text(tracker),
                                                       current_slots(tracker))
            utter(dispatcher, answer)
            return [SlotSet("last_option", option_id)] + resume(dispatcher, tracker)
        events: List[EventType] = clinical_events(tracker)
        unsure = flags_to_confirm(current_slots(tracker), entities)
        if _asks_about_the_screen(tracker, entities, unsure):
            # "why do you need to know about my bladder?", "what does saddle numbness mean?" at
            # the screen: answered, and the screen (which asks about every sign) comes again,
            # never a confirming question about a sign only named in the question
            said = content(language(tracker))
            answer = about_the_question(said, clinic(), "red_flag_screen", latest_text(tracker), entities)
            utter(dispatcher, answer or {"text": fill(said.self_care.sign_question_answer,
                                                       clinic().template_values(said.calendar))})
            utter(dispatcher, screening_question(said))
            return events
        if tracker.get_slot("requested_slot") == "red_flag_screen":
            screen = ValidateTriageForm._screen_answer(dispatcher, tracker, latest_intent(tracker))
            if unsure:
                # "not sure about the weight one; the rest no": not clear while a sign waits
                # for its confirming question (its "no" later rules it out)
                screen = [SlotSet("red_flag_screen", "unsure") if e.get("name") == "red_flag_screen"
                          and e.get("value") == "clear" else e for e in screen]
            events += screen
        if not unsure:
            return events
        if latest_intent(tracker) == "possible_crisis":
            # words the classifier took for crisis language: the crisis line, then the sign
            utter(dispatcher, say(content(language(tracker)), clinic(), crisis_wording(default_detector(), latest_text(tracker))))
        elif latest_intent(tracker) == "express_distress" and not tracker.get_slot("distress_acknowledged"):
            # "I'm terrified this means I have cancer": the fear is heard before the question
            dispatcher.utter_message(text=say(content(language(tracker)), clinic(), "distress")["text"])
            events.append(SlotSet("distress_acknowledged", True))
        asked_in_general = asks_in_general(latest_text(tracker), entities)
        meaning = meaning_of_signs(content(language(tracker)), clinic(), unsure[:1]) \
            if asks_meaning(latest_text(tracker)) else None
        if meaning:  # "what mean saddle numbness?": the sign in plain words, then the question
            utter(dispatcher, meaning)
        elif asked_in_general:
            said = content(language(tracker))
            dispatcher.utter_message(text=fill(said.self_care.sign_question_answer,
                                               clinic().template_values(said.calendar)))
        # "Correction before I answer: never went to physio, it was chiro": said back first
        ack = correction_ack(content(language(tracker)), clinic(), current_slots(tracker),
                             apply(current_slots(tracker), events))
        if ack:
            utter(dispatcher, ack)
        _ask(dispatcher, tracker, unsure[0])
        pending = list(tracker.get_slot("red_flags_unsure") or []) + unsure
        if latest_intent(tracker) == "book_consultation" or asks_to_book(latest_text(tracker)):
            # "ok sí, book me" that raised the question: booked once the question is settled
            events.append(SlotSet("pending_offer", "booking"))
        events += _contact_kept(tracker)
        return events + [SlotSet("red_flags_unsure", pending)]


def _asks_about_the_screen(tracker: Tracker, entities, unsure) -> bool:
    """A question about the screen's own words (why it is asked, what a word means), while it
    waits, no sign in it said. A sign told with "is that normal?" or a general question about
    a sign is not one: it gets the plain answer and its confirming question (never only the
    screen again, whose "no" would rule the sign out unasked)."""
    asked = [e for e in entities if e.get("entity") == "red_flag_unsure"]
    return tracker.get_slot("requested_slot") == "red_flag_screen" and bool(unsure) and bool(asked) \
        and asks_about_the_question(latest_text(tracker)) \
        and not told_after_question(latest_text(tracker), entities) \
        and not any(e.get("entity") == "red_flag" for e in entities) and not tracker.get_slot("red_flags_unsure")


def _option_risk_asked(tracker: Tracker, entities) -> bool:
    """A question about an option's risks that names a sign only as what is feared ("will it
    paralyse me?", "could it paralyse me if ...": every unsure sign asked or supposed), once the screen is answered and the level
    decided, no form running: not a sign to confirm."""
    said, text, slots = content(language(tracker)), latest_text(tracker), current_slots(tracker)
    unsure = [e for e in entities if e.get("entity") == "red_flag_unsure"]
    return bool(unsure) and all(e.get("reason") in ("question", "hypothetical") for e in unsure) \
        and not any(e.get("entity") == "red_flag" for e in entities) \
        and slots.get("triage_level") in ("consultation", "self_care") and not tracker.active_loop.get("name") \
        and asks_about_an_option(said, text, aspects=("risks",)) \
        and option_asked_about(said, text, slots.get("last_option")) is not None


class ActionReadRedFlagConfirm(Action):
    """The answer to a confirming question: yes counts the flag, no rules it out."""

    def name(self) -> Text:
        return "action_read_red_flag_confirm"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        pending = list(tracker.get_slot("red_flags_unsure") or [])
        if not pending:
            return [SlotSet("red_flags_unsure", [])]
        flag, rest = pending[0], pending[1:]
        entities = latest_entities(tracker)
        answer = confirm_answer(flag, latest_intent(tracker), latest_text(tracker), entities,
                                asked_last=_asked_last(tracker, flag))
        if latest_intent(tracker) == "possible_crisis":
            # words the classifier took for crisis language: the crisis line, then the answer
            utter(dispatcher, say(content(language(tracker)), clinic(), crisis_wording(default_detector(), latest_text(tracker))))
        events: List[EventType] = clinical_events(tracker)  # "no, but my legs are weak"
        if answer is None:
            # Not an answer, but what it says is kept ("started in October, so 8 weeks", "hace
            # una semana"): patients often answer the question they expected next. A sign said
            # in it ("no puedo orinar desde anoche") counts at once; otherwise the same question
            # comes again.
            if latest_intent(tracker) == "book_consultation" or asks_to_book(latest_text(tracker)):
                # "Sí, quiero la cita", "Can I book for her?": the request is kept and the booking
                # starts once the question is settled (it was forgotten, the chat ended unbooked)
                events.append(SlotSet("pending_offer", "booking"))
            now = apply(current_slots(tracker), events).get("red_flags") or []
            if set(now) - set(tracker.get_slot("red_flags") or []):
                rest = [f for f in pending if f not in now]
                return events + [SlotSet("red_flags_unsure", rest), FollowupAction("action_triage")]
            if latest_intent(tracker) == "goodbye" and says_leaving(latest_text(tracker)):
                # "Gracias. De momento no quiero pedir cita, lo consultaré con mi hijo": leaving
                # with the question open (the conversation ended with no level). As when it is
                # ignored twice: never "absent", when to go to an emergency department is said,
                # staff follow the sign up, and the goodbye stores the level known then.
                return events + _left_unanswered(dispatcher, tracker, pending, events) + [
                    ActiveLoop(None), SlotSet("requested_slot", None)] + \
                    await ActionGoodbye().run(dispatcher, tracker, domain)
            if _thanks_only(tracker, events):
                # "ok, gracias", "thanks" after the advice and the question: the patient is
                # done with it, and asking "yes or no?" again stalled the chat there. As when
                # it is ignored twice: when to go to an emergency department, the sign kept
                # unconfirmed for staff, and the conversation goes on.
                events += _left_unanswered(dispatcher, tracker, pending, events)
                return events + _resume(tracker, events)
            answered = _question_answered(dispatcher, tracker)
            if tracker.get_slot("reask") != ASKED_AGAIN:
                if answered is None:
                    dispatcher.utter_message(text=content(language(tracker)).self_care.confirm_again)
                _ask(dispatcher, tracker, flag)
                return events + (answered or []) + [SlotSet("red_flags_unsure", pending),
                                                    SlotSet("reask", ASKED_AGAIN)]
            events += answered or []
            # Asked twice and answered neither time: a third time would loop (patients who
            # ignore it go on ignoring it, and the conversation ended with no level). Never
            # "absent": the patient reads when to go to an emergency department, the sign is
            # left to the specialist, and the conversation goes on with what was asked.
            events += _left_unanswered(dispatcher, tracker, pending, events)
            return events + _resume(tracker, events)

        slots = apply(current_slots(tracker), events)
        if tracker.get_slot("reask") == ASKED_AGAIN:
            events.append(SlotSet("reask", None))
        if answer == "yes":
            flags = list(slots.get("red_flags") or [])
            evidence = list(slots.get("red_flag_evidence") or [])
            if flag not in flags:
                flags.append(flag)
                # the patient's own answer, marked as one (not echoed back as "you said")
                evidence.append({"flag": flag, "words": latest_text(tracker), "when_asked": True})
            events += [SlotSet("red_flags", flags), SlotSet("red_flag_evidence", evidence)]
        else:
            ruled_out = list(tracker.get_slot("red_flags_ruled_out") or [])
            events.append(SlotSet("red_flags_ruled_out", ruled_out + [flag]))
        rest = [f for f in rest if f not in (apply(current_slots(tracker), events).get("red_flags") or [])]
        events.append(SlotSet("red_flags_unsure", rest))
        new_flags = set(apply(current_slots(tracker), events).get("red_flags") or []) \
            - set(tracker.get_slot("red_flags") or [])
        if new_flags:
            return events + [FollowupAction("action_triage")]
        if rest:
            _ask(dispatcher, tracker, rest[0])
            return events
        dispatcher.utter_message(text=content(language(tracker)).self_care.confirmed_absent)
        return events + _resume(tracker, events)


def _thanks_only(tracker: Tracker, events: List[EventType]) -> bool:
    """A thank-you alone at a confirming question: no question in it, nothing else told."""
    return latest_intent(tracker) in ("thank", "goodbye") and not events \
        and "?" not in latest_text(tracker) and not says_yes_or_no(latest_text(tracker))


def _question_answered(dispatcher, tracker: Tracker) -> List[EventType] | None:
    """A question asked instead of the answer ("will the injection hurt?", "do you take
    Medicare?", "why the ER, it's only back pain?"): answered, so that the sign's question
    comes again after an answer, not after "I need a yes or a no" (the patient asked again
    and the chat ended on it). None when the message asks nothing the assistant can answer."""
    said, text, entities = content(language(tracker)), latest_text(tracker), latest_entities(tracker)
    intent = latest_intent(tracker)
    about = about_the_question(said, clinic(), "red_flag_screen", text, entities)
    if about:
        utter(dispatcher, about)
        return []
    if intent == "ask_clinic" or any(e.get("entity") == "faq_topic" for e in entities) and "?" in text:
        utter(dispatcher, {"text": clinic_answer(tracker)})
        return []
    if intent == "ask_option_info" or asks_about_an_option(said, text):
        answer, option_id = answer_option_question(said, text, current_slots(tracker))
        utter(dispatcher, answer)
        return [SlotSet("last_option", option_id)] if option_id else []
    return None


def _asked_last(tracker: Tracker, flag: str) -> bool:
    """Whether the confirming question about `flag` was the last thing the patient read before
    this message (not the advice for another sign told in the answer to it: "should I take him
    to the ER?" then asks about that advice)."""
    asked = {content(lang).self_care.red_flag_confirm.get(flag) for lang in LANGUAGES}
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return False
            seen_user = True
        elif seen_user and event.get("event") == "bot" and event.get("text"):
            return event.get("text") in asked
    return True


def _left_unanswered(dispatcher, tracker: Tracker, pending: List[str], events) -> List[EventType]:
    """A confirming question the patient did not answer: when to go to an emergency department
    (`red_flags_not_sure`), and the signs kept as unconfirmed for staff; the level, when the
    screen was answered, is decided on the rest."""
    utter(dispatcher, say(content(language(tracker)), clinic(), "red_flags_not_sure"))
    unconfirmed = list(tracker.get_slot("red_flags_unconfirmed") or [])
    unconfirmed += [f for f in pending if f not in unconfirmed]  # staff follow these up
    return [SlotSet("red_flags_unsure", []), SlotSet("reask", None),
            SlotSet("red_flags_unconfirmed", unconfirmed)]


def _contact_kept(tracker: Tracker) -> List[EventType]:
    """The phone or email said in the message that raised the question, at the booking's
    contact question ("555 018 2217. oiga, desde ayer siento como dormido ahí..."): kept, as
    the form would have (it was lost, and asked for again after the question)."""
    if tracker.active_loop.get("name") != "booking_form" or tracker.get_slot("booking_contact"):
        return []
    contact = parse_contact(latest_text(tracker))
    return [SlotSet("booking_contact", contact)] if contact else []


def _resume(tracker: Tracker, events: List[EventType]) -> List[EventType]:
    """After the confirming question is settled: the level if the screen was answered, then
    what the message asked for (a booking), else the questions where they were."""
    events = events + ValidateTriageForm._decided_once_screened(tracker, events)
    slots = apply(current_slots(tracker), events)
    # A booking asked for at the confirming question is not forgotten while the triage
    # questions go on (they follow the booking, as for any booking made before they are done).
    requested = slots.get("pending_offer") == "booking" and \
        tracker.active_loop.get("name") in (None, "triage_form")
    if latest_intent(tracker) == "book_consultation" or asks_to_book(latest_text(tracker)) or requested:
        return events + [FollowupAction("booking_form")]
    if tracker.active_loop.get("name"):
        return events + [FollowupAction(tracker.active_loop["name"])]
    if apply(current_slots(tracker), events).get("triage_level") is None:
        return events + [FollowupAction("triage_form")]
    return events
