"""The clinic's nginx site for one machine, with TLS, made from deploy/nginx-rasa.conf.

    python -m deploy.site --server-name assistant.example-clinic.org \\
        --certificate /etc/letsencrypt/live/assistant.example-clinic.org/fullchain.pem \\
        --key /etc/letsencrypt/live/assistant.example-clinic.org/privkey.pem \\
        > /etc/nginx/sites-available/clinic-assistant

What is published and where each path goes (socket.io, the messaging webhooks, ...) lives
in deploy/nginx-rasa.conf only, the file the several-server setup uses: this fills it in for
the one Rasa server of `make run` / the systemd unit, puts the patients' side on 443 with TLS
(port 80 only redirects), and leaves out the action servers' proxy (on one machine Rasa calls
the action server on 127.0.0.1 directly) and, unless --private-listen is given, the private
listener for the REST channel and Rasa's API.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Optional, Sequence

TEMPLATE = Path(__file__).resolve().parent / "nginx-rasa.conf"

# Only the action servers' parts of the template: on one machine nothing proxies them.
ACTION_PROXY = (re.compile(r"^upstream action_servers \{.*?^\}\n", re.S | re.M),
                re.compile(r"^server \{\n\s*listen @ACTIONS_LISTEN@;.*?^\}\n", re.S | re.M))
# The private listener (REST channel and Rasa's API): on one machine the clinic's own tools
# reach Rasa on 127.0.0.1 directly, so it is left out unless --private-listen names an address
# on the clinic's own network.
PRIVATE_PROXY = re.compile(r"^server \{\n\s*listen @PRIVATE_LISTEN@;.*?^\}\n", re.S | re.M)


def render(server_name: str, certificate: str, key: str, rasa: str = "127.0.0.1:5005",
           private_listen: Optional[str] = None) -> str:
    text = TEMPLATE.read_text()
    blocks = ACTION_PROXY if private_listen else (*ACTION_PROXY, PRIVATE_PROXY)
    for block in blocks:
        text, found = block.subn("", text)
        if found != 1:
            raise SystemExit(f"{TEMPLATE}: a proxy block this leaves out changed shape; "
                             "update deploy/site.py")
    # The template's `listen @LISTEN@;` becomes the TLS listener and its settings.
    tls = ";\n    ".join([
        "443 ssl http2",
        "listen [::]:443 ssl http2",
        f"server_name {server_name}",
        f"ssl_certificate {certificate}",
        f"ssl_certificate_key {key}",
        "ssl_protocols TLSv1.2 TLSv1.3",
        "ssl_prefer_server_ciphers off",
        "ssl_session_cache shared:clinic_assistant_tls:10m",
        "ssl_session_timeout 1d",
        "ssl_session_tickets off",
        'add_header Strict-Transport-Security "max-age=63072000" always',
    ])
    text = (text.replace("@RASA_SERVERS@", f"server {rasa};")
                .replace("@RASA_MESSAGING_SERVERS@", f"server {rasa};")
                .replace("@PRIVATE_LISTEN@", private_listen or "")
                .replace("@LISTEN@", tls))
    if "@" in re.sub(r"#.*", "", text):
        raise SystemExit(f"{TEMPLATE} has a placeholder deploy/site.py does not fill in")
    header = (f"# Written by `python -m deploy.site` from deploy/nginx-rasa.conf for "
              f"{server_name}; change the template, not this file.\n")
    redirect = (f"\nserver {{\n    listen 80;\n    listen [::]:80;\n    server_name {server_name};"
                f"\n    access_log off;\n    return 301 https://$host$request_uri;\n}}\n")
    return header + text + redirect


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.site", description=__doc__.split("\n")[0])
    parser.add_argument("--server-name", required=True, help="the name patients' browsers use")
    parser.add_argument("--certificate", required=True, help="the certificate chain (PEM)")
    parser.add_argument("--key", required=True, help="its private key (PEM)")
    parser.add_argument("--rasa", default="127.0.0.1:5005", help="the Rasa server (RASA_PORT)")
    parser.add_argument("--private-listen", metavar="ADDRESS:PORT",
                        help="publish the REST channel and Rasa's API on this address of the "
                        "clinic's own network (default: not at all; 127.0.0.1:RASA_PORT serves "
                        "them on this machine)")
    args = parser.parse_args(argv)
    sys.stdout.write(render(args.server_name, args.certificate, args.key, args.rasa,
                            args.private_listen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
