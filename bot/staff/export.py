"""CSV and JSON exports of a conversation or a filtered list (staff page and CLI alike)."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any, Dict, List

LIST_COLUMNS = (
    "conversation_id", "started", "last_message", "language", "triage_level", "red_flags",
    "pain_location", "pain_duration_weeks", "duration_category", "treatments_tried",
    "peg_score", "booked", "requests",
)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def request_record(b: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "reference": b["reference"], "kind": b["kind"], "status": b["status"],
        "name": b["name"], "contact": b["contact"], "preferred_time": b["preferred_time"],
        "triage_level": b.get("triage_level"), "created_at": _iso(b["created_at"]),
        "status_changed_at": _iso(b.get("status_changed_at")),
        "status_changed_by": b.get("status_changed_by"),
    }


def list_record(item: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "conversation_id": item["conversation_id"],
        "started": _iso(item["started_at"]), "last_message": _iso(item["last_at"]),
        "language": item["language"],
        "triage_level": item["triage_level"], "red_flags": item["red_flags"],
        "pain_location": item["pain_location"],
        "pain_duration_weeks": item["pain_duration_weeks"],
        "duration_category": item["duration_category"],
        "treatments_tried": item["treatments_tried"], "peg_score": item["peg_score"],
        "booked": item["booked"], "requests": [request_record(b) for b in item["bookings"]],
    }


def list_json(items: List[Dict[str, Any]]) -> str:
    return json.dumps([list_record(i) for i in items], indent=2, ensure_ascii=False)


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def _cell(value: Any) -> str:
    """One CSV cell a spreadsheet shows as text: a cell starting with = + - @ (or a tab or line
    break before one) would run as a formula, so it gets a leading apostrophe. Checked after a
    list is joined, so every value a patient typed is covered wherever it lands."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join("" if v is None else str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _row(values: Any) -> List[str]:
    return [_cell(v) for v in values]


def list_csv(items: List[Dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(LIST_COLUMNS + ("request_references", "request_status", "name", "contact",
                                    "preferred_time"))
    for item in items:
        record = list_record(item)
        requests = record.pop("requests")
        row = [record[c] for c in LIST_COLUMNS if c != "requests"] + [len(requests)]
        row += [[r[k] for r in requests] for k in
                ("reference", "status", "name", "contact", "preferred_time")]
        writer.writerow(_row(row))
    return out.getvalue()


def conversation_record(c: Dict[str, Any]) -> Dict[str, Any]:
    record = list_record(c)
    record.update({
        "slots": c["slots"],
        "decision_trail": c["decision_trail"],
        "options_explained": c["options_explained"],
        "red_flag_evidence": c["red_flag_evidence"],
        "peg": c["peg"],
        "turns": [{k: _iso(v) for k, v in turn.items()} for turn in c["timeline"]],
    })
    for request, booking in zip(record["requests"], c["bookings"]):
        request["history"] = [{k: _iso(v) for k, v in h.items() if k != "id"}
                              for h in booking.get("history", [])]
    return record


def conversation_json(c: Dict[str, Any]) -> str:
    return json.dumps(conversation_record(c), indent=2, ensure_ascii=False, default=str)


def conversation_csv(c: Dict[str, Any]) -> str:
    """The transcript as rows: time, who, what (slot changes included)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("conversation_id", "time", "who", "text", "slot", "value"))
    for turn in c["timeline"]:
        at = _iso(turn["at"]) or ""
        if turn["kind"] in ("patient", "assistant"):
            writer.writerow(_row((c["conversation_id"], at, turn["kind"], turn["text"], "", "")))
        elif turn["kind"] == "slot":
            value = turn["value"]
            value = json.dumps(value) if isinstance(value, (dict, list)) else value
            writer.writerow(_row((c["conversation_id"], at, "slot", "", turn["name"], value)))
        else:
            writer.writerow(_row((c["conversation_id"], at, "event", turn["name"], "", "")))
    return out.getvalue()
