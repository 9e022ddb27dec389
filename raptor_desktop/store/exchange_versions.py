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
from raptor_desktop.store.database import no_cycle_collection, utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.exchange_records import KINDS, Fields
from raptor_desktop.store.peers import identity_in

States = dict[str, FieldState]


def states_of(db: sqlite_utils.Database, gid: str) -> States:
    return _versions(db, [gid]).get(gid, {})


def save_states(db: sqlite_utils.Database, gid: str, kind: str, states: States) -> None:
    save_raw(db, gid, kind, _text(states))


def _text(states: States) -> str:
    return json.dumps({f: s.as_json() for f, s in sorted(states.items())}, ensure_ascii=False)


SAVE_RAW = (
    "INSERT INTO record_versions (gid, kind, fields) VALUES (?, ?, ?) "
    "ON CONFLICT (gid) DO UPDATE SET fields = excluded.fields"
)


def save_raw(db: sqlite_utils.Database, gid: str, kind: str, text: str) -> None:
    db.execute(SAVE_RAW, [gid, kind, text])


def _stamp(db: sqlite_utils.Database, log_after: int) -> tuple[str, str]:
    """Who made a change and when: the log entry of its transaction (the first after it)."""
    row = db.execute(
        "SELECT user, at FROM audit_log WHERE id > ? ORDER BY id LIMIT 1", [log_after]
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else ("", utc_now())


CHUNK = 1000
"""Changed records read together (each kind's in one query) and versioned together."""


def version_changes(db: sqlite_utils.Database) -> None:
    """Version what changed here since the last time (inside a transaction)."""
    mine = identity_in(db)
    if mine is None:
        raise RecordNotFound("this register has no workstation identity yet")
    versioned_to, clock = db.execute(
        "SELECT versioned_to, version_clock FROM workstation"
    ).fetchone()
    head = db.execute("SELECT n FROM exchange_clock").fetchone()[0]
    changed = db.execute(
        "SELECT kind, local_id, gid, log_after FROM record_ids WHERE changed > ? ORDER BY changed",
        [versioned_to],
    ).fetchall()
    versioning = _Versioning(station_id(mine.public_key), clock)
    with no_cycle_collection():  # tens of thousands of records' fields
        for start in range(0, len(changed), CHUNK):
            versioning.version(db, changed[start : start + CHUNK])
    db.execute(
        "UPDATE workstation SET versioned_to = ?, version_clock = ?", [head, versioning.clock]
    )


class _Versioning:
    """This workstation's clock, counting on as records are versioned in order of change."""

    def __init__(self, me: str, clock: int) -> None:
        self.me = me
        self.clock = clock
        self._stamps: dict[int, tuple[str, str]] = {}

    def version(self, db: sqlite_utils.Database, records: list[tuple[str, int, str, int]]) -> None:
        current = _current(db, records)
        before = _versions(db, [gid for _kind, _local_id, gid, _log_after in records])
        saved: list[tuple[str, str, str]] = []
        for kind, local_id, gid, log_after in records:
            fields = current.get((kind, local_id), {})
            states = before.get(gid, {})
            changed = [
                name
                for name in sorted({*fields, *states})
                if name not in states or states[name].value != fields.get(name)
            ]
            if not changed:
                continue
            self.clock += 1
            if log_after not in self._stamps:
                self._stamps[log_after] = _stamp(db, log_after)
            by, at = self._stamps[log_after]
            versions = {name: state.as_json() for name, state in states.items()}
            for name in changed:  # as a FieldState's JSON, not made one (a record has ten)
                vector = states[name].vector if name in states else {}
                versions[name] = [fields.get(name), {**vector, self.me: self.clock}, by, at]
            saved.append(
                (gid, kind, json.dumps(dict(sorted(versions.items())), ensure_ascii=False))
            )
        db.conn.executemany(SAVE_RAW, saved)


def _current(
    db: sqlite_utils.Database, records: list[tuple[str, int, str, int]]
) -> dict[tuple[str, int], Fields]:
    """The records' fields as they are now, each kind's read at once."""
    by_kind: dict[str, list[int]] = {}
    for kind, local_id, _gid, _log_after in records:
        by_kind.setdefault(kind, []).append(local_id)
    return {
        (kind, local_id): fields
        for kind, local_ids in by_kind.items()
        for local_id, fields in KINDS[kind].read_many(db, local_ids).items()
    }


def _versions(db: sqlite_utils.Database, gids: list[str]) -> dict[str, States]:
    return {
        gid: {f: FieldState.from_json(s) for f, s in json.loads(text).items()}
        for gid, text in db.execute(
            "SELECT gid, fields FROM record_versions WHERE gid IN (SELECT value FROM json_each(?))",
            [json.dumps(gids)],
        )
    }
