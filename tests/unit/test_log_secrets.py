"""A secret in a log line (the action server's `?token=` in a failed call's URL) is redacted."""
import io
import logging

from bot import log_secrets


def _logged(*args) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("rasa.core.actions.action")
    logger.addHandler(handler)
    try:
        logger.error(*args)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_a_token_in_a_logged_url_is_redacted_once_installed():
    url = "http://127.0.0.1:5055/webhook?token=s3cr3t-token&x=1"
    assert "s3cr3t-token" in _logged(f"Couldn't connect to the server at '{url}'")
    log_secrets.install()
    log_secrets.install()  # installing twice changes nothing
    text = _logged(f"Couldn't connect to the server at '{url}'")
    assert "s3cr3t-token" not in text and "token=[redacted]&x=1" in text
    assert "s3cr3t-token" not in _logged("error: %s", url)
    assert "password=[redacted]" in _logged("db at postgresql://u@h/db?password=pw")


def test_text_without_a_secret_is_unchanged():
    assert log_secrets.redact("my tokens are gone, token bucket=3") == \
        "my tokens are gone, token bucket=3"
