"""RedFlagPolicy: a red flag interrupts whatever the conversation is doing.

RulePolicy lets an active form run first whenever the form can use the message, so a patient
who answers "6 months, and I can't control my bladder" mid-form would simply be asked the next
question. This policy looks only at what the patient just said: a red flag not yet recorded (or
a correction that takes one back) predicts `action_triage` ahead of any form or rule. Everything
else is left to RulePolicy and the forms.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction, confidence_scores_for
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.slots import new_red_flags, retracted_red_flags

TRIAGE_ACTION = "action_triage"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class RedFlagPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Above RulePolicy (6) so that the interruption wins a tie with a rule or a form.
        return {"priority": 7}

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource  # nothing to learn: the decision is what the patient said

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        if tracker.latest_action_name == TRIAGE_ACTION:
            # The advice is the whole answer: wait for the patient (never a fallback that
            # would revert the turn that carried the red flag).
            return self._prediction(
                confidence_scores_for(ACTION_LISTEN_NAME, 1.0, domain),
                is_no_user_prediction=True,
            )
        if tracker.latest_action_name == ACTION_LISTEN_NAME and tracker.latest_message:
            entities = tracker.latest_message.entities or []
            slots = {"red_flags": tracker.get_slot("red_flags")}
            if new_red_flags(slots, entities) or retracted_red_flags(slots, entities):
                # Marked like a form's own turn so that it also outranks an active form.
                return self._prediction(
                    confidence_scores_for(TRIAGE_ACTION, 1.0, domain),
                    is_no_user_prediction=True,
                )
        return self._prediction(self._default_predictions(domain))
