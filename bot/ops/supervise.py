"""The four servers of one machine under supervisord.

The four servers of one machine under supervisord: `python -m bot.ops.supervise` (what
`make run` and the systemd unit start, through scripts/run.sh).

Why supervisord and not one systemd unit per server: the same supervisor runs in a developer's
terminal (`make run`, Ctrl-C stops everything) and under systemd on a clinic server (one unit,
deploy/systemd/), so what is tested here is what runs there; systemd alone would leave
`make run` with its own shell loop.

What it does:

* checks the installation first (bot/ops/preflight.py: the model, the database file, disk
  space, the ports) and stops with a plain message instead of a stack trace;
* writes VAR/supervisord.conf from `servers()`, the one list of server commands: a server that
  dies is started again at once, and a server that keeps failing to start is retried with a
  growing pause (supervisord's backoff: 1 s, 2 s, 3 s, ... for `startretries` attempts) while
  the others keep serving;
* each server logs to VAR/log/NAME.log, rotated at 10 MB, 5 old files kept;
* prints which URL to open once every server answers; SIGINT (Ctrl-C) or SIGTERM stops
  supervisord, which stops every server.

VAR is VAR_DIR, else var/ (bot/ops/__init__.py).
"""
from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence

from bot.ops import ROOT, model_path, var_dir

LOG_MAX_BYTES = "10MB"
LOG_BACKUPS = 5
READY_BANNER = "The assistant is ready."


@dataclass(frozen=True)
class Server:
    name: str
    command: Sequence[str]     # argv: no secret (bot.serve reads them from env or VAR)
    health_path: str           # answers 200 when the server is up (no token, no patient data)
    host: str                  # where it listens
    port: int
    port_variable: str         # the environment variable that moves it
    environment: Mapping[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """Where this machine reaches it."""
        host = "127.0.0.1" if self.host in ("", "0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}"

    @property
    def health_url(self) -> str:
        return self.url + self.health_path


def rasa_workers(env: Mapping[str, str] = os.environ) -> int:
    """How many worker processes the Rasa server runs: RASA_WORKERS, else one per core this
    process may use. Each is a whole Rasa (about 440 MB); one conversation's messages stay
    in order across them through the lock store in the database (bot/lock_store.py)."""
    given = (env.get("RASA_WORKERS") or "").strip()
    if given:
        if not given.isdigit() or int(given) < 1:
            raise SystemExit(f"RASA_WORKERS must be a whole number of at least 1, not {given!r}")
        return int(given)
    return max(1, len(os.sched_getaffinity(0)))


def servers(env: Mapping[str, str] = os.environ) -> List[Server]:
    """The servers of one installation and how each is started: THE list (supervisord's
    config, the readiness check and `python -m bot doctor` all read it)."""
    var = var_dir()
    host = env.get("RASA_HOST") or "127.0.0.1"   # a clinic's reverse proxy publishes the webhook
    port = int(env.get("RASA_PORT") or 5005)
    # The action server answers only the Rasa server beside it: reachable from the network,
    # anyone could run the actions with a made-up conversation (and file booking requests).
    actions_host = env.get("ACTIONS_HOST") or "127.0.0.1"
    actions_port = int(env.get("ACTIONS_PORT") or 5055)
    web_host = env.get("WEB_HOST") or host
    web_port = int(env.get("WEB_PORT") or 8088)
    staff_host = env.get("STAFF_HOST") or "127.0.0.1"   # staff page: off the public internet
    staff_port = int(env.get("STAFF_PORT") or 8080)
    # Page origins allowed to call Rasa over HTTP (the widget's socket.io long-polling
    # fallback); a clinic sets RASA_CORS to its site, e.g. "https://www.example-clinic.org".
    cors = (env.get("RASA_CORS") or
            f"http://127.0.0.1:{web_port} http://localhost:{web_port}").split()
    return [
        # bot.serve reads each server's secret (the action token, Rasa's API token) from the
        # environment or VAR (bot/server_secrets.py): nothing secret in these argv, which
        # `ps` shows every user, nor in supervisord.conf.
        Server("actions",
               [sys.executable, "-m", "bot.serve", "actions", "--port", str(actions_port),
                "--quiet"],
               "/health", actions_host, actions_port,
               "ACTIONS_PORT", {"SANIC_HOST": actions_host}),
        Server("rasa",
               [sys.executable, "-m", "bot.serve", "rasa", "--model", str(model_path()),
                "--enable-api", "--interface", host, "--port", str(port),
                "--endpoints", str(var / "endpoints.yml"),
                "--credentials", str(var / "credentials.yml"), "--cors", *cors],
               "/", host, port, "RASA_PORT",
               # Rasa reads SANIC_WORKERS; it runs several only with a lock store that is
               # not in memory, which the endpoints name (bot/channels/config.py).
               {"SANIC_WORKERS": str(rasa_workers(env))}),
        Server("web",
               [sys.executable, "-m", "bot.web", "--host", web_host, "--port", str(web_port),
                "--rasa-port", str(port)],
               "/healthz", web_host, web_port, "WEB_PORT"),
        Server("staff",
               [sys.executable, "-m", "bot", "staff", "serve", "--host", staff_host,
                "--port", str(staff_port)],
               "/health", staff_host, staff_port, "STAFF_PORT"),
    ]


def _quote(arg: str) -> str:
    """One argument for supervisord's command line (shlex-split after %-expansion)."""
    return shlex.quote(arg.replace("%", "%%"))


def config_text(server_list: Sequence[Server], var: Path) -> str:
    log = var / "log"
    lines = [
        "; Written by `python -m bot.ops.supervise` at every start from bot/ops/supervise.py;",
        "; do not edit (change servers() there).",
        "[supervisord]",
        "nodaemon=true",
        "silent=true",
        f"logfile={log / 'supervisord.log'}",
        f"logfile_maxbytes={LOG_MAX_BYTES}",
        f"logfile_backups={LOG_BACKUPS}",
        f"pidfile={var / 'supervisord.pid'}",
        f"childlogdir={log}",
        f"directory={ROOT}",
        "umask=077",
        "",
        "[unix_http_server]",
        f"file={var / 'supervisor.sock'}",
        "chmod=0700",
        "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "",
        "[supervisorctl]",
        f"serverurl=unix://{var / 'supervisor.sock'}",
    ]
    for server in server_list:
        lines += [
            "",
            f"[program:{server.name}]",
            "command=" + " ".join(_quote(a) for a in server.command),
            f"directory={ROOT}",
            "autostart=true",
            "autorestart=true",
            # Up for 5 s counts as started; a server that dies sooner is retried with a pause
            # one second longer each time, 20 times (over three minutes), then given up on
            # (`python -m bot doctor` says so).
            "startsecs=5",
            "startretries=20",
            "stopsignal=TERM",
            "stopwaitsecs=20",
            "stopasgroup=true",
            "killasgroup=true",
            "redirect_stderr=true",
            f"stdout_logfile={log / (server.name + '.log')}",
            f"stdout_logfile_maxbytes={LOG_MAX_BYTES}",
            f"stdout_logfile_backups={LOG_BACKUPS}",
        ]
        if server.environment:
            lines.append("environment=" + ",".join(
                f'{k}="{v}"' for k, v in server.environment.items()))
    return "\n".join(lines) + "\n"


def write_config(server_list: Sequence[Server], var: Path) -> Path:
    (var / "log").mkdir(parents=True, exist_ok=True, mode=0o700)
    path = var / "supervisord.conf"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(config_text(server_list, var))
    return path


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.status < 500
    except OSError:
        return False


def ctl(*args: str, var: Optional[Path] = None) -> subprocess.CompletedProcess:
    """supervisorctl on this installation's socket (`status`, `pid NAME`, `restart NAME`)."""
    conf = (var or var_dir()) / "supervisord.conf"
    return subprocess.run([str(Path(sys.executable).parent / "supervisorctl"), "-c", str(conf),
                           *args], capture_output=True, text=True, timeout=60)


def banner(by_name: Dict[str, Server], var: Path) -> str:
    rasa, web, staff = by_name["rasa"], by_name["web"], by_name["staff"]
    web_url, staff_url, rasa_url = web.url + "/", staff.url + "/", rasa.url
    return f"""
  {READY_BANNER}
  Web chat:     {web_url}  (a demo clinic page with the chat open)
  Talk to it:   curl -s -X POST {rasa_url}/webhooks/rest/webhook \\
                  -H "Authorization: Bearer $(cat {var / 'rest-token'})" \\
                  -H 'Content-Type: application/json' -d '{{"sender": "me", "message": "hello"}}'
                (the REST token: REST_CHANNEL_TOKEN, else {var / 'rest-token'})
  Or in a shell: .venv/bin/rasa shell (in another terminal)
  Rasa API token (for /conversations/... and /status): {var / 'api-token'}
  Staff review: {staff_url}  (transcripts, requests to follow up; first
                create an account: .venv/bin/python -m bot staff add-user NAME --admin)
  Logs:         {var / 'log'}/NAME.log  (a server that stops is started again)
  Health:       .venv/bin/python -m bot doctor
  Ctrl-C stops all the servers.
"""


def run() -> int:
    from bot.ops import preflight

    var = var_dir()
    server_list = servers()
    problems = preflight.problems(server_list)
    if problems:
        print(preflight.explain(problems), file=sys.stderr)
        return 2
    conf = write_config(server_list, var)
    supervisord = subprocess.Popen([str(Path(sys.executable).parent / "supervisord"),
                                    "-c", str(conf)], cwd=ROOT)

    def stop(_signum, _frame):
        # supervisord stops every server (TERM, then KILL after stopwaitsecs) and exits.
        if supervisord.poll() is None:
            supervisord.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    by_name = {s.name: s for s in server_list}
    started, warned = time.monotonic(), False
    while supervisord.poll() is None:
        waiting = [s for s in server_list if not answers(s.health_url)]
        if not waiting:
            print(banner(by_name, var), flush=True)
            break
        if not warned and time.monotonic() - started > 240:
            warned = True
            print("still starting: " + ", ".join(
                f"{s.name} (log: {var / 'log' / (s.name + '.log')})" for s in waiting),
                flush=True)
        time.sleep(1)
    code = supervisord.wait()
    print("stopped.", flush=True)
    return code


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.ops.supervise",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--print-config", action="store_true",
                        help="print the supervisord config for this environment and exit")
    args = parser.parse_args(argv)
    if args.print_config:
        sys.stdout.write(config_text(servers(), var_dir()))
        return 0
    return run()


if __name__ == "__main__":
    sys.exit(main())
