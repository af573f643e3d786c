"""Rasa components that overrule the intent classifier by rule where its words are clear.

Crisis language, a stated age, a question about an option or a request to book it misread."""
from __future__ import annotations

from typing import List

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.booking import asks_to_book, names_a_time, parse_contact
from bot.content import LANGUAGES, load_content, normalise
from bot.language import requested_language
from bot.nlu.age import about_an_adult, no_number_is_an_age, says_nothing_of_age, stated_age
from bot.nlu.crisis import default_detector
from bot.nlu.crisis_gate import answer_guess, set_aside
from bot.nlu.request_cues import (  # noqa: F401 - moved out whole; read here
    _BUT,
    _CALL_ME,
    _CALL_ME_BACK,
    _CHANGE,
    _CORRECTION_WORDS,
    _DEFERRING,
    _GONE,
    _LEAVING,
    _NUMBER,
    _PERSON,
    _SENTENCE_END,
    _THANKS_FIRST,
    _WORDS,
    BOOKING_MISREAD_AS,
    DISTRESS_MISREAD_AS,
    LEAVING_MISREAD_AS,
    PERSON_MISREAD_AS,
    STEPPING_AWAY_MISREAD_AS,
    _books_after_the_story,
    _books_last,
    _clinical,
    _corrects_the_story,
    _defers_last,
    _leaving_misheard,
)
from bot.offscript import steps_away
from bot.option_select import asks_about_an_option, find_option

# What a request for the other language is not, whatever the classifier ranked next: despair
# or a question about the assistant ("mi hija lee mejor el inglés" is neither).
LANGUAGE_REQUEST_IS_NOT = {"crisis", "possible_crisis", "express_distress", "nlu_fallback"}


class _Rule(GraphComponent):
    """A rule over the classifier's guess: nothing in the model's config or storage to read."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "_Rule":
        return cls()


class _ContentRule(_Rule):
    """A rule that reads the content of every language the assistant speaks."""

    def __init__(self) -> None:
        self._contents = [load_content(lang=lang) for lang in LANGUAGES]


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class CrisisLanguageOverride(_Rule):
    """Crisis language (bot/nlu/vocab/crisis.yml) makes the intent `crisis`, whatever the
    classifier thought: the crisis line must never depend on a statistical guess.

    The classifier's own `crisis` without such words becomes `possible_crisis`: it reads
    word pieces, so ordinary words ("my ride is here", "drive myself home") can look like
    crisis language to it, and so can real despair the vocabulary misses ("some days I just
    want to die"). So do the vocabulary's `despair_patterns` ("I feel hopeless, there's no
    way out"), whatever the classifier made of them: said beside a detail ("8 months of
    this") they read as an answer to it. Both get the crisis line; the conversation then goes
    on instead of ending (docs/conversation.md). A language asked for in so many words
    ("¿podemos seguir en inglés? mi hija lee mejor el inglés") wins over the classifier's guess,
    never over crisis words; so does its next answer guess on a message clearly about the care
    that says no crisis cue (bot/nlu/crisis_gate.py)."""

    def __init__(self) -> None:
        self._detect = default_detector()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if self._detect(message.get(TEXT) or ""):
                crisis = {"name": "crisis", "confidence": 1.0}
                ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != "crisis"]
                message.set("intent", crisis, add_to_output=True)
                message.set("intent_ranking", [crisis] + ranking, add_to_output=True)
            elif (message.get("intent") or {}).get("name") == "crisis" and requested_language(
                    message.get(TEXT) or ""):
                # "¿podemos seguir en inglés? mi hija me está ayudando": a language asked for in
                # so many words wins over the classifier's guess (crisis words won above)
                chosen = next((r for r in message.get("intent_ranking") or []
                               if r.get("name") not in LANGUAGE_REQUEST_IS_NOT),
                              {"name": "inform", "confidence": 1.0})
                ranking = [chosen] + [r for r in message.get("intent_ranking") or []
                                      if r.get("name") not in ("crisis", chosen.get("name"))]
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", ranking, add_to_output=True)
            elif (message.get("intent") or {}).get("name") == "crisis" and set_aside(
                    self._detect, message.get(TEXT) or "", message.get("entities") or []):
                # "not sure, years I guess", "Ana Ruiz (I'm her son)": clearly about the care,
                # no crisis cue: the classifier's guess rests on word pieces (crisis_gate.py)
                chosen = answer_guess(message.get("intent_ranking"))
                ranking = [chosen] + [r for r in message.get("intent_ranking") or []
                                      if r.get("name") not in ("crisis", chosen.get("name"))]
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", ranking, add_to_output=True)
            elif (message.get("intent") or {}).get("name") == "crisis" or self._detect.may_be(
                    message.get(TEXT) or ""):  # despair beside a detail the classifier took for an answer
                top = message.get("intent") or {}
                possible = {"confidence": 1.0, **top, "name": "possible_crisis"}
                ranking = [possible] + [r for r in message.get("intent_ranking") or []
                                        if r.get("name") not in ("crisis", top.get("name"))]
                message.set("intent", possible, add_to_output=True)
                message.set("intent_ranking", ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class StatedAgeCheck(GraphComponent):
    """A stated age decides `age_under_18` against clinic.yml's minimum age: the classifier
    cannot compare numbers ("I'm 52" is not a teenager; "I'm 15" is, whatever else is said).
    Numbers that only count time or tell the time of day ("for 5 years", "a las 2") are not an age, and an
    adult someone else ("for my mum, she's 82") is not a minor, nor is a message giving a
    phone or email ("Marco Villalobos, 555-0191"; "contact me, her daughter, at 555-0177"),
    nor one with no number and no word for being young ("tengo dolor de espalda muy fuerte"):
    the classifier's `age_under_18` for them gives way to its next guess."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "StatedAgeCheck":
        from bot.clinic import load_clinic

        return cls(load_clinic().min_patient_age)

    def __init__(self, min_age: int) -> None:
        self.min_age = min_age

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            age = stated_age(text)
            intent = (message.get("intent") or {}).get("name")
            ranking = [r for r in message.get("intent_ranking") or []
                       if r.get("name") != "age_under_18"]
            if age is not None and age < self.min_age:
                chosen = {"name": "age_under_18", "confidence": 1.0}
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", [chosen] + ranking, add_to_output=True)
            elif intent == "age_under_18" and (age is not None or no_number_is_an_age(text)
                                               or says_nothing_of_age(text)
                                               or about_an_adult(text, self.min_age)
                                               or parse_contact(text)):
                chosen = ranking[0] if ranking else {"name": "inform", "confidence": 1.0}
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", ranking or [chosen], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


# What the classifier says to a short question about an option it misreads ("will it hurt
# much?" read as goodbye, "can i drive after" as contact details, "will I be able to drive
# myself home after?" as crisis: its own guess, word pieces; crisis words and despair still
# win, in CrisisLanguageOverride after this). Never overruled: red flags, clinical answers,
# booking, a person or a call back, clinic questions.
MISREAD_AS = {"goodbye", "out_of_scope", "nlu_fallback", "bot_challenge", "thank", "affirm",
              "deny", "give_contact", "crisis"}
# Intents whose own words overlap an option's "how" ("¿y ahora qué pasa?" is the next step):
# overruled only by a question naming an option or asking about its risks or relief ("¿qué
# riesgos tiene?" read as the next step, "will it be dangerous?" as distress).
MISREAD_AS_IF_CLEAR = {"ask_next_step", "express_distress"}
CLEAR_ASPECTS = ("risks", "relief")


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class OptionQuestionCheck(_ContentRule):
    """A question naming an option, or asking about one in `question_aspects`' words
    (content/options.yml), is `ask_option_info` when the classifier took it for a goodbye,
    an unclear message or another generic intent, and it carries nothing clinical."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get("intent") or {}).get("name")
            if intent == "ask_option_info" and _corrects_the_story(message) and not any(
                    find_option(content, normalise(text)) or asks_about_an_option(content, text)
                    for content in self._contents):  # "what's recovery like? how many days off?" asks
                # "no son 10 días, ya van como tres meses, ¿eso cambia algo?": a length or a
                # place told again, asking whether it matters, naming no option: an answer
                chosen = {"name": "inform", "confidence": 1.0}
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", [chosen] + [r for r in message.get("intent_ranking") or []
                                                          if r.get("name") != "inform"], add_to_output=True)
                continue
            if intent not in MISREAD_AS | MISREAD_AS_IF_CLEAR \
                    or message.get("entities") or parse_contact(text):
                continue
            aspects = CLEAR_ASPECTS if intent in MISREAD_AS_IF_CLEAR else None
            if any(asks_about_an_option(content, text, aspects) for content in self._contents):
                chosen = {"name": "ask_option_info", "confidence": 1.0}
                ranking = [r for r in message.get("intent_ranking") or []
                           if r.get("name") != "ask_option_info"]
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", [chosen] + ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class RequestCheck(_ContentRule):
    """Requests in clear words win over the classifier's generic guess: to book (not when
    a clinical detail came with it), to talk to a person, to be called back, to leave for now."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get("intent") or {}).get("name")
            chosen = None
            if (intent in BOOKING_MISREAD_AS or intent == "change_booking" and not _CHANGE.search(text)
                    # "Perfecto, agendemos" heard as asking for a person: no word of one in it
                    or intent == "request_human" and not _PERSON.search(text) and not _CALL_ME.search(text)
                    # "Ok, dale, vamos a coger la cita" heard as a clinic question: it asks nothing
                    or intent == "ask_clinic" and "?" not in text and "¿" not in text) \
                    and asks_to_book(text) and not _defers_last(text.replace("\u2019", "'")) \
                    or intent in ("ask_option_info", "inform") and _books_last(text.replace("\u2019", "'")) \
                    and any(find_option(content, text) for content in self._contents):
                # "OK, the radiofrequency one sounds right for me. Could we book a time to talk?"
                # at a story question: the request said last, not an answer or a question
                chosen = "book_consultation"
            elif intent == "book_consultation" and _WORDS.information.search(text) and not asks_to_book(text) \
                    and not message.get("entities"):
                chosen = "greet"  # "quiero información": asked what the assistant can do, no booking
            elif intent == "inform" and _books_after_the_story(message, text):
                # "... no fever, never had cancer. What are my options? I'd like to book
                # something.": the story told, then the request, last: booking at once (the
                # story is kept; the questions still open follow the booking)
                chosen = "book_consultation"
            elif _CALL_ME.search(text) and (intent in ("bot_challenge", "request_human", "express_distress",
                                                       "deny", "affirm", "nlu_fallback") or (
                    # "mejor que me llamen ustedes por teléfono": the clinic's phone was not asked
                    intent == "ask_clinic" and "?" not in text) or (
                    intent in ("give_contact", "inform") and (
                        not _clinical(message) or _CALL_ME_BACK.search(text)))):
                # "Could somebody ring me instead? 555 0147 220": the number comes with it
                chosen = "request_callback"
            elif (intent in PERSON_MISREAD_AS or intent == "book_consultation" and not asks_to_book(text)) \
                    and _PERSON.search(text):
                # "¿puedo hablar con alguien de verdad? es que no me gusta escribir": a person
                # asked for in so many words, whatever topic word or feeling came with it
                chosen = "request_human"
            elif steps_away(text) and not _GONE.search(text) and (
                    intent == "goodbye" or intent in STEPPING_AWAY_MISREAD_AS
                    and not message.get("entities") and not _NUMBER.search(text)
                    and not asks_to_book(text)):
                # "hang on, someone's at the door, brb": back in a moment, not leaving; the
                # question waits (action_cannot_help says "take your time" to it)
                chosen = "out_of_scope"
            elif intent in ("express_distress", "nlu_fallback", "out_of_scope") and names_a_time(text) \
                    and _WORDS.not_suiting.search(text.replace("\u2019", "'")) \
                    and not _WORDS.distress.search(text.replace("\u2019", "'")) and not _clinical(message):
                # "I'm starting a course so mornings are out now, could it be saturdays?" heard
                # as despair: a time that no longer suits and a new one is a change of time
                chosen = "change_booking"
            elif intent == "goodbye" and names_a_time(text) and not _GONE.search(text) \
                    and not _LEAVING.search(text):  # "leave it for now, I'll ring on Monday" leaves
                # "mejor por las tardes, después de las cuatro": a time ("tardes", "después")
                # is no farewell unless a farewell word says so
                chosen = "inform"
            elif (intent in ("crisis", "bot_challenge", "nlu_fallback", "out_of_scope", "book_consultation",
                             "express_distress")
                  or intent == "change_booking" and not _CHANGE.search(text)) \
                    and _defers_last(text.replace("\u2019", "'")):
                # "I'm not sure I'm ready to decide on needles. Can I think about it?": word
                # pieces the classifier took for despair ("... to be honest" for "are you a
                # bot?"); crisis words still win (next component)
                chosen = "goodbye"
            elif (intent in LEAVING_MISREAD_AS | {"goodbye"} or _leaving_misheard(intent, text)) and _LEAVING.search(text) \
                    and not asks_to_book(text) \
                    and not (intent == "inform" and _clinical(message)) and not any(
                        str(e.get("entity", "")).startswith("red_flag") for e in message.get("entities") or []):
                chosen = "goodbye"
            elif intent == "start_over" and not _WORDS.restart.search(text):
                # a name or an answer whose letters looked like "reiniciar" ("Reinaldo
                # Cabrera"): an answer to the question asked, never a wiped conversation
                chosen = "inform"
            elif intent in DISTRESS_MISREAD_AS and _WORDS.distress.search(text.replace("\u2019", "'")) \
                    and not _clinical(message) and not parse_contact(text):
                # "ya no puedo más, no duermo bien, lloro a cada rato" at a question: heard as
                # a failed answer; acknowledged once, then the question again
                chosen = "express_distress"
            elif intent == "express_distress" and _corrects_the_story(message) \
                    and _CORRECTION_WORDS.search(text) and not _WORDS.distress.search(text.replace("\u2019", "'")):
                # "ahora que lo pienso, no son 8 meses; empezó cuando nació mi nieta": a length
                # told again, no word of distress in it: an answer
                chosen = "inform"
            elif intent == "express_distress" and _THANKS_FIRST.search(text) and not _BUT.search(text) \
                    and not message.get("entities"):
                chosen = "thank"
            if chosen:
                picked = {"name": chosen, "confidence": 1.0}
                ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != chosen]
                message.set("intent", picked, add_to_output=True)
                message.set("intent_ranking", [picked] + ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
