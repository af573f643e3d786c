"""Signing in: the password, then each step the account still needs.

Signing in: the password, then whichever steps the account still needs, each a page of its
own while the session waits (schema.staff_sessions.awaiting): the second factor's code, a new
password after a reset, enrolling a second factor that clinic.yml requires. Only after the
last step is the session signed in, the sign-in recorded and audited ("login").
"""
from __future__ import annotations

import secrets
from typing import Any, Dict, Optional

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from bot import store
from bot.staff import second_factor
from bot.staff.auth import (
    FAILURE_WINDOW_MINUTES,
    hash_password,
    password_problem,
    seconds_to_wait,
    verify_password,
)
from bot.staff.web import (
    STEP_PAGES,
    Settings,
    audit,
    checked,
    read_form,
    render,
    safe_next,
    secure,
    session_token,
    settings,
    signing_in,
)

router = APIRouter()
STEPS = ("totp", "password", "enrol")


def next_step(account: Dict[str, Any], required: bool, done: Optional[str]) -> Optional[str]:
    """The sign-in step after `done` (None: after the password) this account still needs."""
    needed = {"totp": account["totp_enabled_at"] is not None,
              "password": bool(account["must_change_password"]),
              "enrol": required and account["totp_enabled_at"] is None}
    later = STEPS[STEPS.index(done) + 1:] if done else STEPS
    return next((step for step in later if needed[step]), None)


def advance(request: Request, user: Dict[str, Any], done: str, s: Settings,
            target: str = "/") -> RedirectResponse:
    """Finish step `done` of this session's sign-in: on to the next step, or signed in."""
    account = store.get_user(user["username"], url=s.url)
    step = next_step(account, s.clinic.second_factor_required(account["is_admin"]), done)
    store.set_session_step(session_token(request), step, url=s.url)
    if step is None and user["awaiting"]:
        store.record_sign_in(account["id"], url=s.url)
        audit(user, "login", s.url)
    return RedirectResponse(STEP_PAGES[step] if step else target, status_code=303)


def _wait(username: str, client: str, url: str) -> int:
    return seconds_to_wait(
        store.recent_failures(username=username, minutes=FAILURE_WINDOW_MINUTES, url=url),
        store.recent_failures(client=client, minutes=FAILURE_WINDOW_MINUTES, url=url),
        store.now())


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _login_page(request: Request, s: Settings, status: int = 200, **context) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    response = render(request, "login.html", status=status, user=None, csrf=token, **context)
    response.set_cookie(s.login_csrf_cookie, token, httponly=True, samesite="lax",
                        secure=secure(request), path="/")
    return response


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request, next: str = "/", s: Settings = Depends(settings)):
    return _login_page(request, s, next=safe_next(next), error=None)


@router.post("/login")
def login(request: Request, form: Dict[str, str] = Depends(read_form),
          s: Settings = Depends(settings)):
    username = str(form.get("username", "")).strip()[:100]
    password = str(form.get("password", ""))
    next_url = safe_next(str(form.get("next", "/")))
    cookie_token = request.cookies.get(s.login_csrf_cookie, "")
    sent_token = str(form.get("csrf", ""))
    client = _client(request)

    def refuse(message: str, status: int = 401) -> HTMLResponse:
        return _login_page(request, s, status=status, next=next_url, error=message,
                           username=username)

    if not cookie_token or not secrets.compare_digest(cookie_token, sent_token):
        return refuse("The login form had expired. Please try again.", status=400)
    wait = _wait(username, client, s.url)
    if wait > 0:
        # Not checked, not counted as a failure (so it does not grow the delay): audited.
        store.audit(username or "(blank)", "login_refused", channel="web",
                    detail=f"from {client}, {wait} s to wait", url=s.url)
        return refuse(f"Too many failed attempts. Wait {wait} seconds and try again.",
                      status=429)
    account = store.get_user(username, url=s.url) if username else None
    ok, new_hash = verify_password(account["password_hash"] if account else None, password)
    if not ok or account is None or account["disabled"]:
        store.audit(username or "(blank)", "login_failed", channel="web",
                    detail=f"from {client}", url=s.url)
        return refuse("Wrong username or password.")
    if new_hash:
        store.set_password_hash(account["id"], new_hash,
                                must_change=account["must_change_password"], url=s.url)
    step = next_step(account, s.clinic.second_factor_required(account["is_admin"]), None)
    token, _csrf = store.create_session(account["id"], awaiting=step, url=s.url)
    if step is None:
        store.record_sign_in(account["id"], url=s.url)
        store.audit(account["username"], "login", channel="web", url=s.url)
    else:
        store.audit(account["username"], "password_accepted", channel="web",
                    detail=f"next: {step}", url=s.url)
    response = RedirectResponse(STEP_PAGES[step] if step else next_url, status_code=303)
    response.set_cookie(s.session_cookie, token, httponly=True, samesite="lax",
                        secure=secure(request), path="/")
    response.delete_cookie(s.login_csrf_cookie, path="/")
    return response


@router.get("/login/code", response_class=HTMLResponse)
def code_form(request: Request, user: Dict[str, Any] = Depends(signing_in("totp"))):
    return render(request, "login_code.html", title="Sign in: code", pending=user, error=None)


@router.post("/login/code")
def code(request: Request, user: Dict[str, Any] = Depends(signing_in("totp")),
         form: Dict[str, str] = Depends(read_form), s: Settings = Depends(settings)):
    checked(form, user)
    client = _client(request)
    wait = _wait(user["username"], client, s.url)
    if wait > 0:
        store.audit(user["username"], "login_refused", channel="web",
                    detail=f"from {client}, {wait} s to wait", url=s.url)
        return render(request, "login_code.html", status=429, title="Sign in: code",
                      pending=user, error=f"Too many failed attempts. Wait {wait} seconds.")
    account = store.get_user(user["username"], url=s.url)
    entered = form.get("code", "")
    if second_factor.accept_code(account, entered, s.url):
        return advance(request, user, "totp", s)
    code_id = second_factor.matching_recovery_code(
        entered, store.unused_recovery_codes(account["id"], url=s.url))
    if code_id is not None and store.use_recovery_code(code_id, url=s.url):
        audit(user, "recovery_code_used", s.url)
        return advance(request, user, "totp", s)
    store.audit(user["username"], "login_failed", channel="web", detail=f"from {client}",
                url=s.url)
    return render(request, "login_code.html", status=401, title="Sign in: code", pending=user,
                  error="That code did not match. Use the newest code from your "
                        "authenticator app, or one of your recovery codes.")


@router.post("/logout")
def logout(request: Request, user: Dict[str, Any] = Depends(signing_in(*STEPS, None)),
           form: Dict[str, str] = Depends(read_form), s: Settings = Depends(settings)):
    checked(form, user)
    store.end_session(session_token(request), url=s.url)
    audit(user, "logout", s.url)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(s.session_cookie, path="/")
    return response


# ------------------------------------------------------------------ own password

@router.get("/account/password", response_class=HTMLResponse)
def password_form(request: Request, user: Dict[str, Any] = Depends(signing_in("password", None))):
    return render(request, "password.html", title="Change password", pending=user, error=None)


@router.post("/account/password")
def change_password(request: Request,
                    user: Dict[str, Any] = Depends(signing_in("password", None)),
                    form: Dict[str, str] = Depends(read_form), s: Settings = Depends(settings)):
    checked(form, user)
    account = store.get_user(user["username"], url=s.url)

    def again(message: str) -> HTMLResponse:
        return render(request, "password.html", status=400, title="Change password",
                      pending=user, error=message)

    if not user["awaiting"]:  # a forced change follows the password just typed
        ok, _ = verify_password(account["password_hash"], form.get("current", ""))
        if not ok:
            return again("Your current password was not right.")
    new = form.get("new", "")
    if new != form.get("again", ""):
        return again("The two new passwords differ.")
    problem = password_problem(new)
    if problem:
        return again(problem[0].upper() + problem[1:] + ".")
    if verify_password(account["password_hash"], new)[0]:
        return again("Choose a password other than the one you have now.")
    store.set_password_hash(account["id"], hash_password(new), must_change=False, url=s.url)
    audit(user, "change_password", s.url)
    if user["awaiting"]:
        return advance(request, user, "password", s)
    return RedirectResponse("/account?changed=password", status_code=303)


