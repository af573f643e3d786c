"""The clinic's view (issue 18): the dashboard after real conversations, the FHIR R4 Bundle of
a request, and its delivery to a local FHIR endpoint started here (a real HTTP server that
validates what it receives with fhir.resources and can fail on demand); the manager's role.

The conversations run through the real assistant with the project's tracker store
(bot.tracker_store.ClinicTrackerStore, which keeps the dashboard's rows as it saves) and a
real action server that queues each new request's Bundle in the outbox.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest

from bot import store
from tests.harness import free_port, require, wait_for
from tests.staff.conftest import CHROMIUM, CHROMIUM_ARGS, SCENARIOS, _start_action_server
from tests.staff.test_staff_web import _login

ROOT = Path(__file__).resolve().parents[2]
CHANNEL_OF = {"consultation": "web", "urgent": "sms", "emergency": "web", "markup": "rest",
              "spanish": "web"}
# A Spanish-speaking patient beside the staff tests' English ones: the language staff see.
CONVERSATIONS = {**SCENARIOS, "spanish": [
    "hola", "me duele la parte baja de la espalda", "y ahora no puedo aguantar la orina"]}


# ----------------------------------------------------------------------------- FHIR endpoint

class FhirEndpoint:
    """A FHIR server's transaction endpoint: validates each Bundle as R4B, answers a
    transaction-response, or 503 while `fail` is set."""

    def __init__(self):
        self.received, self.rejected, self.fail, self.auth = [], [], False, []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                from fhir.resources.R4B.bundle import Bundle

                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                endpoint.auth.append(self.headers.get("Authorization"))
                if endpoint.fail:
                    return self._answer(503, {"resourceType": "OperationOutcome", "issue": [
                        {"severity": "error", "code": "transient", "diagnostics": "down"}]})
                try:
                    bundle = Bundle.parse_raw(body)
                    assert bundle.type == "transaction"
                    assert self.headers["Content-Type"] == "application/fhir+json"
                except Exception as error:  # noqa: BLE001 - told to the sender
                    endpoint.rejected.append(str(error))
                    return self._answer(400, {"resourceType": "OperationOutcome", "issue": [
                        {"severity": "error", "code": "invalid"}]})
                endpoint.received.append(json.loads(body))
                self._answer(200, {"resourceType": "Bundle", "type": "transaction-response",
                                   "entry": [{"response": {"status": "201 Created",
                                                           "location": f"{e.resource.resource_type}/{i}"}}
                                             for i, e in enumerate(bundle.entry)]})

            def _answer(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/fhir+json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/fhir"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


# ----------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def fhir_endpoint():
    endpoint = FhirEndpoint()
    saved = {k: os.environ.get(k) for k in ("FHIR_BASE_URL", "FHIR_TOKEN")}
    os.environ.update(FHIR_BASE_URL=endpoint.url, FHIR_TOKEN="test-token-1")
    yield endpoint
    endpoint.server.shutdown()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="module")
def recorded(fhir_endpoint, tmp_path_factory):
    """The staff tests' scenarios through the assistant, each from its channel."""
    import asyncio

    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    from bot.tracker_store import ClinicTrackerStore

    configure_structlog()
    url = f"sqlite:///{tmp_path_factory.mktemp('clinicview') / 'clinic.db'}"
    store.upgrade(url)
    process, log, endpoint = _start_action_server(
        url, tmp_path_factory.mktemp("logs") / "actions.log")
    loop = asyncio.new_event_loop()
    ids = {}
    try:
        tracker_store = ClinicTrackerStore(host=url)
        agent = Agent.load(str(ROOT / "models" / "current.tar.gz"),
                           action_endpoint=EndpointConfig(url=endpoint),
                           tracker_store=tracker_store)
        for name, messages in CONVERSATIONS.items():
            sender = f"{CHANNEL_OF[name]}:cv-{name}-{time.time_ns() % 10**9}"
            for text in messages:
                loop.run_until_complete(agent.handle_text(text, sender_id=sender))
            ids[name] = sender
        tracker_store.engine.dispose()
    finally:
        loop.close()
        process.terminate()
        process.wait(timeout=20)
        log.close()
    return {"url": url, "ids": ids}


@pytest.fixture(scope="module")
def staff(recorded):
    url = recorded["url"]
    env = dict(os.environ, PYTHONPATH=str(ROOT), DB_URL=url)
    for user, role in (("admin", "--admin"), ("manager", "--manager"), ("reception", None)):
        subprocess.run([sys.executable, "-m", "bot", "staff", "add-user", user,
                        *([role] if role else [])], cwd=ROOT, check=True, capture_output=True,
                       env=dict(env, STAFF_PASSWORD=f"{user}-password-1"), stdin=subprocess.DEVNULL)
    port = free_port()
    log_path = Path(url.split("///", 1)[1]).with_name("staff.log")
    log = open(log_path, "w")
    process = subprocess.Popen([sys.executable, "-m", "bot", "staff", "serve", "--port", str(port)],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/health", timeout=30)
    yield {"base": base, **recorded}
    process.terminate()
    process.wait(timeout=20)
    log.close()


# ----------------------------------------------------------------------------- dashboard

def test_the_dashboard_rows_match_the_stored_conversations(recorded):
    url, ids = recorded["url"], recorded["ids"]
    stored = store.stats_rows(url=url)
    rows = {r["conversation_id"]: r for r in stored}
    assert len(stored) == len(ids) and set(rows) == set(ids.values())
    for name, cid in ids.items():
        c = store.get_conversation(cid, url=url)  # what staff read from the events
        row = rows[cid]
        assert row["channel"] == CHANNEL_OF[name]
        assert row["language"] == c["language"] == ("es" if name == "spanish" else "en")
        assert row["triage_level"] == c["triage_level"]
        assert sorted(f for f in row["red_flags"].split("|") if f) == sorted(c["red_flags"])
        assert row["request_kind"] == (c["bookings"][0]["kind"] if c["bookings"] else None)
        assert [o for o in row["options_explained"].split("|") if o] == c["options_explained"]
    assert rows[ids["emergency"]]["triage_level"] == "emergency"
    assert rows[ids["consultation"]]["request_kind"] == "consultation"
    assert rows[ids["urgent"]]["request_kind"] == "callback"
    # Kept as the conversations were saved == summarised again from the events table.
    store.rebuild_stats(url=url)
    key = lambda r: r["conversation_id"]  # noqa: E731
    assert sorted(store.stats_rows(url=url), key=key) == sorted(stored, key=key)


def test_the_dashboard_figures_count_what_the_database_holds(recorded):
    from bot.dashboard import figures
    from bot.dashboard.summary import clinic_tz
    from bot.staff import labels
    from bot.staff.clinicview import CHANNELS, INTENTS, STEPS

    url, ids = recorded["url"], recorded["ids"]
    tz = clinic_tz()
    period = figures.Period.parse(None, None, None, tz, datetime.now(tz).date())
    words = {"levels": labels.LEVELS, "red_flags": labels.RED_FLAGS, "options": {},
             "kinds": labels.KINDS, "steps": STEPS, "channels": CHANNELS, "intents": INTENTS,
             "languages": labels.LANGUAGES}
    later = (datetime.now(timezone.utc) + timedelta(hours=2)).timestamp()  # all sessions over
    board = figures.compute(store.dashboard_counts(*period.days(), later, url=url),
                            store.request_counts(*period.days(), url=url), period, words)
    panels = {p.key: dict((label, v) for label, v in p.rows) for p in board.panels}
    conversations = [store.get_conversation(c, url=url) for c in ids.values()]
    assert sum(v[0] for v in panels["activity"].values()) == len(ids)
    assert panels["levels"]["Emergency"] == [sum(c["triage_level"] == "emergency" for c in conversations)]
    assert panels["requests"]["Call back"] == [len(store.list_bookings(kind="callback", url=url))]
    assert panels["channels"] == {"Web chat": [3], "SMS": [1], "Clinic's integrations (REST)": [1]}
    assert panels["red_flags"]["Bladder or bowel control"] == [2]
    assert panels["languages"] == {"English": [4], "Spanish": [1]}
    # Shown: every count under 5 hidden, in the table and in the CSV.
    assert dict(board.headline)["Conversations started"] == "5"
    assert all(
        v in ("0", "<5", "5") for p in board.panels for _, vs in p.shown() for v in vs)
    assert dict(next(p for p in board.panels if p.key == "languages").shown()) == {
        "English": ["<5"], "Spanish": ["<5"]}


def test_counts_of_five_or_more_are_shown_and_the_funnel_counts_who_left(tmp_path):
    from bot.dashboard import figures, summary

    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    store.upgrade(url)
    started = datetime.now(timezone.utc) - timedelta(days=2)
    rows = []
    for i in range(12):
        steps = [summary.Step("action", started.timestamp() + i, name="action_session_start"),
                 summary.Step("session_started", started.timestamp() + i),
                 summary.Step("user", started.timestamp() + i + 1, intent="greet"),
                 summary.Step("action", started.timestamp() + i + 2,
                              name="utter_ask_pain_location" if i < 7 else "utter_ask_pain_duration_weeks"),
                 summary.Step("slot", started.timestamp() + i + 1, name="language",
                              value="es" if i < 9 else "en")]
        if i == 0:
            steps += [summary.Step("user", started.timestamp() + 5, intent="nlu_fallback"),
                      summary.Step("action", started.timestamp() + 6, name="utter_default")]
        rows += summary.summarise_all(f"web:{i}", steps)
    with store.engine_for(url).begin() as connection:
        store.upsert_stats(connection, rows)
    period = figures.Period.parse(None, None, "day", timezone.utc, datetime.now(timezone.utc).date())
    counts = store.dashboard_counts(*period.days(), datetime.now(timezone.utc).timestamp(), url=url)
    board = figures.compute(counts, {"kinds": {}, "contact_hours": []}, period, {k: {} for k in (
        "levels", "red_flags", "options", "kinds", "steps", "channels", "intents", "languages")})
    leaving = dict(next(p for p in board.panels if p.key == "leaving").shown())
    assert leaving["pain location"] == ["12", "7"]
    assert leaving["pain duration weeks"] == ["5", "5"]
    assert leaving["treatments tried"] == ["0", "0"]
    unanswered = dict(next(p for p in board.panels if p.key == "unanswered").shown())
    assert unanswered == {"nlu fallback": ["<5"]}
    languages = dict(next(p for p in board.panels if p.key == "languages").shown())
    assert languages == {"es": ["9"], "en": ["<5"]}
    assert dict(board.headline)["Conversations started"] == "12"
    csv_text = "\n".join(",".join(r) for r in figures.csv_rows(board))
    assert "Where patients leave,pain location,Left here,7" in csv_text


def _requests_as_stored(url):
    """Requests by kind and hours to first contact, read from the requests table and their
    status history (what the dashboard's summary rows must agree with)."""
    bookings = store.list_bookings(url=url)
    history = store.status_history([b["id"] for b in bookings], url=url)
    kinds = {}
    for b in bookings:
        kinds[b["kind"]] = kinds.get(b["kind"], 0) + 1
    hours = [(min(c["changed_at"] for c in history[b["id"]]) - b["created_at"]).total_seconds() / 3600
             for b in bookings if b["id"] in history]
    return kinds, sorted(hours)


def _dashboard_requests(url, tz):
    from bot.dashboard import figures

    period = figures.Period.parse(None, None, "day", tz, datetime.now(tz).date())
    found = store.request_counts(*period.days(), url=url)
    board = figures.compute(store.dashboard_counts(*period.days(), 0, url=url), found, period,
                            {k: {} for k in ("levels", "red_flags", "options", "kinds", "steps",
                                             "channels", "intents", "languages")})
    return found["kinds"], sorted(found["contact_hours"]), dict(board.headline)


def test_the_requests_summary_matches_the_requests_and_their_first_contacts(tmp_path, monkeypatch):
    """Requests and their first contacts, written through the store at known times: the
    dashboard's kinds, count and median time to first contact are the requests table's, after
    a second status change, an erasure and a rebuild alike."""
    import statistics

    import bot.store.bookings as bookings
    from bot.dashboard.summary import clinic_tz

    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    store.upgrade(url)
    clock = [datetime.now(timezone.utc) - timedelta(days=3)]
    monkeypatch.setattr(bookings, "now", lambda: clock[0])
    refs = []
    for i, kind in enumerate(["consultation"] * 5 + ["callback"] * 3):
        clock[0] += timedelta(minutes=10)
        refs.append(store.save_booking(conversation_id=f"web:req-{i}", kind=kind, name="Pat Doe",
                                       contact="555 010 2030", preferred_time="mornings",
                                       triage_level="consultation", url=url))
    made = clock[0]
    for ref, hours in zip(refs, (1, 2, 3, 5, 8, 13, 21)):  # the last request is never contacted
        clock[0] = made + timedelta(hours=hours)
        store.set_booking_status(int(ref[1:]), "contacted", actor="reception", url=url)
    clock[0] = made + timedelta(hours=40)
    store.set_booking_status(int(refs[0][1:]), "closed", actor="reception", url=url)  # not a first contact

    kinds, hours, headline = _dashboard_requests(url, clinic_tz())
    stored_kinds, stored_hours = _requests_as_stored(url)
    assert kinds == stored_kinds == {"consultation": 5, "callback": 3}
    assert hours == pytest.approx(stored_hours) and len(hours) == 7
    assert headline["Booking and call-back requests"] == "8"
    assert headline["Median time from request to first contact"] == \
        f"{statistics.median(stored_hours):.1f} hours"

    store.erase_conversation("web:req-2", actor="admin", url=url)
    kinds, hours, _ = _dashboard_requests(url, clinic_tz())
    stored_kinds, stored_hours = _requests_as_stored(url)
    assert kinds == stored_kinds == {"consultation": 4, "callback": 3}
    assert hours == pytest.approx(stored_hours)
    before = store.request_counts("2000-01-01", "2999-12-31", url=url)
    store.rebuild_stats(url=url)  # `python -m bot dashboard rebuild`
    after = store.request_counts("2000-01-01", "2999-12-31", url=url)
    assert after["kinds"] == before["kinds"]
    assert sorted(after["contact_hours"]) == pytest.approx(sorted(before["contact_hours"]))


def test_requests_stored_before_the_summary_existed_are_counted_after_the_upgrade(tmp_path):
    import sqlalchemy as sa

    from bot.dashboard.summary import clinic_tz

    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    store.upgrade(url, "0006")
    made = datetime.now(timezone.utc) - timedelta(days=2)
    raw = sa.create_engine(url)
    with raw.begin() as connection:
        for i, (kind, contacted_after) in enumerate([("consultation", 2.5), ("callback", None),
                                                     ("consultation", 0.5), ("callback", 7.0)]):
            booking_id = connection.execute(store.booking_requests.insert().values(
                conversation_id=f"web:old-{i}", kind=kind, name="Pat Doe", contact="555 010 2030",
                preferred_time="mornings", status="new", created_at=made)).inserted_primary_key[0]
            if contacted_after is not None:
                for later in (contacted_after, contacted_after + 24):  # the first one counts
                    connection.execute(store.booking_status_changes.insert().values(
                        booking_id=booking_id, from_status="new", to_status="contacted",
                        changed_by="reception", changed_at=made + timedelta(hours=later)))
    raw.dispose()
    store.upgrade(url)
    kinds, hours, _ = _dashboard_requests(url, clinic_tz())
    stored_kinds, stored_hours = _requests_as_stored(url)
    assert kinds == stored_kinds == {"consultation": 2, "callback": 2}
    assert hours == pytest.approx(stored_hours) == [0.5, 2.5, 7.0]


def test_the_manager_sees_the_dashboard_and_no_patient_detail(staff):
    base = staff["base"]
    manager = _login(base, "manager")
    page = manager.get(f"{base}/dashboard")
    assert page.status_code == 200
    assert page.text.count('role="img"') == 9 and page.text.count("<table") == 9
    assert "Languages spoken" in page.text
    for detail in ("Jane", "Smith", "010 2030", "Ahmed", "off a ladder", "cv-", "orina"):
        assert detail not in page.text
    assert manager.get(f"{base}/").url.endswith("/dashboard")
    for path in ("/conversations", "/conversation?id=" + staff["ids"]["urgent"], "/requests",
                 "/requests/fhir?ref=R00001", "/handover", "/conversations/export", "/audit"):
        r = manager.get(base + path)
        assert r.status_code == 403, path
        assert "Jane" not in r.text and "Ahmed" not in r.text
    csv_text = manager.get(f"{base}/dashboard.csv").text
    assert csv_text.startswith("section,row,column,value")
    # Reception (clinical staff) work the queue but do not see the dashboard; admins do.
    assert _login(base, "reception").get(f"{base}/dashboard").status_code == 403
    assert _login(base, "admin").get(f"{base}/dashboard").status_code == 200
    actions = [r["action"] for r in store.list_audit(actor="manager", url=staff["url"])]
    assert "view_dashboard" in actions and "export_dashboard" in actions


def test_staff_see_each_conversations_language_in_the_list_transcript_and_export(staff):
    base, spanish = staff["base"], staff["ids"]["spanish"]
    reception = _login(base, "reception")
    listing = reception.get(f"{base}/conversations").text
    rows = {unquote(m.group(2)): m.group(1) for m in re.finditer(
        r'<tr class="row-[a-z_]+">(.*?)href="/conversation\?id=([^"]+)"', listing, re.S)}
    assert len(rows) == len(staff["ids"])
    for name, cid in staff["ids"].items():
        language = "Spanish" if name == "spanish" else "English"
        assert re.search(rf'<td lang="(es|en)">{language}</td>', rows[cid]), name
    page = reception.get(f"{base}/conversation", params={"id": spanish}).text
    assert "<dt>Language</dt><dd>Spanish</dd>" in page
    assert "(in Spanish, as said)" in page
    # The patient's words as written, marked Spanish for a screen reader; the labels in English.
    assert '<div class="bubble" lang="es">hola</div>' in page
    assert "Noted: Language = Spanish" in page
    assert "Bladder or bowel control" in page
    admin = _login(base, "admin")
    exported = admin.get(f"{base}/conversations/export", params={"format": "json"}).json()
    assert {e["conversation_id"]: e["language"] for e in exported} == {
        cid: "es" if name == "spanish" else "en" for name, cid in staff["ids"].items()}


# ----------------------------------------------------------------------------- FHIR

def test_a_booking_with_peg_answers_exports_as_a_valid_r4_bundle(staff):
    from fhir.resources.R4B.bundle import Bundle

    url, base = staff["url"], staff["base"]
    booking = store.list_bookings(staff["ids"]["consultation"], url=url)[0]
    download = _login(base, "reception").get(f"{base}/requests/fhir?ref={booking['reference']}")
    assert download.status_code == 200
    assert "attachment" in download.headers["Content-Disposition"]
    bundle = Bundle.parse_raw(download.content)
    types = [e.resource.resource_type for e in bundle.entry]
    assert types == ["Patient", "Appointment", "QuestionnaireResponse", "Communication"]
    patient, appointment, peg, summary = (e.resource for e in bundle.entry)
    assert patient.name[0].text == "Jane Smith" and patient.telecom[0].value == booking["contact"]
    assert appointment.status == "proposed" and "weekday mornings" in appointment.comment
    assert peg.questionnaire == "http://loinc.org/q/91148-7"
    answers = {i.linkId: (i.answer[0].valueInteger or i.answer[0].valueDecimal) for i in peg.item}
    assert answers == {"75893-8": 7, "91145-3": 5, "91146-1": 6, "91147-9": 6.0}
    assert "Consultation" in summary.payload[0].contentString
    for entry in bundle.entry:
        assert entry.resource.identifier[0].value == booking["reference"] if isinstance(
            entry.resource.identifier, list) else entry.resource.identifier.value == booking["reference"]
    audited = store.list_audit(action="fhir_export", url=url)
    assert audited and audited[0]["booking_id"] == booking["id"]
    # The command line gives the same Bundle, audited with the OS user.
    done = subprocess.run([sys.executable, "-m", "bot", "fhir", "export", booking["reference"],
                           "--db", url], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(download.content)
    # A call back is a ServiceRequest.
    callback = store.list_bookings(staff["ids"]["urgent"], url=url)[0]
    r = _login(base, "reception").get(f"{base}/requests/fhir?ref={callback['reference']}")
    kinds = [e["resource"]["resourceType"] for e in r.json()["entry"]]
    assert kinds[1] == "ServiceRequest" and r.json()["entry"][1]["resource"]["priority"] == "urgent"


def test_each_new_request_reaches_the_fhir_server_and_failures_are_shown(staff, fhir_endpoint):
    from bot import outbox
    from bot.fhir import delivery

    url, base = staff["url"], staff["base"]
    delivery.register()
    # The action server queued both requests as they were made; the worker delivers them.
    assert outbox.deliver_due(url) == 2
    refs = {b["identifier"]["value"] for b in fhir_endpoint.received}
    assert refs == {b["reference"] for b in store.list_bookings(url=url)}
    assert fhir_endpoint.auth == ["Bearer test-token-1"] * 2 and not fhir_endpoint.rejected
    sent = {r["reference"]: r for r in store.list_outbox(url=url)}
    assert all(r["delivered_at"] and "transaction-response" in r["response"] for r in sent.values())

    # The server fails: the row stays, the failure is shown, a later pass delivers it.
    fhir_endpoint.fail = True
    reference = store.save_booking(conversation_id="web:cv-late", kind="callback", name="Late Patient",
                                   contact="late@example.org", preferred_time="any",
                                   triage_level=None, url=url)
    assert delivery.enqueue_request(int(reference[1:]), url=url)
    assert outbox.deliver_due(url) == 0
    failure = [r for r in store.outbox_failures(url=url) if r["reference"] == reference][0]
    assert failure["last_error"] == "FHIR server answered HTTP 503" and "OperationOutcome" in failure["response"]
    page = _login(base, "reception").get(f"{base}/handover").text
    assert reference in page and "Not delivered yet" in page and "HTTP 503" in page
    fhir_endpoint.fail = False
    assert outbox.deliver_due(url, now=datetime.now(timezone.utc) + timedelta(minutes=5)) == 1
    assert not store.outbox_failures(url=url)


# ----------------------------------------------------------------------------- browser

def test_the_dashboard_in_a_browser_is_readable_by_keyboard_and_screen_reader(staff, tmp_path):
    require("chromium")
    from playwright.sync_api import expect, sync_playwright

    base = staff["base"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900},
                                      accept_downloads=True)
        page = context.new_page()
        errors, outside, failed = [], [], []
        page.on("console", lambda m: m.type == "error" and "Refused" in m.text
                and errors.append(m.text))  # a Content-Security-Policy violation
        page.on("response", lambda r: r.status >= 400 and not r.url.endswith("/favicon.ico")
                and failed.append(r.url))
        page.on("request", lambda r: "127.0.0.1" not in r.url and outside.append(r.url))
        page.goto(base + "/dashboard")
        page.fill("#username", "manager")
        page.fill("#password", "manager-password-1")
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r".*/dashboard$"))
        # Only the dashboard in the navigation; every chart named, its numbers in a table.
        nav = page.get_by_role("navigation", name="Main")
        assert nav.get_by_role("link").all_inner_texts() == ["Dashboard"]
        charts = page.get_by_role("img")
        assert charts.count() == 9
        expect(page.get_by_role("img", name=re.compile("^Triage levels: chart"))).to_be_visible()
        assert page.get_by_role("table").count() == 9
        assert page.get_by_role("rowheader", name="Emergency").count() == 1
        assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"
        # By keyboard: choose days and show.
        page.get_by_label("By", exact=True).select_option("day")
        page.get_by_role("button", name="Show").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r".*by=day"))
        assert "by day" in page.locator(".lead").inner_text()
        with page.expect_download() as download:
            page.get_by_role("link", name="Download CSV").click()
        assert Path(download.value.path()).read_text().startswith("section,row,column,value")
        page.screenshot(path=str(ROOT / "reports" / "staff-dashboard.png"), full_page=True)
        page.get_by_role("button", name="Log out").click()

        # Reception: each request's Bundle named for a screen reader, the handover page.
        page.fill("#username", "reception")
        page.fill("#password", "reception-password-1")
        page.click("button[type=submit]")
        page.goto(base + "/requests?status=all")
        reference = store.list_bookings(staff["ids"]["consultation"], url=staff["url"])[0]["reference"]
        expect(page.get_by_role("link", name=f"FHIR Bundle of {reference}")).to_be_visible()
        page.get_by_role("navigation", name="Main").get_by_role("link", name="EHR handover").click()
        assert page.get_by_role("heading", level=1).inner_text() == "EHR handover (FHIR)"
        headers = page.get_by_role("columnheader").all_text_contents()
        assert headers[:3] == ["Request", "Queued", "State"]
        assert errors == [] and outside == [] and failed == []  # no CSP violation, no CDN
        context.close()
        browser.close()
