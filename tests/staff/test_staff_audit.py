"""Every staff action writes exactly its own audit entry, and sessions end when they should.

Each test gets a fresh SQLite database and its own staff page (the real FastAPI app served by
uvicorn over HTTP), so an entry can only come from the action the test just took: removing an
audit call from the app fails the test that takes that action.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from sqlalchemy import update

from bot import store
from tests.staff.staff_page import PASSWORDS, StaffPage
from tests.staff.staff_page import csrf as _csrf


@pytest.fixture
def staff(fresh_db):
    page = StaffPage(fresh_db)
    yield page
    page.stop()


CONVERSATION = "audit-conversation"


def test_sign_in_and_sign_out_are_audited(staff):
    assert staff.entries() == []
    new, s = staff.entries_after(lambda: staff.login("reception"))
    assert new == [("reception", "login", None, None)]
    home = s.get(staff.base + "/")
    new, _ = staff.entries_after(
        lambda: s.post(staff.base + "/logout", data={"csrf": _csrf(home.text)}))
    assert new == [("reception", "logout", None, None)]


def test_a_failed_sign_in_is_audited_with_the_name_tried(staff):
    s = requests.Session()
    new, r = staff.entries_after(lambda: s.post(staff.base + "/login", data={
        "csrf": _csrf(s.get(staff.base + "/login").text), "username": "reception",
        "password": "not-the-password"}))
    assert r.status_code == 401
    assert new == [("reception", "login_failed", None, None)]


@pytest.mark.parametrize("path", ["/", "/conversations", "/conversations?level=urgent"])
def test_each_list_view_is_audited(staff, path):
    s = staff.login()
    new, r = staff.entries_after(lambda: s.get(staff.base + path))
    assert r.status_code == 200
    assert new == [("reception", "view_list", None, None)]


def test_opening_a_conversation_is_audited_with_its_id(staff):
    s = staff.login()
    new, r = staff.entries_after(
        lambda: s.get(staff.base + "/conversation", params={"id": CONVERSATION}))
    assert r.status_code == 200
    assert new == [("reception", "view_conversation", CONVERSATION, None)]


# One conversation's export is reception's work; every conversation at once (bulk) is an
# administrator's (minimum necessary).
@pytest.mark.parametrize("path,who", [
    ("/conversation/export?format=csv&id=" + CONVERSATION, "reception"),
    ("/conversation/export?format=json&id=" + CONVERSATION, "reception"),
    ("/conversations/export?format=csv", "admin")])
def test_every_export_is_audited(staff, path, who):
    s = staff.login(who)
    new, r = staff.entries_after(lambda: s.get(staff.base + path))
    assert r.status_code == 200 and r.content
    [(actor, action, conversation_id, _)] = new
    assert (actor, action) == (who, "export")
    assert conversation_id == (CONVERSATION if "id=" in path else None)


def test_the_requests_queue_and_a_status_change_are_audited(staff):
    s = staff.login()
    new, page = staff.entries_after(lambda: s.get(staff.base + "/requests"))
    assert new == [("reception", "view_requests", None, None)]
    [booking] = store.list_bookings(CONVERSATION, url=staff.url)
    new, r = staff.entries_after(lambda: s.post(staff.base + "/requests/status", data={
        "csrf": _csrf(page.text), "booking_id": booking["id"], "status": "contacted"},
        allow_redirects=False))
    assert r.status_code == 303
    assert new == [("reception", "status_change", CONVERSATION, booking["id"])]


def test_reading_the_audit_log_is_itself_audited(staff):
    s = staff.login("admin")
    new, r = staff.entries_after(lambda: s.get(staff.base + "/audit"))
    assert r.status_code == 200
    assert new == [("admin", "view_audit", None, None)]


def test_erasing_a_conversation_is_audited(staff):
    s = staff.login("admin")
    page = s.get(staff.base + "/conversation/erase", params={"id": CONVERSATION})
    new, r = staff.entries_after(lambda: s.post(staff.base + "/conversation/erase", data={
        "csrf": _csrf(page.text), "id": CONVERSATION, "confirm": "ERASE"},
        allow_redirects=False))
    assert r.status_code == 303
    assert [(a, act, c) for a, act, c, _ in new] == [("admin", "erase", CONVERSATION)]


# ----------------------------------------------------------------------------- sessions

def _age_session(url: str, **ago: timedelta) -> None:
    """Moves the stored session's clock back, as if that much time had passed."""
    values = {column: store.now() - delta for column, delta in ago.items()}
    with store.engine_for(url).begin() as connection:
        connection.execute(update(store.staff_sessions).values(**values))


def _signed_in(s: requests.Session, base: str) -> bool:
    r = s.get(base + "/requests", allow_redirects=False)
    return r.status_code == 200


def test_a_session_idle_for_30_minutes_ends(staff):
    s = staff.login()
    _age_session(staff.url, last_seen_at=timedelta(minutes=29))
    assert _signed_in(s, staff.base), "29 idle minutes are within the limit"
    _age_session(staff.url, last_seen_at=timedelta(minutes=31))
    assert not _signed_in(s, staff.base)
    assert not _signed_in(s, staff.base), "an ended session does not come back"


def test_a_session_ends_after_12_hours_however_active(staff):
    s = staff.login()
    _age_session(staff.url, created_at=timedelta(hours=11, minutes=59))
    assert _signed_in(s, staff.base)
    _age_session(staff.url, created_at=timedelta(hours=12, minutes=1))
    assert not _signed_in(s, staff.base)


@pytest.mark.parametrize("setting,secure", [("1", True), ("", False)])
def test_staff_secure_cookies_marks_the_session_cookie_secure(fresh_db, monkeypatch,
                                                              setting, secure):
    monkeypatch.setenv("STAFF_SECURE_COOKIES", setting)
    page = StaffPage(fresh_db)
    try:
        # With secure cookies on, the names carry the __Host- prefix (host-only, Secure, path /)
        prefix = "__Host-" if secure else ""
        form = requests.get(page.base + "/login")
        assert ("Secure" in form.headers["set-cookie"]) is secure
        # sent by hand: a client does not send a Secure cookie back over plain HTTP
        csrf_cookie = prefix + "staff_login_csrf"
        r = requests.post(page.base + "/login", data={
            "csrf": _csrf(form.text), "username": "reception",
            "password": PASSWORDS["reception"]}, allow_redirects=False,
            headers={"Cookie": f"{csrf_cookie}={form.cookies[csrf_cookie]}"})
        cookie = r.headers["set-cookie"]
        assert f"{prefix}staff_session=" in cookie
        assert ("Secure" in cookie) is secure
    finally:
        page.stop()


def test_many_failed_sign_ins_from_one_client_stop_every_account_there(staff):
    """One machine trying many accounts (a password-spraying script) is made to wait, even on
    an account that has not failed yet: the per-address delay, not only the per-account one;
    the refused attempt is audited and not counted as a failure."""
    from bot.staff.auth import ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES

    s = requests.Session()

    def attempt(user, password):
        return s.post(staff.base + "/login", allow_redirects=False, data={
            "csrf": _csrf(s.get(staff.base + "/login").text), "username": user,
            "password": password})

    per_account = ACCOUNT_FREE_FAILURES - 1  # never enough to slow one account down
    for i in range(ADDRESS_FREE_FAILURES):
        assert attempt(f"guess-{i // per_account}", "not-a-password").status_code == 401
    refused = attempt("reception", PASSWORDS["reception"])
    assert refused.status_code == 429 and "staff_session" not in refused.headers.get("set-cookie", "")
    failed = [e for e in staff.entries() if e[1] == "login_failed"]
    assert len(failed) == ADDRESS_FREE_FAILURES
    assert [e for e in staff.entries() if e[1] == "login_refused"]
