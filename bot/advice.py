"""What the assistant says at each decision, composed from the clinician's content files.

Pure functions over plain values: no Rasa here. Every medical sentence comes from content/;
this module only chooses which ones apply and puts them in order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional, Tuple

from bot.clinic import Clinic
from bot.content import DEFAULT_ASPECT, Content
from bot.nlu.request_words import request_words
from bot.option_fit import CONSERVATIVE_OR_MORE, PatientStory
from bot.option_select import answer_question, find_option, normalise, question_aspect, select_options
from bot.triage import TriageDecision
from bot.wording import (
    clinic_sentence,
    clinic_values,
    describe_story,
    fill,
    red_flag_phrase,
    self_care_message,
    yes_no_buttons,
)

MAX_OPTIONS_SHOWN = 3  # a patient in pain reads three well-explained options, not seven

Message = Dict[str, Any]


@dataclass
class Advice:
    messages: List[Message]
    options: List[str] = field(default_factory=list)  # option ids explained
    pending_offer: Optional[str] = None  # what a "yes" now accepts: booking | callback | peg
    option_trail: List[Dict[str, Any]] = field(default_factory=list)  # why each option was or wasn't


def _echo(content: Content, clinic: Clinic, evidence: List[Mapping[str, str]],
          flags: tuple) -> Optional[str]:
    # a "yes" to a confirming question is no words to check ("You said: 'yes'")
    words = [e["words"] for e in evidence if e.get("flag") in flags and e.get("words")
             and not e.get("when_asked")]
    if not words:
        return None
    return clinic_sentence(content, clinic, "echo_words", words='", "'.join(dict.fromkeys(words)))


def compose_triage(decision: TriageDecision, slots: Mapping[str, Any], content: Content,
                   clinic: Clinic) -> Advice:
    values = clinic_values(content, clinic)
    evidence = slots.get("red_flag_evidence") or []
    if decision.level in ("emergency", "urgent"):
        template = content.self_care.emergency_advice if decision.level == "emergency" \
            else content.self_care.urgent_advice
        text = fill(template, {**values, "flags": red_flag_phrase(content, decision.because)})
        messages = [{"text": text}]
        echo = _echo(content, clinic, evidence, decision.because)
        if echo:
            messages.append({"text": echo})
        if decision.level == "emergency":
            return Advice(messages)  # no booking, no options: go now
        messages.append({"text": clinic_sentence(content, clinic, "offer_callback"),
                         "buttons": yes_no_buttons(content)})
        return Advice(messages, pending_offer="callback")

    if decision.level == "self_care":
        messages = [{"text": self_care_message(content, values)}]
        if not slots.get("booking_reference"):
            messages.append({"text": clinic_sentence(content, clinic, "self_care_booking_hint")})
        return Advice(messages)

    story = PatientStory.from_slots(slots)
    selection = select_options(content, story)
    fits = selection.fits[:MAX_OPTIONS_SHOWN]
    lines = [describe_story(content, story)]
    if fits:
        lines.append(fill(content.options_intro, clinic_values(content, clinic)))
        lines.append("\n".join(f"• {fit.option.title}: {fit.option.reason.strip()}" for fit in fits))
        lines.append(content.plan_note.strip())
    else:
        nothing_tried = not story.tried_set & CONSERVATIVE_OR_MORE
        lines.append(fill(content.none_fit["nothing_tried" if nothing_tried else "not_yet"],
                          clinic_values(content, clinic)))
    lines.append(content.disclaimer.strip())
    messages = [{"text": "\n\n".join(lines)}]
    options = [f.option.id for f in fits]
    if not peg_done(slots):
        messages.append({"text": clinic_sentence(content, clinic, "peg_offer"),
                         "buttons": yes_no_buttons(content, "button_skip")})
        return Advice(messages, options=options, pending_offer="peg", option_trail=selection.trail)
    offer = booking_offer(content, clinic, slots)
    return Advice(messages + offer.messages, options=options, pending_offer=offer.pending_offer,
                  option_trail=selection.trail)


def peg_done(slots: Mapping[str, Any]) -> bool:
    return bool(slots.get("peg_skipped")) or slots.get("peg_score") is not None


def booking_offer(content: Content, clinic: Clinic, slots: Mapping[str, Any]) -> Advice:
    """Offer the consultation, unless the patient has already asked for one."""
    already = slots.get("booking_reference")
    if already:
        return Advice([{"text": clinic_sentence(content, clinic, "already_booked", reference=already)}])
    return Advice([{"text": clinic_sentence(content, clinic, "offer_consultation"),
                    "buttons": yes_no_buttons(content)}], pending_offer="booking")


def next_step_offer(content: Content, clinic: Clinic, slots: Mapping[str, Any]) -> Advice:
    """ "What now?" after the options or the self-care advice: the consultation is the next
    step, said as an answer (not a question back), with a button to book; a "yes" books too."""
    if slots.get("booking_reference"):
        return booking_offer(content, clinic, slots)
    button = {"title": content.conversation["button_book"], "payload": "/book_consultation"}
    return Advice([{"text": clinic_sentence(content, clinic, "next_step"), "buttons": [button]}],
                  pending_offer="booking")


def booking_not_sent(content: Content, clinic: Clinic) -> Message:
    """The request could not be stored (database unavailable): the details stay in the
    conversation, so asking again sends them."""
    return {"text": clinic_sentence(content, clinic, "booking_not_sent")}


def booking_sent(content: Content, clinic: Clinic, kind: str, slots: Mapping[str, Any],
                 reference: str, details_said_now: bool = True) -> Message:
    """The request is with the clinic: what happens next, on the details the patient gave
    (read back only in the turn the patient gave them)."""
    key = "booking_sent_callback" if kind == "callback" else "booking_sent_consultation"
    if not details_said_now:
        key = "booking_resent_callback" if kind == "callback" else "booking_resent_consultation"
    return {"text": clinic_sentence(content, clinic, key, name=slots["booking_name"],
                                    contact=slots["booking_contact"], time=slots["booking_time"],
                                    reference=reference)}


def questions_after_booking(content: Content, clinic: Clinic) -> Message:
    return {"text": clinic_sentence(content, clinic, "questions_after_booking")}


def offer_declined(content: Content, clinic: Clinic) -> Message:
    return {"text": clinic_sentence(content, clinic, "offer_declined")}


def other_body_part(content: Content, clinic: Clinic) -> Message:
    """Asked where the back or neck hurts, the patient named another part of the body."""
    return {"text": clinic_sentence(content, clinic, "other_body_part")}


def other_language_message(contents: List[Content], clinic: Clinic) -> Message:
    """To a message in a language not spoken: the same safety text in each language spoken."""
    return {"text": "\n\n".join(clinic_sentence(c, clinic, "other_language") for c in contents)}


def peg_thanks(content: Content, clinic: Clinic) -> Message:
    return {"text": clinic_sentence(content, clinic, "peg_thanks")}


def screening_question(content: Content, which_one: bool = False, after_plain_words: bool = False) -> Message:
    """The warning-sign question; after "yes" alone, which one; after its plain words, the
    short question (one button a sign, and none)."""
    texts = content.conversation
    if which_one or after_plain_words:
        labels = content.self_care.red_flag_labels
        buttons = [{"title": label[:1].upper() + label[1:], "payload": texts["have_red_flag"].format(flag=label)}
                   for label in labels.values()]
        buttons.append({"title": texts["none_of_these"], "payload": "/deny"})
        return {"text": texts["screen_after_plain" if after_plain_words else "which_red_flag"], "buttons": buttons}
    return {"text": content.self_care.screening_question.strip(),
            "buttons": [{"title": texts["none_of_these"], "payload": "/deny"}]}


def emergency_reminder(content: Content, clinic: Clinic, flags: tuple = ()) -> Message:
    phrase = red_flag_phrase(content, flags) if flags else content.conversation["unnamed_red_flag"]
    return {"text": fill(content.self_care.emergency_advice,
                         {**clinic_values(content, clinic), "flags": phrase})}


# Words of option names too common to point at one option ("will the pain come back?" is
# not about the pain pump).
_COMMON_NAME_WORDS = frozenset({"pain", "spine", "spinal", "joint", "drug", "delivery", "shot",
                                "radio", "column",
                                # Spanish: "dolor" and "para" are in nearly every message
                                # ("bomba para el dolor" is no reason to answer about the pump)
                                "dolor", "para", "columna", "medicamento", "espinal", "inyecci",
                                "inyeccion"})


def _name_words(content: Content) -> Dict[str, set]:
    """Each word (4 letters or more) of the options' names, and the options it belongs to."""
    words: Dict[str, set] = {}
    for option in content.options:
        for name in option.names:
            for word in re.findall(r"[a-z]{4,}", name.lower()):
                words.setdefault(word, set()).add(option.id)
    return words


def _distinctive_hits(content: Content, text: str) -> List[set]:
    """For each name word in the text (common ones left out), the options it belongs to."""
    index = _name_words(content)
    return [index[w] for w in re.findall(r"[a-z]{4,}", (text or "").lower())
            if w in index and w not in _COMMON_NAME_WORDS]


def option_asked_about(content: Content, text: str, last_option: Optional[str]):
    """The option a question is about: the one it names; else the one its words point to
    alone ("what about the nerve burning one?", "is the steroid a problem?"); else the one
    just discussed, when the words name none or all fit it ("does the nerve grow back?").
    Words shared by several options, none of them the one discussed: None (a list to choose
    from, never the answer about the wrong option)."""
    option = find_option(content, text)
    if option is not None:
        return option
    hits = _distinctive_hits(content, text)
    alone = {next(iter(ids)) for ids in hits if len(ids) == 1}
    chosen = alone.pop() if len(alone) == 1 else None
    if chosen is None and last_option and all(last_option in ids for ids in hits):
        chosen = last_option
    return next((o for o in content.options if o.id == chosen), None)


# A question that weighs options against each other.
_COMPARING = re.compile(r"differen|better|worse|compare|versus|\bvs\b|instead of|rather than"
                        r"|diferencia|lo mismo que|mejor que|peor que|en vez de|en lugar de|compar", re.I)


def options_compared(content: Content, text: str, last_option: Optional[str]) -> List[Any]:
    """The options a comparing question is about: every one it names ("is the pump better
    than the stimulator?"), and the one just discussed when it names one other ("how is
    that different from a facet injection?"). Fewer than two: not a comparison."""
    if not _COMPARING.search(text or ""):
        return []
    normalised = normalise(text or "")
    named: List[Any] = []
    for pattern, _, index in content._name_patterns:
        option = content.options[index]
        if option not in named and pattern.search(normalised):
            named.append(option)
    for ids in _distinctive_hits(content, text):  # "the pump": a word of one option's names
        option = next(o for o in content.options if o.id in ids)
        if len(ids) == 1 and option not in named:
            named.append(option)
    last = next((o for o in content.options if o.id == last_option), None)
    if len(named) == 1 and last is not None and last not in named:
        named.insert(0, last)
    return named if len(named) >= 2 else []


def asks_home_care(content: Content, text: str) -> bool:
    """What the patient can do themself, no option named ("what can I do at home?")."""
    return bool(request_words().home_care.search((text or "").replace("\u2019", "'"))) \
        and find_option(content, text) is None


def answer_option_question(content: Content, text: str, slots: Mapping[str, Any],
                           also: Optional[Content] = None) -> Tuple[Message, Optional[str]]:
    """The answer, and the option it was about ("does it hurt?" follows the last one).

    A question comparing options gets each one's answer, the disclaimer once. A question
    about a treatment that is not exactly one option ("what is a nerve block?": a nerve root
    block or a diagnostic block?) gets the list to choose from, never the answer about the
    option discussed before. `also`: another language's content whose option names count
    too (a Spanish patient who says "esa facet injection" in English)."""
    compared = options_compared(content, text, slots.get("last_option"))
    if compared:
        aspect = question_aspect(content, text)
        parts = [answer_question(content, o, aspect).replace(content.disclaimer, "").strip()
                 for o in compared]
        return {"text": "\n\n".join(parts + [content.disclaimer.strip()])}, compared[0].id
    option = option_asked_about(content, text, slots.get("last_option"))
    named_elsewhere = find_option(also, text) if also is not None and option is None else None
    if named_elsewhere is not None:
        option = next((o for o in content.options if o.id == named_elsewhere.id), None)
    if option is not None:
        aspect = question_aspect(content, text)
        return {"text": answer_question(content, option, aspect)}, option.id
    texts = content.conversation
    # ids no longer in the file (a clinician removed the option) are left out
    explained = [o for o in content.options if o.id in (slots.get("options_explained") or [])]
    aspect = question_aspect(content, text)
    if explained and aspect != DEFAULT_ASPECT:
        # "will I be able to drive home afterwards?" after the options were listed, none named:
        # that part of each option listed (the disclaimer once), never a list to choose from
        parts = [answer_question(content, o, aspect).replace(content.disclaimer, "").strip() for o in explained]
        return {"text": "\n\n".join(parts + [content.disclaimer.strip()])}, explained[0].id
    shown = explained or list(content.options)
    lines = [texts["option_list_intro"]] + [f"• {o.title}" for o in shown]
    lines.append(texts["option_list_hint"])
    return {"text": "\n".join(lines)}, None


def handoff_message(clinic: Clinic, now: datetime, content: Content, in_form: bool = False) -> Message:
    """How to reach a person, and the call back. In the middle of the questions the pending
    question follows (no yes/no buttons: "yes" might answer it)."""
    key = "handoff_open" if clinic.is_open(now) else "handoff_closed"
    if in_form:
        return {"text": clinic_sentence(content, clinic, key + "_in_form")}
    return {"text": clinic_sentence(content, clinic, key), "buttons": yes_no_buttons(content)}


def crisis_message(clinic: Clinic, content: Content) -> Message:
    return {"text": clinic_sentence(content, clinic, "crisis"), "buttons": yes_no_buttons(content)}


def under_18_message(clinic: Clinic, content: Content) -> Message:
    return {"text": clinic_sentence(content, clinic, "under_18")}


def correction_message(content: Content, clinic: Clinic, flags: List[str]) -> Message:
    return {"text": clinic_sentence(content, clinic, "correction", flags=red_flag_phrase(content, flags))}


# Before a message is read (bot/intake.py): refused, never silently dropped.
def message_too_long(content: Content, clinic: Clinic, limit: int) -> str:
    return clinic_sentence(content, clinic, "message_too_long", max_chars=f"{limit:,}")


def messages_too_fast(content: Content, clinic: Clinic) -> str:
    return clinic_sentence(content, clinic, "messages_too_fast")


def unchanged_advice(before: Dict[str, Any], level: str, options: List[str]) -> bool:
    """Whether a decision taken again (something told after the options: how an injection
    went, where the pain goes) leaves what the patient read as it was: the same consultation
    or self-care level and the same options, already said once. A warning sign's advice is
    always said again."""
    said = before.get("options_explained")
    return (level in ("consultation", "self_care") and before.get("triage_level") == level
            and said is not None and sorted(said) == sorted(options))
