"""The EHR handover and the dashboard's rows on the command line.

`python -m bot fhir export REF [-o FILE]`: a request as a FHIR R4 transaction Bundle;
`python -m bot fhir deliveries`: what was sent to the clinic's FHIR server, and what failed;
`python -m bot dashboard rebuild`: the dashboard's summary rows again from the events and the
requests."""
from __future__ import annotations

import argparse
import json
import sys

from bot import store
from bot.cli.common import audit, parse_ref, write_out


def cmd_fhir_export(args) -> int:
    from bot.fhir import bundle_for

    booking_id = parse_ref(args.reference)
    try:
        bundle = bundle_for(booking_id, url=args.db)
    except store.NotFound:
        print(f"error: no request {args.reference}", file=sys.stderr)
        return 1
    audit(args, "fhir_export", booking_id=booking_id, detail=store.booking_reference(booking_id))
    write_out(json.dumps(bundle, indent=2, ensure_ascii=False), args.out)
    return 0


def cmd_fhir_deliveries(args) -> int:
    rows = [r for r in store.list_outbox(limit=args.limit, url=args.db) if r["kind"] == "fhir"]
    audit(args, "view_fhir_deliveries")
    for r in rows:
        state = ("delivered " + r["delivered_at"].isoformat(timespec="seconds")
                 if r["delivered_at"] else f"waiting ({r['attempts']} attempts)")
        print(f"{r['reference']}  {state}  {r['last_error'] or ''}".rstrip())
    if not rows:
        print("no FHIR deliveries")
    return 0


def cmd_dashboard_rebuild(args) -> int:
    count = store.rebuild_stats(url=args.db)
    audit(args, "dashboard_rebuild", detail=f"{count} conversations")
    print(f"summarised {count} conversations")
    return 0


def register(sub, common: argparse.ArgumentParser) -> None:
    fhir = sub.add_parser("fhir", help="requests as FHIR R4 Bundles").add_subparsers(
        dest="action", required=True)
    p = fhir.add_parser("export", parents=[common])
    p.add_argument("reference", help="e.g. R00012")
    p.add_argument("-o", "--out", metavar="FILE", help="write to FILE (default: the screen)")
    p.set_defaults(func=cmd_fhir_export)
    p = fhir.add_parser("deliveries", parents=[common])
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_fhir_deliveries)
    dashboard = sub.add_parser("dashboard", help="the dashboard's summary rows").add_subparsers(
        dest="action", required=True)
    p = dashboard.add_parser("rebuild", parents=[common])
    p.set_defaults(func=cmd_dashboard_rebuild)
