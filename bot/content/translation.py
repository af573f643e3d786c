"""A translation (``content/<lang>/``) checked against the English source.

Where its files live, its clinician review, the options' rules taken from the English file,
and the same keys as the English file, no more (a missing one is caught by the file's own checks)."""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from bot.content.checker import Checker, join_field
from bot.content.fields import CONTENT_FILES, DEFAULT_LANGUAGE, LANGUAGES, REVIEW_FIELD, REVIEW_KEYS
from bot.content.model import ContentError

EXTRA_KEY_PROBLEM = ("is not in the English file (a translation has the English file's keys only: "
                     "add it there first, or remove it here)")


def language_dir(content_dir: Path, lang: str) -> Path:
    """Where a language's files live: English in ``content/``, others in ``content/<lang>/``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (spoken: {', '.join(LANGUAGES)})")
    return content_dir if lang == DEFAULT_LANGUAGE else content_dir / lang


def extra_key(translated: Any, english: Any, where: str = "") -> str | None:
    """The first key (dotted, e.g. ``durations.weeks``) of a translated file that the English
    file does not have at the same place, or None. Lists are left to the files' own checks
    (options are matched by id in ``with_english_fits``)."""
    if not (isinstance(translated, Mapping) and isinstance(english, Mapping)):
        return None
    for key, value in translated.items():
        path = join_field(where, str(key))
        if key not in english:
            return path
        found = extra_key(value, english[key], path)
        if found:
            return found
    return None


def refuse_extra_keys(base: Path, translated: Mapping[str, Mapping[str, Any]],
                      english: Mapping[str, Mapping[str, Any]]) -> None:
    """Stop the start-up on a key a translated file has and the English one does not: a text
    the code would never say, or a misspelt key whose text the patient would miss."""
    for name in CONTENT_FILES:
        found = extra_key(translated[name], english[name])
        if found:
            raise ContentError(base / name, found, EXTRA_KEY_PROBLEM)


def take_review(base: Path, files: dict[str, Mapping[str, Any]]) -> Mapping[str, Any]:
    """Each translated file's `review: {by, on, note}` (who reviewed it and when; null until a
    clinician has), checked and removed before the file's own keys are validated."""
    reviews = {}
    for name in CONTENT_FILES:
        c = Checker(base / name)
        if REVIEW_FIELD not in files[name]:
            raise c.fail(REVIEW_FIELD, "is missing (review: {by: null, on: null, note: ...} "
                                       "until a clinician has reviewed the translation)")
        entry = files[name][REVIEW_FIELD]
        if isinstance(entry, Mapping):  # YAML 1.1 reads a bare `on:` key as True
            entry = {("on" if key is True else key): value for key, value in entry.items()}
        entry = c.mapping(entry, REVIEW_FIELD, ("note",), REVIEW_KEYS)
        if bool(entry.get("by")) != bool(entry.get("on")):
            raise c.fail(REVIEW_FIELD, "give both who reviewed it (by) and when (on), or neither")
        reviews[name] = MappingProxyType(dict(entry))
        files[name] = {k: v for k, v in files[name].items() if k != REVIEW_FIELD}
    return MappingProxyType(reviews)


def with_english_fits(file: Path, translated: Mapping[str, Any],
                      english: Mapping[str, Any]) -> Mapping[str, Any]:
    """The translated options with the English file's `fits` (by id): the clinical rules
    have one home. Every English option must be translated, and no other."""
    c = Checker(file)
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
