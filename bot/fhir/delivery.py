"""Each new request's Bundle POSTed to the clinic's FHIR server, through the outbox.

Each new request's Bundle POSTed to the clinic's FHIR server, through the persistent outbox
(bot/outbox.py: kept in the database, retried with backoff, the server's answer stored).

Configured from the environment (docs/integration.md):
    FHIR_BASE_URL                      the server's base; a transaction Bundle is POSTed to it
    FHIR_TOKEN                         a bearer token, or else client credentials (SMART
    FHIR_CLIENT_ID, FHIR_CLIENT_SECRET,  backend services / OAuth 2 client_credentials):
    FHIR_TOKEN_URL [, FHIR_SCOPE]        a token is fetched and reused until it expires
Unset FHIR_BASE_URL: nothing is queued or sent (the staff page and the command line still
export a request's Bundle).

Nothing here logs a Bundle or a server's answer: they hold the patient's name and contact.
A failure's detail is the HTTP status or the error's type.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any, Dict, Optional, Tuple

import requests

from bot import outbox
from bot.outbox import DeliveryResult

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 20
FHIR_JSON = "application/fhir+json"
_token_lock = threading.Lock()
_token: Dict[str, Tuple[str, float]] = {}  # token URL -> (access token, expires at)


def base_url() -> str:
    return os.environ.get("FHIR_BASE_URL", "").strip().rstrip("/")


def configured() -> bool:
    return bool(base_url())


def _bearer() -> Tuple[Optional[str], str]:
    """(a bearer token or None, why not). FHIR_TOKEN first, else client credentials."""
    token = os.environ.get("FHIR_TOKEN", "").strip()
    if token:
        return token, ""
    token_url = os.environ.get("FHIR_TOKEN_URL", "").strip()
    client_id = os.environ.get("FHIR_CLIENT_ID", "").strip()
    secret = os.environ.get("FHIR_CLIENT_SECRET", "").strip()
    if not (token_url and client_id and secret):
        return None, ""  # an open server (a test or an internal endpoint)
    with _token_lock:
        cached = _token.get(token_url)
        if cached and cached[1] > time.time() + 30:
            return cached[0], ""
        form = {"grant_type": "client_credentials"}
        scope = os.environ.get("FHIR_SCOPE", "").strip()
        if scope:
            form["scope"] = scope
        try:
            answer = requests.post(token_url, data=form, auth=(client_id, secret),
                                   timeout=TIMEOUT_SECONDS)
        except requests.RequestException as error:
            return None, f"token: {type(error).__name__}"
        if answer.status_code != 200:
            return None, f"token: HTTP {answer.status_code}"
        try:
            body = answer.json()
            access = str(body["access_token"])
        except (ValueError, KeyError, TypeError):
            return None, "token: no access_token in the answer"
        _token[token_url] = (access, time.time() + float(body.get("expires_in") or 300))
        return access, ""


def send(bundle: Dict[str, Any]) -> DeliveryResult:
    """The outbox's sender for "fhir": POST the transaction Bundle; 2xx is delivered."""
    base = base_url()
    if not base:
        return DeliveryResult(False, "FHIR_BASE_URL is not set")
    token, problem = _bearer()
    if problem:
        return DeliveryResult(False, problem)
    headers = {"Content-Type": FHIR_JSON, "Accept": FHIR_JSON}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        answer = requests.post(base, json=bundle, headers=headers, timeout=TIMEOUT_SECONDS)
    except requests.RequestException as error:
        return DeliveryResult(False, f"FHIR server unreachable: {type(error).__name__}")
    if answer.status_code == 401 and not os.environ.get("FHIR_TOKEN"):
        _token.clear()  # expired early: the next attempt fetches a new one
    if 200 <= answer.status_code < 300:
        return DeliveryResult(True, f"HTTP {answer.status_code}", answer.text)
    return DeliveryResult(False, f"FHIR server answered HTTP {answer.status_code}", answer.text)


def register() -> None:
    """In the process that runs the outbox's worker: "fhir" rows are sent from here."""
    outbox.register_sender("fhir", send)


def enqueue_request(booking_id: int, *, url: Optional[str] = None) -> Optional[int]:
    """Queue a new request's Bundle when a FHIR server is configured (outbox row id, or None).
    Never raises: the patient's request is stored already, and staff see it either way."""
    if not configured():
        return None
    from bot import store
    from bot.fhir import bundle_for

    try:
        return outbox.enqueue("fhir", store.booking_reference(booking_id),
                              bundle_for(booking_id, url=url), url=url)
    except Exception as error:  # noqa: BLE001 - the booking is stored; the handover can be redone
        logger.error("FHIR handover not queued for request %s: %s",
                     store.booking_reference(booking_id), type(error).__name__)
        return None
