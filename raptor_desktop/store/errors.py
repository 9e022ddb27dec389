"""Database errors sorted into those an officer can act on and those that are bugs."""

from __future__ import annotations

import sqlite3


class StoreError(Exception):
    """A problem with the database file that the user can act on.

    ``str()`` says what is wrong; :attr:`hint` says what to do about it.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint

    def full_message(self) -> str:
        return f"{self}. {self.hint}" if self.hint else str(self)


class DatabaseTooNew(StoreError):
    """The file was written by a newer Raptor Desktop."""


class RecordNotFound(LookupError):
    """A number, line or area that the caller named is not in the register."""


class Conflict(ValueError):
    """The change clashes with what is already stored; ``str()`` says how."""


_ACTIONABLE = (
    (
        "database is locked",
        "The database is busy in another copy of Raptor Desktop",
        "Close the other copy, or wait for its work to finish, and try again.",
    ),
    (
        "readonly",
        "The database cannot be written: the file or its folder is read-only",
        "Copy the database to a folder you can write to, or ask for write access.",
    ),
    ("disk is full", "The disk is full", "Free some space on the disk and try again."),
    (
        "unable to open",
        "The database file cannot be opened",
        "Check that the folder exists and that you have permission to use it.",
    ),
    (
        "file is not a database",
        "The file is not a Raptor Desktop database",
        "Choose the right file, or restore from a backup.",
    ),
    ("malformed", "The database file is damaged", "Restore the latest backup."),
    (
        "disk i/o error",
        "The disk reported an error while reading or writing the database",
        "Check the disk or USB drive, then restore the latest backup if the problem persists.",
    ),
)


def translate(error: sqlite3.Error, path: str) -> StoreError | None:
    """Turn an SQLite error into a :class:`StoreError`, or None when it is a bug."""
    text = str(error).lower()
    for needle, message, hint in _ACTIONABLE:
        if needle in text:
            return StoreError(f"{message} ({path})", hint)
    return None
