"""Signing in on the command line, and the ``users`` commands.

The officer is named with ``--user`` or ``RAPTOR_USER``; the password comes from a prompt, or
from ``RAPTOR_PASSWORD`` for scripts. On a database with no accounts yet, the first sign-in
creates its administrator. ``--demo`` signs in with the training database's own account.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from raptor_desktop.cli_applications import date_arg
from raptor_desktop.core.accounts import Permission, Role, parse_role
from raptor_desktop.store.accounts import (
    add_user,
    change_password,
    has_users,
    list_users,
    set_disabled,
    sign_in,
)
from raptor_desktop.store.database import Store
from raptor_desktop.store.demo import DEMO_PASSWORD, DEMO_USER
from raptor_desktop.store.retention import ERASERS, dispose, keep, review_list

USER_ENV = "RAPTOR_USER"
PASSWORD_ENV = "RAPTOR_PASSWORD"


class SignInNeeded(Exception):
    """Who is signing in, or their password, was not given (a usage error)."""


def read_password(prompt: str, *, confirm: bool = False) -> str:
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise SignInNeeded(f"no password: set {PASSWORD_ENV} or run in a terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != first:
        raise SignInNeeded("the passwords do not match")
    return first


def sign_in_for(store: Store, args: argparse.Namespace) -> None:
    """Sign the officer in before any command touches the register."""
    username = args.user or (None if args.demo else os.environ.get(USER_ENV))
    if args.demo and not username:
        sign_in(store, DEMO_USER, DEMO_PASSWORD)
        return
    if not username:
        raise SignInNeeded(f"sign in with --user NAME (or set {USER_ENV})")
    if not has_users(store):
        password = read_password(f"New administrator {username}, choose a password: ", confirm=True)
        add_user(store, username, username, Role.ADMINISTRATOR, password)
        print(f"created the administrator account {username}", file=sys.stderr)
    sign_in(store, username, read_password(f"Password for {username}: "))


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    users = commands.add_parser("users", help="officer accounts (administrators)")
    actions = users.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the accounts")
    add = actions.add_parser("add", help="add an account")
    add.add_argument("username")
    add.add_argument("--name", default="", help="the officer's full name")
    add.add_argument(
        "--role", type=parse_role, default=Role.OFFICER, help="officer, supervisor or administrator"
    )
    add.add_argument(
        "--new-password-env",
        default="RAPTOR_NEW_PASSWORD",
        help="environment variable holding the new password (else a prompt)",
    )
    passwd = actions.add_parser("passwd", help="change a password")
    passwd.add_argument("username")
    passwd.add_argument("--new-password-env", default="RAPTOR_NEW_PASSWORD")
    lock = actions.add_parser("lock", help="disable an account")
    lock.add_argument("username")
    unlock = actions.add_parser("unlock", help="enable a disabled account")
    unlock.add_argument("username")


def register_review(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    review = commands.add_parser("review", help="records due for MoPI review (administrators)")
    review.add_argument("--all", action="store_true", help="every record with its review date")
    decide = commands.add_parser("review-decide", help="keep or dispose of a reviewed record")
    decide.add_argument("kind", choices=sorted(ERASERS))
    decide.add_argument("record_id", type=int)
    decide.add_argument("decision", choices=["keep", "dispose"])
    decide.add_argument("--reason", required=True)
    decide.add_argument(
        "--until",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="next review date when keeping",
    )


def cmd_review(args: argparse.Namespace, store: Store) -> int:
    store.require(Permission.RETENTION)
    items = review_list(store, due_only=not args.all)
    for item in items:
        print(
            f"{item.kind:<12} {item.record_id:>5}  {item.name:<20} last activity "
            f"{item.last_activity}  review {item.review_on}"
        )
    if not items:
        print("nothing is due for review")
    return 0


def cmd_review_decide(args: argparse.Namespace, store: Store) -> int:
    if args.decision == "keep":
        if args.until is None:
            raise SignInNeeded("keeping a record needs --until YYYY-MM-DD, its next review")
        keep(store, args.kind, args.record_id, args.reason, args.until)
        print(f"{args.kind} {args.record_id} kept until {args.until}")
    else:
        print(f"erased {dispose(store, args.kind, args.record_id, args.reason)}")
    return 0


def _new_password(args: argparse.Namespace) -> str:
    given = os.environ.get(args.new_password_env)
    if given:
        return given
    if not sys.stdin.isatty():
        raise SignInNeeded(f"no new password: set {args.new_password_env} or run in a terminal")
    first = getpass.getpass(f"New password for {args.username}: ")
    if getpass.getpass("Again: ") != first:
        raise SignInNeeded("the passwords do not match")
    return first


def cmd_users(args: argparse.Namespace, store: Store) -> int:
    action = args.users_action
    if action == "list":
        for user in list_users(store):
            state = "disabled" if user["disabled"] else ("locked" if user["locked_until"] else "")
            print(f"{user['username']:<16} {user['role']:<14} {user['display_name']} {state}")
    elif action == "add":
        add_user(store, args.username, args.name, args.role, _new_password(args))
        print(f"added {args.username} ({args.role.value})")
    elif action == "passwd":
        change_password(store, args.username, _new_password(args))
        print(f"password changed for {args.username}")
    else:
        set_disabled(store, args.username, action == "lock")
        print(f"{args.username} {action}ed")
    return 0
