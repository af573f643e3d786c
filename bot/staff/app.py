"""The staff web page: routes. Queries and the audit call live in `bot.store`.

Security: argon2 password hashes; server-side sessions that expire (idle and absolute);
a CSRF token in every form; sign-in delays that grow with failures per account and per
address (bot/staff/auth.py; no lockout); security headers on every response (CSP
without inline script, no framing, no referrer); cookies HttpOnly + SameSite=Lax (+Secure
behind TLS; with STAFF_SECURE_COOKIES=1 also __Host- names and HSTS); errors never show a
stack trace. Every lookup is audited, also of a conversation that does not exist. The request log
names the route template and status only: no query strings (searches hold names and phone
numbers), no conversation ids that could be phone numbers.
"""
from __future__ import annotations

import hmac
import logging
import os
import secrets
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any, Dict, Optional
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot import store
from bot.clinic import load_clinic
from bot.staff import clinicview, export, labels
from bot.staff.auth import FAILURE_WINDOW_MINUTES, seconds_to_wait, verify_password

logger = logging.getLogger("bot.staff")
HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "staff_session"
LOGIN_CSRF_COOKIE = "staff_login_csrf"
# With STAFF_SECURE_COOKIES: cookie names carry the __Host- prefix (the browser keeps them only
# if Secure, Path=/ and no Domain, so a sibling subdomain cannot plant one), and browsers are
# told to use HTTPS only for a year.
HOST_PREFIX = "__Host-"
HSTS = "max-age=31536000"
PER_PAGE = 25

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


class LoginRequired(Exception):
    pass


class Forbidden(Exception):
    pass


class BadRequest(Exception):
    pass


class ManagersSeeTheDashboard(Exception):
    """A manager (counts only) asked for a page with patient detail."""


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
    clinic = load_clinic()
    tz = clinic.tz
    if secure_cookies is None:
        secure_cookies = os.environ.get("STAFF_SECURE_COOKIES", "") in ("1", "true", "yes")
    session_cookie = (HOST_PREFIX if secure_cookies else "") + SESSION_COOKIE
    login_csrf_cookie = (HOST_PREFIX if secure_cookies else "") + LOGIN_CSRF_COOKIE
    idle = timedelta(minutes=idle_minutes or int(os.environ.get("STAFF_IDLE_MINUTES", "30")))
    lifetime = timedelta(hours=lifetime_hours or int(os.environ.get("STAFF_SESSION_HOURS", "12")))

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, debug=False)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    templates = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                            autoescape=select_autoescape(["html"]))
    option_titles = _option_titles()
    templates.globals.update(
        clinic=clinic, L=labels, tz=tz, when=lambda v, s=False, r=False: labels.when(v, tz, s, r),
        clock=lambda v: labels.clock(v, tz), option_title=lambda i: option_titles.get(i, i),
        quote=lambda v: quote(str(v), safe=""),
    )

    # ------------------------------------------------------------------ plumbing

    @app.middleware("http")
    async def headers_and_log(request: Request, call_next):
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception as exc:  # never a stack trace to the browser, nor patient data to a log
            logger.error("staff page error: %s", type(exc).__name__)
            response = _page(request, "error.html", status=500, title="Something went wrong",
                             message="The page could not be shown. Please try again; if it "
                             "keeps happening, tell your administrator.")
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if secure_cookies:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        route = request.scope.get("route")
        logger.info("%s %s %s %.0fms", request.method, getattr(route, "path", "-"),
                    response.status_code, (time.perf_counter() - started) * 1000)
        return response

    def _page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        context.setdefault("user", getattr(request.state, "user", None))
        context.setdefault("request", request)
        html = templates.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _exc):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, _exc):
        return _page(request, "error.html", status=403, title="Not allowed",
                     message="This page is for administrators.")

    @app.exception_handler(ManagersSeeTheDashboard)
    async def _dashboard_only(request: Request, _exc):
        if request.url.path == "/":  # where signing in lands
            return RedirectResponse("/dashboard", status_code=303)
        return _page(request, "error.html", status=403, title="Not allowed",
                     message="A manager's account shows the dashboard only: no transcripts or "
                     "patient details.")

    @app.exception_handler(BadRequest)
    async def _bad_request(request: Request, exc):
        return _page(request, "error.html", status=400, title="That did not work",
                     message=str(exc) or "The form had expired. Go back, reload and try again.")

    @app.exception_handler(store.NotFound)
    async def _not_found(request: Request, _exc):
        user = getattr(request.state, "user", None)
        if user is not None:  # someone looking for a conversation is audited, found or not
            route = request.scope.get("route")
            audit(user, "not_found", conversation_id=request.query_params.get("id") or None,
                  detail=f"{request.method} {getattr(route, 'path', '-')}")
        return _page(request, "error.html", status=404, title="Not found",
                     message="There is no such conversation or request (it may have been "
                     "erased or purged).")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc):
        if exc.status_code == 404:
            return _page(request, "error.html", status=404, title="Not found",
                         message="There is no such page.")
        return _page(request, "error.html", status=exc.status_code, title="That did not work",
                     message="The request could not be handled.")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc):
        logger.error("staff page error: %s", type(exc).__name__)
        return _page(request, "error.html", status=500, title="Something went wrong",
                     message="The page could not be shown. Please try again; if it keeps "
                     "happening, tell your administrator.")

    # Dependencies (FastAPI runs a plain `def` one in its thread pool, so the session lookup
    # never blocks the event loop): the signed-in user, an administrator, a checked form.
    def staff_user(request: Request) -> Dict[str, Any]:
        """Any signed-in account."""
        user = store.session_user(request.cookies.get(session_cookie, ""), idle=idle,
                                  lifetime=lifetime, url=url)
        if user is None:
            raise LoginRequired()
        request.state.user = user
        return user

    def signed_in(user: Dict[str, Any] = Depends(staff_user)) -> Dict[str, Any]:
        """Clinical staff: anyone signed in but a manager."""
        if user.get("is_manager"):
            raise ManagersSeeTheDashboard()
        return user

    def dashboard_viewer(user: Dict[str, Any] = Depends(staff_user)) -> Dict[str, Any]:
        if not (user["is_admin"] or user.get("is_manager")):
            raise Forbidden()
        return user

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

    def secure(request: Request) -> bool:
        return secure_cookies or request.url.scheme == "https"

    def audit(user: Dict[str, Any], action: str, **kwargs) -> None:
        store.audit(user["username"], action, channel="web", url=url, **kwargs)

    # ------------------------------------------------------------------ login

    @app.get("/health", include_in_schema=False)
    async def health():
        return PlainTextResponse("ok")

    @app.get("/login", response_class=HTMLResponse)
    async def login_form(request: Request, next: str = "/"):
        token = secrets.token_urlsafe(32)
        response = _page(request, "login.html", user=None, csrf=token, next=_safe_next(next),
                         error=None)
        response.set_cookie(login_csrf_cookie, token, httponly=True, samesite="lax",
                            secure=secure(request), path="/")
        return response

    @app.post("/login")
    def login(request: Request, form: Dict[str, str] = Depends(read_form)):
        username = str(form.get("username", "")).strip()[:100]
        password = str(form.get("password", ""))
        next_url = _safe_next(str(form.get("next", "/")))
        cookie_token = request.cookies.get(login_csrf_cookie, "")
        sent_token = str(form.get("csrf", ""))
        client = request.client.host if request.client else "unknown"

        def refuse(message: str, status: int = 401) -> HTMLResponse:
            token = secrets.token_urlsafe(32)
            response = _page(request, "login.html", status=status, user=None, csrf=token,
                             next=next_url, error=message, username=username)
            response.set_cookie(login_csrf_cookie, token, httponly=True, samesite="lax",
                                secure=secure(request), path="/")
            return response

        if not cookie_token or not hmac.compare_digest(cookie_token, sent_token):
            return refuse("The login form had expired. Please try again.", status=400)
        wait = seconds_to_wait(
            store.recent_failures(username=username, minutes=FAILURE_WINDOW_MINUTES, url=url),
            store.recent_failures(client=client, minutes=FAILURE_WINDOW_MINUTES, url=url),
            store.now())
        if wait > 0:
            # Not checked, not counted as a failure (so it does not grow the delay): audited.
            store.audit(username or "(blank)", "login_refused", channel="web",
                        detail=f"from {client}, {wait} s to wait", url=url)
            return refuse(f"Too many failed attempts. Wait {wait} seconds and try again.",
                          status=429)
        account = store.get_user(username, url=url) if username else None
        ok, new_hash = verify_password(account["password_hash"] if account else None, password)
        if not ok or account is None or account["disabled"]:
            store.audit(username or "(blank)", "login_failed", channel="web",
                        detail=f"from {client}", url=url)
            return refuse("Wrong username or password.")
        if new_hash:
            store.set_password_hash(account["id"], new_hash, url=url)
        token, _csrf = store.create_session(account["id"], url=url)
        store.audit(account["username"], "login", channel="web", url=url)
        response = RedirectResponse(next_url, status_code=303)
        response.set_cookie(session_cookie, token, httponly=True, samesite="lax",
                            secure=secure(request), path="/")
        response.delete_cookie(login_csrf_cookie, path="/")
        return response

    @app.post("/logout")
    def logout(request: Request, user: Dict[str, Any] = Depends(staff_user),
               form: Dict[str, str] = Depends(read_form)):
        checked(form, user)
        store.end_session(request.cookies.get(session_cookie, ""), url=url)
        audit(user, "logout")
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(session_cookie, path="/")
        return response

    # ------------------------------------------------------------------ conversations

    def filters_from(request: Request) -> store.ConversationFilter:
        q = request.query_params
        levels = tuple(v for v in q.getlist("level") if v in labels.LEVELS and v)
        flag = q.get("flag") or None
        if flag and flag != "any" and flag not in labels.RED_FLAGS:
            flag = None
        booked = {"yes": True, "no": False}.get(q.get("booked", ""))
        return store.ConversationFilter(
            levels=levels, date_from=_day(q.get("from"), tz), red_flag=flag, booked=booked,
            date_to=_day(q.get("to"), tz, next_day=True),
            search=(q.get("q") or "").strip()[:200] or None,
        )

    def counts() -> Dict[str, int]:
        attention = store.list_conversations(store.ConversationFilter(needs_attention=True),
                                             per_page=1, url=url).total
        waiting = len(store.list_bookings(status="new", url=url))
        return {"attention": attention, "new_requests": waiting}

    @app.get("/", response_class=HTMLResponse)
    def needs_attention(request: Request, page: int = 1, user: Dict[str, Any] = Depends(signed_in)):
        f = store.ConversationFilter(needs_attention=True)
        result = store.list_conversations(f, page=page, per_page=PER_PAGE, url=url)
        audit(user, "view_list", detail=f.describe())
        return _page(request, "list.html", title="Needs attention", result=result,
                     attention=True, f=f, query=request.query_params, nav="attention",
                     counts=counts(), page_link=lambda n: "/?" + urlencode({"page": n}))

    @app.get("/conversations", response_class=HTMLResponse)
    def conversations(request: Request, page: int = 1, user: Dict[str, Any] = Depends(signed_in)):
        f = filters_from(request)
        result = store.list_conversations(f, page=page, per_page=PER_PAGE, url=url)
        audit(user, "view_list", detail=f.describe())
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
        return _page(request, "list.html", title="All conversations", result=result,
                     attention=False, f=f, query=request.query_params, nav="conversations",
                     counts=counts(), export_query=urlencode(params),
                     page_link=lambda n: "/conversations?" + urlencode(params + [("page", n)]))

    @app.get("/conversations/export")
    def export_list(request: Request, format: str = "csv",
                    user: Dict[str, Any] = Depends(administrator)):
        # Every matching patient's name and contact at once: an administrator's action
        # (minimum necessary); reception works one conversation at a time.
        f = filters_from(request)
        items = store.all_conversations(f, url=url)
        audit(user, "export", detail=f"{format} list of {len(items)}: {f.describe()}")
        return _download(export.list_csv(items) if format == "csv" else export.list_json(items),
                         format, "conversations")

    @app.get("/conversation", response_class=HTMLResponse)
    def conversation(request: Request, id: str = "", user: Dict[str, Any] = Depends(signed_in)):
        c = store.get_conversation(id, url=url)
        audit(user, "view_conversation", conversation_id=id)
        return _page(request, "conversation.html", title="Conversation", c=c,
                     nav="conversations", counts=counts())

    @app.get("/conversation/export")
    def export_conversation(request: Request, id: str = "", format: str = "json", user: Dict[str, Any] = Depends(signed_in)):
        c = store.get_conversation(id, url=url)
        audit(user, "export", conversation_id=id, detail=f"{format} conversation")
        body = export.conversation_csv(c) if format == "csv" else export.conversation_json(c)
        return _download(body, format, "conversation")

    @app.get("/conversation/erase", response_class=HTMLResponse)
    def erase_confirm(request: Request, id: str = "", user: Dict[str, Any] = Depends(administrator)):
        c = store.get_conversation(id, url=url)
        return _page(request, "erase.html", title="Erase conversation", c=c,
                     nav="conversations", counts=counts())

    @app.post("/conversation/erase")
    def erase(user: Dict[str, Any] = Depends(administrator), form: Dict[str, str] = Depends(read_form)):
        form = checked(form, user)
        conversation_id = form.get("id", "")
        if form.get("confirm") != "ERASE":
            raise BadRequest("Type ERASE in capitals to confirm.")
        if not store.conversation_exists(conversation_id, url=url):
            raise store.NotFound(conversation_id)
        store.erase_conversation(conversation_id, actor=user["username"], channel="web", url=url)
        return RedirectResponse("/conversations?erased=1", status_code=303)

    # ------------------------------------------------------------------ requests queue

    @app.get("/requests", response_class=HTMLResponse)
    def requests_queue(request: Request, status: str = "open", kind: str = "", user: Dict[str, Any] = Depends(signed_in)):
        chosen = status if status in (*store.BOOKING_STATUSES, "open", "all") else "open"
        rows = store.list_bookings(status=chosen if chosen in store.BOOKING_STATUSES else None,
                                   kind=kind if kind in labels.KINDS else None, url=url)
        if chosen == "open":
            rows = [r for r in rows if r["status"] != "closed"]
        # New first, then contacted; the oldest waiting at the top of each.
        rows.sort(key=lambda r: (store.BOOKING_STATUSES.index(r["status"]),
                                 store.LEVEL_ORDER.get(r["triage_level"], 4), r["id"]))
        audit(user, "view_requests", detail=f"status={chosen}")
        return _page(request, "requests.html", title="Requests to follow up", rows=rows,
                     shown=chosen, nav="requests", counts=counts())

    @app.post("/requests/status")
    def change_status(user: Dict[str, Any] = Depends(signed_in), form: Dict[str, str] = Depends(read_form)):
        form = checked(form, user)
        try:
            booking_id = int(form.get("booking_id", ""))
        except ValueError:
            raise BadRequest("No such request.")
        new_status = form.get("status", "")
        if new_status not in store.BOOKING_STATUSES:
            raise BadRequest("Unknown status.")
        store.set_booking_status(booking_id, new_status, actor=user["username"], url=url)
        back = _safe_next(form.get("back", "/requests"))
        return RedirectResponse(back, status_code=303)

    # ------------------------------------------------------------------ audit

    @app.get("/audit", response_class=HTMLResponse)
    def audit_page(request: Request, page: int = 1, actor: str = "", action: str = "", user: Dict[str, Any] = Depends(administrator)):
        page = max(1, page)
        rows = store.list_audit(limit=100, offset=(page - 1) * 100, actor=actor or None,
                                action=action or None, url=url)
        audit(user, "view_audit")
        return _page(request, "audit.html", title="Audit log", rows=rows, page=page,
                     nav="audit", counts=counts(), actor=actor, action=action)

    app.include_router(clinicview.router(
        url=url, tz=tz, render=_page, signed_in=signed_in, dashboard_viewer=dashboard_viewer,
        audit=audit, counts=counts, option_titles=option_titles, download=_download))
    return app


def _download(body: str, format: str, stem: str) -> Response:
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    media = "text/csv; charset=utf-8" if format == "csv" else "application/json"
    ext = "csv" if format == "csv" else "json"
    return Response(body, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="{stem}-{stamp}.{ext}"'})


def _safe_next(value: str) -> str:
    """Only a path on this site (no //host, no scheme) after login or a form."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def _day(value: Optional[str], tz, next_day: bool = False) -> Optional[datetime]:
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    if next_day:
        day += timedelta(days=1)
    return datetime.combine(day, dtime(0, 0), tzinfo=tz)
