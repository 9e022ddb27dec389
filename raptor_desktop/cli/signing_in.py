"""Signing in on the command line, and reading passwords and passphrases.

The officer is named with ``--user`` or ``RAPTOR_USER``; the password comes from a prompt, or
from ``RAPTOR_PASSWORD`` for scripts. A database with no accounts yet cannot be used until
its first administrator is created deliberately (``raptor init --admin NAME``). ``--demo``
signs in with the training database's own account.
"""

from __future__ import annotations

import getpass
import os
import sys

from raptor_desktop.cli.registry import Invocation, UsageError
from raptor_desktop.services.session import (
    DEMO_PASSWORD,
    DEMO_USER,
    Store,
    has_users,
    open_register,
    sign_in,
)

USER_ENV = "RAPTOR_USER"
PASSWORD_ENV = "RAPTOR_PASSWORD"


def read_secret(prompt: str, env: str, *, confirm: bool = False, what: str = "password") -> str:
    """From the environment variable ``env`` (scripts), else a prompt (asked twice to confirm)."""
    given = os.environ.get(env)
    if given:
        return given
    if not sys.stdin.isatty():
        raise UsageError(f"no {what}: set {env} or run in a terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != first:
        raise UsageError(f"the {what}s do not match")
    return first


def open_signed_in(run: Invocation) -> Store:
    """Open the register the arguments name and sign the officer in before anything else."""
    args = run.args
    if not args.demo:
        run.existing_db_path()  # a mistyped --db must not make a register
    store = open_register(run.db_path, demo=bool(args.demo))
    try:
        username = args.user or (None if args.demo else os.environ.get(USER_ENV))
        if args.demo:  # the demo's accounts share its published training password
            sign_in(store, username or DEMO_USER, DEMO_PASSWORD)
            return store
        if not username:
            raise UsageError(f"sign in with --user NAME (or set {USER_ENV})")
        if not has_users(store):  # nobody becomes administrator by running a command first
            raise UsageError(
                f"the register {run.db_path} has no accounts yet",
                f"Create its first administrator deliberately: raptor --db {run.db_path} "
                "init --admin NAME",
            )
        sign_in(store, username, read_secret(f"Password for {username}: ", PASSWORD_ENV))
    except BaseException:
        store.close()
        raise
    return store
