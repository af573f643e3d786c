"""`python -m bot doctor`: is this installation healthy?

One line per check, in plain words; exit status 1 when something needs attention (a monitoring
system can run it), else 0.

Checks: the configuration files, the database (reachable, schema up to date), every server
answering, disk space, the last backup and the last retention purge (from the audit log), the
alert outbox (when this version has one), and the credentials of the channels switched on.
It never changes anything (it does not even migrate the database).
"""
from __future__ import annotations

import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterator, List, Mapping, Tuple

from bot import store
from bot.ops import ROOT, var_dir
from bot.ops.preflight import database_problem, sqlite_path

Check = Tuple[bool, str]          # (fine?, what to tell the person reading)
SCHEDULE_MAX_AGE = timedelta(hours=36)   # backup and purge run nightly: a day, with slack
DISK_LOW_BYTES = 1024 ** 3


def read_env_file(path: Path) -> Mapping[str, str]:
    """KEY=VALUE lines, as systemd's EnvironmentFile= reads them (the service's settings)."""
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip().strip("'\"")
    return values


def check_config() -> Iterator[Check]:
    import yaml

    from bot.clinic import load_clinic
    from bot.content import load_content

    for name, load in (("clinic.yml", load_clinic), ("content/", load_content)):
        try:
            load()
            yield True, f"{name} is valid"
        except (ValueError, OSError) as exc:  # their messages name the file and field
            yield False, f"{name}: {exc}"
    for name in ("endpoints.yml", "credentials.yml", "domain.yml", "config.yml"):
        try:
            yaml.safe_load((ROOT / name).read_text())
            yield True, f"{name} is valid YAML"
        except (OSError, yaml.YAMLError) as exc:
            yield False, f"{name}: {exc}"


def _head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(store.alembic_config()).get_current_head()


def check_database(url: str) -> Tuple[List[Check], bool]:
    """The checks, and whether the database can be read for the audit-based checks."""
    path = sqlite_path(url)
    where = str(path) if path else url.split("@")[-1]   # never the password
    if path is not None:
        if not path.exists():
            return [(False, f"no database at {path} yet: start the assistant once (make run) "
                            "or run python -m bot db upgrade")], False
        problem = database_problem(path)
        if problem:
            return [(False, problem)], False
    from sqlalchemy.exc import SQLAlchemyError

    try:
        revision = store.current_revision(url)
    except (SQLAlchemyError, OSError) as exc:
        return [(False, f"the database at {where} cannot be reached: "
                        f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")], False
    head = _head_revision()
    if revision != head:
        return [(False, f"the database at {where} is at schema revision {revision or 'none'}, "
                        f"this version needs {head}: run python -m bot db upgrade (make run "
                        f"and the service do it at start)")], False
    return [(True, f"database at {where} reachable, schema up to date ({head})")], True


def check_servers(var: Path) -> Iterator[Check]:
    from bot.ops.supervise import answers, ctl, servers

    supervised = (var / "supervisor.sock").exists()
    for server in servers():
        if answers(server.health_url):
            yield True, f"{server.name} server answering at {server.url}"
            continue
        out = ctl("status", server.name, var=var).stdout.split() if supervised else []
        state = (f"the supervisor says {out[1]} (STARTING: give it a minute; BACKOFF or "
                 f"FATAL: it keeps failing)" if len(out) > 1 else
                 "is the assistant running (make run, or systemctl status clinic-assistant)?")
        yield False, (f"{server.name} server not answering at {server.health_url}: {state}; "
                      f"its log: {var / 'log' / (server.name + '.log')}")


def check_disk(var: Path, url: str) -> Iterator[Check]:
    places = {var}
    path = sqlite_path(url)
    if path is not None:
        places.add(path.parent)
    for place in sorted(places):
        probe = place
        while not probe.exists():
            probe = probe.parent
        free = shutil.disk_usage(probe).free
        text = f"{free / 1024 ** 3:.1f} GB free on the disk holding {place}"
        yield (True, text) if free >= DISK_LOW_BYTES else (
            False, text + ": below 1 GB, free space (old backups, rotated logs)")


def _age(at: datetime) -> timedelta:
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return datetime.now(timezone.utc) - at


def _recent(url: str, action: str, what: str, never: str) -> Check:
    """Whether the audit log has `action` (a backup, a purge) within SCHEDULE_MAX_AGE."""
    rows = store.list_audit(action=action, limit=1, url=url)
    if not rows:
        return False, never
    last = rows[0]
    if _age(last["at"]) > SCHEDULE_MAX_AGE:
        return False, (f"the last {what} is {_age(last['at']).days} day(s) old "
                       f"({last['detail']}): is the nightly schedule running?")
    return True, f"last {what} {last['at']:%Y-%m-%d %H:%M} UTC: {last['detail']}"


def check_backup_and_purge(url: str) -> Iterator[Check]:
    yield _recent(url, "backup", "backup",
                  "no backup recorded: run python -m bot db backup var/backups/ (and schedule "
                  "it nightly, README \"Backups\")")
    yield _recent(url, "purge", "retention purge",
                  "the retention purge has never run: python -m bot purge (in the nightly "
                  "schedule with the backup)")


def check_alert_settings(env: Mapping[str, str]) -> Iterator[Check]:
    from bot.alerts import AlertConfigError, checked_settings
    from bot.clinic import ClinicConfigError

    try:
        settings = checked_settings(env)
    except ClinicConfigError:
        yield False, "alert settings: cannot check them until clinic.yml is fixed"
        return
    except AlertConfigError as exc:
        yield False, f"alert settings: {exc}"
        return
    channels = [name for name, on in (("email", settings.smtp),
                                      ("webhook", settings.webhook_url)) if on]
    yield True, (f"alert channels: {', '.join(channels)}" if channels else
                 "alert channels: none set, nobody is told of new requests (docs/alerts.md)")


def check_alert_outbox(url: str) -> Iterator[Check]:
    failing = store.outbox_failures(url=url)
    yield (not failing), (f"outbox: {len(failing)} delivery(ies) failing, being retried: "
                          "python -m bot alerts list --undelivered" if failing else
                          "outbox: no delivery failing")


def check_channels(env: Mapping[str, str]) -> Iterator[Check]:
    from bot.channels.config import CHANNELS

    for spec in CHANNELS:
        variables = [v for _, v in spec.fields] + list(spec.required) + list(spec.one_of)
        given = [v for v in dict.fromkeys(variables) if (env.get(v) or "").strip()]
        missing = [v for v in spec.required if not (env.get(v) or "").strip()]
        if spec.one_of and not any((env.get(v) or "").strip() for v in spec.one_of):
            missing.append(" or ".join(spec.one_of))
        if not given:
            yield True, f"channel {spec.name}: off"
        elif missing:
            yield False, (f"channel {spec.name}: {', '.join(given)} set but "
                          f"{', '.join(missing)} missing, so it is off")
        else:
            yield True, f"channel {spec.name}: on, credentials present"


def run(env: Mapping[str, str], say: Callable[[str], None] = print) -> int:
    var = var_dir()
    url = store.database_url()
    checks: List[Check] = []
    sections = [("Configuration", lambda: list(check_config()))]
    db_checks, readable = check_database(url)
    sections.append(("Database", lambda: db_checks))
    sections.append(("Servers", lambda: list(check_servers(var))))
    sections.append(("Disk", lambda: list(check_disk(var, url))))
    if readable:
        sections.append(("Backups and retention", lambda: list(check_backup_and_purge(url))))
    else:
        sections.append(("Backups and retention", lambda: [
            (False, "cannot tell the last backup and purge until the database is fixed")]))
    sections.append(("Alerts", lambda: list(check_alert_settings(env)) + (
        list(check_alert_outbox(url)) if readable else [])))
    sections.append(("Channels", lambda: list(check_channels(env))))
    for title, produce in sections:
        say(title)
        for fine, text in produce():
            checks.append((fine, text))
            say(f"  {'ok       ' if fine else 'ATTENTION'}  {text}")
    problems = sum(1 for fine, _ in checks if not fine)
    say("")
    say("Everything looks fine." if not problems else
        f"{problems} thing(s) need attention (marked ATTENTION above).")
    return 1 if problems else 0


def cmd_doctor(args) -> int:
    if args.env_file:
        try:
            os.environ.update(read_env_file(Path(args.env_file)))
        except OSError as exc:
            print(f"error: cannot read {args.env_file}: {exc.strerror}")
            return 2
    if args.db:
        os.environ["DB_URL"] = args.db
    return run(os.environ)
