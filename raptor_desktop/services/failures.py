"""Sorting what went wrong into refusals to show as they are and bugs to log and report.

Both faces use :func:`user_message`: a :class:`~raptor_desktop.core.errors.Refusal`, a
database problem the officer can act on (locked, read-only, full, damaged) and a file the
operating system would not read or write are told to the user as they are. Anything else is a
bug: :func:`report_bug` logs it with its traceback (worker threads included) and gives the
short message a face shows.
"""

from __future__ import annotations

import logging
import sqlite3

from raptor_desktop.core.errors import Refusal
from raptor_desktop.store.errors import translate

log = logging.getLogger(__name__)


def user_message(error: BaseException) -> str | None:
    """What to tell the user about ``error``, or None when it is a bug."""
    if isinstance(error, Refusal):
        return error.full_message()
    if isinstance(error, sqlite3.Error):
        translated = translate(error, "the database")
        return translated.full_message() if translated else None
    if isinstance(error, OSError):
        # Usually the officer's file (a folder that is not there, a read-only USB stick); it
        # could be a file the program itself needs, so the traceback is kept in the log too.
        log.warning("file problem", exc_info=error)
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}"
    return None


def report_bug(error: BaseException, doing: str) -> str:
    """Log a bug with its traceback; returns the short message to show instead."""
    log.error("unexpected error while %s", doing, exc_info=error)
    return (
        f"Something went wrong that Raptor Desktop did not expect while {doing} "
        f"(this is a bug): {error}. Nothing half-done was saved; the details are in the log file."
    )


def describe(error: BaseException, doing: str) -> str:
    """The message for any failure: a refusal as it is, a bug logged and reported as one."""
    return user_message(error) or report_bug(error, doing)
