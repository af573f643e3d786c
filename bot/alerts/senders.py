"""Delivering alerts: email through the clinic's SMTP server, and a signed webhook.

Both are outbox senders (bot/outbox.py): they raise nothing and answer a DeliveryResult
whose detail is short and free of patient data (an SMTP or HTTP status, an error's type).

The webhook is signed like Stripe's and Slack's: HMAC-SHA256 with ALERT_WEBHOOK_SECRET over
"<timestamp>.<body>", sent as

    X-Alert-Timestamp: 1764750000
    X-Alert-Signature: sha256=<hex digest>

so the receiver can check both who sent it and that it is fresh (docs/alerts.md shows how).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import ssl
import time
import urllib.error
import urllib.request
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Dict, Optional

from bot import outbox
from bot.alerts.settings import AlertSettings, SmtpSettings
from bot.outbox import DeliveryResult

TIMEOUT_SECONDS = 20
TIMESTAMP_HEADER = "X-Alert-Timestamp"
SIGNATURE_HEADER = "X-Alert-Signature"
USER_AGENT = "clinic-assistant-alerts/1"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The X-Alert-Signature value for `body` sent at `timestamp` (Unix seconds, as text)."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def signed_request(url: str, secret: str, body: bytes,
                   timestamp: Optional[str] = None) -> urllib.request.Request:
    timestamp = timestamp or str(int(time.time()))
    return urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": USER_AGENT,
        TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature(secret, timestamp, body)})


def send_webhook(url: str, secret: str, payload: Dict) -> DeliveryResult:
    body = json.dumps(payload["alert"], sort_keys=True, separators=(",", ":")).encode()
    try:
        with urllib.request.urlopen(signed_request(url, secret, body),
                                    timeout=TIMEOUT_SECONDS) as answer:
            return DeliveryResult(True, response=f"HTTP {answer.status} "
                                  + answer.read(500).decode("utf-8", "replace"))
    except urllib.error.HTTPError as exc:
        return DeliveryResult(False, f"webhook answered HTTP {exc.code}",
                              response=exc.read(500).decode("utf-8", "replace"))
    except (OSError, ValueError) as exc:  # refused, timed out, name not found, bad TLS
        reason = getattr(exc, "reason", None)
        return DeliveryResult(False, f"webhook unreachable: {type(reason or exc).__name__}")


def email_message(smtp: SmtpSettings, payload: Dict) -> EmailMessage:
    message = EmailMessage()
    message["From"] = smtp.sender
    message["To"] = ", ".join(payload["to"])
    message["Subject"] = payload["subject"]
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=smtp.sender.rsplit("@", 1)[-1])
    message.set_content(payload["text"])
    return message


def send_email(smtp: SmtpSettings, payload: Dict) -> DeliveryResult:
    message = email_message(smtp, payload)
    # The system's trusted CAs (or SMTP_CA_FILE's), the host name checked: never unverified.
    context = ssl.create_default_context(cafile=smtp.ca_file)
    try:
        if smtp.security == "tls":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=TIMEOUT_SECONDS,
                                      context=context)
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT_SECONDS)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=context)
            if smtp.user:
                client.login(smtp.user, smtp.password)
            refused = client.send_message(message)
        if refused:  # some recipients refused, the others accepted: the row is done
            return DeliveryResult(True, response=f"refused: {', '.join(sorted(refused))}")
        return DeliveryResult(True, response="accepted")
    except smtplib.SMTPResponseException as exc:
        return DeliveryResult(False, f"SMTP {exc.smtp_code}")
    except smtplib.SMTPRecipientsRefused:
        return DeliveryResult(False, "SMTP refused every recipient")
    except (smtplib.SMTPException, OSError) as exc:  # refused, timed out, TLS failed
        return DeliveryResult(False, f"SMTP server unreachable: {type(exc).__name__}")


def register_senders(settings: AlertSettings) -> AlertSettings:
    """Make this process's outbox deliver the "email" and "webhook" rows with `settings`.
    Settings are read here, not stored with each row: the
    password stays out of the database, and a corrected setting applies to waiting rows."""
    if settings.smtp is not None:
        smtp = settings.smtp
        outbox.register_sender("email", lambda payload: send_email(smtp, payload))
    if settings.webhook_url is not None:
        url, secret = settings.webhook_url, settings.webhook_secret
        outbox.register_sender("webhook", lambda payload: send_webhook(url, secret, payload))
    return settings
