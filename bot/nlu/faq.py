"""Questions about the clinic: the topic from content/faq.yml's example wordings.

Runs after the intent classifier over the spaCy Doc the pipeline already made (its words and
lemmas). When the message asks about a topic of the front desk's file, and is not an answer
carrying clinical details, a contact detail or crisis language, the intent becomes
`ask_clinic` with one `faq_topic` entity per topic asked. The topics are data the front desk
edits; this needs no training (TensorFlow's ResponseSelector measured slower to train than the
whole pipeline: see docs/conversation.md).
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.booking import parse_contact
from bot.contract import LANGUAGES
from bot.faq import load_faq, simple_words
from bot.nlu.crisis import default_detector
from bot.nlu.pain_told import pain_told
from bot.nlu.request_words import request_words
from bot.nlu.rule_base import overrule

INTENT = "ask_clinic"
# An answer that carries the pain's details, a phone number or email, or crisis language is
# not a question about the clinic, whatever words it shares with one ("for 48 hours"); nor is
# a request for a call back or a person ("could someone from the clinic ring me back?"): their
# answer gives the clinic's phone too.
KEEP_INTENTS = {"crisis", "age_under_18", "request_callback", "request_human"}
# ... when it names someone or a call: the classifier's person asked for with nobody named
# ("¿hay aparcamiento? voy con mi madre, que camina con bastón") is the clinic question
PERSON_INTENTS = {"request_callback", "request_human"}
# What happens next asked in so many words ("should I wait for an email, or will you call?"):
# the next step, whatever topic word it holds or the classifier's "goodbye" or "thanks" for it
NEXT_STEP = "ask_next_step"
PHONE = "phone"
NEXT_STEP_MISREAD_AS = {"ask_next_step", "ask_clinic", "goodbye", "thank", "affirm", "inform",
                        "nlu_fallback", "request_callback", "request_human", "out_of_scope",
                        "give_contact"}
CLINICAL = {"pain_location", "duration", "treatment", "red_flag", "red_flag_denied"}
# A clinical detail said beside a question ("I live three hours away. Can the first visit be
# by video?", "¿tienen rampa? ando en silla de ruedas desde la operación") does not hide the
# question when it is asked in a sentence of its own that carries none; a red flag always does.
RED_FLAGS = {"red_flag", "red_flag_denied"}
_PRESCRIBING = re.compile(r"^(?:prescribe|recetar(?:me|le)?|recete(?:n|me)?)$", re.I)
_QUESTION = re.compile(r"¿[^?¿.!]*\??|[^?¿.!]*\?")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ClinicQuestionMatcher(GraphComponent):
    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "ClinicQuestionMatcher":
        for lang in LANGUAGES:  # a broken faq.yml stops the server at start-up, naming the field
            load_faq(lang=lang)
        return cls()

    def __init__(self) -> None:
        self._crisis_words = default_detector()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get("intent") or {}).get("name")
            entities = message.get(ENTITIES) or []
            text = message.get(TEXT) or ""
            # The classifier's own "crisis" without crisis words is only possibly one
            # (CrisisLanguageOverride makes it `possible_crisis`): a clinic question wins
            # ("do you take Medicare? I'm not paying out of pocket on my pension").
            if intent in NEXT_STEP_MISREAD_AS and request_words().next_step.search(text.replace("\u2019", "'")):
                overrule(message, NEXT_STEP)
                continue
            number_asked = _asks_the_number(text)
            if (intent in KEEP_INTENTS and (intent != "crisis" or self._crisis_words(text))
                    and (intent not in PERSON_INTENTS or request_words().someone.search(text)
                         and not number_asked)) \
                    or parse_contact(text):
                continue
            clinical = [e for e in entities if e.get("entity") in CLINICAL]
            if any(e.get("entity") in RED_FLAGS for e in clinical):
                continue
            # "¿me puede recetar algo más fuerte?": the medicine asked of the assistant is
            # none the patient had (the question is the clinic's `prescribe` topic)
            asked_for = [e for e in clinical if _PRESCRIBING.match(text[e.get("start") or 0:e.get("end") or 0])]
            clinical = [e for e in clinical if e not in asked_for]
            # A question in either language the assistant speaks, whatever the language slot
            # says (a patient may ask in the other); the answer is in the conversation's.
            topics = _topics(_words(message)) if not clinical else next(
                (found for found in (_topics(_words(message, span))
                                     for span in _question_spans(text, clinical)) if found), [])
            if number_asked and PHONE not in topics and not clinical:
                # "mejor pásame el teléfono", "¿cuál es su número?" (not why mine is asked): the
                # clinic's number asked for in clear words, whatever other topic its words hold
                topics = [PHONE]
            if not topics:
                continue
            # "Can the first visit be by video? Driving that far is half the problem with my
            # back lol": a bare "back" said in passing beside the question answers no "where?";
            # one told as the pain in a sentence of its own does ("¿cuánto cuesta? me duele la espalda")
            entities = [e for e in entities if e not in asked_for and not (
                clinical and e.get("entity") == "pain_location" and e.get("reason") == "bare"
                and not pain_told(text, e))]
            overrule(message, INTENT)
            message.set(ENTITIES, entities + [
                {"entity": "faq_topic", "value": t, "extractor": "ClinicQuestionMatcher"}
                for t in topics], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def _asks_the_number(text: str) -> bool:
    """The clinic's number asked for to call it oneself ("dame el número pa llamar"): the
    classifier's call back for it is the phone question; "call me" still asks for a call."""
    words, plain = request_words(), text.replace("\u2019", "'")
    return bool(words.asks_number.search(plain)) and not words.call_me.search(plain) \
        and not words.call_me_back.search(plain)


def _topics(words: List[str]) -> List[str]:
    return next((found for found in (load_faq(lang=lang).match(words) for lang in LANGUAGES)
                 if found), [])


def _question_spans(text: str, clinical: List[dict]) -> List[Tuple[int, int]]:
    """Where the message asks a question of its own ("...?", "¿...", or with no question mark
    a clause that starts as one: "... but how long is the wait to get seen, because the last
    place said 3 months") holding no clinical detail the extractor found."""
    spans = []
    found = [m.span() for m in _QUESTION.finditer(text) if m.group().strip("¿? ")] or [
        m.span(1) for m in _CLAUSE.finditer(text) if _ASKS.match(m.group(1))]
    for start, end in found:
        if not any((e.get("start") or 0) < end and (e.get("end") or 0) > start for e in clinical):
            spans.append((start, end))
    return spans


# A clause: between punctuation and the words that join clauses ("but", "because", "pero").
# (", pero cuánto hay que esperar": the joining word after the comma is left out too)
_CLAUSE = re.compile(r"(?:(?:^|[,.;:!])\s*(?:(?:but|because|cause|pero|porque)\b)?|\b(?:but|because|cause|pero|porque)\b)"
                     r"\s*([^,.;:!]+?)"
                     r"(?=\s*(?:[,.;:!]|\b(?:but|because|cause|pero|porque)\b|$))", re.I)
# ... that starts as a question does
_ASKS = re.compile(r"(?:how|what|when|where|which|do|does|can|could|is|are|will|would|cu[aá]nto|cu[aá]ndo"
                   r"|d[oó]nde|c[oó]mo|hay|tienen|aceptan)\b", re.I)


# A unit of time counted ("a few hours", "24 hours", "unas horas") times something; "your
# hours", "opening hours" ask when the clinic is open.
_TIME_UNITS = frozenset({"hour", "hours", "hora", "horas", "hr", "hrs"})
_QUANTITIES = frozenset({"few", "couple", "several", "many", "some", "unas", "unos", "pocas",
                         "varias", "muchas", "cuantas", "algunas"})


def _counted_time(token) -> bool:
    if token.lower_ not in _TIME_UNITS or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.like_num or before.lower_ in _QUANTITIES or (
        before.lower_ == "of" and token.i > 1 and token.doc[token.i - 2].lower_ in _QUANTITIES)


def _words(message: Message, span: Optional[Tuple[int, int]] = None) -> List[str]:
    doc = message.get(SPACY_DOCS[TEXT])
    if doc is None:
        text = message.get(TEXT) or ""
        return simple_words(text[span[0]:span[1]] if span else text)
    words = []
    for token in doc:
        if span and not span[0] <= token.idx < span[1]:
            continue
        if _counted_time(token):
            continue  # "it wears off in a few hours", "for 48 hours": no opening hours asked
        words.append(token.lower_)
        if token.lemma_:
            words.append(token.lemma_.lower())
    return words
