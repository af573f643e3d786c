"""`python -m bot transcripts list|show|export`: conversations, as on the staff page."""
from __future__ import annotations

import argparse
import sys

from bot import store
from bot.cli.common import add_filters, audit, clinic_tz, conversation_filter, write_out


def cmd_transcripts_list(args) -> int:
    from bot.staff import export, labels

    f = conversation_filter(args)
    page = store.list_conversations(f, page=args.page, per_page=args.per_page, url=args.db)
    audit(args, "view_list", detail=f.describe())
    if args.json:
        print(export.list_json(page.items))
        return 0
    tz = clinic_tz()
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
    audit(args, "view_conversation", conversation_id=args.id)
    if args.json:
        print(export.conversation_json(c))
        return 0
    tz = clinic_tz()
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
        audit(args, "export", conversation_id=args.id, detail=f"{args.format} conversation")
        body = export.conversation_csv(c) if args.format == "csv" else export.conversation_json(c)
    else:
        f = conversation_filter(args)
        items = store.all_conversations(f, url=args.db)
        audit(args, "export", detail=f"{args.format} list of {len(items)}: {f.describe()}")
        body = export.list_csv(items) if args.format == "csv" else export.list_json(items)
    write_out(body, args.out)
    return 0



def register(sub, common: argparse.ArgumentParser) -> None:
    transcripts = sub.add_parser("transcripts", help="conversations").add_subparsers(
        dest="action", required=True)
    p = transcripts.add_parser("list", parents=[common])
    add_filters(p)
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
    add_filters(p)
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("-o", "--out", help="file (default: standard output)")
    p.set_defaults(func=cmd_transcripts_export)
