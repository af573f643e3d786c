"""What the assistant says to the turns that leave the script, and what it resumes after.

One pattern for every interruption: answer, then resume. Inside a form, the form's rule asks
its pending question again; outside one, `pending_question` is what was pending (an offer
waiting for a yes or no), and a conversation whose questions have not started yet goes on
to them. Pure functions over plain values; every word from content/.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, List, Mapping, Optional

import yaml

from bot.advice import Message
from bot.clinic import Clinic
from bot.content import Content
from bot.nlu.request_words import request_words
from bot.wording import clinic_sentence, describe_duration, join_list, yes_no_buttons

# The offer's text and the key of its "no" button.
OFFER_TEXTS = {"booking": ("offer_consultation", "button_no"),
               "callback": ("offer_callback", "button_no"), "peg": ("peg_offer", "button_skip")}
CORRECTABLE = ("pain_location", "pain_duration_weeks", "treatments_tried")


def pending_question(content: Content, clinic: Clinic, slots: Mapping[str, Any]) -> Optional[Message]:
    """The offer still waiting for a yes or no, asked again after an interruption."""
    offer = OFFER_TEXTS.get(slots.get("pending_offer") or "")
    if offer is None:
        return None
    key, no = offer
    return {"text": clinic_sentence(content, clinic, key), "buttons": yes_no_buttons(content, no)}


def defers_booking(text: str, slots: Mapping[str, Any]) -> bool:
    """ "Let me think about it", "not ready to book yet", "déjeme pensarlo" with no farewell
    word, before any request was sent and with no warning sign decided: not a leaving but a
    decision put off, answered kindly with the offer left open (`booking_later`)."""
    words, text = request_words(), text.replace("\u2019", "'")
    # "no sé", "not sure" to the offer: undecided, not a no (the offer stays open)
    return bool(words.deferring.search(text) or says_not_knowing(text)) and not words.farewell.search(text) \
        and not slots.get("booking_reference") \
        and slots.get("triage_level") not in ("emergency", "urgent")


def booking_later(content: Content, clinic: Clinic) -> Message:
    """No rush: a consultation commits to nothing; how to book later (here, or the clinic's
    phone), when not to wait, and a button that books now."""
    button = {"title": content.conversation["button_book"], "payload": "/book_consultation"}
    return {"text": clinic_sentence(content, clinic, "booking_later"), "buttons": [button]}


def questions_not_started(slots: Mapping[str, Any]) -> bool:
    """Nothing decided, nothing booked, nothing pending: the triage questions come next."""
    return not (slots.get("triage_level") or slots.get("booking_reference")
                or slots.get("pending_offer") or slots.get("booking_kind"))


def correction_ack(content: Content, clinic: Clinic, before: Mapping[str, Any],
                   after: Mapping[str, Any]) -> Optional[Message]:
    """ "Got it: about 2 years." when the patient changed something already answered."""
    said: List[str] = []
    old, new = before.get("pain_location"), after.get("pain_location")
    if old and new and new != old:
        said.append(content.location_labels.get(new, new))
    old, new = before.get("pain_duration_weeks"), after.get("pain_duration_weeks")
    if old is not None and new is not None and abs(new - old) > 1e-6:
        said.append(describe_duration(new, content.duration_words))
    old, new = before.get("treatments_tried"), after.get("treatments_tried")
    if old is not None and new is not None and set(old) - set(new):
        # a treatment taken back ("not physio, it was chiro"): what is kept, in full
        kept = [content.treatment_labels.get(t, t) for t in new]
        said.append(clinic_sentence(content, clinic, "tried_now",
                                    tried=join_list(kept, content.conversation["list_and"]))
                    if kept else clinic_sentence(content, clinic, "tried_none_now"))
    elif old is not None and new and set(new) - set(old):
        added = [content.treatment_labels.get(t, t) for t in new if t not in old]
        said.append(clinic_sentence(content, clinic, "also_tried",
                                    tried=join_list(added, content.conversation["list_and"])))
    if not said:
        return None
    return {"text": clinic_sentence(content, clinic, "correction_ack", value="; ".join(said))}


def say(content: Content, clinic: Clinic, key: str, **extra: str) -> Message:
    return {"text": clinic_sentence(content, clinic, key, **extra)}


NOT_KNOWING_FILE = Path(__file__).resolve().parent / "nlu" / "vocab" / "not_knowing.yml"


@lru_cache(maxsize=1)
def _not_knowing() -> "re.Pattern[str]":
    phrases = yaml.safe_load(NOT_KNOWING_FILE.read_text(encoding="utf-8"))["phrases"]
    alternatives = "|".join(re.escape(p.lower()).replace("\\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<![a-z])({alternatives})(?![a-z])", re.I)


def says_not_knowing(text: str) -> bool:
    """ "not sure", "no idea", "can't remember" (bot/nlu/vocab/not_knowing.yml)."""
    return bool(_not_knowing().search((text or "").replace("’", "'")))


# "I've tried everything and nothing works", "NOTHING helps", "nada me funciona": things were
# tried and did not help. Read from the words too, since "nothing" alone is the vocabulary's
# "tried nothing" and the classifier hears it in both.
_NOTHING_HELPED = re.compile(
    r"\b(?:nothing|none of (?:it|them|that|those))\s+(?:really\s+|ever\s+|at all\s+)?"
    r"(?:works?|worked|helps?|helped|has\s+(?:ever\s+)?(?:worked|helped|lasted)|lasts?|lasted"
    r"|does anything|did anything|makes a difference|made a difference)\b"
    r"|\btried (?:literally |just about |pretty much )?(?:everything|it all|all sorts)\b"
    # "they did nothing for me", "zero relief", "none of it did a thing", "nothing touches it"
    r"|\b(?:it|they|that|those|these|all|which)(?:\s+\w+)?\s+(?:did|do|does|ha(?:s|ve) done)\s+(?:nothing|zilch|zero)\b"
    r"|\b(?:did|does|do) (?:zilch|bugger all|sod all|squat|jack squat)\b"
    r"|\bzero (?:relief|help|difference)\b|\bno (?:relief|help|difference) at all\b"
    r"|\bnone of (?:it|them|that|those|these) (?:did|does|made|makes) (?:a thing|anything|any difference)\b"
    r"|\bnothing (?:touches|touched|shifts|shifted|eases|eased) it\b"
    r"|\bnada (?:me\s+)?(?:funciona|sirve|ayuda|ha funcionado|ha servido|ha ayudado)\b"
    r"|\bnada,? (?:nada )?me (?:quita|calma|alivia|quit[oó]|ha quitado)\b"
    r"|\bno me (?:ha hecho|hizo|hicieron|han hecho) nada\b|\bno sirvi(?:ó|o|eron) de nada\b"
    r"|\b(?:sin|cero|ning[uú]n) alivio\b"
    r"|\bprob[eé] de todo\b|\bya prob[eé] todo\b|\b(?:ya )?(?:le )?hice de todo\b"
    r"|\bhe probado (?:de )?todo\b", re.I)


# Stepping away for a moment ("hang on, dog's going nuts at the door, brb", "un momento, ya
# vuelvo"): not something the assistant cannot do; the question waits.
_BE_RIGHT_BACK = re.compile(
    r"\b(?:brb|be right back|back in a (?:sec|second|minute|min|moment|bit)|hang on|hold on"
    r"|one (?:sec|second|moment|minute|min)|give me a (?:sec|second|minute|min|moment)"
    r"|just a (?:sec|second|minute|min|moment)|ya vuelvo|un momento|un segundito|espere un"
    r"|ahorita vuelvo|ahora vuelvo)\b", re.I)


def steps_away(text: str) -> bool:
    """Whether the patient says they are stepping away for a moment."""
    return bool(_BE_RIGHT_BACK.search((text or "").replace("’", "'")))


# Words said short as they are spoken ("he probado de tó y na' me sirve", "nothin' works"):
# read as written out before the patterns above.
_SPOKEN_SHORT = ((re.compile(r"\bt[oó]'|\btó\b", re.I), "todo"), (re.compile(r"\bna'", re.I), "nada"),
                 (re.compile(r"\b(?:nothin|nuthin|nothen)'?(?!\w)", re.I), "nothing"))


def spelled_out(text: str) -> str:
    """The message with the spoken short forms of "todo", "nada", "nothing" written out."""
    text = (text or "").replace("’", "'")
    for short, word in _SPOKEN_SHORT:
        text = short.sub(word, text)
    return text


def says_nothing_helped(text: str) -> bool:
    """Whether the message says that what was tried did not help."""
    return bool(_NOTHING_HELPED.search(spelled_out(text)))


# The actions that answer an off-script turn in a form, before the form comes back.
ANSWERING_ACTIONS = frozenset({
    "action_answer_clinic", "action_acknowledge_distress", "action_next_step",
    "action_change_booking", "action_answer_option", "action_cannot_help", "action_handoff",
    "utter_iamabot", "utter_welcome", "utter_default",
})


def questions_end_after_booking(slots: Mapping[str, Any], answered_by: Optional[str],
                                text: str) -> bool:
    """After a request was sent, the open triage questions are a favour, not a gate: a patient
    who asks something else instead ("what should I bring?", "so what happens now?", "can I
    cancel?") gets the answer alone, and the questions end there (not "Where does it hurt?"
    again). Someone stepping away ("one sec") still finds the question waiting."""
    return bool(slots.get("booking_reference")) and answered_by in ANSWERING_ACTIONS \
        and not steps_away(text)
