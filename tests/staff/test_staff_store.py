"""Conversations run through the real assistant, read back by the staff queries, on SQLite and
on PostgreSQL: the list's fields, the filters, the transcript, the queue, erase and purge."""
from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import pytest

from bot import store
from bot.staff import export

F = store.ConversationFilter


def _by_id(recorded, filters=None):
    items = store.all_conversations(filters, url=recorded.url)
    return {i["conversation_id"]: i for i in items}


def test_every_conversation_is_listed_with_what_the_tracker_holds(recorded):
    listed = _by_id(recorded)
    for name, cid in recorded.ids.items():
        assert cid in listed, name
        row, slots = listed[cid], recorded.slots[name]
        assert row["triage_level"] == slots.get("triage_level"), name
        assert row["red_flags"] == list(slots.get("red_flags") or []), name
        assert row["pain_location"] == slots.get("pain_location"), name
        assert row["pain_duration_weeks"] == slots.get("pain_duration_weeks"), name
        assert row["treatments_tried"] == slots.get("treatments_tried"), name
        assert row["booked"] == bool(store.list_bookings(cid, url=recorded.url)), name
        assert row["started_at"] <= row["last_at"]


def test_the_scenarios_reached_the_levels_staff_expect(recorded):
    listed = _by_id(recorded)
    ids = recorded.ids
    assert listed[ids["consultation"]]["triage_level"] == "consultation"
    assert listed[ids["consultation"]]["pain_location"] == "lower_back"
    assert "physical_therapy" in listed[ids["consultation"]]["treatments_tried"]
    assert listed[ids["urgent"]]["triage_level"] == "urgent"
    assert "trauma" in listed[ids["urgent"]]["red_flags"]
    assert listed[ids["emergency"]]["triage_level"] == "emergency"
    assert "bladder_bowel" in listed[ids["emergency"]]["red_flags"]
    assert listed[ids["emergency"]]["booked"] is False
    consultation = store.list_bookings(ids["consultation"], url=recorded.url)
    assert [b["kind"] for b in consultation] == ["consultation"]
    assert consultation[0]["name"] == "Jane Smith"
    callback = store.list_bookings(ids["urgent"], url=recorded.url)
    assert [b["kind"] for b in callback] == ["callback"]


def test_filters(recorded):
    ids = recorded.ids
    assert set(_by_id(recorded, F(levels=("emergency",)))) >= {ids["emergency"]}
    assert ids["consultation"] not in _by_id(recorded, F(levels=("emergency", "urgent")))
    assert set(_by_id(recorded, F(levels=("emergency", "urgent")))) >= {ids["emergency"], ids["urgent"]}
    assert ids["urgent"] in _by_id(recorded, F(red_flag="trauma"))
    assert ids["emergency"] not in _by_id(recorded, F(red_flag="trauma"))
    assert ids["consultation"] not in _by_id(recorded, F(red_flag="any"))
    booked = _by_id(recorded, F(booked=True))
    assert ids["consultation"] in booked and ids["emergency"] not in booked
    assert ids["emergency"] in _by_id(recorded, F(booked=False))
    # search by booking name (any case) and by phone digits written differently
    assert list(_by_id(recorded, F(search="jane smith"))) == [ids["consultation"]]
    assert list(_by_id(recorded, F(search="(555) 777-1234"))) == [ids["urgent"]]
    today = datetime.now(timezone.utc)
    assert ids["urgent"] in _by_id(recorded, F(date_from=today - timedelta(days=1),
                                                date_to=today + timedelta(days=1)))
    assert not _by_id(recorded, F(date_to=today - timedelta(days=1)))
    assert not _by_id(recorded, F(date_from=today + timedelta(days=1)))


def test_needs_attention_is_the_unreviewed_emergency_and_urgent_ones_most_serious_first(recorded):
    items = store.all_conversations(F(needs_attention=True), url=recorded.url)
    levels = [i["triage_level"] for i in items]
    assert levels[:2] == ["emergency", "urgent"] and set(levels) <= {"emergency", "urgent"}
    ids = {i["conversation_id"] for i in items}
    # a new consultation request waits in the requests queue, not here
    assert recorded.ids["consultation"] not in ids and recorded.ids["markup"] not in ids


def test_pagination(recorded):
    first = store.list_conversations(page=1, per_page=2, url=recorded.url)
    second = store.list_conversations(page=2, per_page=2, url=recorded.url)
    assert first.total == second.total >= 4 and first.pages >= 2
    assert not {i["conversation_id"] for i in first.items} & {i["conversation_id"] for i in second.items}


def test_transcript_has_turns_in_order_slots_trail_booking_and_peg(recorded):
    c = store.get_conversation(recorded.ids["consultation"], url=recorded.url)
    patient = [t["text"] for t in c["timeline"] if t["kind"] == "patient"]
    assert patient == recorded.messages["consultation"]
    times = [t["at"] for t in c["timeline"]]
    assert times == sorted(times)
    assert any(t["kind"] == "assistant" for t in c["timeline"])
    assert any(t["kind"] == "slot" and t["name"] == "pain_location" for t in c["timeline"])
    assert c["decision_trail"] and c["decision_trail"][-1]["level"] == "consultation"
    assert c["decision_trail"][-1]["rule"].startswith("3")
    assert c["options_explained"] == recorded.slots["consultation"]["options_explained"]
    assert c["bookings"][0]["reference"] == recorded.slots["consultation"]["booking_reference"]
    # the scenario answers the three PEG questions 7, 5 and 6
    assert recorded.slots["consultation"]["peg_score"] == 6.0
    assert c["peg"]["peg_score"] == 6.0


def test_exports(recorded):
    c = store.get_conversation(recorded.ids["urgent"], url=recorded.url)
    data = json.loads(export.conversation_json(c))
    assert data["triage_level"] == "urgent" and data["turns"]
    assert data["requests"][0]["kind"] == "callback"
    assert "Patient" not in export.conversation_csv(c).splitlines()[0]
    rows = export.list_csv(store.all_conversations(F(levels=("urgent",)), url=recorded.url))
    assert rows.splitlines()[0].startswith("conversation_id,started")
    assert "Ahmed Khan" in rows


def test_queue_status_change_records_who_and_when(recorded):
    booking = store.list_bookings(recorded.ids["urgent"], url=recorded.url)[0]
    updated = store.set_booking_status(booking["id"], "contacted", actor="maria",
                                       url=recorded.url)
    assert updated["status"] == "contacted" and updated["status_changed_by"] == "maria"
    history = store.status_history([booking["id"]], url=recorded.url)[booking["id"]]
    assert (history[-1]["from_status"], history[-1]["to_status"]) == ("new", "contacted")
    audit = store.list_audit(action="status_change", url=recorded.url)
    assert audit[0]["actor"] == "maria" and audit[0]["booking_id"] == booking["id"]
    with pytest.raises(ValueError):
        store.set_booking_status(booking["id"], "done", actor="maria", url=recorded.url)
    store.set_booking_status(booking["id"], "new", actor="maria", url=recorded.url)


def test_erase_removes_every_trace_and_the_audit_keeps_only_the_id(empty_db):
    url = empty_db
    store.upgrade(url)
    _fake_conversation(url, "to-erase", time.time())
    _fake_conversation(url, "to-keep", time.time())
    store.audit("maria", "view_conversation", conversation_id="to-erase", url=url)
    counts = store.erase_conversation("to-erase", actor="admin", url=url)
    assert counts == {"events": 3, "bookings": 1}
    with pytest.raises(store.NotFound):
        store.get_conversation("to-erase", url=url)
    assert store.list_bookings("to-erase", url=url) == []
    assert store.get_conversation("to-keep", url=url)["bookings"]
    trail = store.list_audit(conversation_id="to-erase", url=url)
    assert {r["action"] for r in trail} == {"view_conversation", "erase"}
    assert all("Pat" not in (r["detail"] or "") for r in trail)


def test_purge_deletes_only_conversations_past_retention(empty_db):
    url = empty_db
    store.upgrade(url)
    _fake_conversation(url, "old", time.time() - 400 * 86400)
    _fake_conversation(url, "recent", time.time() - 10 * 86400)
    counts = store.purge(365, actor="cron", url=url)
    assert counts["conversations"] == 1 and counts["events"] == 3
    assert [i["conversation_id"] for i in store.all_conversations(url=url)] == ["recent"]
    assert [b["conversation_id"] for b in store.list_bookings(url=url)] == ["recent"]
    assert store.list_audit(action="purge", url=url)[0]["actor"] == "cron"


def _fake_conversation(url: str, sender: str, at: float) -> None:
    """A minimal conversation as Rasa's SQLTrackerStore writes it (for retention tests)."""
    import json

    from sqlalchemy import insert
    rows = [
        {"type_name": "user", "intent_name": "greet", "action_name": None,
         "data": {"event": "user", "text": "Pat here"}},
        {"type_name": "slot", "intent_name": None, "action_name": "triage_level",
         "data": {"event": "slot", "name": "triage_level", "value": "urgent"}},
        {"type_name": "bot", "intent_name": None, "action_name": None,
         "data": {"event": "bot", "text": "hello"}},
    ]
    with store.engine_for(url).begin() as connection:
        for i, row in enumerate(rows):
            connection.execute(insert(store.events).values(
                sender_id=sender, type_name=row["type_name"], timestamp=at + i,
                intent_name=row["intent_name"], action_name=row["action_name"],
                data=json.dumps(row["data"])))
    store.save_booking(conversation_id=sender, kind="callback", name="Pat", contact="555 1234",
                       preferred_time="now", triage_level="urgent", url=url)
    if at < time.time() - 86400:
        from sqlalchemy import update
        with store.engine_for(url).begin() as connection:
            connection.execute(update(store.booking_requests)
                               .where(store.booking_requests.c.conversation_id == sender)
                               .values(created_at=datetime.fromtimestamp(at, timezone.utc)))


def test_a_day_filter_is_that_days_start_in_the_clinic_zone_and_a_bad_date_none():
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("America/Chicago")
    day = store.ConversationFilter.day
    assert day("2025-01-31", zone) == datetime(2025, 1, 31, tzinfo=zone)
    assert day("2025-01-31", zone, next_day=True) == datetime(2025, 2, 1, tzinfo=zone)
    assert day("31/01/2025", zone) is None and day("", zone) is None and day(None, zone) is None
