"""The staff web page: the app, its plumbing and its error pages.

The staff web page: the app, its plumbing and its error pages; the routes are in the
routes_*.py modules (sign-in, conversations, requests, accounts), their shared dependencies
in web.py, every query and the audit call in `bot.store`.

Security: argon2 password hashes; server-side sessions that expire (idle and absolute);
an optional TOTP second factor that clinic.yml can require; a CSRF token in every form;
sign-in delays that grow with failures per account and per address (bot/staff/auth.py; no
lockout); security headers on every response (CSP without inline script, no framing, no
referrer); cookies HttpOnly + SameSite=Lax (+Secure behind TLS; with STAFF_SECURE_COOKIES=1
also __Host- names and HSTS); errors never show a stack trace. Every lookup is audited, also
of a conversation that does not exist. The request log names the route template and status
only: no query strings (searches hold names and phone numbers), no conversation ids that
could be phone numbers.
"""
from __future__ import annotations

import logging
import os
import time
from datetime import timedelta
from pathlib import Path
from typing import Dict, Optional
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot import store
from bot.clinic import load_clinic
from bot.staff import (
    clinicview,
    labels,
    routes_accounts,
    routes_conversations,
    routes_requests,
    routes_signin,
)
from bot.staff.web import (
    BadRequest,
    Forbidden,
    LoginRequired,
    ManagersSeeTheDashboard,
    Settings,
    StepRequired,
    render,
)

logger = logging.getLogger("bot.staff")
HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "staff_session"
LOGIN_CSRF_COOKIE = "staff_login_csrf"
# With STAFF_SECURE_COOKIES: cookie names carry the __Host- prefix (the browser keeps them only
# if Secure, Path=/ and no Domain, so a sibling subdomain cannot plant one), and browsers are
# told to use HTTPS only for a year.
HOST_PREFIX = "__Host-"
HSTS = "max-age=31536000"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",  # health data stays out of shared caches and history
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
ERROR_MESSAGE = ("The page could not be shown. Please try again; if it keeps happening, tell "
                 "your administrator.")


def _option_titles() -> Dict[str, str]:
    try:
        from bot.content import load_content
        return {o.id: o.title for o in load_content().options}
    except Exception:  # content problems are reported by the assistant's own checks
        return {}


def create_app(db_url: Optional[str] = None, *, secure_cookies: Optional[bool] = None,
               idle_minutes: Optional[int] = None, lifetime_hours: Optional[int] = None) -> FastAPI:
    """The staff app on `db_url` (default: DB_URL, else var/clinic.db)."""
    url = db_url or store.database_url()
    store.engine_for(url)  # migrate before the first request
    clinic = load_clinic()  # a mistake in clinic.yml stops the start, naming the field
    tz = clinic.tz
    if secure_cookies is None:
        secure_cookies = os.environ.get("STAFF_SECURE_COOKIES", "") in ("1", "true", "yes")
    templates = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                            autoescape=select_autoescape(["html"]))
    option_titles = _option_titles()
    templates.globals.update(
        clinic=clinic, L=labels, tz=tz, when=lambda v, s=False, r=False: labels.when(v, tz, s, r),
        clock=lambda v: labels.clock(v, tz), option_title=lambda i: option_titles.get(i, i),
        quote=lambda v: quote(str(v), safe=""),
    )
    prefix = HOST_PREFIX if secure_cookies else ""
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, debug=False)
    app.state.settings = Settings(
        url=url, clinic=clinic, templates=templates, session_cookie=prefix + SESSION_COOKIE,
        login_csrf_cookie=prefix + LOGIN_CSRF_COOKIE, secure_cookies=secure_cookies,
        idle=timedelta(minutes=idle_minutes or int(os.environ.get("STAFF_IDLE_MINUTES", "30"))),
        lifetime=timedelta(hours=lifetime_hours or int(os.environ.get("STAFF_SESSION_HOURS", "12"))),
        option_titles=option_titles)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in (routes_signin, routes_conversations, routes_requests, routes_accounts,
                   clinicview):
        app.include_router(module.router)

    @app.middleware("http")
    async def headers_and_log(request: Request, call_next):
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception as exc:  # never a stack trace to the browser, nor patient data to a log
            logger.error("staff page error: %s", type(exc).__name__)
            response = render(request, "error.html", status=500, title="Something went wrong",
                              message=ERROR_MESSAGE)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if secure_cookies:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        route = request.scope.get("route")
        logger.info("%s %s %s %.0fms", request.method, getattr(route, "path", "-"),
                    response.status_code, (time.perf_counter() - started) * 1000)
        return response

    @app.get("/health", include_in_schema=False)
    async def health():
        return PlainTextResponse("ok")

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _exc):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)

    @app.exception_handler(StepRequired)
    async def _step_required(request: Request, exc: StepRequired):
        return RedirectResponse(exc.page, status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, _exc):
        return render(request, "error.html", status=403, title="Not allowed",
                      message="This page is for administrators.")

    @app.exception_handler(ManagersSeeTheDashboard)
    async def _dashboard_only(request: Request, _exc):
        if request.url.path == "/":  # where signing in lands
            return RedirectResponse("/dashboard", status_code=303)
        return render(request, "error.html", status=403, title="Not allowed",
                      message="A manager's account shows the dashboard only: no transcripts or "
                      "patient details.")

    @app.exception_handler(BadRequest)
    async def _bad_request(request: Request, exc):
        return render(request, "error.html", status=400, title="That did not work",
                      message=str(exc) or "The form had expired. Go back, reload and try again.")

    @app.exception_handler(store.NotFound)
    async def _not_found(request: Request, _exc):
        user = getattr(request.state, "user", None)
        if user is not None:  # someone looking for a conversation is audited, found or not
            route = request.scope.get("route")
            store.audit(user["username"], "not_found", channel="web", url=url,
                        conversation_id=request.query_params.get("id") or None,
                        detail=f"{request.method} {getattr(route, 'path', '-')}")
        return render(request, "error.html", status=404, title="Not found",
                      message="There is no such conversation or request (it may have been "
                      "erased or purged).")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc):
        if exc.status_code == 404:
            return render(request, "error.html", status=404, title="Not found",
                          message="There is no such page.")
        return render(request, "error.html", status=exc.status_code, title="That did not work",
                      message="The request could not be handled.")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc):
        logger.error("staff page error: %s", type(exc).__name__)
        return render(request, "error.html", status=500, title="Something went wrong",
                      message=ERROR_MESSAGE)

    return app
