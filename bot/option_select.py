"""Which options fit a patient's story, and which option and aspect a question is about.

The conditions and the words live in ``content/options.yml`` (loaded and validated by
``bot/content/``); this module applies them and holds no option text or rule of its own.
"""
from __future__ import annotations

import re
from typing import Collection, Optional

from bot.content import ASPECTS, DEFAULT_ASPECT, Content, Option, OptionFit, Selection, normalise
from bot.option_fit import PatientStory, judge


def select_options(content: Content, story: PatientStory) -> Selection:
    """The options whose ``fits`` conditions all hold for this story, lowest ``priority``
    first, and for every option the facts that selected or excluded it.

    A condition on something still unknown (location, duration) does not hold; a pattern
    not known is ``unknown``, which an option may list.
    """
    chosen: list[tuple[int, int, OptionFit]] = []
    trail: list[dict] = []
    for index, option in enumerate(content.options):
        verdict = judge(option.fits, story)
        trail.append({"option": option.id, "selected": verdict.holds,
                      "because": verdict.because, "excluded_by": verdict.excluded_by})
        if verdict.holds:
            chosen.append((option.fits.priority, index, OptionFit(option, verdict.because)))
    chosen.sort(key=lambda t: (t[0], t[1]))
    return Selection([fit for _, _, fit in chosen], trail)


def find_option(content: Content, text: str) -> Option | None:
    """The option a message names: the longest matching name, case-insensitive, whole words."""
    normalised = normalise(text or "")
    for pattern, _, index in content._name_patterns:  # longest names first
        if pattern.search(normalised):
            return content.options[index]
    return None


def question_aspect(content: Content, text: str) -> str:
    """Which aspect a question asks about: "what" | "how" | "relief" | "risks".

    The aspect with most matching keywords wins, then the one with the longest match, then
    the first in the file. The default aspect ("what") is the answer when no other matches.
    """
    normalised = normalise(text or "")
    best: tuple[int, int, int] | None = None
    best_aspect = DEFAULT_ASPECT
    default_hits = 0
    for order, (aspect, patterns) in enumerate(content._aspect_patterns):
        lengths = [length for pattern, length in patterns if pattern.search(normalised)]
        if aspect == DEFAULT_ASPECT:
            default_hits = len(lengths)
            continue
        if not lengths:
            continue
        score = (len(lengths), max(lengths), -order)
        if best is None or score > best:
            best, best_aspect = score, aspect
    # The default's words ("what is") come with most questions: they win only when they
    # outnumber the others' ("me ponen anestesia ... ¿entonces pa' qué me sirve?")
    if best is not None and default_hits > best[0]:
        return DEFAULT_ASPECT
    return best_aspect


_QUESTION_START = re.compile(
    r"^(?:and |so |but |ok |okay )?(?:what|how|why|when|will|would|does|do|is|are|can|could|"
    r"should|did|qu[eé]|c[oó]mo|cu[aá]nto|puedo|es|duele)\b", re.I)


def asks_about_an_option(content: Content, text: str, aspects: Collection[str] | None = None) -> bool:
    """A question that names an option or asks about one's aspect in the file's words ("will
    it hurt?", "can I drive home after?"): what the classifier, reading short questions,
    sometimes takes for a goodbye or an unclear message. `aspects`: only these aspects' words
    count (an option named always does)."""
    normalised = normalise(text or "")
    if not ("?" in normalised or _QUESTION_START.search(normalised)):
        return False
    if find_option(content, normalised) is not None:
        return True
    return any(pattern.search(normalised) for aspect, patterns in content._aspect_patterns
               if aspect != DEFAULT_ASPECT and (aspects is None or aspect in aspects)
               for pattern, _ in patterns)


# Clinic topics whose words a question about a procedure's day shares ("can I drive home
# after it or should I bring someone?" reads as bringing a companion to the clinic).
# "¿Puedo manejar de regreso a la casa o tengo que llevar a alguien?" also reads as what to bring.
AFTERCARE_TOPICS = frozenset({"companion", "what_to_bring"})


def aftercare_question(content: Content, text: str, topics, last_option) -> bool:
    """A question taken for a clinic topic that is about the option just discussed: its
    words ask about an option's aspect (driving home, time off work) and the option is known."""
    if not topics or not set(topics) <= AFTERCARE_TOPICS or not last_option:
        return False
    from bot.advice import option_asked_about  # bot.advice imports this module
    return asks_about_an_option(content, text) and \
        option_asked_about(content, text, last_option) is not None


def answer_question(content: Content, option: Option, aspect: str) -> str:
    """The file's answer about ``option`` for ``aspect``, laid out by ``answer_template``."""
    if aspect not in ASPECTS:
        raise ValueError(f"unknown aspect {aspect!r} (expected one of {', '.join(ASPECTS)})")
    return content.answer_template.format(
        title=option.title,
        answer=getattr(option, aspect),
        disclaimer=content.disclaimer,
        plan_note=content.plan_note,
    )


# Asking to know ("I want to know what is wrong with my back", "tell me what's causing it")
_WANTS_TO_KNOW = re.compile(r"(?<!n't )(?<!dont )(?<!not )(?<!no )\b(?:know|tell me|find out|saber|decir|dir[aá]n?)\b", re.I)


def option_question_not_heard(content: Content, text: str, last_option: Optional[str]) -> bool:
    """After an option was explained, a question about it the classifier took for a story or
    for something it cannot help with ("would that show them what's wrong with my spine?",
    "how long does burning the nerve keep the pain away? I'm 79"): asked, and in the options'
    aspect words or asking what is wrong (request words `what_is_wrong`), which the option's
    own text answers (what it is, and that only a specialist can say)."""
    from bot.nlu.request_words import request_words  # bot.nlu imports this module

    if not last_option:
        return False
    if request_words().what_is_wrong.search(text or ""):
        return "?" in text or "¿" in text or bool(_WANTS_TO_KNOW.search(text))
    return asks_about_an_option(content, text)
