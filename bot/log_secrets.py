"""Secrets never reach a log line: `token=...` in any record is replaced before it is written.

Rasa logs the action server's URL when a call fails (rasa/core/actions/action.py), and that URL
carries the action-server token as `?token=` (written by `python -m bot endpoints`). A record
factory sees every record of every logger whatever handlers Rasa or Sanic set up later, so the
redaction is installed once, at the start of each served process (bot/serve.py).
"""
from __future__ import annotations

import logging
import re

SECRET = re.compile(r"(?i)\b((?:auth_)?token|password|secret)=([^&\s'\"]+)")
REDACTED = r"\1=[redacted]"


def redact(text: str) -> str:
    return SECRET.sub(REDACTED, text)


def install() -> None:
    """Every log record's message and arguments redacted (idempotent)."""
    current = logging.getLogRecordFactory()
    if getattr(current, "redacts_secrets", False):
        return

    def factory(*args, **kwargs):
        record = current(*args, **kwargs)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if record.args:
            args_ = record.args if isinstance(record.args, tuple) else (record.args,)
            redacted = tuple(redact(a) if isinstance(a, str) else a for a in args_)
            record.args = redacted if isinstance(record.args, tuple) else redacted[0]
        return record

    factory.redacts_secrets = True
    logging.setLogRecordFactory(factory)
