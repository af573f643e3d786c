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

One module per group of commands, each with its `register(sub, common)`; a new group adds
its module to COMMAND_GROUPS.
"""
from __future__ import annotations

import argparse
from typing import List, Optional

from bot.cli import bookings, database, staff, transcripts

COMMAND_GROUPS = (transcripts, bookings, staff, database)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--as", dest="actor", metavar="USER",
                        help="who the audit log names (default: the OS user)")
    common.add_argument("--db", metavar="URL", default=None,
                        help="database URL (default: DB_URL, else var/clinic.db)")

    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for group in COMMAND_GROUPS:
        group.register(sub, common)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args) or 0
