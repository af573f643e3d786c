"""What the intent rules share: rules with nothing to train or store, and the overruling itself."""
from __future__ import annotations

from rasa.engine.graph import GraphComponent
from rasa.shared.nlu.training_data.message import Message

from bot.content import LANGUAGES, load_content


class _Rule(GraphComponent):
    """A rule over the classifier's guess: nothing in the model's config or storage to read."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "_Rule":
        return cls()


class _ContentRule(_Rule):
    """A rule that reads the content of every language the assistant speaks."""

    def __init__(self) -> None:
        self._contents = [load_content(lang=lang) for lang in LANGUAGES]


def overrule(message: Message, intent: str) -> None:
    """The message's intent becomes `intent`, sure of it, first in the classifier's ranking (the
    rest kept in their order): what every rule does once its words are clear."""
    chosen = {"name": intent, "confidence": 1.0}
    ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != intent]
    message.set("intent", chosen, add_to_output=True)
    message.set("intent_ranking", [chosen] + ranking, add_to_output=True)
