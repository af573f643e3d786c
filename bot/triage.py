"""The triage decision: the contract's four rules, applied in order, as a pure function.

Staff read `rule` and `because` in the decision trail, so both name what decided the level.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from bot.contract import EMERGENCY_FLAGS, URGENT_FLAGS

ACUTE_LIMIT_WEEKS = 4.0
CHRONIC_LIMIT_WEEKS = 12.0


def classify_duration(weeks: float) -> str:
    """acute (< 4 weeks), subacute (4 to 12), chronic (> 12): the contract's categories."""
    if weeks < ACUTE_LIMIT_WEEKS:
        return "acute"
    if weeks <= CHRONIC_LIMIT_WEEKS:
        return "subacute"
    return "chronic"


@dataclass(frozen=True)
class TriageDecision:
    level: str  # emergency | urgent | consultation | self_care
    rule: str  # which contract rule fired
    because: tuple  # the red flags, or the duration category, that decided it


def decide_triage(
    red_flags: Iterable[str], duration_category: Optional[str], duration_unknown: bool = False
) -> Optional[TriageDecision]:
    """Apply the contract's rules in order; None while nothing decides yet."""
    flags = set(red_flags or ())
    emergency = tuple(f for f in EMERGENCY_FLAGS if f in flags)
    if emergency:
        return TriageDecision("emergency", "1 emergency red flag", emergency)
    urgent = tuple(f for f in URGENT_FLAGS if f in flags)
    if urgent:
        return TriageDecision("urgent", "2 urgent red flag", urgent)
    if duration_category in ("subacute", "chronic"):
        return TriageDecision(
            "consultation", "3 no red flags, 4 weeks or more", (duration_category,)
        )
    if duration_category == "acute":
        return TriageDecision("self_care", "4 no red flags, under 4 weeks", ("acute",))
    if duration_unknown:
        # Self-care advice is only for pain known to be recent: a patient who cannot say how
        # long is offered a specialist, who asks about it.
        return TriageDecision("consultation", "3b no red flags, duration not known",
                              ("duration_unknown",))
    return None
