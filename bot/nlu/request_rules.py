"""Rasa components that overrule the classifier where the patient asks for something in clear words.

A question about an option misread as a goodbye; a request to book, to be called back, to talk to a
person or to leave for now said in words the classifier took for something else (bot/nlu/intent_rules.py
keeps the crisis and age rules)."""
from __future__ import annotations

import re
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.booking import names_a_time, parse_contact
from bot.booking_request import asks_to_book
from bot.content import normalise
from bot.nlu.request_words import request_words
from bot.nlu.rule_base import _ContentRule, overrule
from bot.offscript import says_nothing_helped, steps_away
from bot.option_select import asks_about_an_option, find_option

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
                overrule(message, "inform")
                continue
            if intent not in MISREAD_AS | MISREAD_AS_IF_CLEAR \
                    or message.get("entities") or parse_contact(text):
                continue
            aspects = CLEAR_ASPECTS if intent in MISREAD_AS_IF_CLEAR else None
            if any(asks_about_an_option(content, text, aspects) for content in self._contents):
                overrule(message, "ask_option_info")
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def _corrects_the_story(message: Message) -> bool:
    """Whether the message tells the pain's length or place (what a correction changes)."""
    return any(e.get("entity") in ("duration", "pain_location") for e in message.get("entities") or [])


# What the classifier makes of a request to book said with the details or after a word of
# assent ("Fine, let's book. Marcus Webb, 555-0190" read as contact details): the request wins.
# "Ok never mind, let's book then" read as leaving: the request is what it says last.
# "I'd still like to see one of your doctors to be on the safe side", "¿y no me podrían ver de
# todas formas?" read as despair: the request wins (crisis words still win, next component).
BOOKING_MISREAD_AS = {"give_contact", "affirm", "thank", "deny", "nlu_fallback", "out_of_scope",
                      "goodbye", "crisis", "express_distress"}
# The words of a change to a request already made ("cancel", "cambiar"), of a request for a
# person, a call back ("can somebody call me?", "call me back", "que me llamen"), of leaving to
# decide later ("let me sleep on it", "déjeme pensarlo") and of a farewell: data, in
# vocab/requests.yml and vocab/es/requests.yml (bot/nlu/request_words.py).
_WORDS = request_words()
_CHANGE, _PERSON = _WORDS.change, _WORDS.person
# The classifier's guesses a request for a person in so many words overrides
PERSON_MISREAD_AS = {"bot_challenge", "ask_clinic", "nlu_fallback", "out_of_scope", "express_distress"}
_CALL_ME, _CALL_ME_BACK = _WORDS.call_me, _WORDS.call_me_back
_LEAVING, _GONE, _DEFERRING = _WORDS.leaving, _WORDS.gone, _WORDS.deferring
# "olvídalo" read as a greeting.
LEAVING_MISREAD_AS = {"greet", "book_consultation", "nlu_fallback", "thank", "affirm", "deny", "out_of_scope",
                      "ask_option_info", "ask_next_step", "inform", "give_contact", "change_booking",
                      "express_distress"}


def _leaving_misheard(intent: str, text: str) -> bool:
    """A clinic question the classifier heard in a leaving message that asks nothing ("I need
    to check with my husband first about the dates. I'll come back later"), or "nothing
    helped" heard in giving up ("forget it, this is a waste of my time")."""
    return (intent == "ask_clinic" and "?" not in text and "¿" not in text) or (
        intent == "nothing_helped" and not says_nothing_helped(text))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _books_last(text: str) -> bool:
    """A request to book said last, after words about an option ("Right, that facet injection
    sounds worth a try. Can I book something?"): the request, not a question about the option."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    return bool(sentences) and asks_to_book(sentences[-1]) and not _defers_last(sentences[-1])


def _defers_last(text: str) -> bool:
    """Putting the booking off, said after any words of booking: "todavía no quiero hacer la
    cita, lo quiero pensar", "not ready to book yet" defer; "I'll think about it... no, let's book
    now" books."""
    deferring = [(m.start(), m.end()) for m in _DEFERRING.finditer(text)]
    # booking words inside the putting off ("todavía no quiero hacer la cita") are its own
    booking = [m.start() for m in _WORDS.book.finditer(text)
               if not any(start <= m.start() <= end for start, end in deferring)]
    return bool(deferring) and (not booking or max(s for s, _ in deferring) > max(booking))


def _books_after_the_story(message: Message, text: str) -> bool:
    """A request to book said after every detail of the story, in a sentence of its own."""
    said = text.replace("\u2019", "'")
    booking = [m.start() for m in _WORDS.book.finditer(said)]
    if not booking or not asks_to_book(text) or _defers_last(said):
        return False
    ends = [e.get("end") or 0 for e in message.get("entities") or []]
    last_sentence = max((m.end() for m in re.finditer(r"[.!?]\s", said)), default=0)
    return bool(ends) and booking[-1] >= max(ends) and booking[-1] >= last_sentence > 0


# What the classifier makes of distress told in many clauses or plain words (request words'
# `distress`): an answer, an unclear message, a question about the assistant.
DISTRESS_MISREAD_AS = {"inform", "nlu_fallback", "deny", "affirm", "bot_challenge", "give_contact",
                       "out_of_scope"}


# "brb 1 sec", "un momento" read as contact details or an answer ("espéreme tantito, ahorita
# vuelvo" as a request to book): stepping away, when no detail, no word of booking and no
# number long enough to be a phone's came with it.
STEPPING_AWAY_MISREAD_AS = {"give_contact", "inform", "nlu_fallback", "affirm", "deny",
                            "book_consultation"}
_NUMBER = re.compile(r"\d{3}")


# Thanks that lead the message ("muchas gracias por la explicación, nadie me lo había explicado
# así"): the classifier heard distress in the warm words. Thanks with a "but" may carry it.
_THANKS_FIRST = re.compile(r"^\W*(?:(?:muchas|mil|muchísimas|muchisimas) )?gracias\b"
                           r"|^\W*(?:thank you|thanks|thank u|thx|many thanks)\b", re.I)
# A question after the thanks ("Gracias. ¿Y los sábados?"), asked with its mark
_QUESTION_AFTER = re.compile(r"[¿?]")


def _asks_after_thanks(text: str) -> bool:
    found = _THANKS_FIRST.search(text)
    return bool(found) and bool(_QUESTION_AFTER.search(text[found.end():]))


# Words that tell a detail again to correct it (never a bare "no" or "not": "eight months of
# not sleeping, I cry in the car" is distress)
_CORRECTION_WORDS = re.compile(r"\b(?:actually|wait|sorry|i meant|wrong|longer than|more like|now that i think"
                               r"|it'?s not|it isn'?t|it wasn'?t|ahora que lo pienso|en realidad|perd[oó]n"
                               r"|me equivoqu[eé]|no son|no es|no fue|m[aá]s bien)\b", re.I)
_BUT = re.compile(r"\b(?:pero|aunque|sin embargo|but|though|however)\b", re.I)


def _clinical(message: Message) -> bool:
    """Whether the message names a place, a length, a treatment or a red flag: then it is an
    answer, not only a request (a story word such as "mejor" read as relief does not count)."""
    return any(e.get("entity") in ("pain_location", "duration", "treatment") or
               str(e.get("entity", "")).startswith("red_flag") for e in message.get("entities") or [])


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
                    and not _WORDS.distress.search(text.replace("\u2019", "'")) and not _clinical(message) \
                    and not _LEAVING.search(text):  # "estoy en el trabajo, más tarde les escribo" leaves
                # "I'm starting a course so mornings are out now, could it be saturdays?" heard
                # as despair: a time that no longer suits and a new one is a change of time
                chosen = "change_booking"
            elif intent == "goodbye" and _WORDS.someone_else.search(text) and not _GONE.search(text) \
                    and not _LEAVING.search(text) and not _WORDS.farewell.search(text):
                # "my husband has a fever, not me", "mi esposo tiene fiebre, yo no": someone
                # else's sign told, an answer; a goodbye took it and ended the questions
                chosen = "inform"
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
            elif (intent in ("thank", "goodbye") or intent == "express_distress"
                  and not _WORDS.distress.search(text.replace("\u2019", "'"))) and _asks_after_thanks(text) \
                    and not _WORDS.farewell.search(text) and not _GONE.search(text) and not _LEAVING.search(text):
                # "Thanks! Do you do Sunday appointments?": thanks and a question is a question;
                # the goodbye ended the chat on it (action_cannot_help answers what it can)
                chosen = "out_of_scope"
            elif intent == "express_distress" and _THANKS_FIRST.search(text) and not _BUT.search(text) \
                    and not message.get("entities"):
                chosen = "thank"
            if chosen:
                overrule(message, chosen)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
