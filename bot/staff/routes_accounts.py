"""Accounts: each user's own, the administrators', and the audit log.

Accounts: each user's own (password, second factor) and the administrators' (add, disable,
enable, reset a password, see last sign-in), and the audit log. Every change is audited.
"""
from __future__ import annotations

import secrets
from typing import Any, Dict

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from bot import store
from bot.staff import second_factor
from bot.staff.auth import hash_password
from bot.staff.routes_signin import advance
from bot.staff.web import (
    BadRequest,
    Settings,
    administrator,
    any_staff,
    audit,
    checked,
    counts,
    db_url,
    read_form,
    render,
    settings,
    signing_in,
)

router = APIRouter()


def temporary_password() -> str:
    """Given to the user by an administrator, changed at the first sign-in."""
    return secrets.token_urlsafe(12)  # 16 characters, about 96 bits


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, changed: str = "", user: Dict[str, Any] = Depends(any_staff),
            s: Settings = Depends(settings), nav_counts: Dict[str, int] = Depends(counts)):
    required = s.clinic.second_factor_required(user["is_admin"])
    return render(request, "account.html", title="Your account", nav="account",
                  counts=nav_counts, changed=changed, required=required)


# ------------------------------------------------------------------ second factor

@router.get("/account/second-factor", response_class=HTMLResponse)
def enrol_form(request: Request, user: Dict[str, Any] = Depends(signing_in("enrol", None)),
               s: Settings = Depends(settings)):
    account = store.get_user(user["username"], url=s.url)
    if account["totp_enabled_at"]:  # on already: a new device means off, then on again
        return RedirectResponse("/account", status_code=303)
    secret = account["totp_secret"]
    if not secret:  # the secret of an enrolment begun earlier is kept until it is finished
        secret = second_factor.new_secret()
        store.set_totp(account["id"], secret, enabled=False, url=s.url)
    uri = second_factor.enrolment_uri(secret, user["username"], s.clinic.name)
    return render(request, "second_factor.html", title="Second factor", pending=user,
                  secret=secret, qr=second_factor.qr_svg(uri), error=None,
                  required=s.clinic.second_factor_required(user["is_admin"]))


@router.post("/account/second-factor")
def enrol(request: Request, user: Dict[str, Any] = Depends(signing_in("enrol", None)),
          form: Dict[str, str] = Depends(read_form), s: Settings = Depends(settings)):
    checked(form, user)
    account = store.get_user(user["username"], url=s.url)
    if account["totp_enabled_at"] or not second_factor.accept_code(account, form.get("code", ""),
                                                                   s.url):
        return render(request, "second_factor.html", status=400, title="Second factor",
                      pending=user, secret=account["totp_secret"],
                      qr=second_factor.qr_svg(second_factor.enrolment_uri(
                          account["totp_secret"], user["username"], s.clinic.name)),
                      required=s.clinic.second_factor_required(user["is_admin"]),
                      error="That code did not match. Type the 6 digits your app shows now.")
    codes, hashes = second_factor.new_recovery_codes()
    store.set_totp(account["id"], account["totp_secret"], enabled=True, recovery_hashes=hashes,
                   url=s.url)
    audit(user, "second_factor_on", s.url)
    if user["awaiting"]:
        advance(request, user, "enrol", s)
    # The codes are shown this once; only their hashes are kept.
    return render(request, "recovery_codes.html", title="Recovery codes", pending=user,
                  codes=codes, user=None)


@router.post("/account/second-factor/off")
def second_factor_off(user: Dict[str, Any] = Depends(any_staff),
                      form: Dict[str, str] = Depends(read_form), s: Settings = Depends(settings)):
    checked(form, user)
    if s.clinic.second_factor_required(user["is_admin"]):
        raise BadRequest("The clinic requires a second factor for your account.")
    account = store.get_user(user["username"], url=s.url)
    if not second_factor.accept_code(account, form.get("code", ""), s.url):
        raise BadRequest("That code did not match: the second factor is still on.")
    store.set_totp(account["id"], None, enabled=False, url=s.url)
    audit(user, "second_factor_off", s.url)
    return RedirectResponse("/account?changed=second-factor-off", status_code=303)


# ------------------------------------------------------------------ administrators

@router.get("/accounts", response_class=HTMLResponse)
def accounts(request: Request, user: Dict[str, Any] = Depends(administrator),
             url: str = Depends(db_url), nav_counts: Dict[str, int] = Depends(counts)):
    audit(user, "view_accounts", url)
    return render(request, "accounts.html", title="Staff accounts", nav="accounts",
                  counts=nav_counts, users=store.list_users(url=url), issued=None)


@router.post("/accounts")
def change_account(request: Request, user: Dict[str, Any] = Depends(administrator),
                   form: Dict[str, str] = Depends(read_form), url: str = Depends(db_url),
                   nav_counts: Dict[str, int] = Depends(counts)):
    """One form per action: add, disable, enable, reset (a temporary password shown once)."""
    checked(form, user)
    action, username = form.get("action", ""), form.get("username", "").strip()
    issued = None
    try:
        if action == "add":
            issued = temporary_password()
            role = form.get("role", "staff")
            if role not in ("staff", "admin", "manager"):
                raise BadRequest("Choose staff, administrator or manager.")
            store.add_user(username, hash_password(issued), is_admin=role == "admin",
                           is_manager=role == "manager", must_change=True, url=url)
            audit(user, "add_user", url, detail=f"{username} ({role})")
        elif action in ("disable", "enable"):
            if username == user["username"]:
                raise BadRequest("You cannot disable your own account.")
            store.set_disabled(username, action == "disable", actor=user["username"], url=url)
        elif action == "reset":
            issued = temporary_password()
            store.reset_password(username, hash_password(issued), actor=user["username"],
                                 url=url)
        else:
            raise BadRequest("Unknown action.")
    except (ValueError, store.NotFound) as exc:
        raise BadRequest(str(exc).strip("'\"").capitalize() + ".")
    if issued is None:
        return RedirectResponse("/accounts", status_code=303)
    return render(request, "accounts.html", title="Staff accounts", nav="accounts",
                  counts=nav_counts, users=store.list_users(url=url),
                  issued={"username": username, "password": issued})


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, page: int = 1, actor: str = "", action: str = "",
               user: Dict[str, Any] = Depends(administrator), url: str = Depends(db_url),
               nav_counts: Dict[str, int] = Depends(counts)):
    page = max(1, page)
    rows = store.list_audit(limit=100, offset=(page - 1) * 100, actor=actor or None,
                            action=action or None, url=url)
    audit(user, "view_audit", url)
    return render(request, "audit.html", title="Audit log", rows=rows, page=page,
                  nav="audit", counts=nav_counts, actor=actor, action=action)
