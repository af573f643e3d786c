"""What the command line's commands share.

What the command line's commands share: the clinic's time zone, the staff page's filters,
the audited actor, and writing patient data to a file only its owner can read."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Optional

from bot import store


def clinic_tz():
    from bot.clinic import load_clinic
    return load_clinic().tz


def day_start(value: Optional[str], next_day: bool = False) -> Optional[datetime]:
    """A date filter's bound (store.ConversationFilter.day); a bad date stops the command."""
    if not value:
        return None
    start = store.ConversationFilter.day(value, clinic_tz(), next_day)
    if start is None:
        raise SystemExit(f"error: {value!r} is not a date like 2025-01-31")
    return start


def conversation_filter(args) -> store.ConversationFilter:
    booked = {"yes": True, "no": False, None: None}[args.booked]
    return store.ConversationFilter(
        levels=tuple(args.level or ()), date_from=day_start(args.date_from),
        date_to=day_start(args.date_to, next_day=True), red_flag=args.red_flag, booked=booked,
        search=args.search, needs_attention=args.attention,
    )


def actor(args) -> str:
    return args.actor or getpass.getuser()


def audit(args, action: str, **kwargs) -> None:
    store.audit(actor(args), action, channel="cli", url=args.db, **kwargs)


def write_out(text: str, out: Optional[str]) -> None:
    if out:
        old = os.umask(0o077)  # patient data: readable by its owner only
        try:
            Path(out).write_text(text, encoding="utf-8")
        finally:
            os.umask(old)
        print(f"wrote {out}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def parse_ref(value: str) -> int:
    text = value.strip().upper().lstrip("R")
    if not text.isdigit():
        raise SystemExit(f"error: {value!r} is not a request reference like R00012")
    return int(text)


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--level", action="append",
                   choices=["emergency", "urgent", "consultation", "self_care", "none"])
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--red-flag", metavar="FLAG|any")
    p.add_argument("--booked", choices=["yes", "no"])
    p.add_argument("--search", metavar="TEXT")
    p.add_argument("--attention", action="store_true", help="needs attention: most serious first")

