"""`python -m bot staff add-user|list-users|serve`: staff accounts and the staff web page."""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from bot import store
from bot.cli.common import audit


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
    audit(args, "add_user", detail=f"{args.username}{' (admin)' if args.admin else ''}")
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



def register(sub, common: argparse.ArgumentParser) -> None:
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
