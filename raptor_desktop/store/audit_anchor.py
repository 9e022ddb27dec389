"""The audit log's newest entry, remembered outside the database, in two places.

The keyed chain shows an entry altered, removed or inserted anywhere before the newest one,
but not the newest entries cut off the end, nor an older copy of the whole register put in
its place: what is left is still a sound chain. So after every write the store notes the
newest entry's id and MAC, itself MACed under the register's log key, in
``<database>.audit-head`` beside the file and again in the user's own state folder (outside
the database's folder, so that copying an older folder over the register does not bring an
older note with it). ``verify`` checks that the log still holds both noted entries unchanged.
A note cannot be forged without the key; deleting one only loses that check. Once both have
been written, the register says so (``meta``), so that an older copy put in place with both
notes deleted is a break, not a register never noted.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from raptor_desktop import paths
from raptor_desktop.core.audit import ChainBreak
from raptor_desktop.store import crypto

if TYPE_CHECKING:
    from raptor_desktop.store.database import Store

log = logging.getLogger(__name__)


def anchor_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".audit-head")


def outside_anchor_path(register: str) -> Path:
    return paths.state_dir() / "audit-heads" / f"{register}.json"


def _anchors(store: Store) -> list[Path]:
    return [anchor_path(store.path), outside_anchor_path(store.register)]


NOTED = "audit_head_noted"
"""The ``meta`` key set once both notes have been written."""


def _was_noted(store: Store) -> bool:
    return store.db.execute("SELECT 1 FROM meta WHERE key = ?", [NOTED]).fetchone() is not None


def _note_mac(store: Store, entry_id: int, entry_hash: str) -> str:
    return crypto.mac(store.log_key, f"{store.register}\0{entry_id}\0{entry_hash}".encode())


def write_anchor(store: Store, *, replace: bool = False) -> None:
    """Note the newest entry in both places; a folder that cannot be written is logged.

    The notes move on only while the log still holds the entries they name, as they were:
    after the log was cut short or replaced by an older copy, the next write must not cover
    that up by noting the new head, so the notes stay until ``verify`` has reported it. Only
    a restore or a new register (``replace``), which puts a checked log in place on purpose,
    notes a new head over a note that no longer matches.
    """
    conn = store.db.conn
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return
    problem = None if replace else check_anchor(store)
    if problem is not None:
        log.warning("the notes of %s's newest log entry are not moved on: %s", store.path, problem)
        return
    note = {"register": store.register, "id": row[0], "hash": row[1]}
    note["mac"] = _note_mac(store, row[0], row[1])
    anchors = _anchors(store)
    written = 0
    for target in anchors:
        try:
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                dir=target.parent, prefix=target.name, suffix=".tmp"
            )
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(note, file)
            os.replace(temporary, target)
            written += 1
        except OSError as error:
            log.warning("the audit head cannot be noted in %s: %s", target, error)
    if written == len(anchors) and not _was_noted(store):
        with store.immediate():
            store.db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, '1')", [NOTED])


def check_anchor(store: Store) -> ChainBreak | None:
    """The first noted newest entry that the log no longer holds as it was, if any."""
    paths = _anchors(store)
    for path in paths:
        found = _check_one(store, path)
        if found is not None:
            return found
    if not any(path.exists() for path in paths) and _was_noted(store):
        return ChainBreak(
            0,
            f"neither note of the log's newest entry is here ({paths[0]}, {paths[1]}), though "
            "this register wrote both: they were deleted, and an older copy of the register "
            "may have been put in its place. If the register was moved here without its "
            ".audit-head file, an administrator can back it up and restore that backup, "
            "which notes it again",
        )
    return None


def _check_one(store: Store, path: Path) -> ChainBreak | None:
    try:
        noted = json.loads(path.read_text(encoding="utf-8"))
        noted_id, noted_hash = int(noted["id"]), str(noted["hash"])
        noted_mac = str(noted["mac"])
    except FileNotFoundError:
        return None  # a register copied here without its note, or never noted on this account
    except (OSError, ValueError, KeyError, TypeError) as error:
        return ChainBreak(0, f"the note of the newest entry ({path}) is unreadable: {error}")
    if not hmac.compare_digest(_note_mac(store, noted_id, noted_hash), noted_mac):
        return ChainBreak(
            0,
            f"the note of the newest entry ({path}) was not written by this register: it was "
            "edited, or copied from another register",
        )
    row = store.db.execute("SELECT hash FROM audit_log WHERE id = ?", [noted_id]).fetchone()
    if row is None:
        last = store.db.execute("SELECT MAX(id) FROM audit_log").fetchone()[0] or 0
        removed = (
            f"entry {noted_id} was"
            if noted_id == last + 1
            else f"entries {last + 1} to {noted_id} were"
        )
        return ChainBreak(
            last + 1,
            f"the log ends at entry {last} but entry {noted_id} had been written (noted in "
            f"{path}): {removed} removed from the end, or an older copy of the register was "
            "put in its place",
        )
    if row[0] != noted_hash:
        return ChainBreak(
            noted_id, "differs from the entry written then: the end of the log was rewritten"
        )
    return None
