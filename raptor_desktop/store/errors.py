"""Database errors sorted into those an officer can act on and those that are bugs.

SQLite says what went wrong with a result code (``Error.sqlite_errorcode``); the
primary code (its low byte) decides. Locked, read-only, full, unopenable, not a database,
damaged and disk errors become a :class:`StoreError` that says what to do; any other code
(a constraint the code should have checked, a missing table, a misuse) is a bug.
"""

from __future__ import annotations

from raptor_desktop.core.errors import Refusal
from raptor_desktop.store.engine import Error, sqlite


class StoreError(Refusal):
    """A problem with the database file that the user can act on.

    ``str()`` says what is wrong; :attr:`hint` says what to do about it.
    """


class NotARegister(StoreError):
    """The file is an SQLite database, but not one this program made: it is left alone."""


class UnsealedRegister(StoreError):
    """A register written before registers were encrypted: an administrator's sign-in seals it."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer Raptor Desktop."""


class RecordNotFound(Refusal, LookupError):
    """A number, line or area that the caller named is not in the register."""


class Conflict(Refusal, ValueError):
    """The change clashes with what is already stored; ``str()`` says how."""


_BUSY = (
    "The database is busy in another copy of Raptor Desktop",
    "Close the other copy, or wait for its work to finish, and try again.",
)
_ACTIONABLE: dict[int, tuple[str, str]] = {
    sqlite.SQLITE_BUSY: _BUSY,
    sqlite.SQLITE_LOCKED: _BUSY,
    sqlite.SQLITE_READONLY: (
        "The database cannot be written: the file or its folder is read-only",
        "Copy the database to a folder you can write to, or ask for write access.",
    ),
    sqlite.SQLITE_PERM: (
        "The database cannot be written: access is denied",
        "Copy the database to a folder you can write to, or ask for write access.",
    ),
    sqlite.SQLITE_FULL: ("The disk is full", "Free some space on the disk and try again."),
    sqlite.SQLITE_CANTOPEN: (
        "The database file cannot be opened",
        "Check that the folder exists and that you have permission to use it.",
    ),
    sqlite.SQLITE_NOTADB: (
        "The file is not a Raptor Desktop database",
        "Choose the right file, or restore from a backup.",
    ),
    sqlite.SQLITE_CORRUPT: ("The database file is damaged", "Restore the latest backup."),
    sqlite.SQLITE_IOERR: (
        "The disk reported an error while reading or writing the database",
        "Check the disk or USB drive, then restore the latest backup if the problem persists.",
    ),
}


def translate(error: Error, path: str) -> StoreError | None:
    """Turn an SQLite error into a :class:`StoreError`, or None when it is a bug."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    found = _ACTIONABLE.get(code & 0xFF)
    if found is None:
        return None
    message, hint = found
    return StoreError(f"{message} ({path})", hint)
