"""Triage: the questions (form validation) and the red-flag screen; the decision: triage_decision.py."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    INTERRUPTIONS,
    TRIAGE_QUESTIONS,
    ClinicalFormValidation,
    answers_confirming_question,
    apply,
    clinical_events,
    current_slots,
    language,
    latest_entities,
    latest_intent,
    latest_text,
)
from actions.settings import clinic, content
from bot.advice import other_body_part, screening_question
from bot.booking_request import asks_to_book
from bot.language import requested_language
from bot.offscript import CORRECTABLE, correction_ack, say, says_not_knowing, says_nothing_helped
from bot.question_about import about_the_question, asks_meaning, signs_named
from bot.questions_asked import times_asked
from bot.red_flag_questions import screen_answered_none, screen_brought_forward
from bot.screen_answers import CLEAR_ANSWER, NOT_UNDERSTOOD
from bot.story import PATTERN_QUESTION, RELIEF_QUESTION, pattern_answer, questions_needed
from bot.triage import TriageDecision, decide_triage

# "none of them", "nope", "none", "no I don't" answer the screening question as clear.
# The screen's answers in words (bot/screen_answers.py); the tests read them here too.
_CLEAR_ANSWER, _NOT_UNDERSTOOD = CLEAR_ANSWER, NOT_UNDERSTOOD


# The `reask` of the screen after its plain words (bot/advice.py's screening_question).
PLAIN_REASK = "red_flag_screen_plain"

# A question whose "not sure" (after one re-ask with examples) moves on without an answer,
# and the slot that records it. How long: re-asked with examples, then with choices.
NOT_KNOWN = {"pain_location": "location_unknown", "pain_duration_weeks": "duration_unknown",
             "treatments_tried": "treatments_unknown"}


# How often "how long?" is asked before an answer to other questions moves the form on.
DURATION_ASKS = 2

# While asking where the pain goes or how injections went, "not sure" or "dunno" may read as
# out of scope: it is an answer (asked once, then move on), unlike these.
STORY_INTERRUPTIONS = INTERRUPTIONS - {"out_of_scope"}
# Generic intents a classifier gives to "I couldn't say, it wanders about": at a question that
# takes "not sure", the words of not knowing outrank them (ValidateTriageForm._not_knowing_answer).
# "I honestly could not tell you dear, it came on so gradually" read as distress: at "how
# long?" it is the answer (crisis words keep their own intent and path).
NOT_KNOWING_OVER = {"ask_clinic", "change_booking", "out_of_scope", "ask_option_info",
                    "thank", "bot_challenge", "ask_next_step", "express_distress"}


def utter(dispatcher: CollectingDispatcher, message: Dict[str, Any]) -> None:
    dispatcher.utter_message(text=message["text"], buttons=message.get("buttons") or [])


def trail_with(decision: TriageDecision, slots: Dict[str, Any], options: List[str],
               option_decisions: Any, note: Optional[str] = None) -> List[Dict[str, Any]]:
    """The decision trail staff read, with this decision and what it was decided from."""
    entry = {
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "level": decision.level,
        "rule": decision.rule,
        "because": list(decision.because),
        "evidence": slots.get("red_flag_evidence") or [],
        "pain_location": slots.get("pain_location"),
        "pain_duration_weeks": slots.get("pain_duration_weeks"),
        "treatments_tried": slots.get("treatments_tried"),
        "pain_pattern": slots.get("pain_pattern"),
        "prior_injections": slots.get("prior_injections") or [],
        "options": options,
        "option_decisions": option_decisions,
    }
    if note:
        entry["note"] = note
    return list(slots.get("decision_trail") or []) + [entry]


def level_from_what_is_known(slots: Dict[str, Any], when: str) -> List[Any]:
    """A conversation that books or leaves before the questions were done: the level known
    then (no red flag and the length, or "not sure"), so staff see one; the trail says when
    and which questions were open. A sign's level is the red-flag path's, never decided here."""
    if slots.get("triage_level"):
        return []
    known = decide_triage(slots.get("red_flags"), slots.get("duration_category"),
                          duration_unknown=bool(slots.get("duration_unknown")))
    if not known or known.level not in ("consultation", "self_care"):
        return []
    note = f"decided at {when} from what was known; open: " + (", ".join(open_questions(slots)) or "none")
    return [SlotSet("triage_level", known.level),
            SlotSet("decision_trail", trail_with(known, slots, [], [], note=note))]


def open_questions(slots: Dict[str, Any]) -> List[str]:
    """The triage questions still unanswered (a "not sure" after the re-ask is an answer)."""
    return [s for s in TRIAGE_QUESTIONS + ("red_flag_screen",)
            if slots.get(s) is None and not slots.get(NOT_KNOWN.get(s, ""))]


def language_request_only(dispatcher: CollectingDispatcher, tracker: Tracker, events) -> bool:
    """ "English please", "¿habla español?" with no answer in it: the switch is said, and the
    pending question comes again whole, in the new language (LanguagePolicy has already set
    the slot), never as a failed answer ("Sorry, I couldn't tell how long") nor a clinic
    question ("do you speak Spanish?" has its answer in the switch itself)."""
    if events or not requested_language(latest_text(tracker)):
        return False
    utter(dispatcher, say(content(language(tracker)), clinic(), "language_switched"))
    if any(e.get("entity") == "faq_topic" and e.get("value") == "languages" for e in latest_entities(tracker)) \
            and _language_before_message(tracker) == language(tracker):
        # "¿el médico habla español?" asked in the language already spoken: which languages
        # the clinic's team speaks, too (a switch, "mejor en español", has its answer in itself)
        from actions.offscript import clinic_answer  # offscript imports actions.triage

        dispatcher.utter_message(text=clinic_answer(tracker))
    return True


def _language_before_message(tracker: Tracker) -> Optional[str]:
    """The `language` slot as it was before the latest message (None when never set)."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    value = None
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") == "language":
            value = event.get("value")
    return value


class ValidateTriageForm(ClinicalFormValidation):
    def name(self) -> Text:
        return "validate_triage_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        """The domain's questions, then the red-flag screen, then where the pain goes and how
        earlier injections went when the answer would change the options (bot/story.py).

        Safety first: the screen comes before the story questions. Asked after them, patients
        answered the screen they expected ("no, none of those") at the spread question and the
        screen was never answered; asked first, an emergency or urgent sign stops there and
        no story question is asked."""
        needed = questions_needed(current_slots(tracker), content(language(tracker)))
        last = [s for s in domain_slots if s == "red_flag_screen"]
        # "not sure" how long, after the choices: the questions go on without it
        skip = {"red_flag_screen"} | {slot for slot, flag in NOT_KNOWN.items() if tracker.get_slot(flag)}
        said = [(e.get("parse_data") or {}).get("entities") or [] for e in tracker.events
                if e.get("event") == "user"]
        if last and tracker.get_slot("red_flag_screen") is None and screen_brought_forward(said):
            return last + [s for s in domain_slots if s not in skip] + needed
        return [s for s in domain_slots if s not in skip] + last + needed

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if answers_confirming_question(tracker):
            return []  # read by action_read_red_flag_confirm; the form's question comes again
        events = clinical_events(tracker)
        if language_request_only(dispatcher, tracker, events):
            return [SlotSet("reask", None)]
        requested = tracker.get_slot("requested_slot")
        asked = None if any(e.get("name") == requested for e in events) else about_the_question(
            content(language(tracker)), clinic(), requested, latest_text(tracker), latest_entities(tracker))
        if asked:  # "what mean saddle numbness?", "why do you need to know?": answered, asked again
            utter(dispatcher, asked)
            # the whole screen just said in plain words, with its questions: asked again
            # short, one sign a button, never the hard words again word for word
            plain = requested == "red_flag_screen" and asks_meaning(latest_text(tracker)) \
                and not signs_named(latest_entities(tracker))
            return [e for e in events if not str(e.get("name")).startswith("red_flag")] + [
                SlotSet("reask", PLAIN_REASK if plain else None)]
        intent = latest_intent(tracker)
        if requested == "red_flag_screen":
            if not events and _NOT_UNDERSTOOD.search(latest_text(tracker)):
                return [SlotSet("reask", None)]  # asked again in full, never "none of these"
            before = current_slots(tracker)
            corrected = any(e.get("name") in CORRECTABLE and before.get(e["name"]) not in (None, [], e.get("value"))
                            for e in events)
            events += self._screen_answer(dispatcher, tracker, intent, said_other=bool(events),
                                          corrected=corrected)
            events += self._decided_once_screened(tracker, events)
        filled = apply(current_slots(tracker), events)
        if requested in (PATTERN_QUESTION, RELIEF_QUESTION) and intent == "book_consultation" \
                and asks_to_book(latest_text(tracker)):
            return []  # "the radiofrequency one sounds right. Can we book?": the option is no answer
        if requested in (PATTERN_QUESTION, RELIEF_QUESTION) and (events or intent not in STORY_INTERRUPTIONS):
            return events + self._story_answer(tracker, requested, filled, intent)
        if not events and intent in INTERRUPTIONS and not self._not_knowing_answer(tracker, requested, intent):
            return []  # not an answer: the form rejects and the interruption's rule runs
        if events and intent == "ask_clinic":
            # "I had surgery on my knee last year. Is the building accessible?": the detail is
            # taken (the form goes on), and the question gets its answer too
            from actions.offscript import clinic_answer  # offscript imports this module

            dispatcher.utter_message(text=clinic_answer(tracker))
        helped_nothing = says_nothing_helped(latest_text(tracker))
        said_none = any(e.get("entity") == "treatment_none" for e in latest_entities(tracker)) \
            and not helped_nothing  # "I've tried everything, nothing works" is no "tried nothing"
        if (intent == "nothing_helped" or helped_nothing) and not said_none:
            # Things were tried and did not help: never "tried nothing"; ask what they were.
            # (The vocabulary's "nothing tried", "nada, no he tomado nada", outranks the
            # classifier, which hears "nothing" in both.)
            events = [e for e in events if e.get("name") != "treatments_tried" or e.get("value")]
            if self._on_patient_message(tracker):  # else action_next_step has just said it
                utter(dispatcher, say(content(language(tracker)), clinic(), "nothing_helped"))
            if requested == "treatments_tried" and not apply(current_slots(tracker), events).get(
                    "treatments_tried"):
                return events + [SlotSet("reask", None)]  # the plain question, not "didn't catch"
        before = current_slots(tracker)
        filled = apply(before, events)
        ack = correction_ack(content(language(tracker)), clinic(), before, filled)
        if ack:
            utter(dispatcher, ack)
        # Something else said, not this answer ("it goes down my leg" at the warning-sign
        # screen): taken, and the question asked again as it was, never "which one?".
        said_other = any(e.get("name") in CORRECTABLE for e in events) or (
            requested == "red_flag_screen" and bool(events))
        if requested == "pain_duration_weeks" and filled.get(requested) is None \
                and not said_other:
            moved_on = self._duration_not_known(tracker)
            if any(e.get("name") == "duration_unknown" for e in moved_on):
                utter(dispatcher, say(content(language(tracker)), clinic(), "not_known"))
            return events + moved_on
        if requested in NOT_KNOWN and filled.get(requested) is None and not said_other \
                and says_not_knowing(latest_text(tracker)) \
                and tracker.get_slot("reask") == requested:
            # Not known, after the re-ask with examples: the questions go on without it.
            utter(dispatcher, say(content(language(tracker)), clinic(), "not_known"))
            return events + [SlotSet(NOT_KNOWN[requested], True), SlotSet("reask", None)]
        if requested == "pain_duration_weeks" and filled.get(requested) is None and said_other \
                and times_asked(tracker.events, requested) >= DURATION_ASKS:
            # Asked twice and answered with something else each time (the question the patient
            # expected next): not asked a third time (the chat stalled on it, no level, the
            # warning signs never asked); the questions go on, how long left to the specialist.
            utter(dispatcher, say(content(language(tracker)), clinic(), "duration_left"))
            return events + [SlotSet("duration_unknown", True), SlotSet("reask", None)]
        if requested and filled.get(requested) is None and said_other:
            # Something else was said ("I also tried ibuprofen"): taken, and the pending
            # question asked again as it was, not as "I didn't catch that".
            events.append(SlotSet("reask", None))
        elif requested and filled.get(requested) is None:
            if requested == "pain_location" and any(
                e.get("entity") == "body_part_other" for e in latest_entities(tracker)
            ):
                utter(dispatcher, other_body_part(content(language(tracker)), clinic()))
            events.append(SlotSet("reask", requested))  # re-ask differently, with an example
        elif tracker.get_slot("reask"):
            events.append(SlotSet("reask", None))
        return events

    @staticmethod
    def _not_knowing_answer(tracker: Tracker, requested: Optional[str], intent: str) -> bool:
        """ "I really can't remember when it started, is that bad??" at a question that takes
        "not sure": an answer, whatever generic intent the classifier heard in the rest (a
        clinic question with no topic, a booking change). Never over leaving, crisis words, a
        person or a call back, or a clinic question the front desk's file answers."""
        if requested not in NOT_KNOWN or intent not in NOT_KNOWING_OVER:
            return False
        if any(e.get("entity") == "faq_topic" for e in latest_entities(tracker)):
            return False
        return says_not_knowing(latest_text(tracker))

    @staticmethod
    def _decided_once_screened(tracker: Tracker, events: List[EventType]) -> List[EventType]:
        """The level as soon as what decides it is known: the screen answered without a sign,
        and how long (or "not sure"). The story questions after it only choose the options
        (action_triage says them, and decides again, when they are answered); a patient who
        leaves or books at one of them still has a level. A sign said later still interrupts."""
        slots = apply(current_slots(tracker), events)
        if slots.get("triage_level") or slots.get("red_flag_screen") not in ("clear", "unsure"):
            return []
        decision = decide_triage(slots.get("red_flags"), slots.get("duration_category"),
                                 duration_unknown=bool(slots.get("duration_unknown")))
        if decision is None or decision.level not in ("consultation", "self_care"):
            return []  # a red flag's level is action_triage's, with its advice
        note = "decided when the warning-sign screen was answered; options after the story questions"
        return [SlotSet("triage_level", decision.level),
                SlotSet("decision_trail", trail_with(decision, slots, [], [], note=note))]

    @staticmethod
    def _duration_not_known(tracker: Tracker) -> List[EventType]:
        """Not knowing how long: one re-ask with examples, then choices; "not sure" then
        moves on (the triage decides without it: docs/conversation.md)."""
        reask = tracker.get_slot("reask")
        if reask == "pain_duration_weeks":
            return [SlotSet("reask", "pain_duration_weeks_choices")]
        if reask == "pain_duration_weeks_choices":
            if says_not_knowing(latest_text(tracker)):
                return [SlotSet("duration_unknown", True), SlotSet("reask", None)]
            return [SlotSet("reask", reask)]  # the choices again (junk never moves on)
        return [SlotSet("reask", "pain_duration_weeks")]

    @staticmethod
    def _story_answer(tracker: Tracker, requested: str, filled: Dict[str, Any], intent: str) -> List[EventType]:
        """Asked once: an answer the assistant cannot place ("not sure") moves on, and the
        options are chosen from what is known (a pattern not known is `unknown`)."""
        if requested == PATTERN_QUESTION:
            if filled.get("pain_pattern"):
                return []
            pattern = pattern_answer(latest_text(tracker), intent, filled.get("pain_location"))
            return [SlotSet("pain_pattern", pattern) if pattern else SlotSet("pattern_unclear", True)]
        reliefs = [i.get("relief") for i in filled.get("prior_injections") or []]
        said = next((r for r in reliefs if r and r != "unknown"), "unknown")
        return [SlotSet(RELIEF_QUESTION, said)]

    @staticmethod
    def _screen_answer(dispatcher, tracker: Tracker, intent: str, said_other: bool = False,
                       corrected: bool = False) -> List[EventType]:
        entities = latest_entities(tracker)
        if any(e.get("entity") == "red_flag" for e in entities):
            return [SlotSet("red_flag_screen", "present")]
        if corrected and not screen_answered_none(latest_text(tracker)) and not any(
                e.get("entity") == "red_flag_denied" for e in entities):
            # "no, it's my neck not my back", "wait, I meant 3 months": the "no" takes back
            # an earlier answer, it does not answer the screen, which is asked again as it was
            return []
        # "some tablets, I can't remember the name": the doubt is about what else was said,
        # not the signs; the screen is asked again as it was.
        if says_not_knowing(latest_text(tracker)) and not said_other and not any(
                e.get("entity", "").startswith("red_flag") for e in entities):
            # "I don't know" is no "none": never recorded as clear. The questions go on, and
            # the patient is told which signs need the emergency number.
            utter(dispatcher, say(content(language(tracker)), clinic(), "red_flags_not_sure"))
            return [SlotSet("red_flag_screen", "unsure")]
        if intent == "deny" or _CLEAR_ANSWER.match(latest_text(tracker)) or any(
            e.get("entity") == "red_flag_denied" for e in entities
        ):
            return [SlotSet("red_flag_screen", "clear")]
        return []  # "yes" alone: ask which one


class ActionAskRedFlagScreen(Action):
    """The one screening question, worded in the clinician-edited content."""

    def name(self) -> Text:
        return "action_ask_red_flag_screen"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        reask = tracker.get_slot("reask")
        utter(dispatcher, screening_question(content(language(tracker)), which_one=reask == "red_flag_screen",
                                             after_plain_words=reask == PLAIN_REASK))
        return []
