"""The clinic's view on the staff page: the dashboard (administrators and managers: counts
only), and the EHR handover (a request's FHIR Bundle to download, the deliveries to the
clinic's FHIR server and their failures; clinical staff, never a manager).

Routes in their own APIRouter; bot.staff.app hands in what every page shares (the signed-in
user, rendering, the audit call). Every view and download is audited.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from typing import Any, Callable, Dict

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from bot import store
from bot.dashboard import charts, figures
from bot.staff import labels

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
INTENTS = {"nlu_fallback": "Not understood", "out_of_scope": "Outside what the assistant covers"}


def router(*, url: str, tz: Any, render: Callable[..., HTMLResponse],
           signed_in: Callable[..., Dict[str, Any]],
           dashboard_viewer: Callable[..., Dict[str, Any]], audit: Callable[..., None],
           counts: Callable[[], Dict[str, int]], option_titles: Dict[str, str],
           download: Callable[[str, str, str], Response]) -> APIRouter:
    """The dependencies are the app's: `signed_in` lets clinical staff through (never a
    manager), `dashboard_viewer` administrators and managers."""
    routes = APIRouter()
    words = {"levels": labels.LEVELS, "red_flags": labels.RED_FLAGS, "options": option_titles,
             "kinds": labels.KINDS, "steps": STEPS, "channels": CHANNELS, "intents": INTENTS}

    def board(request: Request) -> figures.Dashboard:
        q = request.query_params
        today = datetime.now(tz).date()
        period = figures.Period.parse(q.get("from"), q.get("to"), q.get("by"), tz, today)
        start, end = period.bounds()
        left_before = datetime.now(timezone.utc).timestamp() - figures.SESSION_MINUTES * 60
        counts = store.dashboard_counts(*period.days(), left_before, url=url)
        made = store.requests_between(start.astimezone(timezone.utc),
                                      end.astimezone(timezone.utc), url=url)
        return figures.compute(counts, made, period, words)

    @routes.get("/dashboard", response_class=HTMLResponse)
    def dashboard(request: Request, user: Dict[str, Any] = Depends(dashboard_viewer)):
        result = board(request)
        audit(user, "view_dashboard", detail=result.period.describe())
        return render(request, "dashboard.html", title="Dashboard", board=result,
                      chart=charts.chart, nav="dashboard",
                      counts=None if user.get("is_manager") else counts())

    @routes.get("/dashboard.csv")
    def dashboard_csv(request: Request, user: Dict[str, Any] = Depends(dashboard_viewer)):
        result = board(request)
        audit(user, "export_dashboard", detail=result.period.describe())
        out = io.StringIO()
        csv.writer(out).writerows(figures.csv_rows(result))
        return download(out.getvalue(), "csv", "dashboard")

    @routes.get("/requests/fhir")
    def fhir_bundle(ref: str = "", user: Dict[str, Any] = Depends(signed_in)):
        from bot.fhir import bundle_for

        text = ref.strip().upper().lstrip("R")
        if not text.isdigit():
            raise store.NotFound(ref)
        booking_id = int(text)
        bundle = bundle_for(booking_id, url=url)
        audit(user, "fhir_export", booking_id=booking_id,
              detail=store.booking_reference(booking_id))
        return download(json.dumps(bundle, indent=2, ensure_ascii=False), "json",
                        f"fhir-{store.booking_reference(booking_id)}")

    @routes.get("/handover", response_class=HTMLResponse)
    def handover(request: Request, user: Dict[str, Any] = Depends(signed_in)):
        rows = [r for r in store.list_outbox(limit=200, url=url) if r["kind"] == "fhir"]
        audit(user, "view_fhir_deliveries")
        from bot.fhir import delivery

        return render(request, "handover.html", title="EHR handover (FHIR)", rows=rows,
                      configured=delivery.configured(),
                      nav="handover", counts=counts())

    return routes
