"""The staff page over HTTP (security behaviour) and in a real browser (Chromium driven by
Playwright): log in, filter, open a transcript, change a request's status, export."""
from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import requests

from tests.harness import free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "reports"


def _login(base: str, user: str = "reception", password: str = None) -> requests.Session:
    s = requests.Session()
    page = s.get(f"{base}/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = s.post(f"{base}/login", data={"csrf": token, "username": user, "next": "/",
                                      "password": password or f"{user}-password-1"})
    assert r.status_code == 200 and "Signed in as" in r.text, r.text[:500]
    return s


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


# ----------------------------------------------------------------------------- HTTP

def test_pages_need_a_login(staff_server):
    base = staff_server["base"]
    for path in ("/", "/conversations", "/requests", "/audit",
                 "/conversation?id=x", "/conversations/export?format=csv"):
        r = requests.get(base + path, allow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next="), path
    r = requests.post(base + "/requests/status", data={"booking_id": 1, "status": "closed"},
                      allow_redirects=False)
    assert r.status_code == 303 and "/login" in r.headers["location"]


def test_security_headers_and_cookie_flags(staff_server):
    base = staff_server["base"]
    r = requests.get(base + "/login")
    assert r.headers["X-Frame-Options"] == "DENY"
    assert r.headers["Referrer-Policy"] == "no-referrer"
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "<script" not in r.text and " style=" not in r.text
    s = requests.Session()
    token = _csrf(s.get(base + "/login").text)
    r = s.post(base + "/login", data={"csrf": token, "username": "reception",
                                      "password": "reception-password-1"}, allow_redirects=False)
    cookie = r.headers["set-cookie"]
    assert "staff_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert r.headers["location"] == "/"


def test_forms_without_the_csrf_token_are_refused(staff_server):
    base = staff_server["base"]
    s = _login(base)
    r = s.post(base + "/requests/status", data={"booking_id": 1, "status": "closed"})
    assert r.status_code == 400 and "expired" in r.text
    r = s.post(base + "/logout", data={"csrf": "forged"})
    assert r.status_code == 400
    # a login form posted from elsewhere (no matching cookie) is refused too
    r = requests.post(base + "/login", data={"csrf": "x", "username": "reception",
                                             "password": "reception-password-1"})
    assert r.status_code == 400 and "Signed in" not in r.text


def test_repeated_failures_slow_sign_in_down_but_lock_nobody_out(staff_server):
    from sqlalchemy import update

    from bot import store
    from bot.staff.auth import ACCOUNT_MAX_DELAY

    base, url = staff_server["base"], staff_server["url"]
    subprocess.run([sys.executable, "-m", "bot", "staff", "add-user", "slowed"], cwd=ROOT,
                   env=dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=url,
                            STAFF_PASSWORD="slowed-password-1"),
                   check=True, stdin=subprocess.DEVNULL, capture_output=True)
    s = requests.Session()
    for _ in range(5):
        r = s.post(base + "/login", data={"csrf": _csrf(s.get(base + "/login").text),
                                          "username": "slowed", "password": "guess-guess"})
        assert r.status_code == 401 and "Wrong username or password" in r.text
    r = s.post(base + "/login", data={"csrf": _csrf(s.get(base + "/login").text),
                                      "username": "slowed", "password": "slowed-password-1"})
    assert r.status_code == 429 and re.search(r"Wait \d+ seconds", r.text)
    [refused] = store.list_audit(actor="slowed", action="login_refused", url=url)
    assert refused["detail"].startswith("from 127.0.0.1")
    # Once the longest delay has passed since the last failure, the right password works:
    # failing more often slows guessing, it cannot keep the person out.
    earlier = timedelta(seconds=ACCOUNT_MAX_DELAY + 1)
    with store.engine_for(url).begin() as connection:
        for row in store.list_audit(actor="slowed", url=url):
            connection.execute(update(store.audit_log).where(store.audit_log.c.id == row["id"])
                               .values(at=row["at"] - earlier))
    r = s.post(base + "/login", data={"csrf": _csrf(s.get(base + "/login").text),
                                      "username": "slowed", "password": "slowed-password-1"})
    assert r.status_code == 200 and "Signed in as" in r.text


def test_a_lookup_of_a_conversation_that_does_not_exist_is_audited(staff_server):
    from bot import store

    base, url = staff_server["base"], staff_server["url"]
    s = _login(base)
    for path in ("/conversation?id=web:no-such-chat", "/conversation/export?id=web:no-such-chat"):
        assert s.get(base + path).status_code == 404
    looked = store.list_audit(actor="reception", action="not_found",
                              conversation_id="web:no-such-chat", url=url)
    assert sorted(r["detail"] for r in looked) == ["GET /conversation",
                                                   "GET /conversation/export"]


def test_with_secure_cookies_the_cookies_are_host_only_and_hsts_is_sent(staff_server, tmp_path):
    url = staff_server["url"]
    port = free_port()
    with open(tmp_path / "staff.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "staff", "serve", "--port", str(port)], cwd=ROOT,
            env=dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=url, STAFF_SECURE_COOKIES="1"),
            stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/health", timeout=30)
            page = requests.get(base + "/login")
            assert page.headers["Strict-Transport-Security"].startswith("max-age=")
            cookie = page.headers["set-cookie"]
            assert cookie.startswith("__Host-staff_login_csrf=")
            assert "Secure" in cookie and "Path=/;" in cookie + ";" and "Domain" not in cookie
            # The browser would send the Secure cookie only over HTTPS: sent by hand here.
            csrf_cookie = cookie.split(";")[0]
            r = requests.post(base + "/login", allow_redirects=False,
                              headers={"Cookie": csrf_cookie},
                              data={"csrf": _csrf(page.text), "username": "reception",
                                    "password": "reception-password-1"})
            session = r.headers["set-cookie"]
            assert r.status_code == 303 and session.startswith("__Host-staff_session=")
            assert "Secure" in session and "Path=/" in session and "Domain" not in session
            home = requests.get(base + "/", headers={"Cookie": session.split(";")[0]})
            assert "Signed in as" in home.text
        finally:
            process.terminate()
            process.wait(timeout=20)
    assert "Strict-Transport-Security" not in requests.get(staff_server["base"] + "/login").headers


def test_bulk_export_is_for_administrators_and_audited(staff_server):
    from bot import store

    base, url = staff_server["base"], staff_server["url"]
    assert _login(base).get(base + "/conversations/export?level=urgent&format=csv").status_code == 403
    admin = _login(base, "admin", "admin-password-1")
    r = admin.get(base + "/conversations/export?level=urgent&format=csv")
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and all(row["triage_level"] == "urgent" for row in rows)
    [latest] = store.list_audit(action="export", limit=1, url=url)
    assert latest["actor"] == "admin" and "urgent" in latest["detail"].lower()


def test_a_forged_x_forwarded_for_changes_nothing(staff_server):
    from bot import store

    base, url = staff_server["base"], staff_server["url"]
    s = requests.Session()
    r = s.post(base + "/login", headers={"X-Forwarded-For": "203.0.113.9"},
               data={"csrf": _csrf(s.get(base + "/login").text), "username": "forged-xff",
                     "password": "guess-guess"})
    assert r.status_code == 401
    [failed] = store.list_audit(actor="forged-xff", url=url)
    assert failed["detail"] == "from 127.0.0.1"  # the real peer, not the header's claim


def test_admin_pages_are_for_admins_and_errors_show_no_trace(staff_server):
    base = staff_server["base"]
    s = _login(base)
    assert s.get(base + "/audit").status_code == 403
    assert s.get(base + "/conversation/erase?id=x").status_code == 403
    r = s.get(base + "/conversation?id=does-not-exist")
    assert r.status_code == 404 and "Traceback" not in r.text
    r = s.get(base + "/conversations?page=notanumber")
    assert r.status_code in (400, 422) and "Traceback" not in r.text


def test_logout_ends_the_session(staff_server):
    base = staff_server["base"]
    s = _login(base)
    home = s.get(base + "/")
    s.post(base + "/logout", data={"csrf": _csrf(home.text)})
    r = s.get(base + "/", allow_redirects=False)
    assert r.status_code == 303


def test_the_staff_log_holds_no_patient_data(staff_server):
    base = staff_server["base"]
    s = _login(base)
    s.get(base + "/conversations", params={"q": "Jane Smith"})
    s.get(base + "/conversations", params={"q": "555 777 1234"})
    log = Path(staff_server["log"]).read_text()
    # the searched number in any spacing (a bare "555" would also match a timestamp's
    # milliseconds or a request's duration: "12:30:01,555", "555ms")
    for secret in ("Jane", "Smith", "555 777", "777 1234", "5557771234", "555%20777",
                   "555+777", "Ahmed", "ladder", "script", "reception-password"):
        assert secret not in log


# ----------------------------------------------------------------------------- browser

# `browser`: tests/staff/conftest.py


def test_a_receptionist_works_the_page_in_a_browser(staff_server, browser, tmp_path):
    from playwright.sync_api import expect

    base, rec = staff_server["base"], staff_server["recorded"]
    REPORTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    # Not signed in: sent to the login page; a wrong password is refused.
    page.goto(base + "/conversations")
    assert "/login" in page.url
    page.fill("#username", "reception")
    page.fill("#password", "not-the-password")
    page.click("button[type=submit]")
    assert page.locator(".error").inner_text() == "Wrong username or password."
    page.fill("#password", "reception-password-1")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/conversations$"))

    # Needs attention: emergency first.
    page.goto(base + "/")
    first_level = page.locator("table.conversations tbody tr").first.locator(".level")
    assert first_level.inner_text() == "Emergency"
    page.screenshot(path=str(REPORTS / "staff-attention.png"), full_page=True)

    # Find the urgent call back by filter, then by the patient's phone number.
    page.goto(base + "/conversations")
    page.screenshot(path=str(REPORTS / "staff-list.png"), full_page=True)
    page.select_option("#level", "urgent")
    page.click("text=Show")
    page.wait_for_url(re.compile(r".*level=urgent"))
    rows = page.locator("table.conversations tbody tr")
    expect(rows.first).to_be_visible()  # waits for the new page, however slow the machine
    for i in range(rows.count()):
        assert rows.nth(i).locator(".level").inner_text() == "Urgent"
    page.fill("#q", "555 777 1234")
    page.select_option("#level", "")
    page.click("text=Show")
    page.wait_for_url(re.compile(r".*q=555"))
    expect(rows).to_have_count(1)
    rows.first.locator("text=Open").click()
    page.wait_for_url(re.compile(r".*/conversation\?id="))
    assert rec.ids["urgent"] in page.content()
    assert "Recent injury" in page.locator("h1 + .lead").inner_text()

    # Work the request: mark it contacted; who and when are shown.
    page.click("text=Mark contacted")
    page.wait_for_load_state()
    assert "Contacted by reception" in page.locator(".history").inner_text()

    # Export the conversation and the filtered list.
    with page.expect_download() as download:
        page.click("a.button:has-text('CSV')")
    text = Path(download.value.path()).read_text()
    assert text.startswith("conversation_id,time,who,text")
    assert "ladder" in text
    # Bulk export is an administrator's (test_bulk_export_is_for_administrators_and_audited).
    page.goto(base + "/conversations?level=urgent")
    assert page.locator("p.downloads").count() == 0

    # The richest transcript, for the screenshot a receptionist would see.
    page.goto(base + "/conversation?id=" + rec.ids["consultation"])
    assert page.locator(".turn.patient").count() == len(rec.messages["consultation"])
    assert page.locator("h1 .level").inner_text() == "Consultation"
    # Why each option was or was not explained: the facts that selected or excluded it.
    decisions = page.locator("table.option-decisions").inner_text()
    assert "Facet joint injection" in decisions and "pattern axial" in decisions
    assert "pattern axial (needs radiating_leg or radiating_arm)" in decisions  # the epidural's exclusion
    page.screenshot(path=str(REPORTS / "staff-transcript.png"), full_page=True)

    # A patient's markup is shown as text, never run.
    page.goto(base + "/conversation?id=" + rec.ids["markup"])
    bubble = page.locator(".turn.patient .bubble").first
    assert bubble.inner_text() == "<script>alert('owned')</script> <b>my neck</b> hurts"
    assert page.locator(".turn.patient .bubble b").count() == 0
    assert dialogs == []

    # The queue shows the status change; logging out ends access.
    page.goto(base + "/requests?status=all")
    assert "by reception" in page.locator("tbody").inner_text()
    page.click("text=Log out")
    page.goto(base + "/requests")
    assert "/login" in page.url
    context.close()


def test_an_admin_reads_the_audit_log_and_erases_a_conversation(staff_server, browser):
    base, rec = staff_server["base"], staff_server["recorded"]
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.goto(base + "/login")
    page.fill("#username", "admin")
    page.fill("#password", "admin-password-1")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")
    page.goto(base + "/audit")
    audit = page.locator("table.audit tbody").inner_text()
    assert "view conversation" in audit and "status change" in audit and "export" in audit
    assert "reception" in audit
    page.screenshot(path=str(REPORTS / "staff-audit.png"), full_page=True)

    # Erase the emergency conversation on the patient's request.
    target = rec.ids["emergency"]
    page.goto(base + "/conversation?id=" + target)
    page.click("text=Erase")
    page.fill("#confirm", "ERASE")
    page.click("text=Erase for good")
    assert "erased" in page.locator(".notice").inner_text()
    response = page.goto(base + "/conversation?id=" + target)
    assert response.status == 404
    page.goto(base + "/audit?action=erase")
    assert target in page.locator("table.audit tbody").inner_text()
    context.close()
