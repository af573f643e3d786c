"""The loaded content as frozen values, and the error that names the file and field of a mistake."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from bot.content.fields import DEFAULT_LANGUAGE
from bot.days import Calendar
from bot.labels import Labels
from bot.option_fit import Fits


class ContentError(ValueError):
    """A content file is missing a field or has a malformed one."""

    def __init__(self, file: Path | str, field: str, problem: str, option: str | None = None):
        self.file = Path(file)
        self.field = field
        self.option = option
        self.problem = problem
        where = f"option '{option}': " if option else ""
        super().__init__(f"{file}: {where}field '{field}': {problem}")


@dataclass(frozen=True)
class Option:
    id: str
    title: str
    names: tuple[str, ...]
    what: str
    how: str
    relief: str
    risks: str
    reason: str  # one line said when the option is suggested: why it may fit this story
    fits: Fits


@dataclass(frozen=True)
class OptionFit:
    option: Option
    because: list[str]  # the facts that selected it, for the decision trail


@dataclass(frozen=True)
class Selection:
    fits: list[OptionFit]  # the options that fit, in priority order
    trail: list[dict]  # every option: selected or not, the facts that selected or excluded it


@dataclass(frozen=True)
class SelfCare:
    screening_question: str
    red_flag_labels: Mapping[str, str]
    red_flag_confirm: Mapping[str, str]  # one short yes/no question per flag
    sign_question_answer: str
    confirmed_absent: str
    confirm_again: str
    emergency_advice: str
    urgent_advice: str
    intro: str
    advice: tuple[str, ...]
    come_back_intro: str
    come_back: tuple[str, ...]
    disclaimer: str


@dataclass(frozen=True)
class Content:
    disclaimer: str
    plan_note: str
    answer_template: str
    story_texts: Mapping[str, str]
    options_intro: str
    none_fit: Mapping[str, str]
    location_labels: Mapping[str, str]
    treatment_labels: Mapping[str, str]
    pattern_labels: Mapping[str, str]
    injection_labels: Mapping[str, str]
    relief_labels: Mapping[str, str]
    labels: Labels  # labels.yml: patient and staff words for every contract value
    question_aspects: Mapping[str, tuple[str, ...]]
    options: tuple[Option, ...]
    self_care: SelfCare
    conversation: Mapping[str, str]  # conversation.yml: key -> text
    duration_words: Mapping[str, str]  # conversation.yml durations: how weeks are said
    calendar: Calendar  # conversation.yml calendar: how days and opening hours are said
    source_dir: Path
    language: str = DEFAULT_LANGUAGE
    review: Mapping[str, Any] | None = None  # a translation's clinician review (by, on, note)
    _name_patterns: tuple[tuple[re.Pattern, int, int], ...] = field(default=(), repr=False, compare=False)
    _aspect_patterns: tuple[tuple[str, tuple[tuple[re.Pattern, int], ...]], ...] = field(
        default=(), repr=False, compare=False
    )

    def option(self, option_id: str) -> Option:
        for opt in self.options:
            if opt.id == option_id:
                return opt
        raise KeyError(option_id)
