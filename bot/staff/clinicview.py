"""The clinic's view on the staff page: the dashboard and the EHR handover.

The clinic's view on the staff page: the dashboard (administrators and managers: counts
only), and the EHR handover (a request's FHIR Bundle to download, the deliveries to the
clinic's FHIR server and their failures; clinical staff, never a manager).

Routes in their own APIRouter, reaching what every page shares through bot.staff.web's
dependencies. Every view and download is audited.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from typing import Any, Dict

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from bot import store
from bot.dashboard import charts, figures
from bot.staff import labels
from bot.staff.web import (
    Settings,
    audit,
    counts,
    dashboard_viewer,
    db_url,
    download,
    render,
    settings,
    signed_in,
)

STEPS = {
    "start": "Before any question", "pain_location": "Where it hurts",
    "pain_duration_weeks": "How long", "treatments_tried": "What was tried",
    "red_flag_screen": "Red-flag screening", "red_flag_confirm": "Confirming a red flag",
    "pain_pattern": "Where the pain goes", "prior_injection_relief": "Did injections help",
    "booking_name": "Name (booking)", "booking_contact": "Phone or email (booking)",
    "booking_time": "Preferred time (booking)",
}
CHANNELS = {"web": "Web chat", "rest": "Clinic's integrations (REST)", "sms": "SMS",
            "whatsapp": "WhatsApp", "telegram": "Telegram", "messenger": "Messenger",
            "facebook": "Messenger", "slack": "Slack", "other": "Other"}
LANGUAGES_UNKNOWN = {"none": "Not known (no message understood)"}
INTENTS = {"nlu_fallback": "Not understood", "out_of_scope": "Outside what the assistant covers"}


router = APIRouter()


def _words(s: Settings) -> Dict[str, Dict[Any, str]]:
    return {"levels": labels.LEVELS, "red_flags": labels.RED_FLAGS, "options": s.option_titles,
            "kinds": labels.KINDS, "steps": STEPS, "channels": CHANNELS, "intents": INTENTS,
            "languages": {**labels.LANGUAGES, **LANGUAGES_UNKNOWN}}


def board(request: Request, s: Settings = Depends(settings)) -> figures.Dashboard:
    """The dashboard's figures for the period the query names (default: the last 4 weeks)."""
    q = request.query_params
    tz = s.clinic.tz
    today = datetime.now(tz).date()
    period = figures.Period.parse(q.get("from"), q.get("to"), q.get("by"), tz, today)
    left_before = datetime.now(timezone.utc).timestamp() - figures.SESSION_MINUTES * 60
    found = store.dashboard_counts(*period.days(), left_before, url=s.url)
    made = store.request_counts(*period.days(), url=s.url)
    return figures.compute(found, made, period, _words(s))


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, user: Dict[str, Any] = Depends(dashboard_viewer),
              result: figures.Dashboard = Depends(board), url: str = Depends(db_url)):
    audit(user, "view_dashboard", url, detail=result.period.describe())
    # A manager's navigation has no patient queues, so no counts of them either.
    nav_counts = None if user.get("is_manager") else counts(url)
    return render(request, "dashboard.html", title="Dashboard", board=result,
                  chart=charts.chart, nav="dashboard", counts=nav_counts)


@router.get("/dashboard.csv")
def dashboard_csv(user: Dict[str, Any] = Depends(dashboard_viewer),
                  result: figures.Dashboard = Depends(board), url: str = Depends(db_url)):
    audit(user, "export_dashboard", url, detail=result.period.describe())
    out = io.StringIO()
    csv.writer(out).writerows(figures.csv_rows(result))
    return download(out.getvalue(), "csv", "dashboard")


@router.get("/requests/fhir")
def fhir_bundle(ref: str = "", user: Dict[str, Any] = Depends(signed_in),
                url: str = Depends(db_url)):
    from bot.fhir import bundle_for

    text = ref.strip().upper().lstrip("R")
    if not text.isdigit():
        raise store.NotFound(ref)
    booking_id = int(text)
    bundle = bundle_for(booking_id, url=url)
    audit(user, "fhir_export", url, booking_id=booking_id,
          detail=store.booking_reference(booking_id))
    return download(json.dumps(bundle, indent=2, ensure_ascii=False), "json",
                    f"fhir-{store.booking_reference(booking_id)}")


@router.get("/handover", response_class=HTMLResponse)
def handover(request: Request, user: Dict[str, Any] = Depends(signed_in),
             url: str = Depends(db_url), nav_counts: Dict[str, Any] = Depends(counts)):
    from bot.fhir import delivery

    rows = [r for r in store.list_outbox(limit=200, url=url) if r["kind"] == "fhir"]
    audit(user, "view_fhir_deliveries", url)
    return render(request, "handover.html", title="EHR handover (FHIR)", rows=rows,
                  configured=delivery.configured(), nav="handover", counts=nav_counts)
