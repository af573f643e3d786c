"""What every staff route shares, as FastAPI dependencies.

What every staff route shares, as FastAPI dependencies: the app's settings, the database
URL (the one way a route reaches the database: `url: str = Depends(db_url)`), the signed-in
user, an administrator, a posted form and its CSRF check, the audit call, and the page
renderer. Routes live in the routes_*.py modules; `app.py` puts them together.
"""
from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Dict

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment

from bot import store
from bot.clinic import Clinic

# Where a half-done sign-in continues (schema.staff_sessions.awaiting).
STEP_PAGES = {"totp": "/login/code", "password": "/account/password",
              "enrol": "/account/second-factor"}


@dataclass(frozen=True)
class Settings:
    url: str
    clinic: Clinic
    templates: Environment
    session_cookie: str
    login_csrf_cookie: str
    secure_cookies: bool
    idle: timedelta
    lifetime: timedelta
    option_titles: Dict[str, str]  # an option's id -> its title in content/options.yml


class LoginRequired(Exception):
    pass


class Forbidden(Exception):
    pass


class BadRequest(Exception):
    pass


class ManagersSeeTheDashboard(Exception):
    """A manager (counts only) asked for a page with patient detail."""


class StepRequired(Exception):
    """The session's sign-in is not finished: continue at `page`."""

    def __init__(self, page: str):
        super().__init__(page)
        self.page = page


def settings(request: Request) -> Settings:
    return request.app.state.settings


def db_url(request: Request) -> str:
    return request.app.state.settings.url


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    context.setdefault("user", getattr(request.state, "user", None))
    context.setdefault("request", request)
    html = settings(request).templates.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status)


def session_token(request: Request) -> str:
    return request.cookies.get(settings(request).session_cookie, "")


def _session(request: Request) -> Dict[str, Any]:
    s = settings(request)
    user = store.session_user(session_token(request), idle=s.idle, lifetime=s.lifetime,
                              url=s.url)
    if user is None:
        raise LoginRequired()
    return user


# FastAPI runs a plain `def` dependency in its thread pool, so the session lookup never
# blocks the event loop.
def any_staff(request: Request) -> Dict[str, Any]:
    """The signed-in account, whatever its role (every step of the sign-in done): its own
    account page and the dashboard's permission check start here."""
    user = _session(request)
    if user["awaiting"]:
        raise StepRequired(STEP_PAGES[user["awaiting"]])
    request.state.user = user
    return user


def signed_in(user: Dict[str, Any] = Depends(any_staff)) -> Dict[str, Any]:
    """Clinical staff: anyone signed in but a manager, who sees counts only."""
    if user.get("is_manager"):
        raise ManagersSeeTheDashboard()
    return user


def dashboard_viewer(user: Dict[str, Any] = Depends(any_staff)) -> Dict[str, Any]:
    """Administrators and managers."""
    if not (user["is_admin"] or user.get("is_manager")):
        raise Forbidden()
    return user


def signing_in(*steps: str) -> Callable[[Request], Dict[str, Any]]:
    """A dependency: the user of a session waiting for one of `steps` (or, with None among
    them, already signed in)."""
    def dependency(request: Request) -> Dict[str, Any]:
        user = _session(request)
        if user["awaiting"] not in steps:
            if user["awaiting"]:
                raise StepRequired(STEP_PAGES[user["awaiting"]])
            raise StepRequired("/")
        if not user["awaiting"]:
            request.state.user = user
        return user
    return dependency


def administrator(user: Dict[str, Any] = Depends(signed_in)) -> Dict[str, Any]:
    if not user["is_admin"]:
        raise Forbidden()
    return user


async def read_form(request: Request) -> Dict[str, str]:
    return {k: str(v) for k, v in (await request.form()).items()}


def checked(form: Dict[str, str], user: Dict[str, Any]) -> Dict[str, str]:
    """The form, if its CSRF token is the signed-in user's."""
    token = form.get("csrf", "")
    if not token or not hmac.compare_digest(token, user["csrf_token"]):
        raise BadRequest("The form had expired. Go back, reload the page and try again.")
    return form


def audit(user: Dict[str, Any], action: str, url: str, **kwargs) -> None:
    store.audit(user["username"], action, channel="web", url=url, **kwargs)


def counts(url: str = Depends(db_url)) -> Dict[str, Any]:
    """The navigation's counts: unreviewed serious conversations, new requests; and the alerts
    not delivered yet (bot/alerts), shown on every page."""
    attention = store.list_conversations(store.ConversationFilter(needs_attention=True),
                                         per_page=1, url=url).total
    waiting = len(store.list_bookings(status="new", url=url))
    return {"attention": attention, "new_requests": waiting,
            "undelivered": store.outbox_failures(url=url)}


def download(body: str, format: str, stem: str) -> Response:
    """A CSV or JSON file to save, named by what it holds and when."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    media = "text/csv; charset=utf-8" if format == "csv" else "application/json"
    ext = "csv" if format == "csv" else "json"
    return Response(body, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="{stem}-{stamp}.{ext}"'})


def secure(request: Request) -> bool:
    return settings(request).secure_cookies or request.url.scheme == "https"


def safe_next(value: str) -> str:
    """Only a path on this site (no //host, no scheme) after login or a form."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value
