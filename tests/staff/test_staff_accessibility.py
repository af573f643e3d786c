"""Every staff page passes axe-core's WCAG 2.1 A and AA rules in Chromium, on a desktop and a
phone screen, and the daily work can be done with the keyboard alone: sign in, open a
conversation, change a request's status. Each test on a fresh database and its own staff app."""
from __future__ import annotations

import re

import pyotp
import pytest

from bot import store
from tests import axe
from tests.staff.staff_page import PASSWORDS, StaffPage
from tests.staff.test_staff_review_accounts import _patient

SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def staff(fresh_db):
    _patient(fresh_db, "c-emergency", "emergency")
    _patient(fresh_db, "c-urgent", "urgent")
    page = StaffPage(fresh_db)
    yield page
    page.stop()


def _sign_in(page, base: str, user: str) -> None:
    page.goto(base + "/login")
    page.fill("#username", user)
    page.fill("#password", PASSWORDS[user])
    page.click("button[type=submit]")


def _checked(page, base: str, path: str, failures: dict) -> None:
    page.goto(base + path)
    found = axe.violations(page)
    if found:
        failures[path] = found


@pytest.mark.parametrize("screen", SCREENS)
def test_every_staff_page_passes_axe_wcag21_a_and_aa(browser, staff, screen):
    context = browser.new_context(viewport=SCREENS[screen])
    page = context.new_page()
    failures: dict = {}
    _checked(page, staff.base, "/login", failures)
    _sign_in(page, staff.base, "admin")
    [booking] = store.list_bookings("audit-conversation", url=staff.url)
    for path in ("/", "/conversations", "/conversations?level=urgent&q=nobody",
                 "/conversation?id=c-emergency", "/conversation?id=audit-conversation",
                 "/requests", "/requests?status=all", "/accounts", "/audit", "/account",
                 "/account/password", "/conversation/erase?id=c-urgent", "/no-such-page",
                 "/conversation?id=no-such"):
        _checked(page, staff.base, path, failures)
    # a request with a note and a contact attempt, a reviewed conversation
    store.add_booking_activity(booking["id"], "contact", actor="admin", outcome="no_answer",
                               url=staff.url)
    store.mark_reviewed("c-emergency", actor="admin", note="called", url=staff.url)
    for path in ("/requests", "/conversation?id=c-emergency", "/"):
        _checked(page, staff.base, path + ("" if path == "/" else "#again"), failures)
    # an account just added (its temporary password shown), enrolling a second factor and
    # the recovery codes, then signing in with a code
    page.goto(staff.base + "/accounts")
    page.fill("#new-username", "nurse")
    page.get_by_role("button", name="Add, with a temporary password").click()
    failures.update({"/accounts (added)": v for v in [axe.violations(page)] if v})
    _checked(page, staff.base, "/account/second-factor", failures)
    secret = re.search(r"Key: ([A-Z2-7]+)", page.inner_text("figcaption")).group(1)
    page.fill("#code", pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on").click()
    failures.update({"recovery codes": v for v in [axe.violations(page)] if v})
    context.clear_cookies()
    _sign_in(page, staff.base, "admin")
    assert page.url.endswith("/login/code")
    failures.update({"/login/code": v for v in [axe.violations(page)] if v})
    # a receptionist meets the "not allowed" page
    context.clear_cookies()
    _sign_in(page, staff.base, "reception")
    _checked(page, staff.base, "/audit", failures)
    context.close()
    assert failures == {}


def test_sign_in_open_a_conversation_and_change_a_status_by_keyboard_alone(browser, staff):
    """Only keys: Tab, typing, Enter, as someone who cannot use a mouse."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport=SCREENS["desktop"])
    page = context.new_page()
    page.goto(staff.base + "/login")
    expect(page.locator("#username")).to_be_focused()  # the form is ready to type into
    page.keyboard.type("reception")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORDS["reception"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Needs attention")).to_be_visible()

    def tab_to(test: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => {{ const e = document.activeElement; return {test}; }}"):
                return
        raise AssertionError(f"nothing reachable by Tab matches {test}")

    # the first conversation in Needs attention: the emergency
    tab_to("e.tagName === 'A' && e.getAttribute('href').startsWith('/conversation?id=')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/conversation\?id=c-emergency"))
    # the requests queue from the navigation, then "Mark contacted"
    tab_to("e.getAttribute('href') === '/requests'")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Requests to follow up")).to_be_visible()
    tab_to("e.tagName === 'BUTTON' && e.textContent.trim() === 'Mark contacted'")
    page.keyboard.press("Enter")
    expect(page.locator(".status-contacted").first).to_be_visible()
    [booking] = store.list_bookings("audit-conversation", url=staff.url)
    assert (booking["status"], booking["status_changed_by"]) == ("contacted", "reception")
    # every focused control shows where the focus is
    tab_to("e.tagName === 'BUTTON'")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    context.close()
