"""Questions about the clinic (content/faq.yml): the topic asked about, and its answer.

Questions about the clinic (content/faq.yml): which topic a message asks about, and the
answer from the front desk's file and clinic.yml. Pure: no Rasa imports.

A topic matches when every word of one of its examples is in the message (a word of five
letters or more may be one typo away). Everything the clinic has not filled in gets the
file's `unknown` answer (with the clinic's phone): never a guess.
"""
from __future__ import annotations

import os
import re
import string
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Collection, Dict, List, Mapping, Optional, Sequence, Tuple

import yaml

from bot.clinic import Clinic
from bot.content.translation import EXTRA_KEY_PROBLEM, extra_key
from bot.days import ENGLISH_CALENDAR, Calendar

REPO_ROOT = Path(__file__).resolve().parents[1]
FAQ_FILE = "faq.yml"
HOURS_TOPICS = ("hours", "open_now")
PLACEHOLDERS = frozenset({"clinic_name", "clinic_phone", "clinic_email", "clinic_address",
                          "clinic_hours", "website", "booking_url", "directions", "languages",
                          "doctors"})
HOURS_PLACEHOLDERS = {"open_now": {"until"}, "closed_now": {"next_open"},
                      "day_open": {"day", "ranges"}, "day_closed": {"day"}}
# Words that carry no topic ("is", "the", "do you"; "el", "que", "de"): left out of examples
# and messages alike, in English and Spanish (content/es/faq.yml). Words are compared without
# their accents ("dónde" = "donde"), so a Spanish patient may type them or not.
STOPWORDS = frozenset(
    "a an the is are am be was were do does did i me my to of for it its this that "
    "can could will would what 's ? . , ! please so and or in on at with your we us our "
    "have has any just "
    "el la los las lo del de que un una unos unas es son en por para y o al se le les "
    "nos usted ustedes su sus tienen tiene hay puedo puede".split())


# Common words one letter from another example word: never read as its typo ("some days
# it's there" is not "where").
NEVER_TYPOS = frozenset("there where these those their which while whose other medical".split())


# A topic the clinic left unanswered, answered by a nearer one it filled in.
FALLBACK_TOPICS = {"directions": "location"}


class FaqError(ValueError):
    def __init__(self, file: Path, field: str, problem: str):
        super().__init__(f"{file}: field '{field}': {problem}")


@dataclass(frozen=True)
class Topic:
    name: str
    examples: Tuple[Tuple[str, ...], ...]  # each example's words, stopwords removed
    answer: Optional[str]


@dataclass(frozen=True)
class Faq:
    topics: Tuple[Topic, ...]
    unknown: str
    hours_texts: Mapping[str, str]
    reviewed_field: bool = False  # a translation's `review: {by, on, note}` is present

    def match(self, words: Sequence[str]) -> List[str]:
        """The topics whose example words are all in `words`, best (most words) first."""
        present = {w for w in map(_plain, words) if w not in STOPWORDS}
        index = self._index
        found = present & index.vocabulary
        found.update(index.typos_in(present))
        best: Dict[str, Tuple[str, ...]] = {}  # each topic's longest example found (the first)
        for name, example in index.complete(found):
            if len(example) > len(best.get(name, ())):
                best[name] = example
        matched = {name: set(example) for name, example in best.items()}
        # A topic found only through words another topic's example holds with more is not
        # asked: "can I bring my husband?" is about a companion, not what to bring.
        kept = [name for name, words in matched.items()
                if not any(words < other for other in matched.values())]
        kept.sort(key=lambda name: -len(matched[name]))
        return kept

    @cached_property
    def _index(self) -> "_ExampleIndex":
        return _ExampleIndex(self.topics)

    def answer(self, topics: Sequence[str], text: str, clinic: Clinic, now: datetime,
               calendar: Calendar = ENGLISH_CALENDAR) -> str:
        """One answer for the topics asked (hours and "open now" answered together), days and
        hours said in `calendar`'s words (the conversation's language)."""
        values = clinic_values(clinic, calendar)
        parts: List[str] = []
        for name in _distinct(topics):
            if name in HOURS_TOPICS:
                parts.append(self._hours(name, text, clinic, now, values, calendar))
            else:
                # "how do I get there?" with no directions written: at least where it is
                said = _fill_or_none(self.topic(name).answer, values)
                if said is None and name in FALLBACK_TOPICS and FALLBACK_TOPICS[name] in self._names():
                    said = _fill_or_none(self.topic(FALLBACK_TOPICS[name]).answer, values)
                parts.append(said or _fill_or_none(self.unknown, values))
        return " ".join(dict.fromkeys(parts)) or _fill_or_none(self.unknown, values)

    def answers(self, clinic: Clinic) -> Dict[str, str]:
        """Each topic's answer as the patient reads it (no time-dependent part): for reports."""
        values = clinic_values(clinic)
        return {t.name: self._fill(t.answer, values) for t in self.topics}

    def _names(self) -> set:
        return {t.name for t in self.topics}

    def topic(self, name: str) -> Topic:
        return next(t for t in self.topics if t.name == name)

    def _fill(self, template: Optional[str], values: Mapping[str, str]) -> str:
        return _fill_or_none(template, values) or _fill_or_none(self.unknown, values)

    def _hours(self, name, text, clinic, now, values, calendar: Calendar) -> str:
        local = now.astimezone(clinic.tz)
        sentences = []
        asked = " ".join(map(_plain, simple_words(text)))
        if name == "open_now" or _says_any(asked, calendar.now_words):
            sentences.append(self._now_sentence(clinic, local, calendar))
        for index in range(7):
            if _says_any(asked, (calendar.days[index], calendar.short_days[index],
                                 calendar.every_day[index])):
                sentences.append(self._day_sentence(clinic, index, calendar))
        sentences.append(self._fill(self.topic("hours").answer, values))
        return " ".join(dict.fromkeys(sentences))

    def _now_sentence(self, clinic: Clinic, local: datetime, calendar: Calendar) -> str:
        now = local.time().replace(tzinfo=None)
        for start, end in clinic.opening_hours[local.weekday()]:
            if start <= now < end:
                return self.hours_texts["open_now"].format(until=_clock(end))
        for ahead in range(0, 8):
            day = (local.weekday() + ahead) % 7
            for start, _ in clinic.opening_hours[day]:
                if ahead or start > now:
                    when = calendar.today if ahead == 0 else (
                        calendar.tomorrow if ahead == 1 else
                        calendar.on_day.format(day=calendar.days[day]))
                    return self.hours_texts["closed_now"].format(
                        next_open=calendar.at_time.format(when=when, time=_clock(start)))
        return self.hours_texts["closed_now"].format(next_open="-")

    def _day_sentence(self, clinic: Clinic, index: int, calendar: Calendar) -> str:
        ranges = clinic.opening_hours[index]
        day = calendar.every_day[index]
        if not ranges:
            return self.hours_texts["day_closed"].format(day=day)
        text = ", ".join(f"{_clock(a)}–{_clock(b)}" for a, b in ranges)
        return self.hours_texts["day_open"].format(day=day, ranges=text)


class _ExampleIndex:
    """The examples' words, indexed once per file so that a message is matched with set
    operations: an example word is in a message when the message has it or, for a longer
    word, one typo of it (`_has`). Every example was formerly checked word by word, a Python
    call each (about 0.9 ms a message, the largest item of the NLU)."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.examples = [(t.name, [(ex, frozenset(ex)) for ex in t.examples]) for t in topics]
        self.vocabulary = frozenset(w for t in topics for ex in t.examples for w in ex)
        # One edit of a word of five letters or more leaves its first two or its last two
        # letters in place (an edit within the first two leaves at least three after it), so
        # a typo's candidates are the example words of near length sharing either pair.
        self._by_ends: Dict[Tuple[str, int, str], List[str]] = {}
        for word in self.vocabulary:
            if len(word) >= 5:
                self._by_ends.setdefault(("<", len(word), word[:2]), []).append(word)
                self._by_ends.setdefault((">", len(word), word[-2:]), []).append(word)
        # word -> the (topic, example) places whose example holds it; examples of no word
        self._holding: Dict[str, List[Tuple[int, int]]] = {}
        self._wordless = [(i, j) for i, (_, examples) in enumerate(self.examples)
                          for j, (_, needed) in enumerate(examples) if not needed]
        for i, (_, examples) in enumerate(self.examples):
            for j, (_, needed) in enumerate(examples):
                for word in needed:
                    self._holding.setdefault(word, []).append((i, j))

    def complete(self, found: Collection[str]) -> List[Tuple[str, Tuple[str, ...]]]:
        """(topic, example) for each example all of whose words are in `found`, in the file's
        order: only examples holding a word found are checked (not every example, ~0.1 ms)."""
        places = set(self._wordless)
        for word in found:
            places.update(self._holding.get(word, ()))
        return [(self.examples[i][0], self.examples[i][1][j][0]) for i, j in sorted(places)
                if self.examples[i][1][j][1] <= found]

    def typos_in(self, present: Collection[str]) -> set:
        """The example words not in `present` that `_has` finds in it as one typo."""
        found = set()
        for word in present:
            if len(word) < 5 or word in NEVER_TYPOS:
                continue
            for n in (len(word) - 1, len(word), len(word) + 1):
                for key in (("<", n, word[:2]), (">", n, word[-2:])):
                    found.update(wanted for wanted in self._by_ends.get(key, ())
                                 if wanted not in present and wanted not in found
                                 and _has((word,), wanted))
        return found


def clinic_values(clinic: Clinic, calendar: Calendar = ENGLISH_CALENDAR) -> Dict[str, str]:
    values = clinic.template_values(calendar)
    values.update(clinic_email=clinic.email or "", clinic_address=clinic.address,
                  website=clinic.website, directions=clinic.directions or "",
                  languages=calendar.said_list(clinic.languages),
                  doctors=calendar.said_list(clinic.doctors))
    return values


def _fill_or_none(template: Optional[str], values: Mapping[str, str]) -> Optional[str]:
    """The filled text, or None when it is empty or a placeholder it uses has no value."""
    if not template or not template.strip():
        return None
    used = [f for _, f, _, _ in string.Formatter().parse(template) if f]
    if any(not values.get(f) for f in used):
        return None
    return re.sub(r"\s+", " ", template.format(**values)).strip()


def _distinct(items: Sequence[str]) -> List[str]:
    hours_seen, out = False, []
    for item in items:
        if item in HOURS_TOPICS:
            if hours_seen:
                continue
            hours_seen = True
            if "open_now" in items:
                item = "open_now"
        out.append(item)
    return out


def _clock(t) -> str:
    return "24:00" if t.hour == 23 and t.minute == 59 else f"{t.hour}:{t.minute:02d}"


def _has(words: Collection[str], wanted: str) -> bool:
    if wanted in words:
        return True
    # A typo only in longer words, and a letter missing or extra only from six letters on:
    # "human" is not the insurer "humana", "ring" is not "bring".
    return len(wanted) >= 5 and any(
        len(w) >= 5 and w not in NEVER_TYPOS and (len(w) == len(wanted) or min(len(w), len(wanted)) >= 6)
        and abs(len(w) - len(wanted)) <= 1 and _one_edit(w, wanted) for w in words)


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _says_any(asked: str, phrases: Sequence[str]) -> bool:
    """Whether `asked` (plain words, space-joined) holds one of `phrases` as whole words."""
    return any(re.search(rf"(?<!\w){re.escape(' '.join(map(_plain, simple_words(p))))}(?!\w)",
                         asked) for p in phrases)


def _plain(word: str) -> str:
    """A word without its accents ("dónde" -> "donde", "español" -> "espanol")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


def simple_words(text: str) -> List[str]:
    """Lower-case words, for callers without a spaCy Doc (tests, the file's own examples)."""
    return re.findall(r"[a-zà-ÿ0-9]+(?:-[a-z]+)?", (text or "").lower())


def default_faq_path(lang: str = "en") -> Path:
    return _faq_path(lang, os.environ.get("CLINIC_CONTENT_DIR"))


@lru_cache(maxsize=32)
def _faq_path(lang: str, content_dir: Optional[str]) -> Path:
    """The path for a language and content directory, made once (asked at every message)."""
    base = Path(content_dir) if content_dir else REPO_ROOT / "content"
    return (base if lang == "en" else base / lang) / FAQ_FILE


def load_faq(path: Optional[Path] = None,
             words: Callable[[str], List[str]] = simple_words, lang: str = "en") -> Faq:
    """Read and check content/faq.yml (or a translation, content/<lang>/faq.yml, which must
    answer the same topics and carry its `review` field); re-read when the file changes."""
    path = Path(path) if path else default_faq_path(lang)
    faq = _load(path, path.stat().st_mtime_ns, words)
    if lang != "en":
        english = load_faq(words=words)
        missing = [t.name for t in english.topics if t.name not in {x.name for x in faq.topics}]
        if missing:
            raise FaqError(path, f"topics.{missing[0]}", "is missing (the English file has it)")
        english_path = default_faq_path()
        extra = _extra_key(path, path.stat().st_mtime_ns, english_path,
                           english_path.stat().st_mtime_ns)
        if extra:
            raise FaqError(path, extra, EXTRA_KEY_PROBLEM)
        if not faq.reviewed_field:
            raise FaqError(path, "review", "is missing (review: {by: null, on: null, note: ...})")
    return faq


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, words) -> Faq:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise FaqError(path, "(file)", f"not valid YAML: {exc}") from None
    if not isinstance(data, Mapping):
        raise FaqError(path, "(file)", "expected unknown:, hours_texts: and topics:")
    unknown = _text(path, "unknown", data.get("unknown"), PLACEHOLDERS, required=True)
    texts = data.get("hours_texts") or {}
    hours_texts = {key: _text(path, f"hours_texts.{key}", texts.get(key), allowed,
                              required=True) for key, allowed in HOURS_PLACEHOLDERS.items()}
    raw_topics = data.get("topics")
    if not isinstance(raw_topics, Mapping) or not raw_topics:
        raise FaqError(path, "topics", "expected one entry per topic")
    if "hours" not in raw_topics:
        raise FaqError(path, "topics.hours", "is missing (the open-now answer uses it)")
    topics = []
    for name, raw in raw_topics.items():
        where = f"topics.{name}"
        if not isinstance(raw, Mapping) or not isinstance(raw.get("examples"), list) \
                or not raw["examples"]:
            raise FaqError(path, f"{where}.examples", "expected a list of example wordings")
        examples = []
        for example in raw["examples"]:
            kept = tuple(w for w in map(_plain, words(str(example))) if w not in STOPWORDS)
            if not kept:
                raise FaqError(path, f"{where}.examples", f"{example!r} has no word to match")
            examples.append(kept)
        answer = _text(path, f"{where}.answer", raw.get("answer"), PLACEHOLDERS, required=False)
        topics.append(Topic(str(name), tuple(examples), answer))
    return Faq(tuple(topics), unknown, hours_texts,
               reviewed_field=isinstance(data.get("review"), Mapping))


@lru_cache(maxsize=8)
def _extra_key(path: Path, mtime_ns: int, english_path: Path, english_mtime_ns: int) -> Optional[str]:
    """A key of the translated file the English one lacks (both already read by ``_load``)."""
    translated, english = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (path, english_path))
    return extra_key({k: v for k, v in translated.items() if k != "review"}, english)


def _text(path, field, value, allowed, required) -> Optional[str]:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FaqError(path, field, "is missing")
        return None
    if not isinstance(value, str):
        raise FaqError(path, field, "expected text")
    try:
        used = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
    except ValueError as exc:
        raise FaqError(path, field, f"broken {{placeholder}}: {exc}") from None
    unknown = sorted(used - set(allowed))
    if unknown:
        raise FaqError(path, field, f"unknown placeholder {{{unknown[0]}}} "
                                    f"(known: {', '.join(sorted(allowed))})")
    return value.strip()

