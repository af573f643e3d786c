"""Three small policies beside RulePolicy: two for safety, one for the language.

RedFlagPolicy: a red flag interrupts whatever the conversation is doing, and after an
emergency sign every further message gets the same advice (go to an emergency department).
RulePolicy lets an active form run first whenever the form can use the message, so a patient
who answers "6 months, and I can't control my bladder" mid-form would simply be asked the next
question. This policy looks only at what the patient just said: a red flag not yet recorded (or
a correction that takes one back) predicts `action_triage` ahead of any form or rule.

ActionServerOutagePolicy: an unreachable action server gets an honest answer.

LanguagePolicy: sets the `language` slot from what the patient just wrote (bot/language.py
decides), as an event of its prediction: no action-server round trip, and the slot is set
before the turn's first action answers, so the answer is already in the patient's language.

Everything else is left to RulePolicy and the forms.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction, confidence_scores_for
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.event_kinds import events_of
from bot.intake_turn import TROUBLE_RESPONSE
from bot.language import choose_language, mixes_in_spanish, settled_by
from bot.nlu.language import DETECTED
from bot.red_flag_questions import confirm_answer, flags_to_confirm, screen_answered_none
from bot.slots import new_red_flags, retracted_red_flags
from bot.typed_for import as_meant, each_entities_said

TRIAGE_ACTION = "action_triage"
EMERGENCY_REMINDER = "utter_emergency_reminder"
ASK_CONFIRM = "action_ask_red_flag_confirm"  # "Just to be safe: ... right now?"
READ_CONFIRM = "action_read_red_flag_confirm"  # its answer: yes counts, no rules out
# While a confirming question waits, these still go their own way (the crisis line, under 18).
BESIDE_CONFIRM = {"crisis", "possible_crisis", "age_under_18"}
# A new sign to ask about waits only for clear crisis language and a stated age under 18.
ASK_BESIDE = {"crisis", "age_under_18"}
# After an emergency, only these go on as usual: leaving (the goodbye repeats the emergency
# number), crisis language (the crisis line) and a stated age under 18 (where to go instead).
AFTER_EMERGENCY_AS_USUAL = {"goodbye", "thank", "crisis", "possible_crisis", "age_under_18"}


class _SafetyPolicy(Policy):
    """A policy with nothing to learn: it decides from what just happened, with certainty,
    and outranks the forms (a form's own turn is a "no user" prediction, which wins unless
    this one is marked the same way)."""

    PRIORITY: float  # each policy's place among the others (RulePolicy is 6)

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource

    def _certain(self, action: str, domain: Domain, events=None) -> PolicyPrediction:
        return self._prediction(
            confidence_scores_for(action, 1.0, domain), events=events,
            is_no_user_prediction=True,
        )

    def _abstain(self, domain: Domain) -> PolicyPrediction:
        return self._prediction(self._default_predictions(domain))

    @classmethod
    def get_default_config(cls) -> Dict[Text, Any]:
        return {"priority": cls.PRIORITY}

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        return self.decide(tracker, domain)

    def decide(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        """The prediction from the tracker alone (the rules' data and the rest are not read)."""
        raise NotImplementedError


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class RedFlagPolicy(_SafetyPolicy):
    PRIORITY = 7  # above RulePolicy (6) so that the interruption wins a tie with a rule or a form

    def decide(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        if tracker.latest_action_name in (TRIAGE_ACTION, EMERGENCY_REMINDER, ASK_CONFIRM,
                                          READ_CONFIRM):
            # The advice or the question is the whole answer: wait for the patient (never a
            # fallback that would revert the turn that carried the red flag). After a "no" the
            # confirming action itself resumes the questions (FollowupAction).
            return self._certain(ACTION_LISTEN_NAME, domain)
        if tracker.latest_action_name == ACTION_LISTEN_NAME and tracker.latest_message:
            entities = as_meant(tracker.latest_message.entities or [],
                                each_entities_said(tracker.events))
            intent = (tracker.latest_message.intent or {}).get("name")
            slots = {name: tracker.get_slot(name) for name in
                     ("red_flags", "red_flags_unsure", "red_flags_ruled_out", "requested_slot",
                      "red_flag_screen", "triage_level", "red_flags_unconfirmed")}
            answers_it = intent == "possible_crisis" and confirm_answer(
                (slots["red_flags_unsure"] or [""])[0], intent, tracker.latest_message.text or "", entities)
            if slots["red_flags_unsure"] and (intent not in BESIDE_CONFIRM or answers_it):
                # the answer to "Just to be safe" (one the classifier took for despair, "ella no
                # quiere ir a emergencias, ¿qué hago?", still answers it: the crisis line comes first)
                return self._certain(READ_CONFIRM, domain)
            if new_red_flags(slots, entities) or retracted_red_flags(slots, entities):
                return self._certain(TRIAGE_ACTION, domain)
            if (tracker.get_slot("triage_level") == "emergency"
                    and intent not in AFTER_EMERGENCY_AS_USUAL):
                # "What should I do?", "should I go to hospital?", a booking, a question about
                # an injection: after an emergency sign the answer is always the same.
                return self._certain(EMERGENCY_REMINDER, domain)
            screen_none = tracker.get_slot("requested_slot") == "red_flag_screen" \
                and screen_answered_none(tracker.latest_message.text or "")
            if flags_to_confirm(slots, entities, screen_none) \
                    and intent not in ASK_BESIDE:
                # (the classifier's "possible crisis" beside a sign is asked about too, with
                # the crisis line first: "no sé si cuenta pero la pierna la siento más débil")
                return self._certain(ASK_CONFIRM, domain)
        return self._abstain(domain)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class LanguagePolicy(_SafetyPolicy):
    """Never predicts an action; its prediction carries the `language` slot's new value.
    Rasa's ensemble applies the events of every policy's prediction, winning or not."""

    PRIORITY = 1

    def decide(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        events = []
        message = tracker.latest_message
        if tracker.latest_action_name == ACTION_LISTEN_NAME and message and message.text:
            current = tracker.get_slot("language")
            earlier = [e.text or "" for e in events_of(tracker.events, UserUttered)][:-1]
            # a language set by the widget or channel (before any message) is settled
            chosen = choose_language(current, message.parse_data.get(DETECTED), message.text,
                                     mixed_before=current == "es" and any(
                                         mixes_in_spanish(t) for t in earlier),
                                     settled=not earlier or settled_by(current, earlier))
            if chosen and chosen != current:
                events.append(SlotSet("language", chosen))
        return self._prediction(self._default_predictions(domain), events=events)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class ActionServerOutagePolicy(_SafetyPolicy):
    """When the action server cannot be reached, say so and give the clinic's number.

    Rasa logs a failed custom action and carries on with its events lost, so the patient
    would otherwise get a fallback ("Sorry, I didn't understand") or nothing. Every custom
    action and form here returns at least one event; one that returned none has failed.
    The tracker keeps the conversation, so once the server is back the next message
    carries on from there.
    """

    PRIORITY = 8

    def decide(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        if tracker.latest_action_name == TROUBLE_RESPONSE:
            return self._certain(ACTION_LISTEN_NAME, domain)
        if _custom_action_failed(tracker, domain):
            # The clinic's numbers come from clinic.yml here, not from the failed session
            # start, so the patient always gets a real number to call.
            return self._certain(TROUBLE_RESPONSE, domain, events=_clinic_slots())
        return self._abstain(domain)


def _custom_action_failed(tracker: DialogueStateTracker, domain: Domain) -> bool:
    events = list(tracker.events)
    if not events:
        return False
    last = events[-1]
    # user_actions also lists responses (utter_...), which run in the Rasa server itself
    custom = {a for a in domain.user_actions if a not in domain.responses} | set(domain.form_names)
    if isinstance(last, ActionExecuted) and last.action_name in custom:
        return last.action_name != "action_session_start"
    # A failed session start leaves the patient's message right after it (no SessionStarted).
    if isinstance(last, UserUttered) and len(events) > 1:
        before = events[-2]
        return isinstance(before, ActionExecuted) and before.action_name == "action_session_start"
    return False


def _clinic_slots() -> List[SlotSet]:
    from bot.clinic import load_clinic

    clinic = load_clinic()
    return [SlotSet("clinic_name", clinic.name), SlotSet("clinic_phone", clinic.phone),
            SlotSet("emergency_number", clinic.emergency_number)]
