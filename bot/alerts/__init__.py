"""Alerts to staff: a new booking or call-back request, an urgent or emergency conversation.

An alert says only that something needs staff, and where to look:

    reference   R00012 (a request), or C + 10 letters (a conversation: a keyed hash of its
                id, since a conversation id can be a phone number, e.g. twilio:+1555...)
    kind        booking | callback | conversation | test
    level       emergency | urgent | consultation | self_care | none yet
    time        when it happened (UTC in the webhook; the clinic's local time in the email)
    link        STAFF_BASE_URL/alert/REFERENCE: the staff page, behind its sign-in

Never a name, phone number, email address or anything the patient wrote: an email crosses
mail servers the clinic does not control, and a webhook lands in another system's logs.

The action server calls `booking_filed` and `conversation_triaged` (actions/booking.py,
actions/triage_decision.py); each puts one row per channel (email, webhook) into the persistent
outbox (bot/outbox.py), idempotently: one alert per request and per conversation and level.
The outbox's worker delivers them (bot/alerts/senders.py) within seconds, and retries.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Dict, Iterable, List, Optional

from bot import outbox, store
from bot.alerts.settings import AlertConfigError, AlertSettings, alert_settings
from bot.clinic import Clinic, load_clinic
from bot.server_secrets import ALERT_REFERENCE_KEY, server_secret

__all__ = ["Alert", "AlertConfigError", "AlertSettings", "alert_settings", "booking_filed",
           "conversation_triaged", "conversation_reference", "raise_alert", "test_alert",
           "email_text", "recipients", "checked_settings", "ALERTED_LEVELS", "alert_conversation"]

# Conversations alerted on reaching these levels (requests are alerted whatever the level).
ALERTED_LEVELS = ("emergency", "urgent")
BOOKING_KINDS = {"consultation": "booking", "callback": "callback"}
_TITLES = {"booking": "New booking request", "callback": "New call-back request",
           "conversation": "Conversation", "test": "Test alert"}


@dataclass(frozen=True)
class Alert:
    reference: str
    kind: str
    level: Optional[str]
    at: datetime
    link: str

    @property
    def key(self) -> str:
        """The outbox reference: one alert per request, per conversation and level."""
        return f"{self.reference}-{self.level}" if self.kind == "conversation" else self.reference

    def as_dict(self) -> Dict[str, Optional[str]]:
        """The webhook's body: exactly these five fields."""
        return {"reference": self.reference, "kind": self.kind, "level": self.level,
                "time": self.at.astimezone(timezone.utc).isoformat(timespec="seconds"),
                "link": self.link}


def conversation_reference(conversation_id: str, key: Optional[str] = None) -> str:
    """A conversation's reference in alerts: keyed, so it cannot be turned back into the id
    (a phone number is easily guessed from a plain hash); the staff page recomputes it."""
    key = key or server_secret(ALERT_REFERENCE_KEY)
    digest = hmac.new(key.encode(), conversation_id.encode(), hashlib.sha256).digest()
    return "C" + base64.b32encode(digest).decode()[:10]


def _alert(reference: str, kind: str, level: Optional[str], settings: AlertSettings,
           at: Optional[datetime] = None) -> Alert:
    return Alert(reference=reference, kind=kind, level=level,
                 at=(at or datetime.now(timezone.utc)).astimezone(timezone.utc),
                 link=f"{settings.staff_base_url}/alert/{reference}")


def checked_settings(env=None, clinic: Optional[Clinic] = None) -> AlertSettings:
    """The environment's alert settings, checked together with clinic.yml's recipients
    (the action server's start, `alerts test`, `doctor`); AlertConfigError names a mistake."""
    settings = alert_settings(env)
    if settings.smtp is not None and not (clinic or load_clinic()).alert_emails:
        raise AlertConfigError("SMTP_HOST is set but clinic.yml lists no alerts: email_to: "
                               "addresses")
    return settings


def recipients(alert: Alert, clinic: Clinic) -> List[str]:
    """The clinic's alert addresses; outside opening hours, an urgent or emergency alert also
    goes to the out-of-hours ones (a test alert to both, so both can be checked)."""
    extra = alert.kind == "test" or (alert.level in ALERTED_LEVELS and not clinic.is_open(alert.at))
    return list(dict.fromkeys(clinic.alert_emails
                              + (clinic.out_of_hours_alert_emails if extra else ())))


def email_text(alert: Alert, clinic: Clinic) -> Dict[str, str]:
    """Subject and body of an alert's email: the five fields, in the clinic's local time, the
    level in the staff's words (content/labels.yml)."""
    from bot.staff import labels

    local = alert.at.astimezone(clinic.tz)
    level = labels.label(labels.LEVELS, alert.level)
    title = _TITLES[alert.kind]
    subject = (f"{level.upper()} conversation {alert.reference}" if alert.kind == "conversation"
               else f"{title} {alert.reference}"
               + (f" ({level})" if alert.kind != "test" else ""))
    lines = [
        f"{title} needing staff attention." if alert.kind != "test" else
        "A test alert from the clinic assistant: email alerts reach this address.",
        "",
        f"Reference: {alert.reference}",
        f"Kind:      {alert.kind}",
        f"Level:     {level}",
        f"Time:      {local:%Y-%m-%d %H:%M} ({clinic.timezone})",
        "",
        f"Open it on the staff page (sign-in required): {alert.link}",
        "",
        "This alert carries no patient details by design; they are on the staff page only.",
    ]
    return {"subject": f"[{clinic.name}] {subject}", "text": "\n".join(lines) + "\n"}


def raise_alert(alert: Alert, *, settings: Optional[AlertSettings] = None,
                clinic: Optional[Clinic] = None, url: Optional[str] = None) -> List[int]:
    """Queue the alert on every configured channel; returns the outbox rows' ids."""
    settings = settings or alert_settings()
    clinic = clinic or load_clinic()
    ids = []
    to = recipients(alert, clinic)
    if settings.smtp is not None and to:
        ids.append(outbox.enqueue("email", alert.key, {
            "to": to, **email_text(alert, clinic), "alert": alert.as_dict()}, url=url))
    if settings.webhook_url is not None:
        ids.append(outbox.enqueue("webhook", alert.key, {"alert": alert.as_dict()}, url=url))
    return ids


def booking_filed(reference: str, booking_kind: str, level: Optional[str], *,
                  clinic: Optional[Clinic] = None, url: Optional[str] = None) -> List[int]:
    """A booking or call-back request was stored as `reference`. Blocking (the database)."""
    settings = alert_settings()
    if not settings.any_channel:
        return []
    alert = _alert(reference, BOOKING_KINDS.get(booking_kind, "booking"), level, settings)
    return raise_alert(alert, settings=settings, clinic=clinic, url=url)


def conversation_triaged(conversation_id: str, level: str, *, clinic: Optional[Clinic] = None,
                         url: Optional[str] = None) -> List[int]:
    """A conversation reached `level`: alerted when urgent or emergency. Blocking."""
    settings = alert_settings()
    if level not in ALERTED_LEVELS or not settings.any_channel:
        return []
    alert = _alert(conversation_reference(conversation_id), "conversation", level, settings)
    return raise_alert(alert, settings=settings, clinic=clinic, url=url)


def test_alert(*, settings: Optional[AlertSettings] = None, clinic: Optional[Clinic] = None,
               url: Optional[str] = None) -> List[int]:
    """`python -m bot alerts test`: a test alert on every configured channel."""
    settings = settings or alert_settings()
    at = datetime.now(timezone.utc)
    alert = _alert(f"T{at:%Y%m%d%H%M%S%f}", "test", None, settings, at)
    return raise_alert(alert, settings=settings, clinic=clinic, url=url)


def find_conversation(reference: str, conversation_ids: Iterable[str]) -> Optional[str]:
    """The conversation an alert's C-reference names, among `conversation_ids`."""
    key = server_secret(ALERT_REFERENCE_KEY)
    return next((c for c in conversation_ids if conversation_reference(c, key) == reference), None)


def alert_conversation(reference: str, *, url: Optional[str] = None) -> str:
    """The conversation an alert's link leads to (the staff page's /alert/REFERENCE);
    store.NotFound when it is gone (erased, purged) or never was."""
    reference = reference.strip().upper()
    if len(reference) > 1 and reference[0] == "R" and reference[1:].isdigit():
        return store.get_booking(int(reference[1:]), url=url)["conversation_id"]
    if len(reference) == 11 and reference[0] == "C":
        found = find_conversation(reference, store.conversation_ids(url=url))
        if found is not None:
            return found
    raise store.NotFound(reference)
