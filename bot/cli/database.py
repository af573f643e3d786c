"""The database chores on the command line: retention, erasure, audit, migrations, backups.

`python -m bot purge|erase|audit|db|doctor|endpoints`: retention, erasure, the audit log,
schema migrations and backups, and the installation's health."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot import store
from bot.cli.common import actor, clinic_tz

ROOT = Path(__file__).resolve().parents[2]

def cmd_purge(args) -> int:
    days = args.older_than
    if days is None:
        from bot.clinic import load_clinic
        days = load_clinic().retention_days
    counts = store.purge(days, actor=actor(args), channel="cli", url=args.db)
    print(f"purged {counts['conversations']} conversation(s) older than {days} days: "
          f"{counts['events']} events, {counts['bookings']} requests")
    return 0


def cmd_erase(args) -> int:
    if not store.conversation_exists(args.id, url=args.db):
        print(f"error: no conversation {args.id!r}", file=sys.stderr)
        return 1
    if not args.yes:
        if not sys.stdin.isatty():
            print("error: add --yes to erase without a prompt", file=sys.stderr)
            return 2
        answer = input(f"Erase every trace of conversation {args.id}? Type the id to confirm: ")
        if answer.strip() != args.id:
            print("not erased")
            return 1
    counts = store.erase_conversation(args.id, actor=actor(args), channel="cli", url=args.db)
    print(f"erased conversation {args.id}: {counts['events']} events, "
          f"{counts['bookings']} requests")
    return 0


def cmd_audit(args) -> int:
    tz = clinic_tz()
    from bot.staff import labels
    for r in store.list_audit(limit=args.limit, url=args.db):
        print(f"{labels.when(r['at'], tz, True)}  {r['actor']:<14} {r['channel']:<4} "
              f"{r['action']:<18} {r['conversation_id'] or '':<24} {r['detail'] or ''}")
    return 0


def cmd_db(args) -> int:
    if args.action in ("backup", "restore"):
        from bot.ops import backup

        if not args.file:
            raise SystemExit(f"error: python -m bot db {args.action} FILE")
        args.actor = actor(args)
        return (backup.cmd_backup if args.action == "backup" else backup.cmd_restore)(args)
    if args.action == "upgrade":
        store.upgrade(args.db)
        store.engine_for(args.db)
    print(f"database at revision {store.current_revision(args.db)}")
    return 0


def cmd_doctor(args) -> int:
    from bot.ops.doctor import cmd_doctor as doctor

    return doctor(args)


def cmd_endpoints(args) -> int:
    from bot.channels.config import endpoints_yaml, write_private

    out = Path(args.out)
    write_private(out, endpoints_yaml(args.db))
    print(f"wrote {out}", file=sys.stderr)
    return 0



def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("purge", parents=[common], help="delete conversations past retention")
    p.add_argument("--older-than", type=int, metavar="DAYS",
                   help="default: retention_days in clinic.yml")
    p.set_defaults(func=cmd_purge)
    p = sub.add_parser("erase", parents=[common], help="erase one conversation completely")
    p.add_argument("id")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_erase)
    p = sub.add_parser("audit", parents=[common], help="the audit log, newest first")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_audit)
    p = sub.add_parser("db", parents=[common], help="schema migrations, backup, restore")
    p.add_argument("action", choices=["upgrade", "current", "backup", "restore"])
    p.add_argument("file", nargs="?", help="backup/restore: the backup file (backup: or a "
                                           "directory, for clinic-YYYYMMDD-HHMMSS.db)")
    p.add_argument("--keep", type=int, metavar="N",
                   help="backup into a directory: keep the newest N backups there")
    p.set_defaults(func=cmd_db)
    p = sub.add_parser("doctor", parents=[common], help="is this installation healthy?")
    p.add_argument("--env-file", metavar="FILE",
                   help="the service's settings (e.g. /etc/clinic-assistant/env)")
    p.set_defaults(func=cmd_doctor)
    p = sub.add_parser("endpoints", parents=[common], help="write Rasa's endpoints for DB_URL")
    p.add_argument("--out", default=str(ROOT / "var" / "endpoints.yml"))
    p.set_defaults(func=cmd_endpoints)
