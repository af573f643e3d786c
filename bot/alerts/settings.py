"""Where alerts go: the clinic's SMTP server and/or a signed webhook, from the environment.

    SMTP_HOST, SMTP_PORT            the clinic's mail server (port default: 587, 465 for tls)
    SMTP_SECURITY                   starttls (default) | tls (SMTPS) | none (a local relay only)
    SMTP_USER, SMTP_PASSWORD        both or neither
    SMTP_FROM                       the sender address
    SMTP_CA_FILE                    optional: the CA certificate(s) of a mail server whose
                                    certificate the system does not trust (an internal CA)
    ALERT_WEBHOOK_URL               https:// (http:// only to this machine)
    ALERT_WEBHOOK_SECRET            the HMAC-SHA256 key, at least 32 characters
    STAFF_BASE_URL                  the staff page as staff reach it, for the link in each alert

The recipients are the clinic's (clinic.yml `alerts:`), since they change with the clinic's
staff, not with the server. Checked when the action server starts (bot/serve.py) and by
`python -m bot doctor`: a mistake is named there, not discovered at the first emergency.
"""
from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from typing import Mapping, Optional
from urllib.parse import urlsplit

SECURITY_MODES = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
MIN_SECRET_CHARS = 32
_ADDRESS = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+")


class AlertConfigError(ValueError):
    """An alert setting in the environment is missing or malformed (the message names it)."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str
    sender: str
    user: Optional[str] = None
    password: Optional[str] = None
    ca_file: Optional[str] = None


@dataclass(frozen=True)
class AlertSettings:
    smtp: Optional[SmtpSettings]
    webhook_url: Optional[str]
    webhook_secret: Optional[str]
    staff_base_url: str

    @property
    def any_channel(self) -> bool:
        return self.smtp is not None or self.webhook_url is not None


def is_loopback(host: Optional[str]) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def _get(env: Mapping[str, str], name: str) -> Optional[str]:
    value = (env.get(name) or "").strip()
    return value or None


def _smtp(env: Mapping[str, str]) -> Optional[SmtpSettings]:
    host = _get(env, "SMTP_HOST")
    if host is None:
        others = [n for n in ("SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM",
                              "SMTP_CA_FILE")
                  if _get(env, n)]
        if others:
            raise AlertConfigError(f"{others[0]} is set but SMTP_HOST is not: email alerts "
                                   "need the clinic's mail server")
        return None
    security = (_get(env, "SMTP_SECURITY") or "starttls").lower()
    if security not in SECURITY_MODES:
        raise AlertConfigError(f"SMTP_SECURITY must be one of {', '.join(SECURITY_MODES)}, "
                               f"not {security!r}")
    port_text = _get(env, "SMTP_PORT")
    try:
        port = int(port_text) if port_text else DEFAULT_PORTS[security]
    except ValueError:
        raise AlertConfigError(f"SMTP_PORT must be a number, not {port_text!r}") from None
    if not 0 < port < 65536:
        raise AlertConfigError(f"SMTP_PORT {port} is out of range")
    sender = _get(env, "SMTP_FROM")
    if sender is None or not _ADDRESS.fullmatch(sender):
        raise AlertConfigError("SMTP_FROM must be the address alerts are sent from "
                               "(e.g. assistant@clinic.example)")
    user, password = _get(env, "SMTP_USER"), env.get("SMTP_PASSWORD") or None
    if bool(user) != bool(password):
        raise AlertConfigError("SMTP_USER and SMTP_PASSWORD go together: set both or neither")
    if security == "none" and user and not is_loopback(host):
        raise AlertConfigError("SMTP_SECURITY=none would send SMTP_PASSWORD unencrypted to "
                               f"{host}: use starttls or tls")
    ca_file = _get(env, "SMTP_CA_FILE")
    if ca_file is not None and not os.path.isfile(ca_file):
        raise AlertConfigError(f"SMTP_CA_FILE {ca_file!r} is not a file")
    return SmtpSettings(host=host, port=port, security=security, sender=sender, user=user,
                        password=password, ca_file=ca_file)


def _webhook(env: Mapping[str, str]) -> tuple:
    url, secret = _get(env, "ALERT_WEBHOOK_URL"), _get(env, "ALERT_WEBHOOK_SECRET")
    if url is None:
        if secret:
            raise AlertConfigError("ALERT_WEBHOOK_SECRET is set but ALERT_WEBHOOK_URL is not")
        return None, None
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise AlertConfigError(f"ALERT_WEBHOOK_URL must be an https:// address, not {url!r}")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise AlertConfigError("ALERT_WEBHOOK_URL must use https:// (http:// only to this "
                               "machine)")
    if secret is None or len(secret) < MIN_SECRET_CHARS:
        raise AlertConfigError(f"ALERT_WEBHOOK_SECRET must be set, at least "
                               f"{MIN_SECRET_CHARS} characters (e.g. `openssl rand -hex 32`)")
    return url, secret


def alert_settings(env: Optional[Mapping[str, str]] = None) -> AlertSettings:
    """The alert settings in `env` (default: this process's environment), checked."""
    env = os.environ if env is None else env
    webhook_url, webhook_secret = _webhook(env)
    base = _get(env, "STAFF_BASE_URL")
    if base is None:
        base = (f"http://{_get(env, 'STAFF_HOST') or '127.0.0.1'}:"
                f"{_get(env, 'STAFF_PORT') or '8080'}")
    elif urlsplit(base).scheme not in ("https", "http"):
        raise AlertConfigError(f"STAFF_BASE_URL must start with https://, not {base!r}")
    return AlertSettings(smtp=_smtp(env), webhook_url=webhook_url,
                         webhook_secret=webhook_secret, staff_base_url=base.rstrip("/"))
