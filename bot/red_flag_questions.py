"""The warning-sign questions: which signs are confirmed before they count, and what a yes or no says.

A sign the patient may not have now (feared, asked about, past, or a guess of the learned
detector) gets a confirming question ("Just to be safe: ... right now?") before it counts;
`confirm_answer` reads the answer, `screen_answered_none` a "none of those" to the screen.
Pure functions over entities and text; bot/slots.py turns entities into slots.
"""
from __future__ import annotations

import re
from typing import Any, List, Mapping

from bot.booking_request import asks_to_book
from bot.contract import RED_FLAGS
from bot.slots import entity_values

# The triage questions that come before the warning-sign screen (domain.yml's triage_form).
_BEFORE_SCREEN = ("pain_location", "pain_duration_weeks", "treatments_tried")
# The learned detector's probability below which its guess, in an answer to a question before
# the screen, waits for the screen (0.6: the threshold before it was lowered to 0.35 for recall).
SCREEN_SETTLES_BELOW = 0.6


def _left_to_screen(slots: Mapping[str, Any], entity: Mapping[str, Any]) -> bool:
    """A faint guess of the learned detector ("abajo, en la cintura" read as saddle numbness at
    0.5) in an answer to a question before the warning-sign screen: not asked about on its
    own. The screen comes next (screen_brought_forward) and names all seven signs, so its
    answer settles the guess;
    asked at once, a one-sign question interrupted where-and-how-long answers, and patients
    went on answering the questions they expected ("unos diez días" to "numb groin now?").
    (At the screen itself a guess is always asked: a patient there describing a sign in their
    own words, "me he hecho de vientre encima sin poder aguantarme", is answering the screen.)"""
    return (entity.get("reason") == "learned"
            and float(entity.get("confidence_entity") or 0.0) < SCREEN_SETTLES_BELOW
            and slots.get("requested_slot") in _BEFORE_SCREEN
            and slots.get("red_flag_screen") is None and slots.get("triage_level") is None)


def screen_brought_forward(entities_said: List[List[Mapping[str, Any]]]) -> bool:
    """Did any message (its entities, in `entities_said`) carry a faint learned guess that was
    left to the warning-sign screen? Then the screen is the next question, not the last one:
    the guess is settled as soon as possible, never after how long and what was tried."""
    return any(e.get("entity") == "red_flag_unsure" and e.get("reason") == "learned"
               and float(e.get("confidence_entity") or 0.0) < SCREEN_SETTLES_BELOW
               for entities in entities_said for e in entities)


# "No, none of those. But could this be cancer?": the screen's list was answered in full.
_NONE_OF_THE_SIGNS = re.compile(
    r"\b(?:none of (?:these|those|them|that|the above)|nothing like that|no to all|"
    r"(?:don'?t|do not) have any of (?:these|those|them))\b", re.I)


def screen_answered_none(text: str) -> bool:
    """Whether the message answers the warning-sign screen with "none of those"."""
    return bool(_NONE_OF_THE_SIGNS.search((text or "").replace("’", "'")))


def flags_to_confirm(slots: Mapping[str, Any], entities: List[Mapping[str, Any]],
                     screen_none: bool = False) -> List[str]:
    """Red flags this message leaves unsure (feared, asked about, past, or found by the
    learned detector) that are not already known either way: each needs a confirming
    question before it counts, and none may silently become absent."""
    settled = set(slots.get("red_flags") or []) | set(slots.get("red_flags_ruled_out") or [])
    settled |= set(slots.get("red_flags_unsure") or [])
    present = set(entity_values(entities, "red_flag"))
    denied = set(entity_values(entities, "red_flag_denied"))
    # A sign in words nobody wrote down (reason "near" or "learned") or in words that may be
    # the sign (reason "vague": a bare reading, "feeling a bit warm") is asked about even when
    # the same message denies the flag in its usual words: "my bottom feels funny, not numb
    # exactly", "not a fever as such, but it was 38.4". A feared, asked-about or past sign
    # the patient denies now is not.
    # So is a sign whose denial is loose (reason "denial", bot/nlu/denial_scope.py: far from it,
    # or the sign's own "no": "sin poder retener la caca"), though the message denies it elsewhere.
    # A sign the writer says they are not sure of ("not sure about the weight one, my jeans
    # are looser but I'm eating less") is asked about too, though the same message explains it.
    wording = {e.get("value") for e in entities if e.get("entity") == "red_flag_unsure"
               and e.get("reason") in ("near", "learned", "vague", "hedged", "denial", "territory")}
    # A sign asked about after the message denied it ("I never had cancer... oh wait, does the
    # skin thing they froze off count?"): the writer takes the denial back, so it is asked.
    wording |= {e.get("value") for e in entities if e.get("entity") == "red_flag_unsure"
                and e.get("reason") == "question" and any(
                    d.get("entity") == "red_flag_denied" and d.get("value") == e.get("value")
                    and (d.get("end") or 0) <= (e.get("start") or 0) for d in entities)}
    unsure = [e.get("value") for e in entities if e.get("entity") == "red_flag_unsure"
              and e.get("value") in RED_FLAGS and not _left_to_screen(slots, e)]
    if screen_none:
        # Every sign was just asked about by name and denied ("no, none of those"): a fear
        # or a question said with it ("could this be cancer?") is no sign to confirm. A sign
        # described in other words (near, learned, vague, past) still is.
        described = {e.get("value") for e in entities if e.get("entity") == "red_flag_unsure"
                     and e.get("reason") not in ("hypothetical", "question")}
        unsure = [f for f in unsure if f in described]
    # A sign already asked about twice and left unanswered (red_flags_unconfirmed: staff follow
    # it up, the patient was told when to go to an emergency department) is not asked a third
    # time on a faint guess of the learned detector alone ("por las mañanas, que antes me
    # cuesta arrancar" at the time question, 0.41): words that may be the sign, or a confident
    # guess ("la pierna ya casi no la puedo levantar", which no vocabulary word caught), ask again.
    guessed_again = set(slots.get("red_flags_unconfirmed") or []) - {
        e.get("value") for e in entities if e.get("entity") == "red_flag_unsure" and (
            e.get("reason") != "learned" or float(e.get("confidence_entity") or 0.0) >= SCREEN_SETTLES_BELOW)}
    settled |= guessed_again
    return [f for f in dict.fromkeys(unsure) if f not in settled and f not in present
            and (f not in denied or f in wording)]


# English and Spanish. "ya" is a yes only on its own: in Spanish it is "already" ("ya llevo
# cinco meses así" answers how long, and was once read as yes to "legs weak now?").
_YES = re.compile(r"^\W*(y+e+[sp]*|yeah|yea|ya(?=\W*$)|yup|aye|sure|correct|right"
                  r"|i (do|am|have|did)|a little|a bit|sometimes|i think so|kind of|kinda"
                  r"|s[ií]|claro|as[ií] es|un poco|a veces|creo que s[ií])\b", re.I)
_DOUBT = re.compile(r"\b(not sure|unsure|don'?t know|do not know|dunno|no idea|maybe|possibly"
                    r"|might|can'?t tell|not certain|no s[eé]|no estoy segur[oa]|quiz[aá]s?"
                    r"|tal vez|no lo s[eé])\b"
                    # "I don't know what to do any more", "ya no sé qué hacer": despair, not a
                    # doubt about the sign
                    r"(?!\W*(?:what (?:to do|else)|qu?[eé]? (?:hacer|m[aá]s)|q hacer))", re.I)
_NO = re.compile(r"^\W*(?!no,? (?:s[eé]|lo s[eé]|estoy segur\w*|sabr[ií]a)\b)"  # "no sé ...": a doubt
                 # "no puede ser", "no me diga", "no way": disbelief at the news, not a denial
                 r"(?!no (?:puede ser|me diga|me digas|way|can'?t be)\b)"
                 r"(no+|nope|nah|not (really|at all|now|any ?more)|never|none|nothing"
                 r"|i (don'?t|do not|haven'?t|have not|am not|'m not|didn'?t|did not)"
                 r"|nada|ninguno|ninguna|nunca|para nada|tampoco)\b", re.I)


def says_yes_or_no(text: str) -> bool:
    """Whether the message starts with a yes or a no (English or Spanish)."""
    return bool(_YES.match(text or "") or _NO.match(text or ""))


# "Should I wait and see if it goes away?", "is really necessary now?", "which ER should I go
# to?": asked right after "do you have ... right now?", the patient asks what to do about the
# sign, as theirs. A front-desk person hears a yes (and the advice answers the question).
# ("Is that serious?" alone may ask about the sign in general: asked again.) A relative typing
# asks it for the patient: "should we just wait for his GP appointment on Thursday?".
_ASKS_HOW_URGENT = re.compile(
    # ("should I be worried it's a slipped disc?" fears something else: no answer)
    r"\b(?:should (?:i|we|he|she|they) (?:just |still )?(?:wait|(?:worry|be worried)(?!\s+(?:that\s+)?"
    r"(?:it'?s|it is|it could be|it might be|it'?ll be|this is|about (?:a|an|my|his|her))\b)"
    r"|go (?:in|now|to (?:the )?(?:er|a&e|hospital|emergency)))|wait and see|can (?:it|this|that) wait"
    r"|(?:is|it'?s) (?:it |this |that )?(?:really )?necessary|(?:do|must) i (?:really )?(?:have|need) to go"
    r"|which (?:er|hospital|emergency)|es grave|puedo esperar|tengo que ir|es necesario)\b"
    # Getting there: "should I call an ambulance or can I drive him?", "ok, my husband can
    # drive me": going is already being arranged, for the sign just asked about.
    r"|\b(?:ambulance|paramedics|ambulancia)\b"
    r"|\b(?:(?:can|could|should|will) (?:i|we|you|he|she|they|my \w+|someone|somebody)"
    r"|(?:i|we|you|he|she|they|my \w+|someone|somebody) (?:can|could|will|'ll)) (?:just )?"
    r"(?:drive|take|run) (?:me|him|her|them|us)\b(?! to (?:the |my |his |her )?(?:appointment|consult|clinic|visit))"
    # Not wanting, or not being able, to go to the emergency department ("no tengo quien me
    # lleve al hospital", "no quiero ir a urgencias, ahí te tienen 8 horas", "I can't go to the
    # ER", "I'd rather not go to the hospital"): said right after the question, the sign is
    # theirs. (Asking for an appointment instead, alone, is no answer: asked again.)
    # ... or the person it is typed for will not ("he doesn't want to go to the ER", "ella no
    # quiere ir a emergencias", "she refuses to go to hospital")
    r"|\b(?:can'?t|cannot|won'?t|don'?t want to|do not want to|doesn'?t want to|does not want to"
    r"|refuses? to|refused to|(?:i'?d|i would) (?:rather not|prefer not to)|(?:don'?t|do not) wanna)"
    r" go (?:in )?to (?:the |an? )?(?:er|a&e|hospital|emergency)"
    r"|\bno(?: one|body) to (?:take|drive) me to (?:the |an? )?(?:er|a&e|hospital|emergency)"
    r"|\b(?:no (?:quiero|quiere|queremos|quieren|puedo|puede|voy a|va a|me gusta|le gusta)|prefiero no|"
    r"preferir[ií]a no) ir (?:a|al|a la)"
    r" (?:urgencias|emergencias?|hospital|er|sala)"
    r"|\bno tengo (?:qui[eé]n|c[oó]mo|con qui[eé]n) (?:me lleve|ir|llegar)"
    r" (?:a|al|a la|hasta el|hasta la) (?:urgencias|emergencias?|hospital|er|sala|cl[ií]nica)"
    # Asking whether to go, or take the relative, now ("¿la llevo ya al hospital?", "¿me voy a
    # urgencias?", "¿tengo que ir?"), or saying they will ("bueno, voy a ir", "ya me voy para
    # urgencias"): the sign is theirs.
    r"|\b(?:(?:la|lo|le) (?:llevo|llevamos)|(?:me )?voy|vamos|me (?:llevan|lleva))(?: ya| ahora| ahorita)?"
    r" (?:a|al|a la|para(?: el| la)?|pa(?:l| la)) (?:urgencias|emergencias?|hospital|sala|er)"
    r"|\b(?:bueno|ok|vale|est[aá] bien|ya),? (?:me )?voy a ir\b|\bvoy para all[aá]\b", re.I)
# Asked whether the legs are weak (or the saddle numb, the bladder out of control), the
# patient asks what it will do to them ("¿me voy a quedar paralítica?", "am I going to end up
# paralysed?"): the sign is theirs, as with "should I wait?".
_NERVE_SIGNS = {"leg_weakness", "saddle_numbness", "bladder_bowel"}
_FEARS_ITS_OUTCOME = re.compile(
    r"\b(?:(?:am i going to|will i|could i|might i|am i gonna) (?:be|end up|become|get)"
    r" (?:paraly[sz]ed|crippled|disabled|in a wheelchair)"
    r"|me (?:voy a|vaya a|puedo|podr[ií]a) quedar (?:paral[ií]tic[oa]|inv[aá]lid[oa]|en silla de ruedas)"
    r"|(?:voy|vaya) a quedar (?:paral[ií]tic[oa]|inv[aá]lid[oa]))\b", re.I)
# Or asks what to do, where to take the relative ("should i bring her to you?"), is on the way.
_ACTS_ON_IT = re.compile(  # never said with despair ("ya nada me ayuda, no sé qué hacer")
    r"^(?!.*(?:nada (?:me )?(?:ayuda|funciona|sirve)|nothing (?:helps|works)|any ?more\b|\bya no\b)).*?"
    r"\b(?:(?:i|we) (?:really |just |honestly )?(?:don'?t|do not) know what (?:to do|i should do|we should do)"
    r"|what (?:should|do|can|must) (?:i|we) do\b"
    r"|(?:should|can|could|do) (?:i|we) (?:bring|take) (?:her|him|them|my \w+) (?:to|in|into|there)\b"
    r"|(?:we'?re|were|we are) (?:going|heading|on our way)(?: there| in)? (?:now|right now)\b"
    r"|(?:i'?m|i am) (?:heading|on my way) (?:there|in|now)\b"
    r"|no s[eé] qu[eé] hacer(?! con)|qu[eé] (?:hago|hacemos|debo hacer)\b"
    r"|(?:la|lo|le) (?:llevo|traigo|llevamos) (?:a|al|a la|con) (?:ustedes|la cl[ií]nica|su cl[ií]nica)"
    r"|ya (?:nos vamos|vamos|salimos) para all[aá])", re.I | re.S)
# Going with someone ("¿puedo manejar después o tengo que ir acompañado?", "do I need to go
# with someone after the injection?"): how to come to a procedure, asked at a confirming
# question, was read as "must I go now?" and counted as a yes (a false urgent level).
_GOING_WITH = re.compile(r"\W*(?:acompañad[oa]s?|con (?:alguien|un acompañante|una acompañante|compañía)"
                         r"|with (?:someone|somebody|a driver|a companion|company)|accompanied)\b", re.I)


# What a message that starts "yes" may be answering instead: the question the patient
# expected next ("Yes, it goes down into my right arm"), or a request ("Yes please, let's book
# it", "maybe you call me next week?"). The yes (or the doubt) is theirs, not the sign's.
_OTHER_ANSWER_INTENTS = {"book_consultation", "request_callback", "request_human", "give_contact",
                         "ask_clinic", "ask_option_info"}


# "I have lost 9 kilos since spring" asked about the bladder: "I have" starts a sentence
# about another sign, not a yes to this one (it was a false emergency); asked again, and the
# other sign is decided on its own.
_TELLS_ANOTHER_SIGN = re.compile(r"^\W*i(?:'ve| (?:do|am|have|did|had))\b(?!\W*$)", re.I)


def _names_another_sign(flag: str, entities: List[Mapping[str, Any]]) -> bool:
    named = set(entity_values(entities, "red_flag")) | set(entity_values(entities, "red_flag_unsure"))
    return bool(named - {flag}) and flag not in named


def _about_something_else(intent: str, entities: List[Mapping[str, Any]], text: str = "") -> bool:
    # a request to book in clear words ("sí, pídame la cita") is one whatever the classifier
    # made of it (read as a change of booking, the "sí" counted as the sign)
    return intent in _OTHER_ANSWER_INTENTS or bool(entity_values(entities, "pain_pattern")) \
        or asks_to_book(text)


def confirm_answer(flag: str, intent: str, text: str,
                   entities: List[Mapping[str, Any]], asked_last: bool = True) -> str | None:
    """The patient's answer to "Just to be safe: ... right now?" about `flag`: "yes", "no",
    or None when it was neither (the question is asked again). A doubtful answer ("a bit",
    "maybe", "sometimes") counts as yes: a sign the patient half-confirms is never dropped;
    so does asking whether to wait or go ("should I wait?", "which ER?"; "is that serious?"
    alone may ask about the sign in general and is asked again). A yes or a
    doubt said with an answer to something else ("yes, it goes down my arm", "yes please,
    book it", "maybe you call me next week") is no answer: the question comes again.
    Asking what to do is a yes only when the question was the last thing the patient read
    (`asked_last`): after the advice for another sign, it asks about that advice."""
    text = text or ""
    if flag in entity_values(entities, "red_flag"):
        return "yes"
    acts = _ASKS_HOW_URGENT.search(text.replace("’", "'"))
    if acts and _GOING_WITH.match(text[acts.end():]):
        acts = None  # "¿tengo que ir acompañado?" to the injection: how to come, not whether to go now
    acts = acts or flag in _NERVE_SIGNS and (
        _FEARS_ITS_OUTCOME.search(text) or _ACTS_ON_IT.search(text.replace("’", "'")))
    if acts:
        return "yes" if asked_last else None
    other = _about_something_else(intent, entities, text)
    doubt = _DOUBT.search(text)
    if doubt and entity_values(entities, "duration") and not _YES.match(text) \
            and flag not in entity_values(entities, "red_flag_unsure"):
        # "ay no sé, ya tiene rato... como medio año será": the doubt is about how long, the
        # question the patient expected, not about the sign (read as yes, it was a false
        # emergency): no answer, the question comes again
        return None
    if doubt and (not other or doubt.start() < 12):  # "maybe, ...": the doubt leads
        return "yes"
    if flag in entity_values(entities, "red_flag_denied") or _NO.match(text):
        return "no"
    if other or _TELLS_ANOTHER_SIGN.match(text) and _names_another_sign(flag, entities):
        return None
    if _YES.match(text) or intent == "affirm" or flag in entity_values(entities, "red_flag_unsure"):
        return "yes"
    if intent == "deny":
        return "no"
    return None


def asks_in_general(text: str, entities: List[Mapping[str, Any]]) -> bool:
    """Whether the message asks about a warning sign in general ("is fever with back pain
    serious?", "should I worry if I can't control my bladder?", "¿es grave tener fiebre con
    dolor de espalda?"): a sign asked about, or supposed inside a question. Such a patient gets
    the plain answer (when to go to an emergency department) before the confirming question;
    a supposition said as a plan ("if it spreads to my bladder I'll go to hospital") does not."""
    unsure = [e for e in entities if e.get("entity") == "red_flag_unsure"]
    return any(e.get("reason") == "question" for e in unsure) \
        or (any(e.get("reason") == "hypothetical" for e in unsure) and bool(_A_QUESTION.search(text or "")))


# A question mark, either language's
_A_QUESTION = re.compile(r"[?¿]")
