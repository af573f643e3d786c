"""Staff accounts and the staff web page on the command line.

`python -m bot staff add-user|list-users|disable|enable|reset-password|serve`: staff
accounts and the staff web page. Account changes are audited like the web page's."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Optional

from bot import store
from bot.cli.common import actor, audit, clinic_tz


def _new_password(username: str) -> Optional[str]:
    """From STAFF_PASSWORD, else asked twice at the terminal; None (said why) when unusable."""
    from bot.staff.auth import password_problem

    password = os.environ.get("STAFF_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            print("error: no terminal to ask for the password: set STAFF_PASSWORD",
                  file=sys.stderr)
            return None
        password = getpass.getpass(f"Password for {username}: ")
        if getpass.getpass("Again: ") != password:
            print("error: the passwords differ", file=sys.stderr)
            return None
    problem = password_problem(password)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return None
    return password


def cmd_staff_add_user(args) -> int:
    from bot.staff.auth import hash_password

    password = _new_password(args.username)
    if password is None:
        return 2
    try:
        store.add_user(args.username, hash_password(password), is_admin=args.admin,
                       is_manager=args.manager, url=args.db)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    role = "administrator" if args.admin else "manager" if args.manager else "staff user"
    audit(args, "add_user", detail=f"{args.username} ({role})")
    print(f"created {role} {args.username}")
    return 0


def cmd_staff_list_users(args) -> int:
    from bot.staff import labels

    tz = clinic_tz()
    for u in store.list_users(url=args.db):
        last = labels.when(u["last_login_at"], tz) if u["last_login_at"] else "never"
        notes = [n for n, on in (("admin", u["is_admin"]),
                                 ("manager", u.get("is_manager")), ("disabled", u["disabled"]),
                                 ("must change password", u["must_change_password"]),
                                 ("second factor", u["totp_enabled_at"])) if on]
        print(f"{u['username']:<24} last sign-in: {last:<22}"
              f"{'  (' + ', '.join(notes) + ')' if notes else ''}")
    return 0


def cmd_staff_disable(args) -> int:
    try:
        store.set_disabled(args.username, args.action == "disable", actor=actor(args),
                           channel="cli", url=args.db)
    except store.NotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{args.action}d {args.username}" + (": signed out everywhere"
                                                if args.action == "disable" else ""))
    return 0


def cmd_staff_reset_password(args) -> int:
    """A temporary password (STAFF_PASSWORD, else a new random one, printed once); the user
    chooses their own at the next sign-in. With --remove-second-factor also for a user who
    lost both the authenticator and the recovery codes."""
    import secrets

    from bot.staff.auth import hash_password

    given = "STAFF_PASSWORD" in os.environ
    password = _new_password(args.username) if given else secrets.token_urlsafe(12)
    if password is None:
        return 2
    user = store.get_user(args.username, url=args.db)
    if user is None:
        print(f"error: no staff user {args.username!r}", file=sys.stderr)
        return 1
    store.reset_password(args.username, hash_password(password), actor=actor(args),
                         channel="cli", url=args.db)
    if args.remove_second_factor:
        store.set_totp(user["id"], None, enabled=False, url=args.db)
        audit(args, "second_factor_off", detail=args.username)
    print(f"reset the password of {args.username}; they choose a new one at the next sign-in")
    if not given:
        print(f"temporary password: {password}")
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
    role = p.add_mutually_exclusive_group()
    role.add_argument("--admin", action="store_true")
    role.add_argument("--manager", action="store_true",
                      help="sees the dashboard (counts only), never a transcript")
    p.set_defaults(func=cmd_staff_add_user)
    p = staff.add_parser("list-users", parents=[common], help="accounts with their last sign-in")
    p.set_defaults(func=cmd_staff_list_users)
    for action in ("disable", "enable"):
        p = staff.add_parser(action, parents=[common])
        p.add_argument("username")
        p.set_defaults(func=cmd_staff_disable)
    p = staff.add_parser("reset-password", parents=[common],
                         help="a temporary password, changed at the next sign-in")
    p.add_argument("username")
    p.add_argument("--remove-second-factor", action="store_true")
    p.set_defaults(func=cmd_staff_reset_password)
    p = staff.add_parser("serve", parents=[common])
    p.add_argument("--host", default=os.environ.get("STAFF_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("STAFF_PORT", "8080")))
    p.set_defaults(func=cmd_staff_serve)
