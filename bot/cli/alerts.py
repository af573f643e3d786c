"""`python -m bot alerts test|list`: try the alert settings, and see what waits in the outbox."""
from __future__ import annotations

import argparse
import json
import sys

from bot import store
from bot.cli.common import clinic_tz


def cmd_alerts_test(args) -> int:
    from bot import alerts, outbox
    from bot.alerts import senders

    try:
        settings = senders.register_senders(alerts.checked_settings())
    except alerts.AlertConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not settings.any_channel:
        print("error: no alert channel is set: SMTP_HOST (and clinic.yml alerts: email_to:) "
              "or ALERT_WEBHOOK_URL; see docs/alerts.md", file=sys.stderr)
        return 2
    ids = alerts.test_alert(settings=settings, url=args.db)
    outbox.deliver_due(url=args.db)
    rows = {r["id"]: r for r in store.list_outbox(limit=50, url=args.db)}
    failed = 0
    for row in (rows[i] for i in ids if i in rows):
        if row["delivered_at"]:
            print(f"{row['kind']}: delivered ({row['response'] or 'accepted'})")
        else:
            failed += 1
            print(f"{row['kind']}: NOT delivered: {row['last_error'] or 'not tried yet'} "
                  "(kept in the outbox and retried)")
    return 1 if failed else 0


def cmd_alerts_list(args) -> int:
    from bot.staff import labels

    rows = store.list_outbox(limit=args.limit, undelivered=args.undelivered, url=args.db)
    if args.json:
        print(json.dumps(rows, indent=2, default=str))
        return 0
    tz = clinic_tz()
    print(f"{len(rows)} outbox row(s), newest first")
    for r in rows:
        state = (f"delivered {labels.when(r['delivered_at'], tz)}" if r["delivered_at"] else
                 f"waiting, next try {labels.when(r['next_attempt_at'], tz)}")
        error = f"  last error: {r['last_error']}" if r["last_error"] and not r["delivered_at"] else ""
        print(f"{r['id']:>5}  {r['kind']:<8} {r['reference']:<22} "
              f"queued {labels.when(r['created_at'], tz)}  attempts {r['attempts']}  "
              f"{state}{error}")
    return 0


def register(sub, common: argparse.ArgumentParser) -> None:
    alerts = sub.add_parser("alerts", help="staff alerts: test the settings, list the outbox"
                            ).add_subparsers(dest="action", required=True)
    p = alerts.add_parser("test", parents=[common],
                          help="send a test alert on every configured channel now")
    p.set_defaults(func=cmd_alerts_test)
    p = alerts.add_parser("list", parents=[common], help="the outbox: alerts and hand-overs")
    p.add_argument("--undelivered", action="store_true", help="only what is still waiting")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_alerts_list)
