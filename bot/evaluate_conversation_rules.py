"""The judging rules of the blind off-script set: what a patient's turn must get back.

By the item's `expect` kind and `then`; bot/evaluate_conversation.py drives the real agent
to each item's state and hands the turn here.

The rules (written before any change the set prompted; see reports/conversation.md):

Every item fails when the answer is empty, is the "didn't understand" fallback, quotes a
price ("$") the clinic's files do not contain, or a must-not the scorer can check happened.

By `expect` kind:
- faq:<topic> -- location, phone, email: the clinic.yml value is in the answer; hours: an
  opening time from clinic.yml (e.g. "8:00") or "closed"; open_now: "open" or "closed" and
  an opening time; any other topic: the clinic's own answer for that topic (content/faq.yml,
  when there is one) or an honest "I don't have that information" with the clinic's phone.
- goodbye -- the conversation ended (see `end`), with the clinic's phone and the emergency
  number in the answer, and no booking request was stored by it.
- correction:<slot> -- the slot holds the corrected value (hand-written below, per item,
  within 15 %) and the answer names the new value (a duration with its unit, the place, or
  a treatment from the turn).
- not_sure -- the pending question is not repeated word for word, the conversation goes on
  (a question or choices follow), and a red-flag screen is not recorded as clear from it.
- nothing_helps -- never stored as "tried nothing"; treatments named in the turn are stored
  and not asked for again; when none are named and the treatments question was pending, the
  answer asks what was tried; an acknowledgement word (sorry, hear, frustrat, difficult,
  hard, understand) is in the answer.
- option_followup:<aspect> -- the answer contains the option's own text (content/options.yml)
  from a section that answers that aspect (side_effects/risks -> risks; pain -> how, risks;
  recovery -> how, relief, risks; how_long_relief -> relief; what -> what, summary;
  how -> how).
- distress -- an acknowledgement word (as above) or the crisis line's number is in the answer,
  and the conversation goes on (not ended, the pending question still pending).
- callback -- the call-back details are being collected at once: booking_form active with
  booking_kind callback, asking for a detail, not "would you like a call back?".
- human -- the clinic's phone is in the answer and a call back is offered or being collected.
- next_step -- the consultation is offered (pending_offer booking, or booking started) and
  the answer says "consultation" or "book".
- other -- per item, a check written from its `then` (OTHER_CHECKS, bot/evaluate_conversation_checks.py).

By `then`: `resume` -- the form (or pending offer) is the same as before the turn, nothing
already answered was lost, and the answer ends with the pending question again (the same
text, or a variant of the same question); at `start`, the answer ends with the first triage
question. `end` -- no form active afterwards, no question asked (no "?" in the last message),
no triage restarted. A free-text `then` is not scored beyond the expect kind.
"""
from __future__ import annotations

import json
import re
from typing import Dict, List

from bot.evaluate_conversation_checks import CORRECTIONS, OTHER_CHECKS
from bot.language import requested_language

ACK = re.compile(r"sorry|hear|frustrat|difficult|\bhard\b|understand", re.I)
FALLBACK = "Sorry, I didn't understand that"
DURATION_ACK = re.compile(
    r"\b(\d+(\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a|an|a few|several)"
    r"\s+(day|week|month|year)s?\b", re.I)

PLACE_WORDS = {"neck": r"neck", "upper_back": r"upper back|shoulder blades|mid(dle)?[- ]back",
               "lower_back": r"leg|lower back", "other": r"spine|back|elsewhere"}
TREATMENT_WORDS = (r"epidural|injection|gabapentin|prescription|ibuprofen|heat|over-the-counter"
                   r"|physio|physical therapy")

ASPECT_SECTIONS = {"side_effects": ("risks",), "risks": ("risks",), "pain": ("how", "risks"),
                   "recovery": ("how", "relief", "risks"), "how_long_relief": ("relief",),
                   "what": ("what", "summary"), "how": ("how",),
                   # set 3's aspects: how long it lasts / how often, what it is for or shows,
                   # the day itself (driving home), and no aspect named (any section)
                   # "duration": how long relief lasts, or how long the visit takes ("am I
                   # there all day?"), which the day's own text answers (session 21)
                   "duration": ("relief", "how"), "frequency": ("relief", "how"),
                   "purpose": ("what", "summary"), "diagnosis": ("what", "summary"),
                   "driving": ("how", "risks"), "success_rate": ("relief",),  # set 14's: how often it works
                   "": ("what", "summary", "how", "relief", "risks")}


class Judge:
    # the words judged in English; a Spanish judge (bot/evaluate_conversation_es.py) has its own
    ack, fallback, duration_ack, place_words = ACK, FALLBACK, DURATION_ACK, PLACE_WORDS
    treatment_words, restarted, closed = TREATMENT_WORDS, "Where does it hurt", "closed"
    open_closed, dont_have, ask_tried = r"\b(open|closed)\b", r"don'?t have|do not have", \
        r"tried|what (were|was) (they|it)"
    offers_call, consultation = r"would you like .*call", r"consultation|book"

    def __init__(self, clinic, content, faq_answers: Dict[str, str], domain_questions):
        self.clinic, self.content = clinic, content
        self.faq_answers = faq_answers
        self.domain_questions = domain_questions  # slot -> [question texts]
        self.opening_times = sorted({f"{a.hour}:{a.minute:02d}"
                                     for day in clinic.opening_hours for a, _ in day})
        self.allowed_prices = "$" in json.dumps(faq_answers)

    # -- generic
    def _last(self, turn) -> str:
        texts = [m for m in turn["messages"] if m.strip()]
        return texts[-1] if texts else ""

    def _asked_again(self, before, after, turn) -> bool:
        last = folded(self._last(turn))
        if not last:
            return False
        candidates = [before["last_bot"]] + self.domain_questions.get(before["requested"], [])
        if before["requested"] == "red_flag_screen":
            candidates.append(self.content.self_care.screening_question)
        if before["loop"] is None and before["slots"].get("pending_offer"):
            return last.endswith("?") or bool(turn["buttons"])
        return any(c and folded(c)[:40] in last for c in candidates)

    def resume(self, item, before, after, turn) -> List[str]:
        problems = []
        if item["state"] == "start":
            if after["loop"] != "triage_form":
                problems.append("the triage questions did not start")
            elif not self._asked_again({**after, "last_bot": ""}, after, turn):
                problems.append("the first triage question was not asked")
            return problems
        if before["loop"]:
            if after["loop"] != before["loop"]:
                problems.append(f"form {before['loop']} no longer active ({after['loop']})")
            elif after["requested"] != before["requested"]:
                problems.append(f"form moved from {before['requested']} to {after['requested']}")
            for name, value in before["slots"].items():
                if name in FORM_PROGRESS and value is not None and after["slots"].get(name) is None:
                    problems.append(f"lost {name}")
        elif before["slots"].get("pending_offer") and \
                after["slots"].get("pending_offer") != before["slots"]["pending_offer"] and \
                after["loop"] is None:
            problems.append("the pending offer was dropped")
        if after["loop"] is None and before["loop"] is None and \
                re.search(self.restarted, turn["text"]) and item["state"] in ("booking_done",
                                                                           "self_care_given"):
            problems.append("the triage restarted")
        if not problems and (before["loop"] or before["slots"].get("pending_offer")) \
                and not self._asked_again(before, after, turn):
            problems.append("the pending question was not asked again")
        return problems

    def end(self, item, before, after, turn) -> List[str]:
        problems = []
        if after["loop"] is not None:
            problems.append(f"{after['loop']} still active")
        if "?" in self._last(turn):
            problems.append("a question followed")
        return problems

    def then(self, item, before, after, turn) -> List[str]:
        if item["then"] == "resume":
            return self.resume(item, before, after, turn)
        if item["then"] == "end":
            return self.end(item, before, after, turn)
        return []  # a free-text `then` is not scored beyond the expect kind

    def language(self, turn) -> List[str]:
        return []  # the Spanish judge finds English replies

    # -- by expect kind
    def expect(self, item, before, after, turn) -> List[str]:
        kind, _, sub = item["expect"].partition(":")
        return getattr(self, f"k_{kind}")(item, sub, before, after, turn)

    def k_faq(self, item, topic, before, after, turn) -> List[str]:
        text, c = turn["text"], self.clinic
        # set 3's names for topics content/faq.yml names otherwise
        topic = {"waiting_time": "wait_time", "weekends": "hours"}.get(topic, topic)
        if not topic:  # no topic named: any of the clinic's answers, or "I don't have that"
            if any(folded(a)[:40] in folded(text) for a in self.faq_answers.values()):
                return []
        facts = {"location": [c.address], "phone": [c.phone],
                 "email": [c.email] if c.email else []}
        if topic in facts and facts[topic]:
            return [] if any(f in text for f in facts[topic]) else [f"no {topic} from clinic.yml"]
        if topic == "hours":
            ok = any(t in text for t in self.opening_times) or re.search(self.closed, text, re.I)
            return [] if ok else ["no opening hours"]
        if topic == "open_now":
            ok = re.search(self.open_closed, text, re.I) and any(
                t in text for t in self.opening_times)
            return [] if ok else ["no open/closed answer with the hours"]
        answer = self.faq_answers.get(topic)
        if answer and folded(answer)[:40] in folded(text):
            return []
        if c.phone in text and re.search(self.dont_have, text, re.I):
            return []
        return [f"neither the clinic's {topic} answer nor 'I don't have that' with the phone"]

    def k_goodbye(self, item, sub, before, after, turn) -> List[str]:
        problems = self.end(item, before, after, turn)
        if self.clinic.phone not in turn["text"]:
            problems.append("no clinic phone")
        if self.clinic.emergency_number not in turn["text"]:
            problems.append("no emergency number")
        if after["slots"].get("booking_reference") != before["slots"].get("booking_reference"):
            problems.append("a booking was stored")
        return problems

    def k_correction(self, item, slot, before, after, turn) -> List[str]:
        # (slot, value) or (slot, value, treatments the correction took back)
        name, want, *taken_back = CORRECTIONS[item["id"]]
        got = after["slots"].get(name)
        problems = []
        if name == "pain_duration_weeks":
            if got is None or abs(got - want) > 0.15 * want:
                problems.append(f"{name} is {got}, not about {want}")
            elif not re.search(self.duration_ack, turn["text"]):
                problems.append("the new duration is not acknowledged")
        elif name.startswith("booking_"):
            problems += booking_correction(name, want, got, after, turn)
        elif name == "treatments_tried":
            for wrong in (taken_back[0] if taken_back else ["chiropractic"]):  # set 1's item
                if wrong in (got or []):
                    problems.append(f"{name} still holds {wrong}")
            if not set(want) <= set(got or []):
                problems.append(f"{name} is {got}, missing some of {want}")
            elif not re.search(self.treatment_words, turn["text"], re.I):
                problems.append("the treatments are not acknowledged")
        else:
            if got != want:
                problems.append(f"{name} is {got}, not {want}")
            elif not re.search(self.place_words[want], turn["text"], re.I):
                problems.append("the place is not acknowledged")
        return problems

    def k_not_sure(self, item, sub, before, after, turn) -> List[str]:
        problems = []
        if before["last_bot"] and folded(self._last(turn)) == folded(before["last_bot"]):
            problems.append("the same question word for word")
        if not ("?" in self._last(turn) or turn["buttons"]):
            problems.append("no question or choices follow")
        if before["requested"] == "red_flag_screen" and \
                after["slots"].get("red_flag_screen") == "clear":
            problems.append("recorded as no red flags")
        return problems

    def k_nothing_helps(self, item, sub, before, after, turn) -> List[str]:
        problems = []
        tried = after["slots"].get("treatments_tried")
        if tried == [] and before["slots"].get("treatments_tried") is None:
            problems.append("stored as 'tried nothing'")
        named = [e for e in turn["entities"] if e.get("entity") == "treatment"]
        if named:
            if not tried:
                problems.append("the treatments named were not stored")
            if after["requested"] == "treatments_tried":
                problems.append("asked again what was tried")
        elif before["requested"] == "treatments_tried" and not re.search(
                self.ask_tried, self._last(turn), re.I):
            problems.append("did not ask what was tried")
        if not re.search(self.ack, turn["text"]):
            problems.append("not acknowledged")
        return problems

    def k_option_followup(self, item, aspect, before, after, turn) -> List[str]:
        option = next((o for o in self.content.options if o.id == item.get("option")), None)
        if option is None:
            return [f"unknown option {item.get('option')}"]
        if aspect == "cost":  # the clinic's own words on cost, or its phone: never a made-up price
            return self.k_faq(item, "cost", before, after, turn)
        sections = [getattr(option, s, None) for s in ASPECT_SECTIONS[aspect]]
        text = folded(turn["text"])
        if any(folded(s)[:40] in text for s in sections if s):
            return []
        return [f"not the {'/'.join(ASPECT_SECTIONS[aspect])} section of {option.id}"]

    def k_distress(self, item, sub, before, after, turn) -> List[str]:
        problems = []
        if not (re.search(self.ack, turn["text"]) or self.clinic.crisis_line.number in turn["text"]):
            problems.append("not acknowledged")
        if before["loop"] and after["loop"] != before["loop"]:
            problems.append("the conversation did not go on")
        return problems

    def k_callback(self, item, sub, before, after, turn) -> List[str]:
        if after["loop"] == "booking_form" and after["slots"].get("booking_kind") == "callback" \
                and after["requested"] and not re.search(self.offers_call, turn["text"], re.I):
            return []
        return ["call-back details not collected at once"]

    def k_human(self, item, sub, before, after, turn) -> List[str]:
        problems = [] if self.clinic.phone in turn["text"] else ["no clinic phone"]
        if not (after["slots"].get("pending_offer") == "callback" or (
                after["loop"] == "booking_form" and after["slots"].get("booking_kind") == "callback")):
            problems.append("no call back offered")
        return problems

    def k_next_step(self, item, sub, before, after, turn) -> List[str]:
        offered = after["slots"].get("pending_offer") == "booking" or after["loop"] == "booking_form"
        problems = [] if offered else ["the consultation is not offered"]
        if not re.search(self.consultation, turn["text"], re.I):
            problems.append("no word of a consultation")
        return problems

    def k_other(self, item, sub, before, after, turn) -> List[str]:
        return OTHER_CHECKS[item["id"]](self, before, after, turn)


def booking_correction(name, want, got, after, turn, stored=False) -> List[str]:
    """A booking detail corrected: stored and said back. A phone is compared by its digits, a
    name or email exactly (any case), a preferred time by a pattern; a time may instead be
    passed to staff as a stored request (`stored`, set 2's `preferred_time` after a booking)."""
    if want is None:  # "did I type it right?": show what is stored, or ask again
        shown = got and re.sub(r"\D", "", got)[-4:] in re.sub(r"\D", "", turn["text"])
        return [] if shown or after["requested"] == name else ["contact neither shown nor asked"]
    if name == "booking_time":
        problems = [] if re.search(want, turn["text"], re.I) else ["the new time is not said back"]
        if not (re.search(want, got or "", re.I) or stored):
            problems.append(f"{name} is {got!r}, not {want!r}, and no request stored for staff")
        return problems
    if want.isdigit():
        same, said = re.sub(r"\D", "", got or "") == want, want in re.sub(r"\D", "", turn["text"])
    else:
        same, said = (got or "").lower() == want.lower(), want.lower() in turn["text"].lower()
    if not same:
        return [f"{name} is {got!r}, not {want!r}"]
    return [] if said else ["the new value is not said back"]


FORM_PROGRESS = ("pain_location", "pain_duration_weeks", "treatments_tried", "booking_name",
                 "booking_contact")


def folded(text: str) -> str:
    """Lower-cased, its white space folded to single spaces: for comparing bot texts."""
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def turn_problems(judge: Judge, item, before, after, turn) -> List[str]:
    """Everything wrong with the answer to the item's turn: the checks every item gets, then
    its expect kind's, then its `then`'s."""
    problems = []
    if not turn["text"].strip():
        problems.append("no answer")
    if judge.fallback in turn["text"]:
        problems.append("the 'didn't understand' fallback")
    if "$" in turn["text"] and not judge.allowed_prices:
        problems.append("a price the clinic did not write")
    # a patient who asks for English ("can we switch to english? mi hija me ayuda") is answered in it
    switched = requested_language(item.get("text") or "") == "en" \
        and (after.get("slots") or {}).get("language") == "en"
    problems += ([] if switched else judge.language(turn)) + judge.expect(item, before, after, turn)
    problems += [p for p in judge.then(item, before, after, turn) if p not in problems]
    return problems
