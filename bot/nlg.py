"""The domain's responses in the patient's language (slot `language`; unset is English).

domain.yml gives each response its Spanish variations with Rasa's own conditions
(`condition: [{type: slot, name: language, value: es}]`, beside `reask` and the others). Rasa
picks at random among every conditional variation that matches, so on its own a Spanish
re-ask would match both the English `reask` variation and the Spanish default. This
generator, named in endpoints.yml (`nlg: type: bot.nlg.LanguageResponses`), first keeps the
variations of the patient's language only (a variation without a language condition is
English), then lets Rasa choose among them as usual: English conversations see exactly the
variations they saw before.

It also checks, when the Rasa server starts, that every response has its variations in every
language with the same other conditions (a missing translation stops the start-up).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator

from bot.content import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_SLOT = "language"
Responses = Dict[Text, List[Dict[Text, Any]]]


class MissingTranslation(ValueError):
    """A domain response lacks a language's variation."""


def variation_language(variation: Dict[Text, Any]) -> str:
    for condition in variation.get("condition") or []:
        if condition.get("name") == LANGUAGE_SLOT:
            return str(condition.get("value"))
    return DEFAULT_LANGUAGE


def responses_by_language(responses: Responses) -> Dict[str, Responses]:
    """Each language's variations of every response, the language condition removed."""
    split: Dict[str, Responses] = {lang: {} for lang in LANGUAGES}
    for name, variations in responses.items():
        for variation in variations:
            lang = variation_language(variation)
            if lang not in split:
                raise MissingTranslation(f"domain.yml: {name}: unknown language {lang!r}")
            kept = dict(variation)
            others = [c for c in variation.get("condition") or [] if c.get("name") != LANGUAGE_SLOT]
            if others:
                kept["condition"] = others
            else:
                kept.pop("condition", None)
            split[lang].setdefault(name, []).append(kept)
    return split


def _condition_sets(variations: List[Dict[Text, Any]]) -> set:
    return {tuple(sorted((c.get("name"), str(c.get("value"))) for c in v.get("condition") or []))
            for v in variations}


def check_translations(by_language: Dict[str, Responses]) -> None:
    """Every English response has each language's variations, with the same conditions."""
    english = by_language[DEFAULT_LANGUAGE]
    for lang, responses in by_language.items():
        for name, variations in english.items():
            if name not in responses:
                raise MissingTranslation(f"domain.yml: {name}: no variation for language {lang!r}")
            if _condition_sets(responses[name]) != _condition_sets(variations):
                raise MissingTranslation(
                    f"domain.yml: {name}: the {lang!r} variations do not have the same conditions "
                    f"as the English ones")


class LanguageResponses(TemplatedNaturalLanguageGenerator):
    """Rasa's templated generator, choosing among the patient's language's variations."""

    def __init__(self, endpoint_config: Any = None, domain: Any = None,
                 responses: Optional[Responses] = None) -> None:
        if responses is None:  # Rasa creates the generator before the model's domain is read
            responses = domain.responses if domain is not None else {}
        super().__init__(responses)

    @property
    def responses(self) -> Responses:
        return self._responses

    @responses.setter
    def responses(self, responses: Responses) -> None:
        """Rasa's Agent sets the model's responses here once the model is loaded."""
        by_language = responses_by_language(responses)
        check_translations(by_language)
        self._responses = responses
        self._generators = {lang: TemplatedNaturalLanguageGenerator(r)
                            for lang, r in by_language.items()}

    def _random_response_for(self, utter_action: Text, output_channel: Text,
                             filled_slots: Dict[Text, Any]) -> Optional[Dict[Text, Any]]:
        lang = filled_slots.get(LANGUAGE_SLOT)
        generator = self._generators.get(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
        return generator._random_response_for(utter_action, output_channel, filled_slots)
