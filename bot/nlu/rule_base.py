"""What the intent rules share: a rule with nothing to train or store; one that reads the content."""
from __future__ import annotations

from rasa.engine.graph import GraphComponent

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
