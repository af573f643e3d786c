"""Clinician-editable content, loaded and validated: options, self-care advice, red-flag
texts and every other sentence the assistant says (``content/conversation.yml``).

The words live in ``content/options.yml``, ``content/self_care.yml``,
``content/conversation.yml`` and ``content/labels.yml`` (the words for the contract's values,
``bot/labels.py``; see ``content/README.md``). This module only loads and
validates them, naming the file and field of anything missing or malformed, so a problem
stops the action server at start-up rather than a conversation. Choosing options is
``bot/option_select.py``; putting the words together is ``bot/wording.py``. Pure: no Rasa.
"""
from __future__ import annotations

import hashlib
import math
import os
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

import yaml

from bot.clinic import Calendar
from bot.contract import LANGUAGES, RED_FLAGS
from bot.labels import LABELS_FILE, Labels, build_labels
from bot.option_fit import Fits, parse_fits

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONTENT_DIR = REPO_ROOT / "content"
ENV_VAR = "CLINIC_CONTENT_DIR"
OPTIONS_FILE = "options.yml"
SELF_CARE_FILE = "self_care.yml"
CONVERSATION_FILE = "conversation.yml"
CONTENT_FILES = (OPTIONS_FILE, SELF_CARE_FILE, CONVERSATION_FILE, LABELS_FILE)
# The languages the assistant speaks. English is the source in content/; each other language
# has the same files with the same keys in content/<lang>/, each marked with its clinician
# review (REVIEW_FIELD). The clinical rules (options' `fits`) live only in the English file.
DEFAULT_LANGUAGE = "en"  # the others: bot.contract.LANGUAGES
REVIEW_FIELD = "review"
_REVIEW_KEYS = ("by", "on", "note")

ASPECTS = ("what", "how", "relief", "risks")
DEFAULT_ASPECT = "what"

# Placeholders the self-care texts may use: the clinic's values (bot.clinic.Clinic.
# template_values()) plus {flags}, the red flags the patient mentioned in plain words.
CLINIC_PLACEHOLDERS = frozenset(
    {
        "clinic_name",
        "clinic_phone",
        "clinic_hours",
        "emergency_number",
        "crisis_line_name",
        "crisis_line_number",
        "booking_url",
    }
)
SELF_CARE_PLACEHOLDERS = CLINIC_PLACEHOLDERS | {"flags"}
# What the patient told us, said once before the options (`story` in options.yml).
STORY_PLACEHOLDERS = {"intro": set(), "where": {"location", "duration"}, "tried": {"tried"},
                      "nothing_tried": set(), "relief_for": {"duration"}}
NONE_FIT = ("nothing_tried", "not_yet")
# Every text the code says from conversation.yml, with the placeholders it fills beyond the
# clinic's values and {min_age}. A key missing from the file stops the start-up; keys the
# code does not know are kept as they are.
CONVERSATION_PLACEHOLDERS = CLINIC_PLACEHOLDERS | {"min_age"}
_BOOKING_SENT = {"name", "contact", "time", "reference"}
CONVERSATION_TEXTS: Mapping[str, frozenset[str]] = MappingProxyType({
    key: CONVERSATION_PLACEHOLDERS | set(extra) for key, extra in {
        "handoff_open": (), "handoff_closed": (), "crisis": (), "under_18": (),
        "echo_words": {"words"}, "correction": {"flags"}, "offer_consultation": (),
        "offer_callback": (), "peg_offer": (), "peg_thanks": (), "already_booked": {"reference"},
        "booking_not_sent": (), "booking_sent_consultation": _BOOKING_SENT,
        "booking_sent_callback": _BOOKING_SENT, "questions_after_booking": (),
        "booking_resent_consultation": {"reference"}, "booking_resent_callback": {"reference"},
        "offer_declined": (), "self_care_booking_hint": (), "other_body_part": (),
        "which_red_flag": (), "none_of_these": (), "unnamed_red_flag": (), "button_yes": (),
        "button_no": (), "button_skip": (), "option_list_intro": (), "option_list_hint": (),
        "message_too_long": {"max_chars"}, "messages_too_fast": (),
        # off-script turns (issue 16)
        "correction_ack": {"value"}, "also_tried": {"tried"}, "distress": (), "nothing_helped": (),
        "callback_start": (), "cannot_help": (), "distress_safety": (),
        "booking_change": {"reference"}, "booking_change_unknown": (),
        "booking_change_note": {"reference"}, "red_flags_not_sure": (),
        "not_known": (),
        "list_and": (),  # the word before a list's last item ("a, b and c")
        "have_red_flag": {"flag"},  # what a warning sign's button sends, as if typed
        "other_language": (),  # a message in a language not spoken (bot/other_language.py)
    }.items()
})
# How a number of weeks is said (bot.wording.describe_duration); {n} is a whole number.
DURATION_WORDS: Mapping[str, frozenset[str]] = MappingProxyType({
    "less_than_a_day": frozenset(), "about_a_day": frozenset(), "a_few_days": frozenset(),
    "about_a_week": frozenset(), "weeks": frozenset({"n"}), "months": frozenset({"n"}),
    "about_a_year": frozenset(), "over_a_year": frozenset(), "a_year_and_a_half": frozenset(),
    "almost_two_years": frozenset(), "years": frozenset({"n"}), "over_years": frozenset({"n"}),
})
# How days and opening hours are said (bot.clinic.Calendar): {clinic_hours} and the answers
# about opening hours.
CALENDAR_FIELDS = ("days", "short_days", "every_day", "closed", "today", "tomorrow", "on_day",
                   "at_time", "now_words")
_CALENDAR_PLACEHOLDERS = {"on_day": {"day"}, "at_time": {"when", "time"}}
ANSWER_PLACEHOLDERS = frozenset({"title", "answer", "disclaimer", "plan_note"})

OPTION_TEXT_FIELDS = ("what", "how", "relief", "risks", "reason")
_OPTION_FIELDS = ("id", "title", "names", *OPTION_TEXT_FIELDS, "fits")
_OPTIONS_TOP = (
    "disclaimer",
    "plan_note",
    "answer_template",
    "story",
    "options_intro",
    "when_none_fit",
    "question_aspects",
    "options",
)
_SELF_CARE_TOP = ("screening_question", "red_flags", "sign_question_answer", "confirmed_absent",
                  "confirm_again", "emergency_advice", "urgent_advice", "self_care")
_SELF_CARE_SECTION = ("intro", "advice", "come_back_intro", "come_back", "disclaimer")
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


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


# --------------------------------------------------------------------------- loading

_cache: dict[tuple[str, str, str], Content] = {}


def default_content_dir() -> Path:
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else DEFAULT_CONTENT_DIR


def language_dir(content_dir: Path, lang: str) -> Path:
    """Where a language's files live: English in ``content/``, others in ``content/<lang>/``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (spoken: {', '.join(LANGUAGES)})")
    return content_dir if lang == DEFAULT_LANGUAGE else content_dir / lang


def load_content(content_dir: Path | None = None, lang: str = DEFAULT_LANGUAGE) -> Content:
    """Load and validate ``options.yml``, ``self_care.yml``, ``conversation.yml`` and
    ``labels.yml`` in one language (``LANGUAGES``).

    ``content_dir`` defaults to ``CLINIC_CONTENT_DIR`` or the repository's ``content/``. A
    translation (``content/es/``) must have every key of the English file and its ``review``
    field; its options take their clinical rules (``fits``) from the English file by id.
    Cached per directory, language and file contents, so an edited file is picked up on the
    next call.
    """
    content_dir = Path(content_dir) if content_dir is not None else default_content_dir()
    files = [(language_dir(content_dir, lang) / name) for name in CONTENT_FILES]
    if lang != DEFAULT_LANGUAGE:
        files.append(content_dir / OPTIONS_FILE)  # the options' fits, one home for both
    raw: dict[Path, bytes] = {}
    digest = hashlib.sha256()
    for path in files:
        try:
            raw[path] = path.read_bytes()
        except FileNotFoundError:
            raise ContentError(path, "(file)", "file not found") from None
        digest.update(str(path).encode() + b"\0" + raw[path] + b"\0")
    key = (str(content_dir.resolve()), lang, digest.hexdigest())
    cached = _cache.get(key)
    if cached is not None:
        return cached
    data = {path: _read_yaml(path, raw[path]) for path in files}
    base = language_dir(content_dir, lang)
    by_name = {name: data[base / name] for name in CONTENT_FILES}
    review = None
    if lang != DEFAULT_LANGUAGE:
        review = _review(base, by_name)
        by_name[OPTIONS_FILE] = _with_english_fits(base / OPTIONS_FILE, by_name[OPTIONS_FILE],
                                                   data[content_dir / OPTIONS_FILE])
    content = _build(base, by_name, language=lang, review=review)
    if len(_cache) > 32:
        _cache.clear()
    _cache[key] = content
    return content


def load_all_languages(content_dir: Path | None = None) -> dict[str, Content]:
    """Every language's content, validated: what start-up calls, so a missing translation
    stops the assistant instead of surfacing mid-conversation."""
    return {lang: load_content(content_dir, lang) for lang in LANGUAGES}


def _review(base: Path, files: dict[str, Mapping[str, Any]]) -> Mapping[str, Any]:
    """Each translated file's `review: {by, on, note}` (who reviewed it and when; null until a
    clinician has), checked and removed before the file's own keys are validated."""
    reviews = {}
    for name in CONTENT_FILES:
        c = _Checker(base / name)
        if REVIEW_FIELD not in files[name]:
            raise c.fail(REVIEW_FIELD, "is missing (review: {by: null, on: null, note: ...} "
                                       "until a clinician has reviewed the translation)")
        entry = files[name][REVIEW_FIELD]
        if isinstance(entry, Mapping):  # YAML 1.1 reads a bare `on:` key as True
            entry = {("on" if key is True else key): value for key, value in entry.items()}
        entry = c.mapping(entry, REVIEW_FIELD, ("note",), _REVIEW_KEYS)
        if bool(entry.get("by")) != bool(entry.get("on")):
            raise c.fail(REVIEW_FIELD, "give both who reviewed it (by) and when (on), or neither")
        reviews[name] = MappingProxyType(dict(entry))
        files[name] = {k: v for k, v in files[name].items() if k != REVIEW_FIELD}
    return MappingProxyType(reviews)


def _with_english_fits(file: Path, translated: Mapping[str, Any],
                       english: Mapping[str, Any]) -> Mapping[str, Any]:
    """The translated options with the English file's `fits` (by id): the clinical rules
    have one home. Every English option must be translated, and no other."""
    c = _Checker(file)
    fits = {o.get("id"): o.get("fits") for o in english.get("options") or []
            if isinstance(o, Mapping)}
    options = translated.get("options")
    if not isinstance(options, list):
        raise c.fail("options", "expected the list of options, one per option in the English file")
    merged = []
    for raw in options:
        option_id = raw.get("id") if isinstance(raw, Mapping) else None
        if option_id not in fits:
            raise ContentError(file, "id", "no option with this id in the English file", str(option_id))
        if "fits" in raw:
            raise ContentError(file, "fits", "the rules live in the English file only; remove "
                                             "them here", option_id)
        merged.append({**raw, "fits": fits[option_id]})
    missing = [i for i in fits if i not in {o["id"] for o in merged}]
    if missing:
        raise ContentError(file, "options", f"option '{missing[0]}' of the English file is not translated")
    return {**translated, "options": merged}


def _read_yaml(path: Path, data: bytes) -> Mapping[str, Any]:
    try:
        parsed = yaml.safe_load(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ContentError(path, "(file)", "not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise ContentError(path, "(file)", f"not valid YAML: {exc}") from None
    if not isinstance(parsed, Mapping):
        raise ContentError(path, "(file)", "expected a mapping of fields at the top level")
    return parsed


class _Checker:
    """Validation helpers that name the file, option and field in every error."""

    def __init__(self, file: Path, option: str | None = None):
        self.file = file
        self.option = option

    def fail(self, fld: str, problem: str) -> ContentError:
        return ContentError(self.file, fld, problem, self.option)

    def mapping(self, data: Any, fld: str, required: Iterable[str], allowed: Iterable[str]) -> Mapping[str, Any]:
        if not isinstance(data, Mapping):
            raise self.fail(fld, "expected a mapping of fields (name: value)")
        allowed = set(allowed)
        for key in data:
            if key not in allowed:
                raise self.fail(
                    _join(fld, str(key)), f"unknown field (expected one of: {', '.join(sorted(allowed))})"
                )
        for key in required:
            if key not in data or data[key] is None:
                raise self.fail(_join(fld, key), "is missing")
        return data

    def text(self, value: Any, fld: str, placeholders: frozenset[str] | set[str] | None = frozenset()) -> str:
        """Non-empty text. ``placeholders``: allowed {names}; None skips the check."""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(fld, f"expected non-empty text, got {value!r}")
        value = value.strip()
        if placeholders is not None:
            used = self.placeholders(value, fld)
            extra = used - set(placeholders)
            if extra:
                if placeholders:
                    allowed = ", ".join("{" + p + "}" for p in sorted(placeholders))
                    problem = f"unknown placeholder {{{sorted(extra)[0]}}} (allowed here: {allowed})"
                else:
                    problem = f"placeholders such as {{{sorted(extra)[0]}}} are not used in this text; remove the braces"
                raise self.fail(fld, problem)
        return value

    def placeholders(self, value: str, fld: str) -> set[str]:
        used: set[str] = set()
        try:
            for _, name, spec, conversion in string.Formatter().parse(value):
                if name is None:
                    continue
                if not name or spec or conversion or not re.fullmatch(r"[a-z_]+", name):
                    raise self.fail(fld, f"malformed placeholder {{{name}}}: write placeholders as {{name}}")
                used.add(name)
        except ValueError as exc:
            raise self.fail(fld, f"unbalanced {{ or }} ({exc})") from None
        return used

    def text_list(self, value: Any, fld: str, placeholders=frozenset()) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(fld, "expected a non-empty list")
        return tuple(self.text(v, f"{fld}[{i}]", placeholders) for i, v in enumerate(value))

    def values(self, value: Any, fld: str, allowed: tuple[str, ...], kind: str, *, non_empty: bool) -> tuple[str, ...]:
        if value is None:
            value = []
        if not isinstance(value, list):
            raise self.fail(fld, f"expected a list of {kind}s")
        if non_empty and not value:
            raise self.fail(fld, f"expected at least one {kind}")
        for v in value:
            if v not in allowed:
                raise self.fail(fld, f"unknown {kind} {v!r} (allowed: {', '.join(allowed)})")
        return tuple(dict.fromkeys(value))

    def number(self, value: Any, fld: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            raise self.fail(fld, f"expected a number of weeks (0 or more), got {value!r}")
        return float(value)


def _join(parent: str, child: str) -> str:
    return f"{parent}.{child}" if parent else child


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[-_/]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _phrase_pattern(phrase: str, plural: bool) -> re.Pattern:
    words = [re.escape(w) for w in normalise(phrase).split(" ")]
    tail = r"(?:s|es)?" if plural else ""
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + tail + r"(?!\w)")


def _build(content_dir: Path, files: Mapping[str, Mapping[str, Any]], language: str = DEFAULT_LANGUAGE,
           review: Mapping[str, Any] | None = None) -> Content:
    data = files[OPTIONS_FILE]
    ofile = content_dir / OPTIONS_FILE
    c = _Checker(ofile)
    c.mapping(data, "", _OPTIONS_TOP, _OPTIONS_TOP)

    disclaimer = c.text(data["disclaimer"], "disclaimer")
    plan_note = c.text(data["plan_note"], "plan_note")
    answer_template = c.text(data["answer_template"], "answer_template", ANSWER_PLACEHOLDERS)
    if "answer" not in c.placeholders(answer_template, "answer_template"):
        raise c.fail("answer_template", "must contain {answer}")

    st = c.mapping(data["story"], "story", STORY_PLACEHOLDERS, STORY_PLACEHOLDERS)
    story_texts = {k: c.text(st[k], f"story.{k}", STORY_PLACEHOLDERS[k]) for k in STORY_PLACEHOLDERS}
    nf = c.mapping(data["when_none_fit"], "when_none_fit", NONE_FIT, NONE_FIT)
    none_fit = {k: c.text(nf[k], f"when_none_fit.{k}", CLINIC_PLACEHOLDERS) for k in NONE_FIT}

    labels = build_labels(_Checker(content_dir / LABELS_FILE), files[LABELS_FILE])
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

    name_patterns = sorted(
        (
            (_phrase_pattern(name, plural=True), len(normalise(name)), i)
            for i, opt in enumerate(options)
            for name in dict.fromkeys(opt.names)
        ),
        key=lambda t: (-t[1], t[2]),
    )
    aspect_patterns = tuple(
        (aspect, tuple((_phrase_pattern(k, plural=False), len(normalise(k))) for k in keywords))
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
        conversation=_build_conversation(content_dir / CONVERSATION_FILE, files[CONVERSATION_FILE]),
        duration_words=_build_duration_words(content_dir / CONVERSATION_FILE, files[CONVERSATION_FILE]),
        calendar=_build_calendar(content_dir / CONVERSATION_FILE, files[CONVERSATION_FILE]),
        source_dir=content_dir,
        language=language,
        review=review,
        _name_patterns=tuple(name_patterns),
        _aspect_patterns=aspect_patterns,
    )


def _build_option(file: Path, index: int, raw: Any) -> Option:
    option_id = raw.get("id") if isinstance(raw, Mapping) else None
    label = option_id if isinstance(option_id, str) and option_id else f"#{index + 1}"
    c = _Checker(file, label)
    c.mapping(raw, "", _OPTION_FIELDS, _OPTION_FIELDS)
    if not isinstance(option_id, str) or not _ID_RE.match(option_id):
        raise c.fail("id", f"{option_id!r} is not a snake_case id (lower case letters, digits and underscores)")
    title = c.text(raw["title"], "title")
    names = c.text_list(raw["names"], "names")
    texts = {f: c.text(raw[f], f) for f in OPTION_TEXT_FIELDS}

    fits = parse_fits(c, raw["fits"])
    return Option(id=option_id, title=title, names=names, fits=fits, **texts)


def _build_self_care(file: Path, data: Mapping[str, Any],
                     red_flag_labels: Mapping[str, str]) -> SelfCare:
    c = _Checker(file)
    c.mapping(data, "", _SELF_CARE_TOP, _SELF_CARE_TOP)
    flags = c.mapping(data["red_flags"], "red_flags", RED_FLAGS, RED_FLAGS)
    red_flag_confirm = {}
    for flag in RED_FLAGS:
        entry = c.mapping(flags[flag], f"red_flags.{flag}", ("confirm",), ("confirm",))
        red_flag_confirm[flag] = c.text(entry["confirm"], f"red_flags.{flag}.confirm")
    section = c.mapping(data["self_care"], "self_care", _SELF_CARE_SECTION, _SELF_CARE_SECTION)
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


def _build_conversation(file: Path, data: Mapping[str, Any]) -> Mapping[str, str]:
    c = _Checker(file)
    texts = {key: value for key, value in data.items() if key not in ("durations", "calendar")}
    for key, placeholders in CONVERSATION_TEXTS.items():
        if data.get(key) is None:
            raise c.fail(key, "is missing")
        texts[key] = c.text(data[key], key, placeholders)
    return MappingProxyType(texts)


def _build_calendar(file: Path, data: Mapping[str, Any]) -> Calendar:
    c = _Checker(file)
    if data.get("calendar") is None:
        raise c.fail("calendar", "is missing")
    words = c.mapping(data["calendar"], "calendar", CALENDAR_FIELDS, CALENDAR_FIELDS)
    fields: dict[str, Any] = {}
    for key in CALENDAR_FIELDS:
        where = f"calendar.{key}"
        if key in ("days", "short_days", "every_day"):
            fields[key] = c.text_list(words[key], where)
            if len(fields[key]) != 7:
                raise c.fail(where, "expected the seven days, Monday first")
        elif key == "now_words":
            fields[key] = c.text_list(words[key], where)
        else:
            fields[key] = c.text(words[key], where, _CALENDAR_PLACEHOLDERS.get(key, frozenset()))
    return Calendar(**fields)


def _build_duration_words(file: Path, data: Mapping[str, Any]) -> Mapping[str, str]:
    c = _Checker(file)
    if data.get("durations") is None:
        raise c.fail("durations", "is missing")
    words = c.mapping(data["durations"], "durations", DURATION_WORDS, DURATION_WORDS)
    return MappingProxyType({key: c.text(words[key], f"durations.{key}", DURATION_WORDS[key])
                             for key in DURATION_WORDS})
