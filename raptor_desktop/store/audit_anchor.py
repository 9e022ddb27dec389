"""The audit log's newest entry, remembered outside the database.

The hash chain shows an entry altered, removed or inserted anywhere before the newest one, but
not the newest entries cut off the end: what is left is still a sound chain. So after every
write the store notes the newest entry's id and hash in ``<database>.audit-head`` beside the
file, and ``verify`` checks that the log still holds that entry unchanged. Someone able to
edit the database can edit this file too; it raises the bar from one SQL statement to a
deliberate forgery of two files, and an older database copied over the register shows up.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from pathlib import Path

from raptor_desktop.core.audit import ChainBreak

log = logging.getLogger(__name__)


def anchor_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".audit-head")


def write_anchor(conn: sqlite3.Connection, db_path: Path, *, replace: bool = False) -> None:
    """Remember the newest entry; a folder that cannot be written is logged, not fatal.

    The note moves on only while the log still holds the entry it names, as it was: after the
    log was rewritten, cut short or replaced by an older copy, the next write must not cover
    that up by noting the new head, so the note stays until ``verify`` has reported it. Only
    a restore (``replace``), which puts a checked log in place on purpose, notes a new head
    over a note that no longer matches.
    """
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return
    if not replace and check_anchor(conn, db_path) is not None:
        log.warning("the log no longer holds the entry noted in %s", anchor_path(db_path))
        return
    target = anchor_path(db_path)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"id": row[0], "hash": row[1]}, file)
        os.replace(temporary, target)
    except OSError as error:
        log.warning("the audit head cannot be noted in %s: %s", target, error)


def check_anchor(conn: sqlite3.Connection, db_path: Path) -> ChainBreak | None:
    """The newest entry noted outside the database, if the log no longer holds it as it was."""
    try:
        noted = json.loads(anchor_path(db_path).read_text(encoding="utf-8"))
        noted_id, noted_hash = int(noted["id"]), str(noted["hash"])
    except FileNotFoundError:
        return None  # a database copied here without its note, or written by an older version
    except (OSError, ValueError, KeyError, TypeError) as error:
        return ChainBreak(
            0, f"the note of the newest entry ({anchor_path(db_path)}) is unreadable: {error}"
        )
    row = conn.execute("SELECT hash FROM audit_log WHERE id = ?", [noted_id]).fetchone()
    if row is None:
        last = conn.execute("SELECT MAX(id) FROM audit_log").fetchone()[0] or 0
        removed = (
            f"entry {noted_id} was"
            if noted_id == last + 1
            else f"entries {last + 1} to {noted_id} were"
        )
        return ChainBreak(
            last + 1,
            f"the log ends at entry {last} but entry {noted_id} had been written: {removed} "
            "removed from the end, or an older copy of the database was put in place of the "
            "register",
        )
    if row[0] != noted_hash:
        return ChainBreak(
            noted_id, "differs from the entry written then: the end of the log was rewritten"
        )
    return None
