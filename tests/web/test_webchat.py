"""The web chat in a real browser: the demo page, the widget, Rasa's socket.io channel.

A whole conversation (chronic low back pain -> options explained -> consultation booked) by
typing and by tapping the quick-reply buttons, a reload in the middle, the stored booking, and
screenshots of the finished conversation at desktop and phone widths under reports/.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot import store
from bot.clinic import load_clinic
from tests.channels.servers import _free_port, _wait
from tests.harness import require

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CLINIC = load_clinic()
EMERGENCY = CLINIC.emergency_number
REPORTS = ROOT / "reports"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
TURN = 20_000  # ms: one assistant turn, generously
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def web_server(rasa_channels, tmp_path_factory):
    """`python -m bot.web` on a free port, pointing the widget at the test Rasa server."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("web") / "web.log"
    log = open(log_path, "w")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.web", "--host", "127.0.0.1", "--port", str(port),
         "--rasa-url", rasa_channels.url],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(f"http://127.0.0.1:{port}/healthz", process, log_path, timeout=30)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")  # closed before another module starts its own Playwright
def browser():
    require("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def new_page(browser, viewport, storage_state=None, is_mobile=False):
    """A page that may only reach 127.0.0.1 (no CDN) and that records console errors."""
    context = browser.new_context(viewport=viewport, storage_state=storage_state,
                                  is_mobile=is_mobile, has_touch=is_mobile,
                                  device_scale_factor=2 if is_mobile else 1)
    outside = []

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, outside, errors


def bot_says(page, text, timeout=TURN):
    from playwright.sync_api import expect

    expect(page.locator(".stc-bot", has_text=text).last).to_be_visible(timeout=timeout)


def type_message(page, text):
    box = page.get_by_label("Your message")
    box.fill(text)
    box.press("Enter")


def settle(page):
    from playwright.sync_api import expect

    expect(page.locator(".stc-typing")).to_be_hidden(timeout=TURN)


def session_id(page) -> str:
    stored = page.evaluate("() => Object.entries(localStorage).filter(([k]) => k.startsWith('spine-triage-chat:'))")
    [(_, value)] = stored
    return json.loads(value)["id"]


def test_a_whole_conversation_on_the_demo_page(browser, web_server, db_url):
    from playwright.sync_api import expect

    REPORTS.mkdir(exist_ok=True)
    context, page, outside, errors = new_page(browser, DESKTOP)
    page.goto(web_server)

    # a clinic page, from clinic.yml, with the widget open and the disclaimer visible
    expect(page.locator(".brand-name")).to_have_text(CLINIC.name)
    expect(page.locator(".stc-panel")).to_be_visible()
    expect(page.locator(".stc-disclaimer")).to_contain_text("not a diagnosis")
    expect(page.locator(f".stc-disclaimer a[href='tel:{EMERGENCY}']")).to_be_visible()
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(page.get_by_label("Your message")).to_be_focused()

    # the assistant greets on its own; the emergency number in its text is a tel: link
    bot_says(page, "Where does it hurt")
    expect(page.locator(f".stc-bot a[href='tel:{EMERGENCY}']").first).to_be_visible()
    settle(page)

    type_message(page, "my lower back")
    bot_says(page, "How long")
    type_message(page, "about 6 months")
    bot_says(page, "tried")
    type_message(page, "physio and ibuprofen, it doesn't spread")
    bot_says(page, "bladder")
    expect(page.get_by_role("button", name="None of these")).to_be_visible()
    settle(page)
    conversation = session_id(page)

    # a reload keeps the conversation: same id, same transcript, the buttons still there
    page.reload()
    expect(page.locator(".stc-user", has_text="physio and ibuprofen, it doesn't spread")).to_be_visible()
    bot_says(page, "bladder")
    assert session_id(page) == conversation
    page.get_by_role("button", name="None of these").click()
    bot_says(page, "not a diagnosis")  # the options explained, with the disclaimer
    expect(page.locator(".stc-bot li").first).to_be_visible()  # "• " lines as a list
    settle(page)
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".stc-bot li").first.evaluate("li => li.closest('.stc-msg').scrollIntoView({block: 'start'})")
    page.screenshot(path=str(REPORTS / "webchat-options-desktop.png"))

    # the PEG questions are offered after the options, and skipped with their button
    page.get_by_role("button", name="Skip").click()
    bot_says(page, "consultation")
    settle(page)
    page.get_by_role("button", name="Yes").click()
    bot_says(page, "name")

    # closing and reopening the widget keeps the conversation
    page.get_by_role("button", name="Close chat").click()
    expect(page.locator(".stc-panel")).to_be_hidden()
    page.locator(".stc-launcher").click()
    expect(page.locator(".stc-user", has_text="physio and ibuprofen, it doesn't spread")).to_be_visible()

    type_message(page, "Jane Smith")
    bot_says(page, "phone")
    type_message(page, "jane@example.com")
    bot_says(page, "When")
    type_message(page, "weekday mornings")
    bot_says(page, "reference")
    settle(page)

    assert session_id(page) == conversation
    [booking] = store.list_bookings(f"web:{conversation}")
    assert booking["name"] == "Jane Smith"
    assert booking["reference"] in page.locator(".stc-bot", has_text="reference").last.inner_text()

    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(REPORTS / "webchat-desktop.png"))
    state = context.storage_state()

    # the same conversation on a phone-sized screen (stored in this browser's localStorage)
    phone_context, phone, phone_outside, phone_errors = new_page(browser, PHONE, state, is_mobile=True)
    phone.goto(web_server)
    bot_says(phone, "reference")
    panel = phone.locator(".stc-panel").bounding_box()
    assert panel["width"] == pytest.approx(PHONE["width"], abs=1)  # full screen on a phone
    widths = phone.evaluate("() => [...document.querySelectorAll('.stc-bubble')].map(b => b.getBoundingClientRect().right)")
    assert max(widths) <= PHONE["width"], "long messages wrap inside the screen"
    phone.locator(".stc-bot", has_text="reference").last.scroll_into_view_if_needed()
    phone.screenshot(path=str(REPORTS / "webchat-phone.png"))

    assert not outside and not phone_outside, "everything is served by the project"
    assert not [e for e in errors + phone_errors if "Content Security Policy" in e or "Refused" in e]
    phone_context.close()
    context.close()


def test_patient_text_is_shown_as_text_and_the_widget_is_keyboard_usable(browser, web_server):
    from playwright.sync_api import expect

    context, page, outside, errors = new_page(browser, DESKTOP)
    page.goto(web_server)
    bot_says(page, "Where does it hurt")
    settle(page)

    hostile = '<img src=x onerror="window.hacked=1"><b>bold</b> ' + "a" * 300
    type_message(page, hostile)
    mine = page.locator(".stc-user .stc-bubble").last
    expect(mine).to_have_text(hostile)
    assert page.locator(".stc-log img, .stc-log b").count() == 0
    assert page.evaluate("() => window.hacked") is None
    box = mine.bounding_box()
    panel = page.locator(".stc-panel").bounding_box()
    assert box["x"] + box["width"] <= panel["x"] + panel["width"], "a long message wraps"
    settle(page)

    # buttons and free text both answer: a quick reply by keyboard
    page.get_by_role("button", name="Lower back").focus()
    page.keyboard.press("Enter")
    bot_says(page, "How long")
    settle(page)

    # Escape closes and gives focus back to the launcher; Enter on it reopens
    page.get_by_label("Your message").press("Escape")
    expect(page.locator(".stc-panel")).to_be_hidden()
    launcher = page.locator(".stc-launcher")
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(page.locator(".stc-panel")).to_be_visible()
    expect(page.get_by_label("Your message")).to_be_focused()

    # "New chat" starts a new conversation id
    before = session_id(page)
    page.get_by_role("button", name="New chat").click()
    bot_says(page, "Where does it hurt")
    assert session_id(page) != before
    assert page.locator(".stc-user").count() == 0

    assert not outside
    assert not [e for e in errors if re.search(r"Content Security Policy|Refused", e)]
    context.close()


def test_off_script_turns_in_the_web_chat(browser, web_server):
    """Not knowing how long gets choices as buttons; a clinic question mid-form is answered
    and the pending question comes back (issue 16)."""
    from playwright.sync_api import expect

    context, page, outside, errors = new_page(browser, DESKTOP)
    page.goto(web_server)
    bot_says(page, "Where does it hurt")
    settle(page)
    type_message(page, "my lower back")
    bot_says(page, "How long")
    type_message(page, "no idea honestly")
    bot_says(page, "Roughly how long")
    type_message(page, "I really couldn't say")
    expect(page.get_by_role("button", name="More than 3 months")).to_be_visible(timeout=TURN)
    page.get_by_role("button", name="More than 3 months").click()
    bot_says(page, "What have you tried")
    settle(page)
    type_message(page, "are you open on saturdays?")
    bot_says(page, "closed on Saturdays")
    expect(page.locator(".stc-bot").last).to_contain_text("What have you tried")
    assert not outside and not errors
    context.close()


def test_option_follow_up_and_leaving_in_the_web_chat(browser, web_server):
    """Mid-form, a question about an option and a follow-up about it ("will it hurt?") get the
    option's own sections, each followed by the pending question; then leaving ends kindly
    with the clinic's and the emergency numbers and no question after (issue 16)."""
    from playwright.sync_api import expect

    from bot.content import load_content

    facet = next(o for o in load_content().options if o.id == "facet_joint_injection")
    context, page, outside, errors = new_page(browser, DESKTOP)
    page.goto(web_server)
    bot_says(page, "Where does it hurt")
    settle(page)
    type_message(page, "my lower back")
    bot_says(page, "How long")
    settle(page)
    type_message(page, "what is a facet joint injection?")
    bot_says(page, " ".join(facet.what.split())[:40])
    settle(page)
    expect(page.locator(".stc-bot").last).to_contain_text("How long")
    type_message(page, "will it hurt much?")
    bot_says(page, " ".join(facet.how.split())[:40])
    settle(page)
    expect(page.locator(".stc-bot").last).to_contain_text("How long")
    type_message(page, "never mind, bye for now")
    bot_says(page, CLINIC.phone)
    settle(page)
    last = page.locator(".stc-bot").last
    expect(last).to_contain_text(EMERGENCY)
    assert "?" not in last.inner_text()
    assert not outside and not errors
    context.close()


def test_the_widget_passes_axe_wcag21_a_and_aa_open_answered_and_closed(browser, web_server):
    from playwright.sync_api import expect

    from tests import axe

    context, page, _outside, _errors = new_page(browser, DESKTOP)
    page.goto(web_server)
    bot_says(page, "Where does it hurt")
    settle(page)
    assert axe.violations(page) == [], "the demo page with the widget open"
    page.get_by_role("button", name="Lower back").click()
    bot_says(page, "How long")
    settle(page)
    assert axe.violations(page) == [], "after an answer, with its quick replies"
    page.get_by_label("Your message").press("Escape")
    expect(page.locator(".stc-panel")).to_be_hidden()
    assert axe.violations(page) == [], "closed: the launcher"
    context.close()
    context, page, _outside, _errors = new_page(browser, PHONE, is_mobile=True)
    page.goto(web_server)
    bot_says(page, "Where does it hurt")
    assert axe.violations(page) == [], "on a phone"
    context.close()


def test_the_widget_by_keyboard_alone(browser, web_server):
    """No mouse and no scripted focus: only keys, as a patient who cannot use a mouse."""
    from playwright.sync_api import expect

    context, page, _outside, _errors = new_page(browser, DESKTOP)
    page.goto(web_server)
    bot_says(page, "Where does it hurt")
    settle(page)
    message = page.get_by_label("Your message")
    expect(message).to_be_focused()  # the open widget puts the cursor where one types
    # Back from the message box to the quick replies (Shift+Tab), and one chosen with Enter
    focused = ""
    for _ in range(15):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("() => document.activeElement.classList.contains('stc-choice')"):
            focused = page.evaluate("() => document.activeElement.textContent.trim()")
            break
    else:
        raise AssertionError("no quick reply is reachable with the keyboard")
    page.keyboard.press("Enter")
    expect(page.locator(".stc-user .stc-bubble").last).to_have_text(focused)
    bot_says(page, "How long")
    settle(page)
    # the chosen button is gone: the focus is back in the message box, ready for typing
    expect(message).to_be_focused()
    page.keyboard.type("about 6 months")
    page.keyboard.press("Enter")
    expect(page.locator(".stc-user .stc-bubble").last).to_have_text("about 6 months")
    settle(page)
    # Escape closes and the focus is on the launcher; Enter opens it again, Escape again closes
    page.keyboard.press("Escape")
    expect(page.locator(".stc-panel")).to_be_hidden()
    expect(page.locator(".stc-launcher")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".stc-panel")).to_be_visible()
    expect(message).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".stc-panel")).to_be_hidden()
    context.close()
