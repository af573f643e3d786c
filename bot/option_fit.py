"""When an option fits a patient's story: the `fits` conditions of content/options.yml.

The conditions are the clinician's (content/README.md explains each with an example); this
module reads them, checks them at start-up, and applies them to a story. Every condition
says, in plain staff words, whether it held and why, so the decision trail can show which
facts selected an option and which excluded it. Pure: no Rasa, no files.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, List, Mapping, Optional, Tuple

from bot.contract import LOCATIONS, TREATMENTS

PATTERNS = ("radiating_leg", "radiating_arm", "axial")
PATTERN_VALUES = (*PATTERNS, "unknown")  # `unknown`: not said, or the patient is not sure
INJECTION_KINDS = ("epidural", "nerve_root", "facet", "medial_branch", "other")
RELIEF = ("good", "partial", "none", "unknown")
# What counts as having tried treatment, for choosing between "start with exercise, physical
# therapy and medication" (NICE NG59) and "not yet" when no option fits. Rest alone does not.
CONSERVATIVE_OR_MORE = frozenset({"physical_therapy", "exercise", "chiropractic", "otc_medication",
                                  "prescription_medication", "injection", "radiofrequency_ablation",
                                  "surgery"})

_CONDITIONS = ("locations", "patterns", "min_weeks", "max_weeks", "requires_tried_any",
               "requires_tried_all", "excludes_tried", "had_injection", "excludes_injection",
               "min_severity", "any_of")
_TRIED_LISTS = ("requires_tried_any", "requires_tried_all", "excludes_tried")


@dataclass(frozen=True)
class InjectionRule:
    kinds: Tuple[str, ...]
    relief: Tuple[str, ...]

    def matches(self, injection: Mapping[str, Any]) -> bool:
        return injection.get("kind") in self.kinds and (injection.get("relief") or "unknown") in self.relief

    def words(self) -> str:
        return f"{' or '.join(self.kinds)} injection with {' or '.join(self.relief)} relief"


@dataclass(frozen=True)
class Conditions:
    locations: Optional[Tuple[str, ...]] = None
    patterns: Optional[Tuple[str, ...]] = None
    min_weeks: Optional[float] = None
    max_weeks: Optional[float] = None
    requires_tried_any: Tuple[str, ...] = ()
    requires_tried_all: Tuple[str, ...] = ()
    excludes_tried: Tuple[str, ...] = ()
    had_injection: Optional[InjectionRule] = None
    excludes_injection: Optional[InjectionRule] = None
    min_severity: Optional[float] = None
    any_of: Tuple["Conditions", ...] = ()


@dataclass(frozen=True)
class Fits(Conditions):
    priority: int = 0


@dataclass(frozen=True)
class PatientStory:
    """What the patient told us, in the contract's values."""
    location: Optional[str] = None
    weeks: Optional[float] = None
    tried: Tuple[str, ...] = ()
    pattern: Optional[str] = None  # radiating_leg | radiating_arm | axial | None (not known)
    injections: Tuple[Mapping[str, Any], ...] = ()  # {kind, relief, relief_weeks}
    severity: Optional[float] = None  # PEG mean, 0-10, where given
    tried_known: bool = True  # False: the patient could not say what was tried

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> "PatientStory":
        weeks = slots.get("pain_duration_weeks")
        if isinstance(weeks, bool) or not isinstance(weeks, (int, float)) or not math.isfinite(weeks):
            weeks = None
        injections = tuple(i for i in (slots.get("prior_injections") or []) if isinstance(i, Mapping))
        severity = slots.get("peg_score")
        return cls(
            location=slots.get("pain_location"),
            weeks=weeks,
            tried=tuple(t for t in dict.fromkeys(slots.get("treatments_tried") or []) if isinstance(t, str)),
            pattern=slots.get("pain_pattern") if slots.get("pain_pattern") in PATTERNS else None,
            injections=injections,
            severity=severity if isinstance(severity, (int, float)) and not isinstance(severity, bool) else None,
            tried_known=not slots.get("treatments_unknown"),
        )

    @property
    def tried_set(self) -> set:
        """Treatments tried; an injection had counts as `injection` tried."""
        return set(self.tried) | ({"injection"} if self.injections else set())


@dataclass
class Verdict:
    holds: bool
    because: List[str] = field(default_factory=list)  # the facts that held
    excluded_by: List[str] = field(default_factory=list)  # the conditions that did not


# --------------------------------------------------------------------------- reading the file


def parse_fits(c, raw: Any) -> Fits:
    """`fits` of one option; `c` is content.py's checker (it names file, option and field)."""
    fits_raw = c.mapping(raw, "fits", ("locations", "min_weeks", "priority"), (*_CONDITIONS, "priority"))
    priority = fits_raw["priority"]
    if isinstance(priority, bool) or not isinstance(priority, int):
        raise c.fail("fits.priority", f"expected a whole number, got {priority!r}")
    conditions = _parse_conditions(c, fits_raw, "fits")
    if not conditions.locations:
        raise c.fail("fits.locations", "expected at least one location")
    return Fits(**{k: getattr(conditions, k) for k in _CONDITIONS}, priority=priority)


def _parse_conditions(c, raw: Mapping[str, Any], where: str) -> Conditions:
    values: dict = {}
    if "locations" in raw:
        values["locations"] = c.values(raw["locations"], f"{where}.locations", LOCATIONS, "location", non_empty=True)
    if "patterns" in raw:
        values["patterns"] = c.values(raw["patterns"], f"{where}.patterns", PATTERN_VALUES, "pattern", non_empty=True)
    for key in ("min_weeks", "max_weeks"):
        if raw.get(key) is not None:
            values[key] = c.number(raw[key], f"{where}.{key}")
    if values.get("max_weeks") is not None and values.get("min_weeks") is not None \
            and values["max_weeks"] < values["min_weeks"]:
        raise c.fail(f"{where}.max_weeks", "is smaller than min_weeks; the option could never be suggested")
    for key in _TRIED_LISTS:
        if key in raw:
            values[key] = c.values(raw[key], f"{where}.{key}", TREATMENTS, "treatment", non_empty=False)
    clash = set(values.get("excludes_tried", ())) & (
        set(values.get("requires_tried_all", ())) | set(values.get("requires_tried_any", ())))
    if clash:
        raise c.fail(f"{where}.excludes_tried",
                     f"{sorted(clash)[0]!r} is both required and excluded; the option could never be suggested")
    for key in ("had_injection", "excludes_injection"):
        if key in raw:
            rule = c.mapping(raw[key], f"{where}.{key}", ("kinds",), ("kinds", "relief"))
            values[key] = InjectionRule(
                kinds=c.values(rule["kinds"], f"{where}.{key}.kinds", INJECTION_KINDS, "injection kind", non_empty=True),
                relief=c.values(rule.get("relief", list(RELIEF)), f"{where}.{key}.relief", RELIEF, "relief",
                                non_empty=True),
            )
    if raw.get("min_severity") is not None:
        severity = c.number(raw["min_severity"], f"{where}.min_severity")
        if severity > 10:
            raise c.fail(f"{where}.min_severity", "is a 0-10 pain score; above 10 could never hold")
        values["min_severity"] = severity
    if "any_of" in raw:
        groups = raw["any_of"]
        if not isinstance(groups, list) or not groups:
            raise c.fail(f"{where}.any_of", "expected a non-empty list of condition groups")
        parsed = []
        for i, group in enumerate(groups):
            here = f"{where}.any_of[{i + 1}]"
            c.mapping(group, here, (), _CONDITIONS)
            if not group:
                raise c.fail(here, "an empty group always holds; give it conditions")
            parsed.append(_parse_conditions(c, group, here))
        values["any_of"] = tuple(parsed)
    return Conditions(**values)


# --------------------------------------------------------------------------- applying it


def judge(conditions: Conditions, story: PatientStory) -> Verdict:
    """Every condition of the group, each with the fact that decided it (all of them are
    checked, so the trail names every reason an option was left out)."""
    verdict = Verdict(True)

    def check(holds: bool, yes: str, no: str) -> None:
        if holds:
            verdict.because.append(yes)
        else:
            verdict.holds = False
            verdict.excluded_by.append(no)

    c, s = conditions, story
    if c.locations is not None:
        check(s.location in c.locations, f"location {s.location}",
              f"location {s.location or 'not known'} (needs {' or '.join(c.locations)})")
    if c.patterns is not None:
        pattern = s.pattern or "unknown"
        check(pattern in c.patterns, f"pattern {pattern}", f"pattern {pattern} (needs {' or '.join(c.patterns)})")
    if c.min_weeks is not None and c.min_weeks > 0:
        check(s.weeks is not None and s.weeks >= c.min_weeks, f"{_weeks(s.weeks)} (at least {c.min_weeks:g})",
              f"{_weeks(s.weeks)} (needs at least {c.min_weeks:g})")
    if c.max_weeks is not None:
        check(s.weeks is not None and s.weeks <= c.max_weeks, f"{_weeks(s.weeks)} (at most {c.max_weeks:g})",
              f"{_weeks(s.weeks)} (needs at most {c.max_weeks:g})")
    tried = story.tried_set
    if c.requires_tried_any:
        had = [t for t in c.requires_tried_any if t in tried]
        check(bool(had), f"tried {', '.join(had)}", f"none of {', '.join(c.requires_tried_any)} tried")
    if c.requires_tried_all:
        missing = [t for t in c.requires_tried_all if t not in tried]
        check(not missing, f"tried {', '.join(c.requires_tried_all)}", f"not tried {', '.join(missing)}")
    if c.excludes_tried:
        had = [t for t in c.excludes_tried if t in tried]
        check(not had, f"not tried {', '.join(c.excludes_tried)}", f"already tried {', '.join(had)}")
    if c.had_injection is not None:
        had = [i for i in s.injections if c.had_injection.matches(i)]
        check(bool(had), f"had {_injection(had[0]) if had else ''}", f"no {c.had_injection.words()}")
    if c.excludes_injection is not None:
        had = [i for i in s.injections if c.excludes_injection.matches(i)]
        check(not had, f"no {c.excludes_injection.words()}", f"had {_injection(had[0]) if had else ''}")
    if c.min_severity is not None:
        check(s.severity is None or s.severity >= c.min_severity,
              f"pain score {'not given' if s.severity is None else f'{s.severity:g}'}",
              f"pain score {s.severity:g} (needs at least {c.min_severity:g})" if s.severity is not None else "")
    if c.any_of:
        verdicts = [judge(group, story) for group in c.any_of]
        first = next((v for v in verdicts if v.holds), None)
        check(first is not None, " and ".join(first.because) if first else "",
              "none of: " + "; ".join(" and ".join(v.excluded_by) for v in verdicts))
    return verdict


def _weeks(weeks: Optional[float]) -> str:
    return "duration not known" if weeks is None else f"{weeks:g} weeks"


def _injection(injection: Mapping[str, Any]) -> str:
    weeks = injection.get("relief_weeks")
    lasting = f" for {weeks:g} weeks" if isinstance(weeks, (int, float)) else ""
    return f"{injection.get('kind')} injection, {injection.get('relief') or 'unknown'} relief{lasting}"
