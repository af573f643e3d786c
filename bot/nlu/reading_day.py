"""The day messages are read on: the one place the reading asks for today's date.

"Since Monday", "in November" and "that was 2022" are read against it; tests read as on a fixed
day by replacing `today` (tests/unit/reading.py)."""
from __future__ import annotations

import datetime


def today() -> datetime.date:
    return datetime.date.today()
