"""A patient's question about the question just asked: what a word in it means, or why it is asked.

"what mean saddle numbness?", "¿qué es eso de adormecimiento en la entrepierna?" at the
warning-sign screen get the word in plain words; "why do you need to know all that?? its just
my back", "¿y para qué quiere saber todo eso?" get the reason for the question. Either is
answered from content/conversation.yml (`meaning_*`, `why_asked_*`) and the question is asked
again: never taken as its answer (a "no entiendo" is no "no" to the screen). The cue words are
the request words `asks_meaning` and `asks_why` (bot/nlu/vocab/requests.yml). Pure.
"""
from __future__ import annotations

from typing import Any, Iterable, List, Mapping, Optional

from bot.advice import Message
from bot.clinic import Clinic
from bot.content import Content
from bot.contract import RED_FLAGS
from bot.nlu.request_words import request_words
from bot.option_select import find_option
from bot.wording import clinic_sentence

# The question each pending slot asks, for its reason (the story questions share one).
WHY_KEYS = {"pain_location": "why_asked_pain_location",
            "pain_duration_weeks": "why_asked_pain_duration_weeks",
            "treatments_tried": "why_asked_treatments_tried",
            "red_flag_screen": "why_asked_red_flag_screen",
            "pain_pattern": "why_asked_story", "prior_injection_relief": "why_asked_story"}
# The entities that name a sign without saying the patient has it.
NAMING_ENTITIES = ("red_flag_unsure", "red_flag_denied")


def _plain(text: str) -> str:
    return (text or "").replace("\u2019", "'")


def asks_meaning(text: str) -> bool:
    """ "what does bowels mean?", "I don't understand this word", "¿qué significa?"."""
    return bool(request_words().asks_meaning.search(_plain(text)))


def asks_why(text: str) -> bool:
    """ "why do you need to know all that?", "¿para qué quiere saber eso?"."""
    return bool(request_words().asks_why.search(_plain(text)))


def told_before(text: str) -> bool:
    """ "I already told the nurse all this, why type it again?", "ya se lo dije a la enfermera"."""
    return bool(request_words().told_before.search(_plain(text)))


def asks_about_the_question(text: str) -> bool:
    """Why a question is asked or what its words mean, with no distress told beside it (the
    classifier hears "why are you asking me this" as distress)."""
    return (asks_why(text) or asks_meaning(text) or told_before(text)) \
        and not request_words().distress.search(_plain(text))


def signs_named(entities: Iterable[Mapping[str, Any]]) -> List[str]:
    """The warning signs a message names without telling of them (asked about, denied), in order."""
    named = [e.get("value") for e in entities if e.get("entity") in NAMING_ENTITIES]
    return [f for f in dict.fromkeys(named) if f in RED_FLAGS]


def meaning_of_signs(content: Content, clinic: Clinic, flags: Iterable[str]) -> Optional[Message]:
    """Each named sign in plain words; None when none is named."""
    said = [clinic_sentence(content, clinic, f"meaning_{flag}") for flag in flags if flag in RED_FLAGS]
    return {"text": " ".join(said)} if said else None


def told_after_question(text: str, entities: Iterable[Mapping[str, Any]]) -> bool:
    """A sign named again after the message's last "?" ("what do you mean by numbness where you
    sit? ... actually yes, when I wipe I can't feel it"): the answer part tells of it, so the
    message is more than a question about the screen."""
    mark = (text or "").rfind("?")
    return mark >= 0 and any(e.get("entity") in ("red_flag", "red_flag_unsure")
                             and (e.get("start") or 0) > mark for e in entities)


def about_the_question(content: Content, clinic: Clinic, requested: Optional[str], text: str,
                       entities: Iterable[Mapping[str, Any]]) -> Optional[Message]:
    """The answer to a question about the pending question, or None when the message is
    something else. A sign told as present is never explained away: the caller reads it.
    What a word means is answered at the warning-sign screen (its words are the hard ones);
    why a question is asked, at any triage question."""
    entities = list(entities)
    if requested not in WHY_KEYS or any(e.get("entity") == "red_flag" for e in entities) \
            or told_after_question(text, entities) \
            or find_option(content, text) is not None:  # "what is a facet injection?": the option's
        return None
    if requested == "red_flag_screen" and asks_meaning(text):
        named = meaning_of_signs(content, clinic, signs_named(entities))
        return named or {"text": clinic_sentence(content, clinic, "meaning_screen")}
    if told_before(text):  # sorry to ask again, before (or instead of) why it is asked
        return {"text": clinic_sentence(content, clinic, "asked_again")}
    if asks_why(text):
        return {"text": clinic_sentence(content, clinic, WHY_KEYS[requested])}
    return None
