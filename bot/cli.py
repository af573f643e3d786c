"""`python -m bot ...`: the staff tools on the command line, and the database chores.

    python -m bot transcripts list [filters] [--json]     conversations, as on the staff page
    python -m bot transcripts show ID [--json]             one transcript with its triage
    python -m bot transcripts export [--id ID | filters] [--format csv|json] [-o FILE]
    python -m bot bookings list [--status S] [--json]      the booking and call-back queue
    python -m bot bookings set-status REF STATUS           new | contacted | closed
    python -m bot staff add-user USERNAME [--admin]        password from a prompt or STAFF_PASSWORD
    python -m bot staff serve [--host H] [--port P]        the staff web page (make run starts it)
    python -m bot purge [--older-than DAYS]                retention (default: clinic.yml retention_days)
    python -m bot erase CONVERSATION_ID [--yes]            a patient's request to be forgotten
    python -m bot audit [--limit N]                        who viewed, exported, changed what
    python -m bot db upgrade | db current                  schema migrations (Alembic)
    python -m bot db backup FILE|DIR [--keep N]            a consistent copy while it runs
    python -m bot db restore FILE                          into the stopped installation
    python -m bot doctor [--env-file FILE]                 is this installation healthy?
    python -m bot endpoints [--out var/endpoints.yml]      Rasa's endpoints for DB_URL
                                                           and REDIS_URL, ACTIONS_URL

Filters (the staff page's): --level L (repeatable; emergency urgent consultation self_care
none), --from YYYY-MM-DD, --to YYYY-MM-DD, --red-flag FLAG|any, --booked yes|no,
--search TEXT (booking name, phone, email or reference), --attention.
Every view, export, status change, erase and purge is audited with the OS user as actor, or
`--as USER`. The database is DB_URL (or --db URL), else var/clinic.db.
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import List, Optional

from bot import store

ROOT = Path(__file__).resolve().parent.parent


def _tz():
    from bot.clinic import load_clinic
    return load_clinic().tz


def _day(value: Optional[str], next_day: bool = False) -> Optional[datetime]:
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise SystemExit(f"error: {value!r} is not a date like 2025-01-31")
    if next_day:
        day += timedelta(days=1)
    return datetime.combine(day, dtime(0, 0), tzinfo=_tz())


def _filters(args) -> store.ConversationFilter:
    booked = {"yes": True, "no": False, None: None}[args.booked]
    return store.ConversationFilter(
        levels=tuple(args.level or ()), date_from=_day(args.date_from),
        date_to=_day(args.date_to, next_day=True), red_flag=args.red_flag, booked=booked,
        search=args.search, needs_attention=args.attention,
    )


def _actor(args) -> str:
    return args.actor or getpass.getuser()


def _audit(args, action: str, **kwargs) -> None:
    store.audit(_actor(args), action, channel="cli", url=args.db, **kwargs)


def _write(text: str, out: Optional[str]) -> None:
    if out:
        old = os.umask(0o077)  # patient data: readable by its owner only
        try:
            Path(out).write_text(text, encoding="utf-8")
        finally:
            os.umask(old)
        print(f"wrote {out}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


# ------------------------------------------------------------------ transcripts

def cmd_transcripts_list(args) -> int:
    from bot.staff import export, labels

    f = _filters(args)
    page = store.list_conversations(f, page=args.page, per_page=args.per_page, url=args.db)
    _audit(args, "view_list", detail=f.describe())
    if args.json:
        print(export.list_json(page.items))
        return 0
    tz = _tz()
    print(f"{page.total} conversation(s), page {page.page} of {page.pages}")
    header = ("STARTED", "LEVEL", "RED FLAGS", "WHERE", "HOW LONG", "TRIED", "REQUEST", "ID")
    rows = [header]
    for c in page.items:
        rows.append((
            labels.when(c["started_at"], tz), labels.label(labels.LEVELS, c["triage_level"]),
            labels.labels(labels.RED_FLAGS, c["red_flags"], empty="none"),
            labels.label(labels.LOCATIONS, c["pain_location"]) if c["pain_location"] else "-",
            labels.weeks(c["pain_duration_weeks"]), labels.treatments(c["treatments_tried"]),
            ", ".join(f"{b['reference']} {b['status']}" for b in c["bookings"]) or "no",
            c["conversation_id"],
        ))
    widths = [min(max(len(str(r[i])) for r in rows), 40) for i in range(len(header))]
    for r in rows:
        print("  ".join(str(v)[:40].ljust(w) for v, w in zip(r, widths)).rstrip())
    return 0


def cmd_transcripts_show(args) -> int:
    from bot.staff import export, labels

    try:
        c = store.get_conversation(args.id, url=args.db)
    except store.NotFound:
        print(f"error: no conversation {args.id!r}", file=sys.stderr)
        return 1
    _audit(args, "view_conversation", conversation_id=args.id)
    if args.json:
        print(export.conversation_json(c))
        return 0
    tz = _tz()
    print(f"Conversation {c['conversation_id']}")
    print(f"  started      {labels.when(c['started_at'], tz)}  ({tz.key})")
    print(f"  triage       {labels.label(labels.LEVELS, c['triage_level'])}")
    print(f"  red flags    {labels.labels(labels.RED_FLAGS, c['red_flags'], empty='none')}")
    print(f"  where        {labels.slot_value('pain_location', c['pain_location'])}")
    print(f"  how long     {labels.weeks(c['pain_duration_weeks'])}")
    print(f"  tried        {labels.treatments(c['treatments_tried'])}")
    if c["peg"].get("peg_score") is not None:
        print(f"  PEG score    {c['peg']['peg_score']:g} / 10")
    for b in c["bookings"]:
        print(f"  request      {b['reference']} {labels.label(labels.KINDS, b['kind'])}, "
              f"{b['status']}: {b['name']}, {b['contact']}, {b['preferred_time']}")
    for d in c["decision_trail"]:
        print(f"  decision     {d.get('at', '')} {d.get('level')} (rule {d.get('rule')}; "
              f"because {', '.join(d.get('because') or [])})")
    if c["options_explained"]:
        print(f"  options      {', '.join(c['options_explained'])}")
    print()
    for t in c["timeline"]:
        at = labels.clock(t["at"], tz)
        if t["kind"] == "patient":
            print(f"[{at}] Patient:   {t['text']}")
        elif t["kind"] == "assistant":
            print(f"[{at}] Assistant: {t['text']}")
        elif t["kind"] == "slot":
            print(f"[{at}]   (noted {t['name']} = {labels.slot_value(t['name'], t['value'])})")
        else:
            print(f"[{at}]   -- {t['name'].replace('_', ' ')} --")
    return 0


def cmd_transcripts_export(args) -> int:
    from bot.staff import export

    if args.id:
        try:
            c = store.get_conversation(args.id, url=args.db)
        except store.NotFound:
            print(f"error: no conversation {args.id!r}", file=sys.stderr)
            return 1
        _audit(args, "export", conversation_id=args.id, detail=f"{args.format} conversation")
        body = export.conversation_csv(c) if args.format == "csv" else export.conversation_json(c)
    else:
        f = _filters(args)
        items = store.all_conversations(f, url=args.db)
        _audit(args, "export", detail=f"{args.format} list of {len(items)}: {f.describe()}")
        body = export.list_csv(items) if args.format == "csv" else export.list_json(items)
    _write(body, args.out)
    return 0


# ------------------------------------------------------------------ bookings

def _parse_ref(value: str) -> int:
    text = value.strip().upper().lstrip("R")
    if not text.isdigit():
        raise SystemExit(f"error: {value!r} is not a request reference like R00012")
    return int(text)


def cmd_bookings_list(args) -> int:
    from bot.staff import labels

    rows = store.list_bookings(status=args.status, kind=args.kind, search=args.search,
                               url=args.db)
    _audit(args, "view_requests", detail=f"status={args.status or 'all'}")
    if args.json:
        from bot.staff.export import request_record
        print(json.dumps([dict(request_record(r), conversation_id=r["conversation_id"]) for r in rows],
                         indent=2, ensure_ascii=False))
        return 0
    tz = _tz()
    print(f"{len(rows)} request(s)")
    for r in rows:
        changed = (f" (by {r['status_changed_by']}, {labels.when(r['status_changed_at'], tz)})"
                   if r.get("status_changed_by") else "")
        print(f"{r['reference']}  {labels.when(r['created_at'], tz)}  "
              f"{labels.label(labels.KINDS, r['kind']):<12} {r['status']:<9}{changed}  "
              f"{r['name']} | {r['contact']} | {r['preferred_time']} | "
              f"{labels.label(labels.LEVELS, r['triage_level'])} | {r['conversation_id']}")
    return 0


def cmd_bookings_set_status(args) -> int:
    try:
        row = store.set_booking_status(_parse_ref(args.reference), args.status,
                                       actor=_actor(args), channel="cli", url=args.db)
    except store.NotFound:
        print(f"error: no request {args.reference}", file=sys.stderr)
        return 1
    print(f"{row['reference']} is now {row['status']}")
    return 0


# ------------------------------------------------------------------ staff

def cmd_staff_add_user(args) -> int:
    from bot.staff.auth import hash_password, password_problem

    password = os.environ.get("STAFF_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            print("error: no terminal to ask for the password: set STAFF_PASSWORD",
                  file=sys.stderr)
            return 2
        password = getpass.getpass(f"Password for {args.username}: ")
        if getpass.getpass("Again: ") != password:
            print("error: the passwords differ", file=sys.stderr)
            return 2
    problem = password_problem(password)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        store.add_user(args.username, hash_password(password), is_admin=args.admin, url=args.db)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _audit(args, "add_user", detail=f"{args.username}{' (admin)' if args.admin else ''}")
    print(f"created {'administrator' if args.admin else 'staff user'} {args.username}")
    return 0


def cmd_staff_list_users(args) -> int:
    for u in store.list_users(url=args.db):
        print(f"{u['username']}{'  (admin)' if u['is_admin'] else ''}"
              f"{'  (disabled)' if u['disabled'] else ''}")
    return 0


def cmd_staff_serve(args) -> int:
    import logging

    import uvicorn

    from bot.staff.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    app = create_app(args.db)
    if not store.list_users(url=args.db):
        print("note: no staff accounts yet: python -m bot staff add-user NAME --admin",
              file=sys.stderr)
    # access_log off: its lines carry query strings (searches hold names and phone numbers);
    # the app logs route templates and status codes instead.
    # ws="none": no websockets here (and Rasa pins a websockets uvicorn's default cannot use).
    trusted_proxy = os.environ.get("STAFF_TRUSTED_PROXY", "").strip()
    uvicorn.run(app, host=args.host, port=args.port, access_log=False, server_header=False,
                ws="none",
                # X-Forwarded-For only from the clinic's proxy (STAFF_TRUSTED_PROXY, its
                # address): trusted from loopback, anyone on this machine could forge the address
                # the login limit and the audit log use.
                proxy_headers=bool(trusted_proxy), forwarded_allow_ips=trusted_proxy or None,
                log_level="warning")
    return 0


# ------------------------------------------------------------------ retention, schema

def cmd_purge(args) -> int:
    days = args.older_than
    if days is None:
        from bot.clinic import load_clinic
        days = load_clinic().retention_days
    counts = store.purge(days, actor=_actor(args), channel="cli", url=args.db)
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
    counts = store.erase_conversation(args.id, actor=_actor(args), channel="cli", url=args.db)
    print(f"erased conversation {args.id}: {counts['events']} events, "
          f"{counts['bookings']} requests")
    return 0


def cmd_audit(args) -> int:
    tz = _tz()
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
        args.actor = _actor(args)
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


# ------------------------------------------------------------------ parser

def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--level", action="append",
                   choices=["emergency", "urgent", "consultation", "self_care", "none"])
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--red-flag", metavar="FLAG|any")
    p.add_argument("--booked", choices=["yes", "no"])
    p.add_argument("--search", metavar="TEXT")
    p.add_argument("--attention", action="store_true", help="needs attention: most serious first")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--as", dest="actor", metavar="USER",
                        help="who the audit log names (default: the OS user)")
    common.add_argument("--db", metavar="URL", default=None,
                        help="database URL (default: DB_URL, else var/clinic.db)")

    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    transcripts = sub.add_parser("transcripts", help="conversations").add_subparsers(
        dest="action", required=True)
    p = transcripts.add_parser("list", parents=[common])
    _add_filters(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--per-page", type=int, default=50)
    p.set_defaults(func=cmd_transcripts_list)
    p = transcripts.add_parser("show", parents=[common])
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_transcripts_show)
    p = transcripts.add_parser("export", parents=[common])
    p.add_argument("--id", help="one conversation (otherwise the filtered list)")
    _add_filters(p)
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("-o", "--out", help="file (default: standard output)")
    p.set_defaults(func=cmd_transcripts_export)

    bookings = sub.add_parser("bookings", help="booking and call-back requests").add_subparsers(
        dest="action", required=True)
    p = bookings.add_parser("list", parents=[common])
    p.add_argument("--status", choices=list(store.BOOKING_STATUSES))
    p.add_argument("--kind", choices=["consultation", "callback"])
    p.add_argument("--search")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bookings_list)
    p = bookings.add_parser("set-status", parents=[common])
    p.add_argument("reference", help="e.g. R00012")
    p.add_argument("status", choices=list(store.BOOKING_STATUSES))
    p.set_defaults(func=cmd_bookings_set_status)

    staff = sub.add_parser("staff", help="staff accounts and the web page").add_subparsers(
        dest="action", required=True)
    p = staff.add_parser("add-user", parents=[common])
    p.add_argument("username")
    p.add_argument("--admin", action="store_true")
    p.set_defaults(func=cmd_staff_add_user)
    p = staff.add_parser("list-users", parents=[common])
    p.set_defaults(func=cmd_staff_list_users)
    p = staff.add_parser("serve", parents=[common])
    p.add_argument("--host", default=os.environ.get("STAFF_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("STAFF_PORT", "8080")))
    p.set_defaults(func=cmd_staff_serve)

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
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args) or 0
