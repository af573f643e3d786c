"""How `make run` exposes the assistant: only the patients' webhook answers without a token,
and nothing listens beyond this machine unless the clinic says so (RASA_HOST etc.)."""
import json
import socket
import urllib.error
import urllib.request

import pytest

from tests.harness import say


def _request(request: urllib.request.Request, token: str = None):
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _get(url: str, token: str = None):
    return _request(urllib.request.Request(url), token)


def _post(url: str, body: dict, token: str = None):
    return _request(urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                           headers={"Content-Type": "application/json"}), token)


def test_the_conversation_api_needs_the_token_and_the_patients_webhook_does_not(made_run):
    port, token = made_run["ports"]["rasa"], made_run["token"]
    base = f"http://127.0.0.1:{port}"
    # A patient needs no token.
    assert say(port, "api-check-1", "my lower back has hurt for 6 months, it stays in my back").strip()

    tracker = f"{base}/conversations/api-check-1/tracker"
    for status, _ in (_get(tracker), _get(f"{tracker}?token=nope"), _get(tracker, token)):
        assert status in (401, 403)  # (the token goes in ?token=, not as a bearer JWT)
    status, body = _get(f"{tracker}?token={token}")
    assert status == 200 and json.loads(body)["sender_id"] == "api-check-1"

    # Writing into someone's conversation or swapping the model also needs it.
    status, _ = _post(f"{base}/conversations/api-check-1/messages",
                      {"text": "hello", "sender": "user"})
    assert status in (401, 403)
    assert _get(f"{base}/status")[0] in (401, 403)
    request = urllib.request.Request(f"{base}/model", method="PUT",
                                     data=b'{"model_file": "/tmp/evil.tar.gz"}')
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code in (401, 403)


def _other_addresses():
    """This machine's non-loopback IPv4 addresses (none on a machine without a network)."""
    found = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.123", 9))  # no packet is sent: only picks the interface
            found.add(probe.getsockname()[0])
        except OSError:
            pass
    return sorted(a for a in found if not a.startswith("127.") and a != "0.0.0.0")


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def test_make_run_listens_on_this_machine_only_by_default(made_run):
    addresses = _other_addresses()
    if not addresses:
        pytest.skip("this machine has no address other than loopback")
    for name, port in made_run["ports"].items():
        assert _reachable("127.0.0.1", port), name
        for address in addresses:
            assert not _reachable(address, port), f"the {name} server answers on {address}:{port}"
