"""The optional second factor: TOTP, its QR code, and recovery codes.

The optional second factor: TOTP (RFC 6238: 6 digits, 30-second steps, SHA-1, as every
authenticator app reads it) with pyotp, its enrolment QR code drawn here as SVG by qrcode
(no outside service sees the secret), and single-use recovery codes kept as argon2 hashes.
"""
from __future__ import annotations

import hmac
import io
import secrets
import time
from datetime import datetime, timezone
from typing import Iterable, List, Optional, Tuple

import pyotp
import qrcode
import qrcode.image.svg
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

RECOVERY_CODES = 10
_hasher = PasswordHasher()
# Allow the code of the step before and after (clocks drift; typing takes time).
VALID_WINDOW = 1


def new_secret() -> str:
    return pyotp.random_base32()


def enrolment_uri(secret: str, username: str, issuer: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def qr_svg(uri: str) -> str:
    """The QR code as an inline <svg> element (no XML declaration), for the page itself."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode("utf-8")
    return svg[svg.index("<svg"):]


def matching_step(secret: Optional[str], code: str, now: Optional[float] = None) -> Optional[int]:
    """The 30-second step whose code `code` is (this one, or one either side), or None. The
    caller refuses a step already used (store.spend_totp_step)."""
    code = "".join((code or "").split())
    if not secret or not code.isdigit() or len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    moment = time.time() if now is None else now
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        at = moment + offset * totp.interval
        if hmac.compare_digest(totp.at(at), code):
            return totp.timecode(datetime.fromtimestamp(at, timezone.utc))
    return None


def accept_code(account: dict, code: str, url: str) -> bool:
    """Whether `code` is the account's current code and not one already used."""
    from bot import store

    step = matching_step(account["totp_secret"], code)
    return step is not None and store.spend_totp_step(account["id"], step, url=url)


def new_recovery_codes() -> Tuple[List[str], Tuple[str, ...]]:
    """(codes to show once, their hashes to keep). Each code: 10 letters/digits in two groups."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
    codes = ["-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(2))
             for _ in range(RECOVERY_CODES)]
    return codes, tuple(_hasher.hash(c) for c in codes)


def matching_recovery_code(code: str, stored: Iterable[dict]) -> Optional[int]:
    """The id of the unused stored code that `code` is, or None."""
    code = (code or "").strip().lower()
    if not code:
        return None
    for row in stored:
        try:
            _hasher.verify(row["code_hash"], code)
            return row["id"]
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            continue
    return None
