"""A full name written alone is contact details, whatever the classifier made of its letters."""
from __future__ import annotations

import re
from typing import List

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.booking import parse_name

# What the classifier makes of a name it has never seen ("Greg Olsen" read as a greeting,
# "Wilmer Ávila" as a goodbye, "Marisol Rivera Ortiz" as an answer): word pieces.
NAME_MISREAD_AS = {"greet", "goodbye", "inform", "affirm", "deny", "thank", "nlu_fallback",
                   "out_of_scope", "express_distress", "start_over", "bot_challenge"}
# Capitalised words of a greeting or a courtesy, never a name given alone ("Buenas Tardes",
# "Good Evening Doctor").
_NOT_A_NAME = re.compile(r"\b(?:buen[oa]s?|tardes?|noches?|d[ií]as|saludos|se[ñn]or(?:it)?a?|doctor[a]?|dr|dra"
                         r"|evening|afternoon|morning|night|doctor|nurse|sir|madam|ma'?am|miss|bless|god|dios"
                         r"|bendiga|amor|nena|mija|mijo|cari[ñn]o|querid[oa]|claro|supuesto|vale|listo|perfecto|okay|ok|call|ring|phone|back|please)\b", re.I)


def written_as_a_name(text: str, entities: List[dict]) -> bool:
    """A message that is only a person's name as one writes it: two to five words, each with
    a capital letter first, no digit, no question, nothing clinical in it but a medicine read
    in one of its capitalised words ("Rivera" is no drug)."""
    said = (text or "").strip().rstrip(".!")
    words = said.split()
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words) or _NOT_A_NAME.search(said):
        return False
    if any(e.get("entity") != "treatment" for e in entities):
        return False
    return parse_name(said) is not None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class NameGivenCheck(GraphComponent):
    """A full name alone ("Greg Olsen") is `give_contact` when the classifier took it for a
    greeting, a goodbye or an answer: given after the options, it asks to be contacted (the
    booking starts and takes it); at the booking's name question it was already the answer."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "NameGivenCheck":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get("intent") or {}).get("name")
            if intent in NAME_MISREAD_AS and written_as_a_name(message.get(TEXT) or "",
                                                               message.get("entities") or []):
                chosen = {"name": "give_contact", "confidence": 1.0}
                ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != "give_contact"]
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", [chosen] + ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
