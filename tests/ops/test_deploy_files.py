"""The files a clinic installs: the systemd units (checked by systemd itself where it is
installed) and the nginx site (checked by nginx -t with a real certificate)."""
from __future__ import annotations

import configparser
import re
import shutil
import subprocess

import pytest

from tests.harness import ROOT

UNITS = ROOT / "deploy" / "systemd"
INSTALL_DIR = "/opt/clinic-assistant"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(UNITS / name)
    return parser


def test_systemd_verify_accepts_every_unit(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed here (apt-get install systemd): the "
                    "unit files were not checked by systemd")
    # The units name the install directory; here the checkout stands in for it, so that
    # systemd can also check that every command exists and is executable.
    for path in UNITS.iterdir():
        (tmp_path / path.name).write_text(path.read_text().replace(INSTALL_DIR, str(ROOT)))
    result = subprocess.run(["systemd-analyze", "verify",
                             *sorted(str(p) for p in tmp_path.iterdir())],
                            capture_output=True, text=True, timeout=120)
    # Unknown or misspelt settings are only warnings for systemd: any output is a failure here.
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), \
        result.stdout + result.stderr


def test_the_service_runs_unprivileged_and_can_write_only_var():
    service = unit("clinic-assistant.service")["Service"]
    assert service["User"] == "clinic" and service["ExecStart"].endswith("scripts/run.sh")
    assert service["NoNewPrivileges"] == "yes" and service["PrivateTmp"] == "yes"
    assert service["ProtectSystem"] == "strict" and service["ProtectHome"] == "yes"
    assert service["ReadWritePaths"] == f"{INSTALL_DIR}/var"
    assert service["CapabilityBoundingSet"] == ""
    # SIGTERM to the supervisor only: it stops the servers, none is restarted on the way down.
    assert service["KillMode"] == "mixed"


def test_the_nightly_schedule_purges_then_backs_up():
    text = (UNITS / "clinic-assistant-backup.service").read_text()
    starts = re.findall(r"^ExecStart=.*-m bot (\w+)", text, re.M)
    assert starts == ["purge", "db"] and "db backup" in text
    timer = unit("clinic-assistant-backup.timer")["Timer"]
    assert timer["OnCalendar"].startswith("*-*-*") and timer["Persistent"] == "true"


def test_the_nginx_site_keeps_the_templates_routing_and_passes_nginx_t(tmp_path):
    from deploy.site import TEMPLATE, render

    if not shutil.which("nginx") or not shutil.which("openssl"):
        pytest.skip("nginx or openssl is not installed (make install adds nginx)")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=assistant.example-clinic.org", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True, timeout=120)
    site = render("assistant.example-clinic.org", str(cert), str(key))
    template = TEMPLATE.read_text()
    # The same routing as the several-server template (one copy of what is published)...
    locations = re.findall(r"^\s*location [^{]+\{", template, re.M)
    assert locations and all(loc in site for loc in locations)
    # ... without the action servers' proxy, on 443 with TLS, port 80 redirecting.
    settings = re.sub(r"#.*", "", site)
    assert "ACTIONS_LISTEN" not in settings and "action_servers" not in settings
    # ... and without the private listener (REST and Rasa's API) unless an address is given
    assert "PRIVATE_LISTEN" not in settings and "proxy_pass http://rasa_servers" not in settings
    private = render("assistant.example-clinic.org", str(cert), str(key),
                     private_listen="10.0.0.5:8443")
    assert "listen 10.0.0.5:8443;" in private and "@" not in re.sub(r"#.*", "", private)
    assert "listen 443 ssl" in site and "return 301 https://" in site

    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  include {tmp_path}/site.conf;\n}}\n")
    result = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-e", str(tmp_path / "e.log"),
                             "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
