"""Reading a content file and checking its fields, naming the file, option and field of a mistake.

Also the one normalisation of phrases the option and question matchers share."""
from __future__ import annotations

import math
import re
import string
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from bot.content.model import ContentError


def read_yaml(path: Path, data: bytes) -> Mapping[str, Any]:
    try:
        parsed = yaml.safe_load(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ContentError(path, "(file)", "not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise ContentError(path, "(file)", f"not valid YAML: {exc}") from None
    if not isinstance(parsed, Mapping):
        raise ContentError(path, "(file)", "expected a mapping of fields at the top level")
    return parsed


class Checker:
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
                    join_field(fld, str(key)), f"unknown field (expected one of: {', '.join(sorted(allowed))})"
                )
        for key in required:
            if key not in data or data[key] is None:
                raise self.fail(join_field(fld, key), "is missing")
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


def join_field(parent: str, child: str) -> str:
    return f"{parent}.{child}" if parent else child


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[-_/]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def phrase_pattern(phrase: str, plural: bool) -> re.Pattern:
    words = [re.escape(w) for w in normalise(phrase).split(" ")]
    tail = r"(?:s|es)?" if plural else ""
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + tail + r"(?!\w)")
