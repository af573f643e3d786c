"""Reviews, request notes and contact attempts, account management, the password policy and
the optional second factor, each on the real staff app over HTTP with a fresh SQLite database
per test (the StaffPage of test_staff_audit), asserting the exact audit entries."""
from __future__ import annotations

import re
import time

import pyotp
import pytest
import requests

from bot import store
from bot.clinic import ClinicConfigError, load_clinic
from bot.staff.auth import password_problem
from tests.staff.staff_page import PASSWORDS, StaffPage, run_async
from tests.staff.staff_page import csrf as _csrf

OLD_URGENT, EMERGENCY, NEW_URGENT, ROUTINE = "c-urgent-old", "c-emergency", "c-urgent-new", "c-routine"


def _patient(url: str, sender: str, level: str, text: str = "my back hurts") -> None:
    """A conversation as Rasa's SQLTrackerStore writes it."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load("domain.yml")
    tracker_store = SQLTrackerStore(domain=domain, host=url)
    tracker = run_async(tracker_store.retrieve(sender)) or \
        DialogueStateTracker(sender, domain.slots)
    for event in (ActionExecuted("action_listen"), UserUttered(text, {"name": "describe_pain"}),
                  SlotSet("triage_level", level), BotUttered("Thank you.")):
        tracker.update(event)
    run_async(tracker_store.save(tracker))
    tracker_store.engine.dispose()


@pytest.fixture
def staff(fresh_db):
    for sender, level in ((OLD_URGENT, "urgent"), (EMERGENCY, "emergency"),
                          (NEW_URGENT, "urgent"), (ROUTINE, "consultation")):
        _patient(fresh_db, sender, level)
        time.sleep(0.01)  # distinct start times: "oldest first" is by when it started
    page = StaffPage(fresh_db)
    yield page
    page.stop()


def _attention(s: requests.Session, base: str):
    html = s.get(base + "/").text
    count = re.search(r'Needs attention(?: <span class="count alert">(\d+)</span>)?</a>', html)
    order = re.findall(r'/conversation\?id=(c-[a-z-]+)', html)
    return int(count.group(1) or 0), list(dict.fromkeys(order))


# ----------------------------------------------------------------------------- review

def test_needs_attention_lists_the_unreviewed_most_serious_then_oldest_first(staff):
    s = staff.login()
    assert _attention(s, staff.base) == (3, [EMERGENCY, OLD_URGENT, NEW_URGENT])


def test_marking_reviewed_takes_it_off_needs_attention_and_is_audited(staff):
    s = staff.login()
    page = s.get(staff.base + "/conversation", params={"id": EMERGENCY})
    assert "Not reviewed yet" in page.text
    new, r = staff.entries_after(lambda: s.post(staff.base + "/conversation/review", data={
        "csrf": _csrf(page.text), "id": EMERGENCY, "note": "Called her: on the way to A&E"}))
    assert new[0] == ("reception", "review", EMERGENCY, None)
    assert store.list_audit(action="review", url=staff.url)[0]["detail"] == "with a note"
    assert "Reviewed by <strong>reception</strong>" in r.text and "on the way to A&amp;E" in r.text
    assert _attention(s, staff.base) == (2, [OLD_URGENT, NEW_URGENT])
    # The patient writes again: back in Needs attention until someone reviews it again.
    time.sleep(0.01)
    _patient(staff.url, EMERGENCY, "emergency", "it is worse now")
    assert _attention(s, staff.base) == (3, [EMERGENCY, OLD_URGENT, NEW_URGENT])


def test_a_review_of_an_unknown_conversation_is_refused(staff):
    s = staff.login()
    home = s.get(staff.base + "/")
    r = s.post(staff.base + "/conversation/review", data={"csrf": _csrf(home.text),
                                                          "id": "no-such"})
    assert r.status_code == 404
    assert not store.reviews_of(url=staff.url)


def test_request_notes_and_contact_attempts_are_kept_shown_and_audited(staff):
    [booking] = store.list_bookings("audit-conversation", url=staff.url)
    s = staff.login()
    page = s.get(staff.base + "/requests")
    form = {"csrf": _csrf(page.text), "booking_id": booking["id"], "back": "/requests"}
    new, _ = staff.entries_after(lambda: s.post(staff.base + "/requests/activity", data={
        **form, "kind": "contact", "outcome": "no_answer", "text": ""}, allow_redirects=False))
    assert new == [("reception", "contact_attempt", "audit-conversation", booking["id"])]
    new, _ = staff.entries_after(lambda: s.post(staff.base + "/requests/activity", data={
        **form, "kind": "note", "text": "Prefers a call after 5pm"}, allow_redirects=False))
    assert new == [("reception", "request_note", "audit-conversation", booking["id"])]
    r = s.get(staff.base + "/requests")
    assert "Tried to contact: <strong>No answer</strong> by <strong>reception</strong>" in r.text
    assert "Prefers a call after 5pm" in r.text
    # the note's words stay out of the audit log (they may name the patient)
    assert not any("5pm" in (e["detail"] or "") for e in store.list_audit(url=staff.url))
    # an attempt without its outcome is refused kindly, and nothing is recorded
    r = s.post(staff.base + "/requests/activity", data={**form, "kind": "contact"})
    assert r.status_code == 400 and "what happened" in r.text
    assert len(store.booking_activity_of([booking["id"]], url=staff.url)[booking["id"]]) == 2


# ----------------------------------------------------------------------------- accounts

def _accounts_form(s, base):
    return _csrf(s.get(base + "/accounts").text)


def _temporary(html: str) -> str:
    return re.search(r'Temporary password for <strong>[^<]+</strong>: <code class="mono">'
                     r'([^<]+)</code>', html).group(1)


def test_an_administrator_adds_a_user_who_must_choose_a_password(staff):
    admin = staff.login("admin")
    token = _accounts_form(admin, staff.base)
    new, r = staff.entries_after(lambda: admin.post(staff.base + "/accounts", data={
        "csrf": token, "action": "add", "username": "nurse"}))
    assert ("admin", "add_user", None, None) in new
    temporary = _temporary(r.text)
    s = requests.Session()
    r = s.post(staff.base + "/login", data={"csrf": _csrf(s.get(staff.base + "/login").text),
                                            "username": "nurse", "password": temporary})
    assert r.url.endswith("/account/password") and "temporary password" in r.text
    assert s.get(staff.base + "/", allow_redirects=False).headers["location"] == "/account/password"
    r = s.post(staff.base + "/account/password", data={
        "csrf": _csrf(r.text), "new": "1qaz2wsx3edc4rfv", "again": "1qaz2wsx3edc4rfv"})
    assert r.status_code == 400 and "common or breached" in r.text
    new, r = staff.entries_after(lambda: s.post(staff.base + "/account/password", data={
        "csrf": _csrf(r.text), "new": "violet kettle harbour", "again": "violet kettle harbour"}))
    assert new[:2] == [("nurse", "change_password", None, None), ("nurse", "login", None, None)]
    assert r.status_code == 200 and "Needs attention" in r.text
    users = {u["username"]: u for u in store.list_users(url=staff.url)}
    assert users["nurse"]["last_login_at"] is not None and not users["nurse"]["must_change_password"]
    assert "Never" not in admin.get(staff.base + "/accounts").text.split('id="user-nurse"')[1].split("</tr>")[0]


def test_disabling_an_account_ends_its_session_at_once_and_enabling_lets_it_back(staff):
    reception = staff.login("reception")
    assert reception.get(staff.base + "/").status_code == 200
    admin = staff.login("admin")
    token = _accounts_form(admin, staff.base)
    new, _ = staff.entries_after(lambda: admin.post(staff.base + "/accounts", data={
        "csrf": token, "action": "disable", "username": "reception"}))
    assert new[0] == ("admin", "disable_user", None, None)
    r = reception.get(staff.base + "/", allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    s = requests.Session()
    r = s.post(staff.base + "/login", data={"csrf": _csrf(s.get(staff.base + "/login").text),
                                            "username": "reception",
                                            "password": PASSWORDS["reception"]})
    assert r.status_code == 401
    new, _ = staff.entries_after(lambda: admin.post(staff.base + "/accounts", data={
        "csrf": token, "action": "enable", "username": "reception"}))
    assert new[0] == ("admin", "enable_user", None, None)
    assert staff.login("reception").get(staff.base + "/").status_code == 200


def test_a_password_reset_ends_sessions_and_forces_a_new_password(staff):
    reception = staff.login("reception")
    admin = staff.login("admin")
    token = _accounts_form(admin, staff.base)
    new, r = staff.entries_after(lambda: admin.post(staff.base + "/accounts", data={
        "csrf": token, "action": "reset", "username": "reception"}))
    assert new[0] == ("admin", "reset_password", None, None)
    temporary = _temporary(r.text)
    assert reception.get(staff.base + "/", allow_redirects=False).status_code == 303
    s = requests.Session()
    r = s.post(staff.base + "/login", data={"csrf": _csrf(s.get(staff.base + "/login").text),
                                            "username": "reception", "password": temporary})
    assert r.url.endswith("/account/password")


def test_staff_who_are_not_administrators_cannot_manage_accounts(staff):
    s = staff.login("reception")
    assert s.get(staff.base + "/accounts").status_code == 403
    home = s.get(staff.base + "/")
    r = s.post(staff.base + "/accounts", data={"csrf": _csrf(home.text), "action": "disable",
                                               "username": "admin"})
    assert r.status_code == 403
    assert not store.get_user("admin", url=staff.url)["disabled"]


def test_the_password_policy_is_length_and_the_common_password_list():
    assert "at least 15" in password_problem("short but fine")
    assert "common or breached" in password_problem("1qaz2wsx3edc4rfv")
    assert "common or breached" in password_problem("QWERTYUIOPASDFGHJKL")  # case ignored
    assert password_problem("violet kettle harbour") is None
    assert password_problem("Tr0ub4dor&3xx!!") is None  # no composition rules either way


# ----------------------------------------------------------------------------- second factor

def _enrol(s: requests.Session, base: str) -> tuple:
    page = s.get(base + "/account/second-factor")
    assert "<svg" in page.text and "http" not in page.text.split("<svg")[1].split("</svg>")[0].replace("http://www.w3.org/2000/svg", "")
    secret = re.search(r'Key: <code class="mono">([A-Z2-7]+)</code>', page.text).group(1)
    used = pyotp.TOTP(secret).now()
    r = s.post(base + "/account/second-factor", data={"csrf": _csrf(page.text), "code": used})
    codes = re.findall(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>", r.text)
    assert len(codes) == 10
    return secret, codes, used


def _password_step(base: str, user: str) -> requests.Session:
    s = requests.Session()
    r = s.post(base + "/login", data={"csrf": _csrf(s.get(base + "/login").text),
                                      "username": user, "password": PASSWORDS[user]})
    assert r.url.endswith("/login/code"), r.url
    return s


def test_a_user_turns_on_the_second_factor_and_then_signs_in_with_a_code(staff):
    s = staff.login("reception")
    new, (secret, codes, used) = staff.entries_after(lambda: _enrol(s, staff.base))
    assert ("reception", "second_factor_on", None, None) in new
    assert all(c not in str(store.list_audit(url=staff.url)) for c in codes)
    # opening the enrolment page again changes nothing (it would have made a new secret)
    r = s.get(staff.base + "/account/second-factor", allow_redirects=False)
    assert r.headers["location"] == "/account"
    assert store.get_user("reception", url=staff.url)["totp_secret"] == secret
    # the password alone no longer signs in
    s = _password_step(staff.base, "reception")
    assert s.get(staff.base + "/", allow_redirects=False).headers["location"] == "/login/code"
    page = s.get(staff.base + "/login/code")
    r = s.post(staff.base + "/login/code", data={"csrf": _csrf(page.text), "code": "000000"})
    assert r.status_code == 401 and "did not match" in r.text
    # the code used to enrol is spent: seen over a shoulder, it cannot sign in (RFC 6238 5.2)
    r = s.post(staff.base + "/login/code", data={"csrf": _csrf(page.text), "code": used})
    assert r.status_code == 401
    later = pyotp.TOTP(secret).at(time.time() + 30)  # the next step's code (clock drift allowed)
    new, r = staff.entries_after(lambda: s.post(staff.base + "/login/code", data={
        "csrf": _csrf(page.text), "code": later}))
    assert new[0] == ("reception", "login", None, None) and "Needs attention" in r.text
    r = _password_step(staff.base, "reception").post(staff.base + "/login/code", data={
        "csrf": _csrf(page.text), "code": later})
    assert r.status_code in (400, 401)  # the same code twice: refused


def test_a_recovery_code_signs_in_once(staff):
    s = staff.login("reception")
    _secret, codes, _used = _enrol(s, staff.base)
    for attempt in ("first", "again"):
        s = _password_step(staff.base, "reception")
        page = s.get(staff.base + "/login/code")
        new, r = staff.entries_after(lambda: s.post(staff.base + "/login/code", data={
            "csrf": _csrf(page.text), "code": codes[3].upper()}))
        if attempt == "first":
            assert new[:2] == [("reception", "recovery_code_used", None, None),
                               ("reception", "login", None, None)]
        else:
            assert r.status_code == 401 and new == [("reception", "login_failed", None, None)]


def test_clinic_yml_can_require_the_second_factor_for_administrators(fresh_db, tmp_path, monkeypatch):
    from bot.clinic import DEFAULT_CLINIC_FILE
    clinic = tmp_path / "clinic.yml"
    clinic.write_text(DEFAULT_CLINIC_FILE.read_text().replace(
        "staff_second_factor: nobody", "staff_second_factor: administrators"))
    monkeypatch.setenv("CLINIC_CONFIG", str(clinic))
    staff = StaffPage(fresh_db)
    try:
        assert staff.login("reception").get(staff.base + "/").status_code == 200
        s = requests.Session()
        r = s.post(staff.base + "/login", data={"csrf": _csrf(s.get(staff.base + "/login").text),
                                                "username": "admin", "password": PASSWORDS["admin"]})
        assert r.url.endswith("/account/second-factor")
        assert s.get(staff.base + "/audit", allow_redirects=False).headers["location"] == \
            "/account/second-factor"
        _enrol(s, staff.base)
        assert s.get(staff.base + "/audit").status_code == 200
        assert store.get_user("admin", url=fresh_db)["last_login_at"] is not None
    finally:
        staff.stop()


def test_a_wrong_second_factor_setting_stops_the_start(tmp_path):
    from bot.clinic import DEFAULT_CLINIC_FILE
    clinic = tmp_path / "clinic.yml"
    clinic.write_text(DEFAULT_CLINIC_FILE.read_text().replace(
        "staff_second_factor: nobody", "staff_second_factor: admins"))
    with pytest.raises(ClinicConfigError, match="staff_second_factor.*nobody, administrators, everyone"):
        load_clinic(clinic)
