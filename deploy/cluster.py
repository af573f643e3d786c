"""Several Rasa servers on one machine, the way docs/deploy.md spreads them over many.

    with Cluster(rasa_servers=2, action_servers=2, database="postgresql") as cluster:
        cluster.url            # nginx in front of the Rasa servers (REST, webhooks, socket.io)
        cluster.server_urls    # each `rasa run` directly
        cluster.actions_url    # nginx in front of the action servers (what Rasa calls)
        cluster.db_url         # the tracker store and the clinic's tables
        cluster.redis_url      # the lock store

starts, all on free ports of 127.0.0.1 and under one scratch directory:

* PostgreSQL 15 (deploy/postgres.py: Debian's binaries, as root run as the `postgres`
  user) with the clinic's schema migrated (`python -m bot db upgrade`),
  or a SQLite file with ``database="sqlite"``;
* redis-server without persistence (a lock lives for one message);
* N action servers (`python -m rasa_sdk`) and N `rasa run` servers with the endpoints
  `python -m bot endpoints` writes for DB_URL, REDIS_URL and ACTIONS_URL, and the REST and
  web chat channels (`python -m bot.channels` without any messaging app's variables);
* nginx with deploy/nginx-rasa.conf filled in: round robin for REST and the action servers,
  the client's address for socket.io (sticky sessions), one server (the others as backups)
  for the messaging channels' webhooks.

Everything it started is stopped when the block ends, also when starting failed half way.
Used by tests/integration/test_scale_out.py and the benchmark; `python -m deploy.cluster` runs one until
Ctrl-C, to try the multi-server setup on one machine.

(It lives in deploy/, beside the nginx template and the PostgreSQL starter it uses, not in
bot/: bot/ is what the servers import; this only starts processes.)
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import IO, Callable, List, Optional

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
MODEL = ROOT / "models" / "current.tar.gz"
NGINX_TEMPLATE = HERE / "nginx-rasa.conf"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
NGINX = "/usr/sbin/nginx"
REDIS_SERVER = "/usr/bin/redis-server"
INSTALL_HINT = "bash scripts/system-deps.sh installs it (make install runs it)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A local multi-process deployment; use it as a context manager."""

    def __init__(self, rasa_servers: int = 2, action_servers: int = 2,
                 database: str = "postgresql", tmp_dir: Optional[Path] = None,
                 model: Path = MODEL, lock_store: str = "redis",
                 startup_timeout: float = 180.0) -> None:
        if database not in ("postgresql", "sqlite"):
            raise ValueError("database is 'postgresql' or 'sqlite'")
        # "database": the tickets in the tracker store's database (the one-machine default);
        # "in_memory" is each process's own lock: what breaks with several servers (it is
        # there to show that; docs/deploy.md).
        if lock_store not in ("redis", "database", "in_memory"):
            raise ValueError("lock_store is 'redis', 'database' or 'in_memory'")
        self.rasa_servers, self.action_servers = rasa_servers, action_servers
        self.database, self.lock_store, self.model = database, lock_store, Path(model)
        self.startup_timeout = startup_timeout
        self._own_tmp = tmp_dir is None
        self.tmp_dir = Path(tmp_dir) if tmp_dir else Path(tempfile.mkdtemp(prefix="cluster-"))
        self.log_dir = self.tmp_dir / "logs"
        self.url = ""          # the public listener: web chat and messaging webhooks only
        self.private_url = ""  # the clinic's network: the REST channel and Rasa's API
        self.server_urls: List[str] = []
        self.action_urls: List[str] = []
        self.actions_url = ""
        self.db_url = ""
        self.redis_url: Optional[str] = None
        self._stack = contextlib.ExitStack()
        self._processes: List[subprocess.Popen] = []

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> "Cluster":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        self._check_installed()
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.env = dict(os.environ, PYTHONPATH=str(ROOT), RASA_TELEMETRY_ENABLED="false",
                        TF_CPP_MIN_LOG_LEVEL="3", SQLALCHEMY_SILENCE_UBER_WARNING="1")
        self.db_url = (self._start_postgresql() if self.database == "postgresql"
                       else f"sqlite:///{self.tmp_dir / 'clinic.db'}")
        from bot import store
        store.upgrade(self.db_url)  # as `make run` does before Rasa starts
        if self.lock_store == "redis":
            self.redis_url = self._start_redis()

        # Ports first: nginx's config names every server, and Rasa's endpoints name nginx.
        self.server_urls = [f"http://127.0.0.1:{free_port()}" for _ in range(self.rasa_servers)]
        self.action_urls = [f"http://127.0.0.1:{free_port()}" for _ in range(self.action_servers)]
        public, actions, private = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{public}"
        self.private_url = f"http://127.0.0.1:{private}"
        self.actions_url = f"http://127.0.0.1:{actions}/webhook"

        waits = [self._start_action_server(url) for url in self.action_urls]
        endpoints, credentials = self._write_rasa_config()
        waits += [self._start_rasa(url, endpoints, credentials) for url in self.server_urls]
        # Started last so that it stops first: its keep-alive connections would otherwise hold
        # each Rasa server's graceful shutdown for 15 s.
        waits.append(self._start_nginx(public, actions, private))
        deadline = time.time() + self.startup_timeout
        for is_up, process, log_path in waits:
            _wait_until_up(is_up, process, log_path, deadline)

    def stop(self) -> None:
        # All at once (a Rasa server takes seconds to shut down), the balancer first.
        for process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self._processes):
            _wait_or_kill(process)
        self._stack.close()
        if self._own_tmp:
            shutil.rmtree(self.tmp_dir, ignore_errors=True)

    # ------------------------------------------------------------------ the parts

    def _check_installed(self) -> None:
        if not self.model.exists():
            raise RuntimeError(f"{self.model} is missing: run `make train`")
        needed = [NGINX] + ([REDIS_SERVER] if self.lock_store == "redis" else [])
        needed += [str(PG_BIN / "pg_ctl")] if self.database == "postgresql" else []
        missing = [path for path in needed if not Path(path).exists()]
        if missing:
            raise RuntimeError(f"{', '.join(missing)} missing: {INSTALL_HINT}")

    def _start_postgresql(self) -> str:
        from deploy.postgres import running_postgres

        return self._stack.enter_context(running_postgres()).create_database("clinic")

    def _start_redis(self) -> str:
        port = free_port()
        process = self._spawn("redis", [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(port),
                                        "--save", "", "--appendonly", "no",
                                        "--dir", str(self.tmp_dir)])
        _wait_until_up(lambda: _listening(port), process, self.log_dir / "redis.log",
                       time.time() + 30)
        return f"redis://127.0.0.1:{port}/0"

    def _start_nginx(self, public: int, actions: int, private: int):
        """nginx in the foreground with a main config around the filled-in template."""
        def servers(urls: List[str], backups: bool = False) -> str:
            lines = [f"server {url.split('//', 1)[1]}{' backup' if backups and i else ''};"
                     for i, url in enumerate(urls)]
            return "\n    ".join(lines)

        site = (NGINX_TEMPLATE.read_text()
                .replace("@RASA_SERVERS@", servers(self.server_urls))
                .replace("@RASA_MESSAGING_SERVERS@", servers(self.server_urls, backups=True))
                .replace("@ACTION_SERVERS@", servers(self.action_urls))
                .replace("@PRIVATE_LISTEN@", f"127.0.0.1:{private}")
                .replace("@LISTEN@", f"127.0.0.1:{public}")
                .replace("@ACTIONS_LISTEN@", f"127.0.0.1:{actions}"))
        nginx_dir = self.tmp_dir / "nginx"
        nginx_dir.mkdir(exist_ok=True)
        (nginx_dir / "rasa.conf").write_text(site)
        # As root, nginx's workers would switch to `nobody`, who cannot enter the scratch dir.
        user = "user root;\n" if os.geteuid() == 0 else ""
        (nginx_dir / "nginx.conf").write_text(
            f"{user}worker_processes 1;\npid {nginx_dir}/nginx.pid;\n"
            f"error_log {self.log_dir}/nginx-error.log warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            + "".join(f"    {kind}_temp_path {nginx_dir}/{kind}_temp;\n"
                      for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + f"    include {nginx_dir}/rasa.conf;\n}}\n")
        process = self._spawn("nginx", [NGINX, "-p", str(nginx_dir), "-c",
                                        str(nginx_dir / "nginx.conf"), "-e",
                                        str(self.log_dir / "nginx-error.log"),
                                        "-g", "daemon off;"])
        return lambda: _listening(public), process, self.log_dir / "nginx.log"

    def _start_action_server(self, url: str):
        port = url.rsplit(":", 1)[1]
        process = self._spawn(f"actions-{port}", [
            sys.executable, "-m", "bot.serve", "actions", "--port", port],
            env=dict(self.env, DB_URL=self.db_url))
        return lambda: _answers(f"{url}/health"), process, self.log_dir / f"actions-{port}.log"

    def _write_rasa_config(self):
        import yaml

        from bot.channels.config import effective_credentials, endpoints_yaml, render

        text = endpoints_yaml(self.db_url, actions_url=self.actions_url,
                              redis_url=self.redis_url)
        if self.lock_store != "redis" and "AtomicRedisLockStore" in text:  # REDIS_URL was set
            raise RuntimeError(f"lock_store={self.lock_store!r} with REDIS_URL set: unset it")
        if self.lock_store == "in_memory":
            config = yaml.safe_load(text)
            del config["lock_store"]
            text = yaml.safe_dump(config, sort_keys=False)
        endpoints, credentials = self.tmp_dir / "endpoints.yml", self.tmp_dir / "credentials.yml"
        endpoints.write_text(text)
        # REST and the web chat only: a local cluster must not register webhooks with
        # Telegram and the like because a developer's shell has their tokens set.
        credentials.write_text(render(effective_credentials({})[0]))
        return endpoints, credentials

    def _start_rasa(self, url: str, endpoints: Path, credentials: Path):
        port = url.rsplit(":", 1)[1]
        process = self._spawn(f"rasa-{port}", [
            sys.executable, "-m", "bot.serve", "rasa", "--model", str(self.model), "--enable-api",
            "--endpoints", str(endpoints), "--credentials", str(credentials),
            "--interface", "127.0.0.1", "--port", port, "--cors", "*"])
        # The REST channel answers once the model is loaded.
        return (lambda: _answers(f"{url}/webhooks/rest/"), process,
                self.log_dir / f"rasa-{port}.log")

    def _spawn(self, name: str, command: List[str], env=None) -> subprocess.Popen:
        log: IO = open(self.log_dir / f"{name}.log", "w")
        process = subprocess.Popen(command, cwd=ROOT, env=env or self.env, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._stack.callback(log.close)
        self._processes.append(process)
        return process


# ---------------------------------------------------------------------- helpers

def _wait_or_kill(process: subprocess.Popen) -> None:
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _tail(path: Path, size: int = 4000) -> str:
    return path.read_text(errors="replace")[-size:] if path.exists() else "(no log)"


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def _wait_until_up(is_up: Callable[[], bool], process: subprocess.Popen, log_path: Path,
                   deadline: float) -> None:
    while not is_up():
        if process.poll() is not None:
            raise RuntimeError(f"{log_path.stem} exited:\n{_tail(log_path)}")
        if time.time() > deadline:
            raise RuntimeError(f"{log_path.stem} did not start in time:\n{_tail(log_path)}")
        time.sleep(0.2)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.split(
        "\n")[0])
    parser.add_argument("--rasa-servers", type=int, default=2)
    parser.add_argument("--action-servers", type=int, default=2)
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    args = parser.parse_args(argv)
    with Cluster(args.rasa_servers, args.action_servers, args.database) as cluster:
        print(f"balancer      {cluster.url}  (web chat, messaging webhooks)\n"
              f"private       {cluster.private_url}  (REST: /webhooks/rest/webhook, the API)\n"
              f"rasa servers  {' '.join(cluster.server_urls)}\n"
              f"actions       {cluster.actions_url} -> {' '.join(cluster.action_urls)}\n"
              f"database      {cluster.db_url}\nlock store    {cluster.redis_url}\n"
              f"logs          {cluster.log_dir}\nCtrl-C stops everything.", flush=True)
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop cleanly on TERM too
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
