"""The cues RequestCheck reads beside the request words: what the classifier mishears, and how."""
from __future__ import annotations

import re

from rasa.shared.nlu.training_data.message import Message

from bot.booking import asks_to_book
from bot.nlu.request_words import request_words
from bot.offscript import says_nothing_helped


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
