"""The dashboard's numbers for a period, from the summary rows and the requests (pure).

Counts only; a count from 1 to 4 is shown as "<5" in tables, charts and the CSV alike (a
small number can point at one patient), and a share or a median over fewer than 5 is not
given. Periods are whole days in the clinic's time zone.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Dict, List, Optional, Tuple

from bot.dashboard.summary import STEPS

SMALL = 5
DEFAULT_WEEKS = 4
LEVELS = ("emergency", "urgent", "consultation", "self_care", None)
# A session with no message for this long has ended (domain.yml's session_expiration_time):
# only then does a conversation without a decision count as one the patient left.
SESSION_MINUTES = 60


def cell(n: Optional[int]) -> str:
    """A count as the dashboard shows it."""
    if n is None:
        return "-"
    return "<5" if 0 < n < SMALL else str(n)


@dataclass
class Period:
    first: date          # inclusive
    last: date           # inclusive
    by: str              # "week" | "day"
    tz: Any

    @classmethod
    def parse(cls, first: Optional[str], last: Optional[str], by: Optional[str], tz: Any,
              today: date) -> "Period":
        """From the page's fields; anything missing or unreadable falls back to the last 4
        weeks by week (the page says which period it shows)."""
        def day(value: Optional[str]) -> Optional[date]:
            try:
                return date.fromisoformat(value) if value else None
            except ValueError:
                return None
        end = day(last) or today
        start = day(first) or end - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1)
        if start > end:
            start, end = end, start
        start = max(start, end - timedelta(days=366 * 2))  # at most two years on one page
        return cls(start, end, by if by in ("week", "day") else "week", tz)

    def days(self) -> Tuple[str, str]:
        return self.first.isoformat(), self.last.isoformat()

    def bucket(self, day: date) -> date:
        return day - timedelta(days=day.weekday()) if self.by == "week" else day

    def buckets(self) -> List[date]:
        out, day = [], self.bucket(self.first)
        step = timedelta(weeks=1) if self.by == "week" else timedelta(days=1)
        while day <= self.last:
            out.append(day)
            day += step
        return out

    def describe(self) -> str:
        return f"{self.first.isoformat()} to {self.last.isoformat()} by {self.by}"


@dataclass
class Panel:
    """One chart and its table: rows of (label, values per column)."""
    key: str
    title: str
    chart: str                        # "line" | "bar" | "funnel"
    columns: List[str]
    rows: List[Tuple[str, List[int]]]
    note: str = ""

    def shown(self) -> List[Tuple[str, List[str]]]:
        return [(label, [cell(v) for v in values]) for label, values in self.rows]


@dataclass
class Dashboard:
    period: Period
    headline: List[Tuple[str, str]] = field(default_factory=list)
    panels: List[Panel] = field(default_factory=list)


def _split(grouped: Dict[str, int]) -> Dict[str, int]:
    """Counts per "|"-joined combination ("|fever|trauma|": 3) as counts per name; an
    "intent=count" item adds its count."""
    counts: Dict[str, int] = {}
    for joined, n in grouped.items():
        for item in (joined or "").split("|"):
            if item:
                name, _, times = item.partition("=")
                counts[name] = counts.get(name, 0) + n * int(times or 1)
    return counts


def _by_count(counts: Dict[str, int], labels: Dict[Any, str]) -> List[Tuple[str, List[int]]]:
    return [(labels.get(k, str(k).replace("_", " ")), [n])
            for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))]


def compute(counts: Dict[str, Any], requests: Dict[str, Any], period: Period,
            labels: Dict[str, Dict[Any, str]]) -> Dashboard:
    """`counts`: bot.store.dashboard_counts over the period's days; `requests`:
    bot.store.request_counts over them (requests by kind, hours to first contact); `labels`:
    plain words for levels, red flags, options, kinds, steps, channels and intents (names not
    in them are shown as they are)."""
    board = Dashboard(period)
    by_day = counts["by_day"]
    started = sum(s for s, _ in by_day.values())
    finished = sum(f for _, f in by_day.values())

    over_time = {b: [0, 0] for b in period.buckets()}
    for day, (s, f) in by_day.items():
        b = period.bucket(date.fromisoformat(day))
        if b in over_time:
            over_time[b][0] += s
            over_time[b][1] += f
    fmt = "week of %d %b" if period.by == "week" else "%a %d %b"
    board.panels.append(Panel(
        "activity", "Conversations started and finished", "line", ["Started", "Finished"],
        [(b.strftime(fmt), v) for b, v in over_time.items()],
        "Finished: reached a triage decision or a request."))

    levels = counts["levels"]
    board.panels.append(Panel(
        "levels", "Triage levels", "bar", ["Conversations"],
        [(labels["levels"].get(level or "none", str(level)), [levels.get(level, 0)])
         for level in LEVELS]))

    board.panels.append(Panel(
        "red_flags", "Red flags by kind", "bar", ["Conversations"],
        _by_count(_split(counts["red_flags"]), labels["red_flags"]),
        "A conversation with two red flags counts under each."))

    board.panels.append(Panel(
        "options", "Options explained", "bar", ["Conversations"],
        _by_count(_split(counts["options"]), labels["options"])))

    kinds: Dict[str, int] = requests["kinds"]
    board.panels.append(Panel(
        "requests", "Booking and call-back requests", "bar", ["Requests"],
        [(labels["kinds"].get(k, k), [kinds.get(k, 0)]) for k in ("consultation", "callback")]))

    # Where patients leave: sessions over without a decision or a request, by the last
    # question they were asked; the funnel: how many got that far.
    at_step = counts["leaving"]
    left = sum(at_step.values())
    order = list(STEPS) + sorted(s for s in at_step if s not in STEPS)
    reached, rows = left, []
    for step in order:
        n = at_step.get(step, 0)
        if n or step in STEPS:
            rows.append((labels["steps"].get(step, step.replace("_", " ")), [reached, n]))
        reached -= n
    board.panels.append(Panel(
        "leaving", "Where patients leave", "funnel", ["Reached this question", "Left here"],
        rows, f"{cell(left)} conversations ended without a triage decision or a request; "
              "each is counted at the last question the assistant asked."))

    board.panels.append(Panel(
        "channels", "Channels used", "bar", ["Conversations"],
        _by_count(counts["channels"], labels["channels"])))

    # A session that ended before the assistant knew the patient's language has none.
    languages = counts["languages"]
    board.panels.append(Panel(
        "languages", "Languages spoken", "bar", ["Conversations"],
        _by_count({k or "none": n for k, n in languages.items()}, labels["languages"])))

    board.panels.append(Panel(
        "unanswered", "What the assistant could not answer", "bar", ["Times"],
        _by_count(_split(counts["unanswered"]), labels["intents"]),
        f"What the patient asked, as the assistant understood it (never the words); "
        f"{cell(counts['with_fallback'])} conversations had at least one such answer."))

    contacted = requests["contact_hours"]
    board.headline = [
        ("Conversations started", cell(started)),
        ("Finished (triage decision or request)", cell(finished)),
        ("Sent to emergency care", cell(levels.get("emergency", 0))),
        ("Booking and call-back requests", cell(sum(kinds.values()))),
        ("Consultation-level conversations that led to a request",
         _share(counts["consultations_requested"], counts["consultations"])),
        ("Median time from request to first contact",
         f"{statistics.median(contacted):.1f} hours" if len(contacted) >= SMALL
         else "fewer than 5 requests contacted"),
    ]
    return board


def _share(part: int, whole: int) -> str:
    if whole < SMALL:
        return "fewer than 5 conversations"
    return f"{part / whole:.0%} ({cell(part)} of {cell(whole)})"


def csv_rows(board: Dashboard) -> List[List[str]]:
    """Every number on the page, as shown (small counts hidden), for the CSV download."""
    out = [["section", "row", "column", "value"],
           ["period", board.period.describe(), "", ""]]
    out += [["summary", label, "", value] for label, value in board.headline]
    for panel in board.panels:
        for label, values in panel.shown():
            out += [[panel.title, label, column, value]
                    for column, value in zip(panel.columns, values)]
    return out
