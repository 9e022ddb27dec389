"""The command registry: every ``raptor`` command, one handler signature, one sign-in.

A command module declares its commands with :func:`command`; each handler is called as
``handler(args, run)`` and returns the exit code. ``run`` (an :class:`Invocation`) opens the
register and signs the officer in the first time the handler asks for it, and closes it after.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TypeVar

from raptor_desktop.core.dates import parse_date
from raptor_desktop.core.errors import Refusal
from raptor_desktop.paths import chosen_db_path
from raptor_desktop.services.session import Session, Store

Arguments = Callable[[argparse.ArgumentParser], object]
"""Adds a command's arguments and options to its parser."""


class UsageError(Refusal):
    """How the command was called is wrong, or a file it was given cannot be used (exit 2)."""


class Invocation:
    """One run of a command: the arguments, and the register signed in to on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._store: Store | None = None

    @property
    def db_path(self) -> Path:
        return chosen_db_path(self.args.database, demo=self.args.demo)

    def existing_db_path(self) -> Path:
        """The register's path, refused when there is none (a mistyped --db makes nothing)."""
        if not self.db_path.exists():
            raise UsageError(
                f"there is no database at {self.db_path}",
                "Check --db (or RAPTOR_DB), or create one with raptor init.",
            )
        return self.db_path

    def store(self) -> Store:
        """The register, with the officer signed in (``--user``/``RAPTOR_USER``, or ``--demo``)."""
        if self._store is None:
            from raptor_desktop.cli.signing_in import open_signed_in  # avoids an import cycle

            self._store = open_signed_in(self)
        return self._store

    def session(self) -> Session:
        return Session.of(self.store())

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


Handler = Callable[[argparse.Namespace, Invocation], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    handler: Handler
    arguments: Arguments | None


COMMANDS: list[Command] = []


def command(
    name: str, help: str, arguments: Arguments | None = None
) -> Callable[[Handler], Handler]:
    """Register the decorated handler as ``raptor NAME``; ``arguments`` adds its options."""

    def register(handler: Handler) -> Handler:
        COMMANDS.append(Command(name, help, handler, arguments))
        return handler

    return register


Parsed = TypeVar("Parsed")


def argument_type(parse: Callable[[str], Parsed]) -> Callable[[str], Parsed]:
    """An argparse type from a core parser: its refusal becomes the usage error's message."""

    def convert(text: str) -> Parsed:
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = parse.__name__.removeprefix("parse_")  # argparse names it in errors
    return convert


def date_arg(text: str) -> date:
    """An argparse type: a date as ``dd/mm/yyyy`` or ``yyyy-mm-dd``, or a usage error saying
    what is wrong with it."""
    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def moment_arg(text: str) -> datetime:
    """An argparse type: a date (either form) and ``HH:MM``."""
    day, _, at = text.replace("T", " ").strip().partition(" ")
    try:
        hour, minute = (int(part) for part in at.split(":"))
        return datetime.combine(parse_date(day), time(hour, minute))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time: write it as dd/mm/yyyy HH:MM"
        ) from None
