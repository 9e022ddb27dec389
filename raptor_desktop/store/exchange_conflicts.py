"""Conflicts: a field changed on two workstations, both versions kept until an officer decides;
and what lets two registers be compared (a hash over every shared record) and a peer's log
entries be checked."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from raptor_desktop.core.exchange import FieldState, covers, merged, station_id
from raptor_desktop.core.lines import line_name
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.exchange_ids import local_of
from raptor_desktop.store.exchange_records import KINDS, Fields
from raptor_desktop.store.exchange_versions import States, save_states, states_of, version_changes
from raptor_desktop.store.peers import identity_in


@dataclass(frozen=True)
class FieldConflict:
    id: int
    gid: str
    kind: str
    field: str
    local: FieldState
    remote: FieldState
    peer: str
    found_at: str
    record: str  # what the record is, in words (a number, a line's brand…)


def conflicts(store: Store) -> list[FieldConflict]:
    db = store.db
    found = []
    for cid, gid, kind, name, local, remote, peer, at in db.execute(
        "SELECT id, gid, kind, field, local, remote, peer, found_at FROM exchange_conflicts "
        "ORDER BY id"
    ).fetchall():
        local_id = local_of(db, kind, gid)
        fields = KINDS[kind].read(db, local_id) if local_id is not None else None
        found.append(
            FieldConflict(
                cid,
                gid,
                kind,
                name,
                FieldState.from_json(json.loads(local)),
                FieldState.from_json(json.loads(remote)),
                peer,
                at,
                described(kind, fields or {}),
            )
        )
    return found


def described(kind: str, fields: Fields) -> str:
    """What a record is, in words an officer knows it by."""
    if kind == "number":
        return str(fields.get("e164", ""))
    if kind == "line":
        return f"line {line_name(fields.get('brand'))}"
    if kind == "application":
        return f"application {fields.get('reference', '')}"
    if kind == "exhibit":
        return f"exhibit {fields.get('officer_initials', '')}/{fields.get('seq', '')}"
    return kind.replace("_", " ")


def drop_settled(db: sqlite_utils.Database, gid: str, states: States) -> None:
    """The record's conflicts whose other side its versions here have seen since (taken, made
    one with, or decided): settled, no longer listed."""
    for name, remote in db.execute(
        "SELECT field, remote FROM exchange_conflicts WHERE gid = ?", [gid]
    ).fetchall():
        state = states.get(name)
        if state is not None and covers(
            state.vector, FieldState.from_json(json.loads(remote)).vector
        ):
            db.execute("DELETE FROM exchange_conflicts WHERE gid = ? AND field = ?", [gid, name])


def resolve_conflict(store: Store, conflict_id: int, value: object, how: str) -> None:
    """An officer's decision: the field takes ``value``, with a version that has seen both
    sides, so that the decision wins on every peer it reaches; logged."""
    with store.transaction("resolve exchange conflict", f"conflict {conflict_id}: {how}") as db:
        version_changes(db)
        row = db.execute(
            "SELECT gid, kind, field, local, remote FROM exchange_conflicts WHERE id = ?",
            [conflict_id],
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"there is no conflict {conflict_id} (resolved already?)")
        gid, kind, name, local, remote = row
        local_id = local_of(db, kind, gid)
        if local_id is None:
            raise RecordNotFound("the record in conflict is no longer in the register")
        mine = identity_in(db)
        assert mine is not None  # a conflict arises only in an import, which needs one
        me = station_id(mine.public_key)
        both = merged(
            FieldState.from_json(json.loads(local)).vector,
            FieldState.from_json(json.loads(remote)).vector,
        )
        states = states_of(db, gid)
        clock = int(db.execute("SELECT version_clock FROM workstation").fetchone()[0]) + 1
        vector = merged(merged(both, states[name].vector if name in states else {}), {me: clock})
        states[name] = FieldState(value, vector, store.actor, utc_now())
        current = KINDS[kind].read(db, local_id) or {}
        KINDS[kind].write(db, local_id, {**current, name: value})
        save_states(db, gid, kind, states)
        db.execute("DELETE FROM exchange_conflicts WHERE id = ?", [conflict_id])
        db.execute(
            "UPDATE workstation SET version_clock = ?, "
            "versioned_to = (SELECT n FROM exchange_clock)",
            [clock],
        )
        store.describe(f"{described(kind, current)}, {name}: {how}")


def received_entry_problems(db: sqlite_utils.Database) -> list[str]:
    """The peers' log entries kept with their signatures: each must still verify under the
    key of the peer that sent it (one pseudonymised by a disposal is marked, and skipped)."""
    problems = []
    for entry_id, name, key, entry, signature in db.execute(
        "SELECT r.id, p.name, p.public_key, r.entry, r.signature FROM received_log_entries r "
        "JOIN peers p ON p.id = r.peer_id WHERE r.pseudonymised = 0 ORDER BY r.id"
    ):
        try:
            VerifyKey(bytes(key)).verify(str(entry).encode("utf-8"), bytes(signature))
        except BadSignatureError:
            problems.append(
                f"received log entry {entry_id} (from {name}) no longer matches its signature: "
                "it was changed after it arrived"
            )
    return problems


def shared_records(db: sqlite_utils.Database) -> Iterator[tuple[str, str, Fields]]:
    for kind, local_id, gid in db.execute(
        "SELECT kind, local_id, gid FROM record_ids ORDER BY gid"
    ).fetchall():
        fields = KINDS[kind].read(db, local_id)
        if fields is not None:
            yield str(gid), str(kind), fields


def shared_count(store: Store) -> int:
    return int(store.db.execute("SELECT COUNT(*) FROM record_ids").fetchone()[0])


def content_hash(store: Store) -> str:
    """A SHA-256 over every travelling record by global id: the same on two registers that
    hold the same records with the same fields."""
    digest = hashlib.sha256()
    for record in shared_records(store.db):
        digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
