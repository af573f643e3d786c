"""`python -m bot bookings list|set-status`: the booking and call-back queue."""
from __future__ import annotations

import argparse
import json
import sys

from bot import store
from bot.cli.common import actor, audit, clinic_tz, parse_ref


def cmd_bookings_list(args) -> int:
    from bot.staff import labels

    rows = store.list_bookings(status=args.status, kind=args.kind, search=args.search,
                               url=args.db)
    audit(args, "view_requests", detail=f"status={args.status or 'all'}")
    if args.json:
        from bot.staff.export import request_record
        print(json.dumps([dict(request_record(r), conversation_id=r["conversation_id"]) for r in rows],
                         indent=2, ensure_ascii=False))
        return 0
    tz = clinic_tz()
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
        row = store.set_booking_status(parse_ref(args.reference), args.status,
                                       actor=actor(args), channel="cli", url=args.db)
    except store.NotFound:
        print(f"error: no request {args.reference}", file=sys.stderr)
        return 1
    print(f"{row['reference']} is now {row['status']}")
    return 0



def register(sub, common: argparse.ArgumentParser) -> None:
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
