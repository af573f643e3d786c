"""Email alerts over an encrypted, authenticated connection, as a clinic's mail server wants:
STARTTLS (port 587) and SMTPS (465) against a real aiosmtpd with a certificate made here,
logging in with SMTP_USER / SMTP_PASSWORD; an untrusted certificate is refused."""
from __future__ import annotations

import datetime
import ipaddress
import ssl

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from bot.alerts import senders
from bot.alerts.settings import alert_settings
from tests.harness import free_port

PAYLOAD = {"to": ["frontdesk@example.org"], "subject": "[Clinic] New booking request R00001",
           "text": "Reference: R00001\n", "alert": {}}


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return make_certificate(tmp_path_factory.mktemp("tls"))


def make_certificate(folder):
    """A self-signed certificate for 127.0.0.1: the clinic's 'internal CA' (SMTP_CA_FILE)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mail.clinic.test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return folder / "cert.pem", folder / "key.pem"


class Mailbox:
    def __init__(self):
        self.received, self.logins = [], []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope.content)
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        self.logins.append((auth_data.login, auth_data.password))
        ok = (auth_data.login, auth_data.password) == (b"assistant", b"mail-password-1")
        return AuthResult(success=ok, handled=False)   # handled=False: the server says 535


def server(certificate, implicit_tls: bool):
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    mailbox = Mailbox()
    port = free_port()
    common = dict(hostname="127.0.0.1", port=port, authenticator=mailbox.authenticate,
                  auth_required=True)
    # (aiosmtpd only counts STARTTLS as TLS for AUTH; an SMTPS connection is TLS throughout)
    controller = (Controller(mailbox, ssl_context=context, auth_require_tls=False, **common)
                  if implicit_tls else
                  Controller(mailbox, tls_context=context, require_starttls=True, **common))
    return controller, mailbox, port


def settings(port, security, ca_file, password="mail-password-1"):
    env = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_SECURITY": security,
           "SMTP_FROM": "assistant@clinic.example", "SMTP_USER": "assistant",
           "SMTP_PASSWORD": password}
    if ca_file:
        env["SMTP_CA_FILE"] = str(ca_file)
    return alert_settings(env).smtp


@pytest.mark.parametrize("security, implicit_tls", [("starttls", False), ("tls", True)])
def test_alerts_are_sent_encrypted_and_logged_in(certificate, security, implicit_tls):
    controller, mailbox, port = server(certificate, implicit_tls)
    controller.start()
    try:
        result = senders.send_email(settings(port, security, certificate[0]), PAYLOAD)
        wrong = senders.send_email(settings(port, security, certificate[0], "wrong-password"),
                                   PAYLOAD)
        untrusted = senders.send_email(settings(port, security, None), PAYLOAD)
    finally:
        controller.stop()
    assert result.ok, result.detail
    assert len(mailbox.received) == 1 and b"R00001" in mailbox.received[0]
    assert (wrong.ok, wrong.detail) == (False, "SMTP 535")
    # The system does not trust this certificate: refused, the password never sent.
    assert not untrusted.ok and "SSLCertVerificationError" in untrusted.detail
    assert mailbox.logins[0] == (b"assistant", b"mail-password-1")
    assert set(mailbox.logins[1:]) == {(b"assistant", b"wrong-password")}
