"""Requests to follow up: the queue, status changes, notes and attempts to reach the patient.
"""
from __future__ import annotations

from typing import Any, Dict

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from bot import store
from bot.staff import labels
from bot.staff.web import BadRequest, audit, checked, counts, db_url, read_form, render, safe_next, signed_in

router = APIRouter()


@router.get("/requests", response_class=HTMLResponse)
def requests_queue(request: Request, status: str = "open", kind: str = "",
                   user: Dict[str, Any] = Depends(signed_in), url: str = Depends(db_url),
                   nav_counts: Dict[str, int] = Depends(counts)):
    chosen = status if status in (*store.BOOKING_STATUSES, "open", "all") else "open"
    rows = store.list_bookings(status=chosen if chosen in store.BOOKING_STATUSES else None,
                               kind=kind if kind in labels.KINDS else None, url=url)
    if chosen == "open":
        rows = [r for r in rows if r["status"] != "closed"]
    # New first, then contacted; the oldest waiting at the top of each.
    rows.sort(key=lambda r: (store.BOOKING_STATUSES.index(r["status"]),
                             store.LEVEL_ORDER.get(r["triage_level"], 4), r["id"]))
    activity = store.booking_activity_of([r["id"] for r in rows], url=url)
    for row in rows:
        row["activity"] = activity.get(row["id"], [])
    audit(user, "view_requests", url, detail=f"status={chosen}")
    return render(request, "requests.html", title="Requests to follow up", rows=rows,
                  shown=chosen, nav="requests", counts=nav_counts)


def _booking_id(form: Dict[str, str]) -> int:
    try:
        return int(form.get("booking_id", ""))
    except ValueError:
        raise BadRequest("No such request.")


@router.post("/requests/status")
def change_status(user: Dict[str, Any] = Depends(signed_in),
                  form: Dict[str, str] = Depends(read_form), url: str = Depends(db_url)):
    form = checked(form, user)
    booking_id = _booking_id(form)
    new_status = form.get("status", "")
    if new_status not in store.BOOKING_STATUSES:
        raise BadRequest("Unknown status.")
    store.set_booking_status(booking_id, new_status, actor=user["username"], url=url)
    return RedirectResponse(safe_next(form.get("back", "/requests")), status_code=303)


@router.post("/requests/activity")
def add_activity(user: Dict[str, Any] = Depends(signed_in),
                 form: Dict[str, str] = Depends(read_form), url: str = Depends(db_url)):
    """A note, or a "tried to contact" attempt with its outcome."""
    form = checked(form, user)
    try:
        store.add_booking_activity(_booking_id(form), form.get("kind", ""),
                                   actor=user["username"], text=form.get("text"),
                                   outcome=form.get("outcome") or None, url=url)
    except ValueError as exc:
        raise BadRequest(str(exc).capitalize() + ". Go back: what you wrote is still there.")
    return RedirectResponse(safe_next(form.get("back", "/requests")), status_code=303)
