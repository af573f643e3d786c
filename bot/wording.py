"""Putting the content's words together into what the patient reads.

Putting the content's words together: a duration, a list, a template's placeholders, the
patient's story told back, the red flags in plain words, the self-care message.

Every word comes from ``content/`` (loaded and validated by ``bot/content/``); this module
only orders and joins them. Pure: no Rasa imports.
"""
from __future__ import annotations

import math
from typing import Iterable, Mapping

from bot.clinic import Clinic
from bot.content import Content
from bot.contract import WEEKS_PER_MONTH
from bot.option_fit import PatientStory


def say(content: Content, key: str, values: Mapping[str, str]) -> str:
    """A conversation.yml text (validated at start-up to exist), its placeholders filled."""
    return fill(content.conversation[key], values)


def clinic_values(content: Content, clinic: Clinic) -> dict[str, str]:
    """The clinic's values for the content's placeholders: name, phone, hours, minimum age."""
    return {**clinic.template_values(content.calendar), "min_age": str(clinic.min_patient_age)}


def clinic_sentence(content: Content, clinic: Clinic, key: str, **extra: str) -> str:
    """A conversation.yml text, the clinic's values and `extra` filled in."""
    return say(content, key, {**clinic_values(content, clinic), **extra})


def yes_no_buttons(content: Content, no: str = "button_no") -> list[dict[str, str]]:
    """Yes and No (or Skip), in the content's words."""
    texts = content.conversation
    return [{"title": texts["button_yes"], "payload": "/affirm"}, {"title": texts[no], "payload": "/deny"}]


def describe_story(content: Content, story: PatientStory) -> str:
    """What the patient told us, once, in the file's words: "From what you've told me: pain
    in your neck for about 8 months, staying in your neck; you have tried physical therapy
    and an epidural that did not help." """
    told = content.story_texts
    location = content.location_labels.get(story.location, content.location_labels["other"])
    parts = []
    if story.weeks is not None:
        parts.append(told["where"].format(location=location, duration=describe_duration(story.weeks, content.duration_words)))
    if story.pattern:
        parts.append(content.pattern_labels[story.pattern].format(location=location))
    tried = [content.treatment_labels[t] for t in story.tried
             if t in content.treatment_labels and not (t == "injection" and story.injections)]
    for injection in story.injections:
        words = content.injection_labels.get(injection.get("kind"), content.injection_labels["other"])
        relief = content.relief_labels.get(injection.get("relief") or "unknown", "")
        weeks = injection.get("relief_weeks")
        if injection.get("relief") in ("good", "partial") and isinstance(weeks, (int, float)) and weeks >= 1:
            relief += " " + told["relief_for"].format(duration=describe_duration(weeks, content.duration_words))
        tried.append(f"{words} {relief}".strip())
    if tried or story.tried_known:  # not said when the patient could not remember
        parts.append(told["tried"].format(tried=join_list(tried, content.conversation["list_and"])) if tried else told["nothing_tried"])
    if not parts:
        return told["intro"].rstrip(":") + "."
    return f"{told['intro']} {', '.join(parts[:-1])}{'; ' if len(parts) > 1 else ''}{parts[-1]}."




def describe_duration(weeks: float, words: Mapping[str, str]) -> str:
    """A rough human duration in the content's words (``Content.duration_words``, from
    conversation.yml): "a few days", "about 3 weeks", "about 6 months", "over 2 years"."""
    if isinstance(weeks, bool) or not isinstance(weeks, (int, float)) or not math.isfinite(weeks) or weeks < 0:
        raise ValueError(f"weeks must be a finite number of 0 or more, got {weeks!r}")
    days = weeks * 7
    if days < 0.75:
        return words["less_than_a_day"]
    if days < 1.5:
        return words["about_a_day"]
    if days < 6:
        return words["a_few_days"]
    if weeks < 1.5:
        return words["about_a_week"]
    if weeks < 8:
        return words["weeks"].format(n=round(weeks))
    months = weeks / WEEKS_PER_MONTH
    if months < 11.5:
        return words["months"].format(n=round(months))
    if months < 14:
        return words["about_a_year"]
    if months < 17:
        return words["over_a_year"]
    if months < 21:
        return words["a_year_and_a_half"]
    if months < 23.5:
        return words["almost_two_years"]
    years = months / 12
    whole = math.floor(years)
    if years - whole < 0.2:
        return words["years"].format(n=whole)
    if whole + 1 - years < 0.2:
        return words["years"].format(n=whole + 1)
    return words["over_years"].format(n=whole)


def join_list(items: Iterable[str], and_word: str = "and") -> str:
    """ "a", "a and b", "a, b and c" (``and_word``: conversation.yml's ``list_and``)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {and_word} " + items[-1]


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fill a content template's {placeholders} (e.g. with ``Clinic.template_values()``)."""
    try:
        return template.format_map(values)
    except KeyError as exc:
        raise ValueError(f"no value given for placeholder {{{exc.args[0]}}}") from None


def red_flag_phrase(content: Content, flags: Iterable[str]) -> str:
    """The patient's red flags in the file's plain words, e.g. "a fever and a history of cancer"."""
    labels = content.self_care.red_flag_labels
    return join_list((labels[f] for f in dict.fromkeys(flags) if f in labels),
                     content.conversation["list_and"])


def self_care_message(content: Content, values: Mapping[str, str]) -> str:
    """The self-care advice and when to seek help, as one message."""
    sc = content.self_care
    lines = [fill(sc.intro, values)]
    lines += [f"• {fill(a, values)}" for a in sc.advice]
    lines += ["", fill(sc.come_back_intro, values)]
    lines += [f"• {fill(a, values)}" for a in sc.come_back]
    lines += ["", fill(sc.disclaimer, values)]
    return "\n".join(lines)
