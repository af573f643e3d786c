"""Serves the web chat widget and the demo clinic page: ``python -m bot.web``.

* ``/widget.js``, ``/widget.css``: the widget a clinic embeds with one script tag;
* ``/vendor/socket.io.min.js``: the socket.io client, installed from the npm registry by
  ``npm ci`` (scripts/install.sh) from the committed ``web/package-lock.json``: nothing comes
  from a CDN at run time;
* ``/``: a demo page that looks like a clinic's site (name, phone, address, hours from
  clinic.yml) with the widget open, served under a strict Content-Security-Policy (scripts,
  styles and fonts from this server only; connections to the Rasa server only).

The widget talks to Rasa's socket.io endpoint: ``RASA_PUBLIC_URL`` when set (behind the
clinic's reverse proxy), otherwise the host the page was asked for, on ``RASA_PORT`` (5005).
"""
from __future__ import annotations

import argparse
import logging
import mimetypes
import os
import re
import sys
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

from bot.clinic import load_clinic

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
SOCKET_IO_CLIENT = WEB_DIR / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"

# URL path -> file; nothing else on disk is reachable.
STATIC: Dict[str, Path] = {
    "/widget.js": WEB_DIR / "widget.js",
    "/widget.css": WEB_DIR / "widget.css",
    "/demo.css": WEB_DIR / "demo.css",
    "/vendor/socket.io.min.js": SOCKET_IO_CLIENT,
}

logger = logging.getLogger(__name__)


def _tel(number: str) -> str:
    return re.sub(r"[^\d+]", "", number)


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(WEB_DIR)), autoescape=select_autoescape(["html"]))
    return env.get_template("demo.html")


DEMO_LANGUAGES = ("en", "es")


def render_demo(rasa_url: str, lang: str = "en") -> str:
    """The demo clinic page; ``/?lang=es`` opens the chat in Spanish (the widget's data-lang)."""
    lang = lang if lang in DEMO_LANGUAGES else "en"
    return _template().render(clinic=load_clinic(), rasa_url=rasa_url, tel=_tel, lang=lang)


def content_security_policy(rasa_url: str) -> str:
    parts = urlsplit(rasa_url)
    ws = "wss" if parts.scheme == "https" else "ws"
    origin = f"{parts.scheme}://{parts.netloc}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {origin} {ws}://{parts.netloc}; font-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class Handler(BaseHTTPRequestHandler):
    server_version = "clinic-web"
    sys_version = ""
    rasa_url: Optional[str] = None  # RASA_PUBLIC_URL, else derived from the request
    rasa_port: int = 5005

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - no request lines in logs
        pass

    def _rasa_url(self) -> str:
        if self.rasa_url:
            return self.rasa_url
        host = (self.headers.get("Host") or "127.0.0.1").strip()
        hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return f"http://{hostname or '127.0.0.1'}:{self.rasa_port}"

    def _send(self, status: int, body: bytes, content_type: str, extra: Optional[Dict[str, str]] = None,
              head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            rasa_url = self._rasa_url()
            lang = (parse_qs(urlsplit(self.path).query).get("lang") or ["en"])[0]
            body = render_demo(rasa_url, lang).encode()
            self._send(HTTPStatus.OK, body, "text/html; charset=utf-8", {
                "Content-Security-Policy": content_security_policy(rasa_url),
                "Cache-Control": "no-store",
            }, head)
            return
        if path == "/healthz":
            self._send(HTTPStatus.OK, b"ok", "text/plain", head=head)
            return
        file = STATIC.get(path)
        if file is None or not file.is_file():
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain; charset=utf-8", head=head)
            return
        body = file.read_bytes()
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        # Embedding pages on other origins load these: allow it (they are public assets).
        self._send(HTTPStatus.OK, body, kind, {"Cache-Control": "public, max-age=300",
                                                "Access-Control-Allow-Origin": "*",
                                                "Cross-Origin-Resource-Policy": "cross-origin"}, head)


def make_server(host: str, port: int, rasa_url: Optional[str] = None,
                rasa_port: int = 5005) -> ThreadingHTTPServer:
    handler = type("ClinicWebHandler", (Handler,), {"rasa_url": rasa_url, "rasa_port": rasa_port})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def check_assets() -> Tuple[bool, str]:
    if not SOCKET_IO_CLIENT.is_file():
        return False, (f"{SOCKET_IO_CLIENT.relative_to(WEB_DIR.parent)} is missing: run "
                       "`bash scripts/install.sh` (it runs `npm ci` in web/)")
    return True, ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.web", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default=os.environ.get("WEB_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEB_PORT", "8088")))
    parser.add_argument("--rasa-url", default=os.environ.get("RASA_PUBLIC_URL") or None,
                        help="the Rasa server as the browser reaches it (default: this host, RASA_PORT)")
    parser.add_argument("--rasa-port", type=int, default=int(os.environ.get("RASA_PORT", "5005")))
    args = parser.parse_args(argv)
    ok, problem = check_assets()
    if not ok:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    load_clinic()  # a malformed clinic.yml stops here, naming the field
    server = make_server(args.host, args.port, args.rasa_url, args.rasa_port)
    print(f"web chat demo page: http://{args.host}:{server.server_address[1]}/", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
