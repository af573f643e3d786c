"""No secret is committed: the API token, database passwords and channel tokens live in var/
(ignored) or the environment, and the repository holds only obvious test values."""
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Shapes real credentials have, and assignments of a long literal to a secret-like name.
KEY_SHAPES = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----"
    r"|AKIA[0-9A-Z]{16}"                        # AWS access key id
    r"|xox[abprs]-[A-Za-z0-9-]{10,}"            # Slack token
    r"|\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b"        # Telegram bot token
    r"|\bAC[0-9a-f]{32}\b"                      # Twilio account SID
    r"|postgres(?:ql)?(?:\+\w+)?://[^:/\s'\"]+:[^@\s'\"$]{6,}@"  # a URL with a password
)
SECRET_ASSIGNMENT = re.compile(
    r"(?i)(password|passwd|secret|token|api[_-]?key|private[_-]?key)[\"']?\s*[:=]\s*"
    r"[\"']([^\"'${}\s]{12,})[\"']"
)
# Test values and documentation placeholders say what they are ("abc-secret", "user:password@").
OBVIOUSLY_FAKE = re.compile(r"(?i)test|fake|example|dummy|stand-in|secret|token|password"
                            r"|:pw@|^[a-z]+(-[a-z0-9]+)+$")
BINARY = (".png", ".jpg", ".ico", ".gz", ".woff", ".woff2")


def _tracked_files():
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.decode().split("\0")
    return [n for n in names if n and not n.endswith(BINARY) and (ROOT / n).is_file()]


def _findings():
    for name in _tracked_files():
        if name == "web/package-lock.json":  # integrity hashes, not secrets
            continue
        text = (ROOT / name).read_text(errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for value in _secret_looking(line):
                yield name, number, value


def _secret_looking(line: str):
    yield from (m.group(0) for m in KEY_SHAPES.finditer(line))
    yield from (m.group(2) for m in SECRET_ASSIGNMENT.finditer(line))


def test_no_secret_is_committed():
    leaks = [(name, number) for name, number, value in _findings()
             if not OBVIOUSLY_FAKE.search(value)]
    assert leaks == [], f"secret-looking values committed at {leaks}"


def test_the_check_finds_a_secret_when_there_is_one():
    # The patterns above must catch what a careless commit would contain (random values,
    # made here so that this file itself holds none).
    import secrets
    samples = [f'DB_URL = "postgresql+psycopg2://clinic:{secrets.token_hex(8)}@db/clinic"',
               f'TELEGRAM_TOKEN: "5123456789:AA{secrets.token_hex(17)[:33]}"',
               f'api_key = "{secrets.token_hex(8)}"']
    for sample in samples:
        assert [v for v in _secret_looking(sample) if not OBVIOUSLY_FAKE.search(v)], sample


@pytest.mark.parametrize("path", ["var/api-token", "var/clinic.db", "var/credentials.yml",
                                  "var/endpoints.yml", "var/rasa.log", ".env"])
def test_where_secrets_and_patient_data_live_is_never_committed(path):
    ignored = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
    assert ignored.returncode == 0, f"{path} is not ignored by git"
    assert not any(n == path or n.startswith("var/") for n in _tracked_files())
