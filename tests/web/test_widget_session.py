"""The widget keeps a conversation for as long as Rasa keeps the session, and no longer:
a patient who comes back after domain.yml's session_expiration_time starts a new chat."""
from __future__ import annotations

import json

import pytest
import yaml

from tests.web.test_webchat import (DESKTOP, ROOT, bot_says, browser, new_page,  # noqa: F401
                                    session_id, settle, web_server)

pytestmark = pytest.mark.slow

MINUTES = yaml.safe_load((ROOT / "domain.yml").read_text())["session_config"][
    "session_expiration_time"]


def _age_stored_chat(page, minutes: float) -> None:
    page.evaluate("""(minutes) => {
        for (const key of Object.keys(localStorage).filter(k => k.startsWith('spine-triage-chat:'))) {
            const state = JSON.parse(localStorage.getItem(key));
            state.updated = Date.now() - minutes * 60000;
            localStorage.setItem(key, JSON.stringify(state));
        }
    }""", minutes)


def test_the_widget_forgets_a_chat_when_rasa_would(browser, web_server):  # noqa: F811
    context, page, _, _ = new_page(browser, DESKTOP)
    page.goto(web_server)
    bot_says(page, "Where does it hurt")
    settle(page)
    first = session_id(page)

    _age_stored_chat(page, MINUTES - 2)  # still inside the session: same conversation
    page.reload()
    bot_says(page, "Where does it hurt")
    assert session_id(page) == first

    _age_stored_chat(page, MINUTES + 2)  # past it: a new conversation
    page.reload()
    bot_says(page, "Where does it hurt")
    assert session_id(page) != first
    stored = page.evaluate("() => Object.values(localStorage)")
    assert all(json.loads(v)["log"][0]["from"] == "bot" for v in stored)
    context.close()
