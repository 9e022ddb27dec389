"""Commands for officer accounts (administrators) and MoPI review."""

from __future__ import annotations

import argparse
from dataclasses import replace

from raptor_desktop.cli.registry import Invocation, UsageError, argument_type, command, date_arg
from raptor_desktop.cli.signing_in import read_secret
from raptor_desktop.core.accounts import Role, parse_role
from raptor_desktop.core.applications import Officer
from raptor_desktop.services.accounts import (
    add_user,
    change_password,
    list_users,
    officer_profile,
    save_officer_profile,
    set_disabled,
)
from raptor_desktop.services.review import ERASERS, dispose, due_for_review, keep

_role = argument_type(parse_role)


def _users_arguments(users: argparse.ArgumentParser) -> None:
    actions = users.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the accounts")
    add = actions.add_parser("add", help="add an account")
    add.add_argument("username")
    add.add_argument("--name", default="", help="the officer's full name")
    add.add_argument(
        "--role", type=_role, default=Role.OFFICER, help="officer, supervisor or administrator"
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


def _new_password(args: argparse.Namespace) -> str:
    return read_secret(f"New password for {args.username}: ", args.new_password_env, confirm=True)


@command("users", "officer accounts (administrators)", _users_arguments)
def cmd_users(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    action = args.users_action
    if action == "list":
        for user in list_users(store):
            state = "" if user["state"] == "active" else f" ({user['state']})"
            print(f"{user['username']:<16} {user['role']:<14} {user['display_name']}{state}")
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


def _profile_arguments(profile: argparse.ArgumentParser) -> None:
    profile.add_argument("--name", help="your name as it goes on a witness statement")
    profile.add_argument("--rank", help="e.g. Detective Constable")
    profile.add_argument("--collar", help="your collar number")
    profile.add_argument("--force", help="e.g. Essex Police")
    profile.add_argument("--address", help="your work address, for the statement")


def _show_profile(officer: Officer) -> None:
    for label, value in (
        ("Name", officer.name),
        ("Rank", officer.rank),
        ("Collar number", officer.collar),
        ("Force", officer.force),
        ("Work address", officer.work_address),
    ):
        print(f"{label + ':':<15}{value or '(not given)'}")


@command(
    "profile",
    "your officer profile: it fills in the applicant of a new application",
    _profile_arguments,
)
def cmd_profile(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    profile = officer_profile(store)
    given = {
        "name": args.name,
        "rank": args.rank,
        "collar": args.collar,
        "force": args.force,
        "work_address": args.address,
    }
    changes = {k: v for k, v in given.items() if v is not None}
    if changes:
        profile = save_officer_profile(store, replace(profile, **changes))
        print("profile kept:")
    _show_profile(profile)
    return 0


@command(
    "review",
    "records due for MoPI review (administrators)",
    lambda p: p.add_argument("--all", action="store_true", help="every record with its date"),
)
def cmd_review(args: argparse.Namespace, run: Invocation) -> int:
    items = due_for_review(run.store(), due_only=not args.all)
    for item in items:
        print(
            f"{item.kind:<12} {item.record_id:>5}  {item.name:<20} last activity "
            f"{item.last_activity}  review {item.review_on}"
        )
    if not items:
        print("nothing is due for review")
    return 0


def _decide_arguments(decide: argparse.ArgumentParser) -> None:
    decide.add_argument("kind", choices=sorted(ERASERS))
    decide.add_argument("record_id", type=int)
    decide.add_argument("decision", choices=["keep", "dispose"])
    decide.add_argument("--reason", required=True)
    decide.add_argument(
        "--until", type=date_arg, metavar="YYYY-MM-DD", help="next review date when keeping"
    )


@command("review-decide", "keep or dispose of a reviewed record", _decide_arguments)
def cmd_review_decide(args: argparse.Namespace, run: Invocation) -> int:
    if args.decision == "keep":
        if args.until is None:
            raise UsageError("keeping a record needs --until YYYY-MM-DD, its next review")
        keep(run.store(), args.kind, args.record_id, args.reason, args.until)
        print(f"{args.kind} {args.record_id} kept until {args.until}")
    else:
        print(f"erased {dispose(run.store(), args.kind, args.record_id, args.reason)}")
    return 0
