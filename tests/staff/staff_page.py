"""The staff app on its own fresh SQLite database, served over HTTP in the test's process
(uvicorn in a thread), with the two accounts and one conversation every test starts from."""
from __future__ import annotations

import asyncio
import re
import threading
import time

import requests

from bot import store
from bot.staff.auth import hash_password
from tests.harness import free_port

PASSWORDS = {"admin": "admin-password-1", "reception": "reception-password-1"}


def run_async(coroutine):
    """Run a coroutine to its end from sync code, also where an event loop is already running
    in this thread (Playwright's sync API keeps one): in a thread of its own."""
    result = {}
    thread = threading.Thread(target=lambda: result.update(value=asyncio.run(coroutine)))
    thread.start()
    thread.join()
    return result.get("value")


def write_conversation(url: str, sender: str) -> None:
    """One short conversation and its booking, written the way Rasa and the action server do."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker.from_events(sender, [
        ActionExecuted("action_session_start"), ActionExecuted("action_listen"),
        UserUttered("my lower back has hurt for 6 months", {"name": "describe_pain"}),
        SlotSet("triage_level", "consultation"),
        BotUttered("Thank you."), ActionExecuted("action_listen"),
    ])
    tracker_store = SQLTrackerStore(domain=Domain.load("domain.yml"), host=url)
    run_async(tracker_store.save(tracker))
    tracker_store.engine.dispose()
    store.save_booking(conversation_id=sender, kind="consultation", name="Jane Smith",
                       contact="jane@example.com", preferred_time="mornings",
                       triage_level="consultation", url=url)


class StaffPage:
    """The staff app on its own database, served over HTTP in this process."""

    def __init__(self, url: str, **app_options):
        import uvicorn

        from bot.staff.app import create_app

        self.url = url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(url, **app_options),
                                                    host="127.0.0.1", port=self.port,
                                                    log_level="warning", ws="none"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the staff page did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)

    def login(self, user: str = "reception", password: str = "") -> requests.Session:
        s = requests.Session()
        r = s.post(self.base + "/login", data={"csrf": csrf(s.get(self.base + "/login").text),
                                               "username": user, "next": "/",
                                               "password": password or PASSWORDS[user]},
                   allow_redirects=False)  # the page it leads to writes its own entry
        assert r.status_code == 303 and "staff_session" in s.cookies, r.text[:300]
        return s

    def entries(self):
        """Audit entries, oldest first, as (actor, action, conversation id, booking id)."""
        return [(e["actor"], e["action"], e["conversation_id"], e["booking_id"])
                for e in reversed(store.list_audit(limit=1000, url=self.url))]

    def entries_after(self, action):
        before = len(self.entries())
        result = action()
        return self.entries()[before:], result


def csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def make_fresh_db(tmp_path, monkeypatch) -> str:
    for name in ("STAFF_IDLE_MINUTES", "STAFF_SESSION_HOURS", "STAFF_SECURE_COOKIES"):
        monkeypatch.delenv(name, raising=False)
    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    store.upgrade(url)
    for user in ("admin", "reception"):
        store.add_user(user, hash_password(PASSWORDS[user]), is_admin=user == "admin", url=url)
    write_conversation(url, "audit-conversation")
    return url
