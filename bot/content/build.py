"""One language's content files checked and turned into a ``Content``.

The options and their rules (options.yml), the self-care and red-flag texts (self_care.yml);
labels.yml and conversation.yml are checked by their own modules."""
from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from bot.content.checker import Checker, normalise, phrase_pattern
from bot.content.conversation import build_calendar, build_conversation, build_duration_words
from bot.content.fields import (
    ANSWER_PLACEHOLDERS,
    ASPECTS,
    CLINIC_PLACEHOLDERS,
    CONVERSATION_FILE,
    DEFAULT_LANGUAGE,
    NONE_FIT,
    OPTION_FIELDS,
    OPTION_TEXT_FIELDS,
    OPTIONS_FILE,
    OPTIONS_TOP,
    SELF_CARE_FILE,
    SELF_CARE_PLACEHOLDERS,
    SELF_CARE_SECTION,
    SELF_CARE_TOP,
    STORY_PLACEHOLDERS,
)
from bot.content.model import Content, ContentError, Option, SelfCare
from bot.contract import RED_FLAGS
from bot.labels import LABELS_FILE, build_labels
from bot.option_fit import parse_fits

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def build_content(content_dir: Path, files: Mapping[str, Mapping[str, Any]],
                  language: str = DEFAULT_LANGUAGE, review: Mapping[str, Any] | None = None) -> Content:
    data = files[OPTIONS_FILE]
    ofile = content_dir / OPTIONS_FILE
    c = Checker(ofile)
    c.mapping(data, "", OPTIONS_TOP, OPTIONS_TOP)

    disclaimer = c.text(data["disclaimer"], "disclaimer")
    plan_note = c.text(data["plan_note"], "plan_note")
    answer_template = c.text(data["answer_template"], "answer_template", ANSWER_PLACEHOLDERS)
    if "answer" not in c.placeholders(answer_template, "answer_template"):
        raise c.fail("answer_template", "must contain {answer}")

    st = c.mapping(data["story"], "story", STORY_PLACEHOLDERS, STORY_PLACEHOLDERS)
    story_texts = {k: c.text(st[k], f"story.{k}", STORY_PLACEHOLDERS[k]) for k in STORY_PLACEHOLDERS}
    nf = c.mapping(data["when_none_fit"], "when_none_fit", NONE_FIT, NONE_FIT)
    none_fit = {k: c.text(nf[k], f"when_none_fit.{k}", CLINIC_PLACEHOLDERS) for k in NONE_FIT}

    labels = build_labels(Checker(content_dir / LABELS_FILE), files[LABELS_FILE])
    words = labels.patient

    qa = c.mapping(data["question_aspects"], "question_aspects", ASPECTS, ASPECTS)
    question_aspects = {a: c.text_list(qa[a], f"question_aspects.{a}") for a in qa}

    raw_options = data["options"]
    if not isinstance(raw_options, list) or not raw_options:
        raise c.fail("options", "expected a non-empty list of options")
    options: list[Option] = []
    seen_names: dict[str, str] = {}
    for index, raw in enumerate(raw_options):
        option = _build_option(ofile, index, raw)
        if any(o.id == option.id for o in options):
            raise ContentError(ofile, "id", "another option already uses this id", option.id)
        for name in option.names:
            norm = normalise(name)
            other = seen_names.get(norm)
            if other is not None and other != option.id:
                raise ContentError(
                    ofile, "names", f"{name!r} is also a name of option '{other}'; a name must belong to one option", option.id
                )
            seen_names[norm] = option.id
        options.append(option)

    # An option is also named by its title, as the patient read it in the list ("¿qué es la
    # inyección de ...?" with the title typed out), with or without its bracketed part.
    name_patterns = sorted(
        (
            (phrase_pattern(name, plural=True), len(normalise(name)), i)
            for i, opt in enumerate(options)
            for name in dict.fromkeys(opt.names + _title_names(opt.title))
        ),
        key=lambda t: (-t[1], t[2]),
    )
    aspect_patterns = tuple(
        (aspect, tuple((phrase_pattern(k, plural=False), len(normalise(k))) for k in keywords))
        for aspect, keywords in question_aspects.items()
    )

    return Content(
        disclaimer=disclaimer,
        plan_note=plan_note,
        answer_template=answer_template,
        story_texts=MappingProxyType(story_texts),
        options_intro=c.text(data["options_intro"], "options_intro", CLINIC_PLACEHOLDERS),
        none_fit=MappingProxyType(none_fit),
        location_labels=words["locations"],
        treatment_labels=words["treatments"],
        pattern_labels=words["patterns"],
        injection_labels=words["injections"],
        relief_labels=words["relief"],
        labels=labels,
        question_aspects=MappingProxyType(question_aspects),
        options=tuple(options),
        self_care=_build_self_care(content_dir / SELF_CARE_FILE, files[SELF_CARE_FILE],
                                   words["red_flags"]),
        conversation=build_conversation(content_dir / CONVERSATION_FILE, files[CONVERSATION_FILE]),
        duration_words=build_duration_words(content_dir / CONVERSATION_FILE, files[CONVERSATION_FILE]),
        calendar=build_calendar(content_dir / CONVERSATION_FILE, files[CONVERSATION_FILE]),
        source_dir=content_dir,
        language=language,
        review=review,
        _name_patterns=tuple(name_patterns),
        _aspect_patterns=aspect_patterns,
    )


def _build_option(file: Path, index: int, raw: Any) -> Option:
    option_id = raw.get("id") if isinstance(raw, Mapping) else None
    label = option_id if isinstance(option_id, str) and option_id else f"#{index + 1}"
    c = Checker(file, label)
    c.mapping(raw, "", OPTION_FIELDS, OPTION_FIELDS)
    if not isinstance(option_id, str) or not _ID_RE.match(option_id):
        raise c.fail("id", f"{option_id!r} is not a snake_case id (lower case letters, digits and underscores)")
    title = c.text(raw["title"], "title")
    names = c.text_list(raw["names"], "names")
    texts = {f: c.text(raw[f], f) for f in OPTION_TEXT_FIELDS}

    fits = parse_fits(c, raw["fits"])
    return Option(id=option_id, title=title, names=names, fits=fits, **texts)


def _build_self_care(file: Path, data: Mapping[str, Any],
                     red_flag_labels: Mapping[str, str]) -> SelfCare:
    c = Checker(file)
    c.mapping(data, "", SELF_CARE_TOP, SELF_CARE_TOP)
    flags = c.mapping(data["red_flags"], "red_flags", RED_FLAGS, RED_FLAGS)
    red_flag_confirm = {}
    for flag in RED_FLAGS:
        entry = c.mapping(flags[flag], f"red_flags.{flag}", ("confirm",), ("confirm",))
        red_flag_confirm[flag] = c.text(entry["confirm"], f"red_flags.{flag}.confirm")
    section = c.mapping(data["self_care"], "self_care", SELF_CARE_SECTION, SELF_CARE_SECTION)
    p = SELF_CARE_PLACEHOLDERS
    return SelfCare(
        screening_question=c.text(data["screening_question"], "screening_question", CLINIC_PLACEHOLDERS),
        red_flag_labels=red_flag_labels,
        red_flag_confirm=MappingProxyType(red_flag_confirm),
        sign_question_answer=c.text(data["sign_question_answer"], "sign_question_answer",
                                    CLINIC_PLACEHOLDERS),
        confirmed_absent=c.text(data["confirmed_absent"], "confirmed_absent", CLINIC_PLACEHOLDERS),
        confirm_again=c.text(data["confirm_again"], "confirm_again", CLINIC_PLACEHOLDERS),
        emergency_advice=c.text(data["emergency_advice"], "emergency_advice", p),
        urgent_advice=c.text(data["urgent_advice"], "urgent_advice", p),
        intro=c.text(section["intro"], "self_care.intro", p),
        advice=c.text_list(section["advice"], "self_care.advice", p),
        come_back_intro=c.text(section["come_back_intro"], "self_care.come_back_intro", p),
        come_back=c.text_list(section["come_back"], "self_care.come_back", p),
        disclaimer=c.text(section["disclaimer"], "self_care.disclaimer", p),
    )


def _title_names(title: str) -> tuple[str, ...]:
    """The title, and the title without its bracketed part ("A (numbing) shot" is also
    "A shot")."""
    bare = re.sub(r"\s*\([^)]*\)", "", title).strip()
    return (title, bare) if bare and bare != title else (title,)
