"""The persistent outbox: deliveries that must not be lost (alerts to staff, EHR hand-overs).

    enqueue("email", "R00012", {...})          a row in the database, in the caller's process
    register_sender("email", send)             how a kind is delivered: send(payload) -> DeliveryResult
    deliver_due()                              one pass: every due row to its sender

A row stays until its sender says it arrived; a failure (the SMTP server down, the webhook
answering 500) is retried with exponential backoff (30 s, 1 min, 2 min, ... at most 1 h),
so a restart or an outage delays a delivery and loses nothing. The worker loop
(`start_worker`) runs deliver_due every few seconds in the action server (bot/serve.py),
the process that enqueues the alerts: `make run` starts nothing new.

A sender raises nothing: it returns DeliveryResult(ok=False, detail="short reason") on
failure; an exception it lets escape is caught and counted as a failure with its type only
(its message might carry patient detail). Rows of a kind no sender is registered for in
this process are left for a process that has one.
"""
from __future__ import annotations

import json
import logging
import threading
from datetime import datetime, timedelta, timezone
from typing import Callable, Dict, NamedTuple, Optional

from bot import store

log = logging.getLogger(__name__)

KINDS = ("email", "webhook", "fhir")
FIRST_RETRY_SECONDS = 30
MAX_RETRY_SECONDS = 3600
# A row taken for delivery is not taken again for this long (a sender hanging, a process
# killed mid-send): SMTP and HTTP senders time out well before.
CLAIM_SECONDS = 120
WORKER_INTERVAL_SECONDS = 5.0


class DeliveryResult(NamedTuple):
    ok: bool
    detail: str = ""      # why it failed, short, no patient detail
    response: str = ""    # the receiver's answer (trimmed when stored)


Sender = Callable[[dict], DeliveryResult]
_senders: Dict[str, Sender] = {}


def register_sender(kind: str, send: Sender) -> None:
    if kind not in KINDS:
        raise ValueError(f"outbox kind must be one of {', '.join(KINDS)}")
    _senders[kind] = send


def enqueue(kind: str, reference: str, payload: dict, url: Optional[str] = None) -> int:
    """Queue `payload` for delivery; idempotent: the same (kind, reference) is one row."""
    if kind not in KINDS:
        raise ValueError(f"outbox kind must be one of {', '.join(KINDS)}")
    return store.add_outbox(kind, reference, json.dumps(payload), url=url)


def retry_delay(attempts: int) -> timedelta:
    """How long after its `attempts`-th failure a row is tried again."""
    return timedelta(seconds=min(FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0),
                                 MAX_RETRY_SECONDS))


def _attempt(send: Sender, payload: dict) -> DeliveryResult:
    try:
        result = send(payload)
    except Exception as exc:  # a sender's bug must not stop the other deliveries
        return DeliveryResult(False, f"sender raised {type(exc).__name__}")
    if not isinstance(result, DeliveryResult):
        return DeliveryResult(False, "sender returned no DeliveryResult")
    return result


def deliver_due(url: Optional[str] = None, now: Optional[datetime] = None) -> int:
    """One pass: send every due row whose kind has a sender here; returns how many arrived."""
    at = (now or store.now()).astimezone(timezone.utc)
    delivered = 0
    for row in store.due_outbox(at, url=url):
        send = _senders.get(row["kind"])
        if send is None or not store.claim_outbox(row, at + timedelta(seconds=CLAIM_SECONDS),
                                                  url=url):
            continue
        result = _attempt(send, json.loads(row["payload"]))
        attempts = row["attempts"] + 1
        if result.ok:
            store.mark_outbox_delivered(row["id"], attempts=attempts, response=result.response,
                                        at=store.now(), url=url)
            delivered += 1
        else:
            # Row id, kind and reference only: never the payload.
            log.warning("outbox %s %s (%s) not delivered, attempt %d: %s", row["id"],
                        row["kind"], row["reference"], attempts, result.detail)
            store.mark_outbox_failed(row["id"], attempts=attempts, error=result.detail,
                                     response=result.response,
                                     retry_at=at + retry_delay(attempts), url=url)
    return delivered


def run_worker(stop: threading.Event, url: Optional[str] = None,
               interval: float = WORKER_INTERVAL_SECONDS) -> None:
    """deliver_due every `interval` seconds until `stop` is set; a database that is briefly
    unavailable is tried again at the next pass."""
    while not stop.is_set():
        try:
            deliver_due(url)
        except Exception as exc:
            log.warning("outbox pass failed (%s); trying again in %.0f s",
                        type(exc).__name__, interval)
        stop.wait(interval)


def start_worker(url: Optional[str] = None,
                 interval: float = WORKER_INTERVAL_SECONDS) -> threading.Event:
    """The worker loop in a daemon thread of this process; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=run_worker, args=(stop, url, interval), name="outbox",
                     daemon=True).start()
    return stop
