"""Versions: each travelling record's fields as last seen, with a version vector per field.

Before a package is made or applied, the records changed here since the last time are
versioned: each field whose value differs from its snapshot counts one more change of this
workstation in its vector (``core.exchange``), stamped with the officer and time of the log
entry that changed it (the journal's ``log_after``).
"""

from __future__ import annotations

import json

import sqlite_utils

from raptor_desktop.core.exchange import FieldState, station_id
from raptor_desktop.store.database import utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.exchange_records import KINDS
from raptor_desktop.store.peers import identity_in

States = dict[str, FieldState]


def states_of(db: sqlite_utils.Database, gid: str) -> States:
    row = db.execute("SELECT fields FROM record_versions WHERE gid = ?", [gid]).fetchone()
    return (
        {} if row is None else {f: FieldState.from_json(s) for f, s in json.loads(row[0]).items()}
    )


def save_states(db: sqlite_utils.Database, gid: str, kind: str, states: States) -> None:
    save_raw(
        db,
        gid,
        kind,
        json.dumps({f: s.as_json() for f, s in sorted(states.items())}, ensure_ascii=False),
    )


def save_raw(db: sqlite_utils.Database, gid: str, kind: str, text: str) -> None:
    db.execute(
        "INSERT INTO record_versions (gid, kind, fields) VALUES (?, ?, ?) "
        "ON CONFLICT (gid) DO UPDATE SET fields = excluded.fields",
        [gid, kind, text],
    )


def _stamp(db: sqlite_utils.Database, log_after: int) -> tuple[str, str]:
    """Who made a change and when: the log entry of its transaction (the first after it)."""
    row = db.execute(
        "SELECT user, at FROM audit_log WHERE id > ? ORDER BY id LIMIT 1", [log_after]
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else ("", utc_now())


def version_changes(db: sqlite_utils.Database) -> None:
    """Version what changed here since the last time (inside a transaction)."""
    mine = identity_in(db)
    if mine is None:
        raise RecordNotFound("this register has no workstation identity yet")
    me = station_id(mine.public_key)
    versioned_to, clock = db.execute(
        "SELECT versioned_to, version_clock FROM workstation"
    ).fetchone()
    head = db.execute("SELECT n FROM exchange_clock").fetchone()[0]
    stamps: dict[int, tuple[str, str]] = {}
    for kind, local_id, gid, log_after in db.execute(
        "SELECT kind, local_id, gid, log_after FROM record_ids WHERE changed > ? ORDER BY changed",
        [versioned_to],
    ).fetchall():
        current = KINDS[kind].read(db, local_id) or {}
        states = states_of(db, gid)
        changed = [
            name
            for name in sorted({*current, *states})
            if name not in states or states[name].value != current.get(name)
        ]
        if not changed:
            continue
        clock += 1
        if log_after not in stamps:
            stamps[log_after] = _stamp(db, log_after)
        by, at = stamps[log_after]
        for name in changed:
            before = states[name].vector if name in states else {}
            states[name] = FieldState(current.get(name), {**before, me: clock}, by, at)
        save_states(db, gid, kind, states)
    db.execute("UPDATE workstation SET versioned_to = ?, version_clock = ?", [head, clock])
