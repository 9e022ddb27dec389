"""Signing in on the command line, and reading passwords and passphrases.

The officer is named with ``--user`` or ``RAPTOR_USER``; the password comes from a prompt, or
from ``RAPTOR_PASSWORD`` for scripts. The password unwraps the register's key: nothing in the
register can be read before. ``--demo`` makes the demo training register if need be and signs
in with its own account.
"""

from __future__ import annotations

import getpass
import os
import sys

from raptor_desktop.cli.registry import Invocation, UsageError
from raptor_desktop.services.session import (
    DEMO_PASSWORD,
    DEMO_SUPERVISOR,
    DEMO_USER,
    NewRegister,
    Store,
    ensure_demo_register,
    sign_in,
)

DEMO_ACCOUNTS = (DEMO_USER, DEMO_SUPERVISOR)
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


def username(run: Invocation) -> str:
    name = run.args.user or (DEMO_USER if run.args.demo else os.environ.get(USER_ENV))
    if not name:
        raise UsageError(f"sign in with --user NAME (or set {USER_ENV})")
    return str(name)


def credentials(run: Invocation, where: str = "") -> tuple[str, str]:
    """The officer's name and password: with ``--demo``, the demo's own accounts share its
    published training password; an account added to the demo has its own."""
    name = username(run)
    if run.args.demo and name in DEMO_ACCOUNTS:
        return name, DEMO_PASSWORD
    return name, read_secret(f"Password for {name}{where}: ", PASSWORD_ENV)


def open_signed_in(run: Invocation) -> Store:
    """Open the register the arguments name and sign the officer in before anything else."""
    if run.args.demo:
        ensure_demo_register(run.db_path)
        return sign_in(run.db_path, *credentials(run)).store
    path = run.existing_db_path()  # a mistyped --db must not make a register
    signed = sign_in(path, *credentials(run))
    if signed.sealed is not None:
        show_recovery_key(signed.sealed, "This register was encrypted at this sign-in.")
    return signed.store


def show_recovery_key(made: NewRegister, opening: str) -> None:
    """The recovery key, shown once (on standard error, kept out of piped output)."""
    lines = [
        opening,
        f"Recovery key: {made.recovery_key}",
        "Write it down and keep it in the unit's safe: it opens the register when every "
        "administrator's password is lost, and it is not shown again.",
    ]
    if made.need_passwords:
        lines.append(
            "These accounts need a new password before they can sign in (raptor users "
            "passwd NAME): " + ", ".join(made.need_passwords)
        )
    print("\n".join(lines), file=sys.stderr)
