"""Exchanging records with other workstations: identity, peers, versions, and applying a package.

What changed is known from the journal (``store/exchange_schema.py``). Before a package is made
or applied, the records changed here since the last time are *versioned*: each field whose
value differs from its snapshot counts one more change of this workstation in its version
vector (``core.exchange``), stamped with the officer and time of the log entry that changed it.
A package carries each record's fields with their vectors; applying it merges them field by
field, in one transaction with the log entry that records the import.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import sqlite_utils
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from raptor_desktop.core.exchange import (
    FieldState,
    Outcome,
    later_status,
    merge_field,
    merged,
    station_id,
)
from raptor_desktop.store import crypto
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import Conflict, RecordNotFound
from raptor_desktop.store.exchange_records import KINDS, SAME_AS, Fields, MissingRecord, local_of
from raptor_desktop.store.exchange_schema import TRAVELLING
from raptor_desktop.store.exhibits import keep_attachment, stored_file
from raptor_desktop.store.retention import ERASERS, erase, erase_numbers

IDENTITY_CONTEXT = b"raptor workstation identity"
TRAVELLING_BY_KIND = {item.kind: item for item in TRAVELLING}
States = dict[str, FieldState]


@dataclass(frozen=True)
class Identity:
    name: str
    public_key: bytes


@dataclass(frozen=True)
class Peer:
    id: int
    name: str
    public_key: bytes
    sent_seq: int
    received_seq: int
    added_at: str
    added_by: str


def identity(store: Store) -> Identity | None:
    return _identity(store.db)


def _identity(db: sqlite_utils.Database) -> Identity | None:
    row = db.execute("SELECT name, public_key FROM workstation").fetchone()
    return Identity(row[0], bytes(row[1])) if row else None


def save_identity(store: Store, name: str, public_key: bytes, private_key: bytes) -> None:
    """This workstation's identity, made once; the private key sealed under the register's."""
    sealed = crypto.seal(_identity_key(store), private_key, IDENTITY_CONTEXT)
    with store.transaction("set up workstation identity", name) as db:
        if _identity(db) is not None:
            raise Conflict("this register already has its workstation identity")
        db.execute(
            "INSERT INTO workstation (id, name, public_key, sealed_private_key, created_at, "
            "created_by) VALUES (1, ?, ?, ?, ?, ?)",
            [name, public_key, sealed, utc_now(), store.actor],
        )


def private_key(store: Store) -> bytes:
    row = store.db.execute("SELECT sealed_private_key FROM workstation").fetchone()
    if row is None:
        raise RecordNotFound("this register has no workstation identity yet")
    return crypto.open_sealed(_identity_key(store), bytes(row[0]), IDENTITY_CONTEXT)


def _identity_key(store: Store) -> bytes:
    return crypto.subkey(store.key, "raptor workstation identity")


def _peer(row: tuple[object, ...]) -> Peer:
    pid, name, key, sent, received, at, by = row
    return Peer(_int(pid), str(name), _bytes(key), _int(sent), _int(received), str(at), str(by))


def _int(value: object) -> int:
    return int(str(value))


def _bytes(value: object) -> bytes:
    if not isinstance(value, (bytes, memoryview)):
        raise TypeError(f"expected bytes, not {type(value).__name__}")
    return bytes(value)


PEER_COLUMNS = "id, name, public_key, sent_seq, received_seq, added_at, added_by"


def peers(store: Store) -> list[Peer]:
    return [_peer(r) for r in store.db.execute(f"SELECT {PEER_COLUMNS} FROM peers ORDER BY name")]


def peer_named(store: Store, name: str) -> Peer:
    return _peer_named(store.db, name)


def _peer_named(db: sqlite_utils.Database, name: str) -> Peer:
    row = db.execute(
        f"SELECT {PEER_COLUMNS} FROM peers WHERE name = ? COLLATE NOCASE", [name]
    ).fetchone()
    if row is None:
        known = ", ".join(str(r[0]) for r in db.execute("SELECT name FROM peers")) or "none yet"
        raise RecordNotFound(f"there is no peer named {name!r} (peers: {known})")
    return _peer(row)


def peer_with_key(store: Store, public_key: bytes) -> Peer | None:
    row = store.db.execute(
        f"SELECT {PEER_COLUMNS} FROM peers WHERE public_key = ?", [public_key]
    ).fetchone()
    return _peer(row) if row else None


def add_peer(store: Store, name: str, public_key: bytes) -> None:
    mine = identity(store)
    if mine is not None and mine.public_key == public_key:
        raise Conflict("that identity file is this workstation's own")
    with store.transaction("add peer workstation", name) as db:
        clash = db.execute(
            "SELECT name FROM peers WHERE name = ? COLLATE NOCASE OR public_key = ?",
            [name, public_key],
        ).fetchone()
        if clash:
            raise Conflict(f"the peer {clash[0]!r} already has that name or that key")
        db.execute(
            "INSERT INTO peers (name, public_key, added_at, added_by) VALUES (?, ?, ?, ?)",
            [name, public_key, utc_now(), store.actor],
        )


# --- versions -------------------------------------------------------------------------------


def _states(db: sqlite_utils.Database, gid: str) -> States:
    row = db.execute("SELECT fields FROM record_versions WHERE gid = ?", [gid]).fetchone()
    return (
        {} if row is None else {f: FieldState.from_json(s) for f, s in json.loads(row[0]).items()}
    )


def _save_states(db: sqlite_utils.Database, gid: str, kind: str, states: States) -> None:
    _save_raw(
        db,
        gid,
        kind,
        json.dumps({f: s.as_json() for f, s in sorted(states.items())}, ensure_ascii=False),
    )


def _save_raw(db: sqlite_utils.Database, gid: str, kind: str, text: str) -> None:
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
    mine = _identity(db)
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
        states = _states(db, gid)
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
        _save_states(db, gid, kind, states)
    db.execute("UPDATE workstation SET versioned_to = ?, version_clock = ?", [head, clock])


# --- what goes out --------------------------------------------------------------------------


@dataclass
class Outgoing:
    records: list[tuple[str, str, str]] = field(default_factory=list)  # kind, gid, fields (JSON)
    erased: list[list[str]] = field(default_factory=list)  # [kind, gid]
    log: list[dict[str, object]] = field(default_factory=list)
    journal_head: int = 0
    log_head: int = 0


def outgoing_since(store: Store, peer: Peer) -> Outgoing:
    """Everything changed here since the last package to ``peer``, and the log entries of the
    changes (consultations stay behind: they change nothing)."""
    with store.immediate():  # versioned and read at one moment
        db = store.db
        version_changes(db)
        sent_changed, sent_log = db.execute(
            "SELECT sent_changed, sent_log FROM peers WHERE id = ?", [peer.id]
        ).fetchone()
        out = _records(db, "r.changed > ?", [sent_changed])
        out.erased = [
            [str(k), str(g)]
            for k, g in db.execute(
                "SELECT kind, gid FROM erased_records WHERE changed > ? ORDER BY changed",
                [sent_changed],
            )
        ]
        out.log = _log_entries(db, "id > ? AND category <> 'consultation'", [sent_log])
    return out


SCOPE_OF_LINES = """
    (r.kind = 'line' AND r.local_id IN ({lines}))
    OR (r.kind = 'closure' AND r.local_id IN ({lines}))
    OR (r.kind = 'number' AND r.local_id IN (SELECT id FROM numbers WHERE line_id IN ({lines})))
    OR (r.kind = 'evidence' AND r.local_id IN (SELECT id FROM evidence WHERE line_id IN ({lines})))
    OR (r.kind IN ('status_change', 'device', 'check_back') AND r.local_id IN (
        SELECT c.id FROM status_changes c JOIN numbers n ON n.id = c.number_id
        WHERE r.kind = 'status_change' AND n.line_id IN ({lines})
        UNION ALL SELECT d.id FROM devices d JOIN numbers n ON n.id = d.number_id
        WHERE r.kind = 'device' AND n.line_id IN ({lines})
        UNION ALL SELECT k.id FROM check_backs k JOIN numbers n ON n.id = k.number_id
        WHERE r.kind = 'check_back' AND n.line_id IN ({lines})))
"""
"""The records of some lines: the lines, their closures, numbers, evidence, status histories,
devices and check-backs; ``{lines}`` is a query of the lines' ids (named parameters only)."""


def outgoing_application(store: Store, application: int) -> Outgoing:
    """An application with its exhibits and orders, its numbers, their lines (with all that
    belongs to them) and the log entries that name it, whatever was sent before."""
    lines = (
        "SELECT n.line_id FROM application_numbers x JOIN numbers n ON n.id = x.number_id "
        "WHERE x.application_id = :application"
    )
    where = (
        "(r.kind = 'application' AND r.local_id = :application) OR (r.kind = 'exhibit' AND "
        "r.local_id IN (SELECT id FROM exhibits WHERE application_id = :application)) OR "
        "(r.kind = 'order' AND r.local_id IN (SELECT id FROM orders "
        "WHERE application_id = :application)) OR " + SCOPE_OF_LINES.format(lines=lines)
    )
    with store.immediate():
        version_changes(store.db)
        out = _records(store.db, where, {"application": application})
        reference = store.db.execute(
            "SELECT reference FROM applications WHERE id = ?", [application]
        ).fetchone()[0]
        out.log = _log_entries(
            store.db,
            "category <> 'consultation' AND (records LIKE ? OR event LIKE ?)",
            [f"%{reference}%", f"%{reference}%"],
        )
    return out


def outgoing_line(store: Store, brand: str) -> Outgoing:
    """A line by its brand, with all that belongs to it."""
    found = [
        r[0]
        for r in store.db.execute(
            "SELECT id FROM lines WHERE brand = ? COLLATE NOCASE AND brand <> ''", [brand.strip()]
        )
    ]
    if not found:
        raise RecordNotFound(f"there is no line with the brand {brand.strip()!r}")
    where = SCOPE_OF_LINES.format(lines="SELECT value FROM json_each(:lines)")
    with store.immediate():
        version_changes(store.db)
        out = _records(store.db, where, {"lines": json.dumps(found)})
    return out


def _records(
    db: sqlite_utils.Database, where: str, params: Sequence[object] | dict[str, object]
) -> Outgoing:
    out = Outgoing()
    order = {name: n for n, name in enumerate(KINDS)}
    rows = db.execute(
        "SELECT r.kind, r.gid, v.fields FROM record_ids r JOIN record_versions v ON v.gid = r.gid "
        f"WHERE {where} ORDER BY r.changed",
        params,
    ).fetchall()
    out.records = [(k, g, f) for k, g, f in sorted(rows, key=lambda r: order[r[0]])]
    out.journal_head = int(db.execute("SELECT n FROM exchange_clock").fetchone()[0])
    out.log_head = int(db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0])
    return out


def attachments_of(store: Store, out: Outgoing) -> list[tuple[str, str, bytes]]:
    """The files the exhibits going out have attached: name, SHA-256 and content (checked)."""
    found: dict[str, tuple[str, str, bytes]] = {}
    for kind, _gid, text in out.records:
        if kind != "exhibit":
            continue
        fields = json.loads(text)
        name, digest = str(fields["file_name"][0]), str(fields["file_sha256"][0])
        if digest and digest not in found:
            found[digest] = (name, digest, stored_file(store, name, digest))
    return list(found.values())


LOG_FIELDS = ("id", "at", "user", "category", "event", "records", "justification", "recipient")


def _log_entries(
    db: sqlite_utils.Database, where: str, params: list[object]
) -> list[dict[str, object]]:
    return [
        dict(zip(LOG_FIELDS, row, strict=True))
        for row in db.execute(
            f"SELECT {', '.join(LOG_FIELDS)} FROM audit_log WHERE {where} ORDER BY id", params
        )
    ]


def mark_sent(
    store: Store,
    peer: Peer,
    seq: int,
    out: Outgoing,
    *,
    since_last: bool,
    records: str,
    justification: str,
) -> None:
    """The package numbered ``seq`` was written for ``peer``: a disclosure, logged with its
    recipient and justification; one of everything since the last moves the peer's marks on."""
    with store.transaction(
        "export case package", records, justification=justification, recipient=peer.name
    ) as db:
        db.execute("UPDATE peers SET sent_seq = ? WHERE id = ?", [seq, peer.id])
        if since_last:
            db.execute(
                "UPDATE peers SET sent_changed = ?, sent_log = ? WHERE id = ?",
                [out.journal_head, out.log_head, peer.id],
            )


def applied_on(store: Store, peer: Peer, seq: int) -> str | None:
    """When package ``seq`` from ``peer`` was applied here, if it was."""
    row = store.db.execute(
        "SELECT applied_at FROM received_packages WHERE peer_id = ? AND seq = ?", [peer.id, seq]
    ).fetchone()
    return str(row[0]) if row else None


# --- what comes in --------------------------------------------------------------------------


@dataclass
class Applied:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    erased: int = 0
    kept_erased: int = 0
    log_entries: int = 0
    merged_records: int = 0

    def summary(self) -> str:
        parts = [
            f"{self.added} records added",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
            f"{self.erased} erased",
            f"{self.conflicts} fields in conflict",
            f"{self.log_entries} log entries received",
        ]
        if self.kept_erased:
            parts.append(f"{self.kept_erased} erased here and not brought back")
        if self.merged_records:
            parts.append(f"{self.merged_records} recorded on both and made one")
        return ", ".join(parts)


@dataclass(frozen=True)
class Incoming:
    peer: Peer
    seq: int
    sha256: str
    records: list[list[object]]
    erased: list[list[str]]
    log: list[tuple[str, bytes]]  # the entry as signed (JSON text), its signature
    files: list[tuple[str, bytes]] = field(default_factory=list)  # attached: name, content


class _Undo(Exception):
    """Raised to roll a preview back."""


def preview_package(store: Store, package: Incoming) -> Applied:
    """What :func:`apply_package` would do, worked out in a transaction that is rolled back."""
    applied = Applied()
    try:
        with store.immediate():
            _apply(store, package, applied)
            raise _Undo
    except _Undo:
        pass
    return applied


def apply_package(store: Store, package: Incoming) -> Applied:
    """Apply a checked package in one transaction, logged as a combination (s62)."""
    applied = Applied()
    with store.transaction(
        "import case package", f"package {package.seq} from {package.peer.name}"
    ):
        _apply(store, package, applied)
        store.describe(f"package {package.seq} from {package.peer.name}: {applied.summary()}")
    return applied


def _apply(store: Store, package: Incoming, applied: Applied) -> None:
    db = store.db
    received = db.execute(
        "SELECT received_seq FROM peers WHERE id = ?", [package.peer.id]
    ).fetchone()[0]
    if package.seq != received + 1:  # checked again under the write lock
        raise Conflict(f"package {package.seq} from {package.peer.name} is not the next one")
    version_changes(db)
    for name, content in package.files:  # sealed under this register's key, as if attached here
        keep_attachment(store, name, content)
    for kind, gid in package.erased:
        _apply_erasure(db, store.key, kind, gid, applied)
    aliases = db.execute("SELECT EXISTS (SELECT 1 FROM gid_aliases)").fetchone()[0]
    waiting = [_parsed(r) for r in package.records]
    for _round in range(2):  # a record naming one later in the package waits for it
        waiting = [
            r
            for r in waiting
            if not _apply_record(
                db, *r, package.peer.name, applied, aliases=aliases, last=_round == 1
            )
        ]
    for entry, signature in package.log:
        db.execute(
            "INSERT INTO received_log_entries (peer_id, package_seq, entry, signature) "
            "VALUES (?, ?, ?, ?)",
            [package.peer.id, package.seq, entry, signature],
        )
    applied.log_entries = len(package.log)
    db.execute(
        "INSERT INTO received_packages (peer_id, seq, sha256, applied_at, applied_by, "
        "summary) VALUES (?, ?, ?, ?, ?, ?)",
        [
            package.peer.id,
            package.seq,
            package.sha256,
            utc_now(),
            store.actor,
            applied.summary(),
        ],
    )
    db.execute("UPDATE peers SET received_seq = ? WHERE id = ?", [package.seq, package.peer.id])
    # what the package wrote is versioned already: not counted again as this register's own
    db.execute("UPDATE workstation SET versioned_to = (SELECT n FROM exchange_clock)")


def _parsed(record: list[object]) -> tuple[str, str, dict[str, list[object]]]:
    kind, gid, fields = record
    if str(kind) not in KINDS or not isinstance(fields, dict):
        raise ValueError(f"a record of unknown kind {kind!r}")
    return str(kind), str(gid), fields  # each field [value, vector, by, at]: read as used


def _is_erased(db: sqlite_utils.Database, gid: str) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM erased_records WHERE gid = ? OR gid = "
            "(SELECT gid FROM gid_aliases WHERE alias = ?)",
            [gid, gid],
        ).fetchone()
        is not None
    )


def _apply_erasure(
    db: sqlite_utils.Database, key: bytes, kind: str, gid: str, applied: Applied
) -> None:
    local_id = local_of(db, kind, gid) if kind in KINDS else None
    if local_id is None:
        db.execute("UPDATE exchange_clock SET n = n + 1")
        db.execute(
            "INSERT OR IGNORE INTO erased_records (gid, kind, changed, erased_at) "
            "VALUES (?, ?, (SELECT n FROM exchange_clock), ?)",
            [gid, kind, utc_now()],
        )
        return
    if kind in ERASERS:
        erase(db, key, kind, local_id)
    elif kind == "number":
        erase_numbers(db, [local_id])
    else:
        row = TRAVELLING_BY_KIND[kind]
        db.execute(f"DELETE FROM {row.table} WHERE {row.key} = ?", [local_id])
    applied.erased += 1


def _apply_record(
    db: sqlite_utils.Database,
    kind: str,
    gid: str,
    raw: dict[str, list[object]],
    peer: str,
    applied: Applied,
    *,
    aliases: bool,
    last: bool,
) -> bool:
    """Merge one arriving record; False when it must wait for a record later in the package.

    ``raw`` is the record's fields as the package holds them; a new record is stored as it
    came, and only one this register holds too is read into versions to be merged."""
    if _is_erased(db, gid):
        applied.kept_erased += 1
        return True
    if aliases or applied.merged_records:
        raw = _canonical(db, raw)
    try:
        values = {name: state[0] for name, state in raw.items()}
    except (TypeError, IndexError, KeyError):
        raise ValueError(f"the {kind} {gid}'s fields are not versioned values") from None
    local_id = local_of(db, kind, gid)
    # an application writes itself before its numbers, which may be missing yet: it is undone
    # then; every other kind finds what it refers to before it writes anything
    partial = kind == "application"
    if partial:
        db.execute("SAVEPOINT arriving_record")
    try:
        if local_id is None and kind in SAME_AS:
            local_id = SAME_AS[kind](db, values)
            if local_id is not None:
                gid = _make_one(db, kind, local_id, gid)
                applied.merged_records += 1
        if local_id is None:
            local_id = KINDS[kind].write(db, None, values)
            db.execute(
                "UPDATE record_ids SET gid = ? WHERE kind = ? AND local_id = ?",
                [gid, kind, local_id],
            )
            _save_raw(db, gid, kind, json.dumps(raw, sort_keys=True, ensure_ascii=False))
            applied.added += 1
            if partial:
                db.execute("RELEASE arriving_record")
            return True
        gid = _gid(db, kind, local_id)
        states = _states(db, gid)
        remote = {name: FieldState.from_json(state) for name, state in raw.items()}
        result, conflicts = _merge(kind, states, remote)
        current = KINDS[kind].read(db, local_id) or {}
        wanted = {name: state.value for name, state in result.items()}
        if wanted != {name: current.get(name) for name in wanted}:
            KINDS[kind].write(db, local_id, {**current, **wanted})
            applied.updated += 1
        else:
            applied.unchanged += 1
    except MissingRecord as missing:
        if partial:
            db.execute("ROLLBACK TO arriving_record")
            db.execute("RELEASE arriving_record")
        if last:
            raise MissingRecord(
                f"{missing}: the package names it but does not carry it",
                "Import the sender's earlier packages first, or ask for a package of the "
                "whole application (--application).",
            ) from None
        return False
    if partial:
        db.execute("RELEASE arriving_record")
    _save_states(db, gid, kind, result)
    for name in result:
        if name not in conflicts and remote.get(name) is result[name]:
            db.execute("DELETE FROM exchange_conflicts WHERE gid = ? AND field = ?", [gid, name])
    for name in conflicts:
        db.execute(
            "INSERT INTO exchange_conflicts (gid, kind, field, local, remote, peer, found_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (gid, field) DO UPDATE SET "
            "local = excluded.local, remote = excluded.remote, peer = excluded.peer, "
            "found_at = excluded.found_at",
            [
                gid,
                kind,
                name,
                json.dumps(states[name].as_json()),
                json.dumps(remote[name].as_json()),
                peer,
                utc_now(),
            ],
        )
    applied.conflicts += len(conflicts)
    return True


GID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def _canonical(db: sqlite_utils.Database, raw: dict[str, list[object]]) -> dict[str, list[object]]:
    """The arriving fields with every global id that another replaced (see :func:`_make_one`)
    written as the one that replaced it."""
    text = json.dumps(raw, ensure_ascii=False)
    found = set(GID.findall(text))
    if not found:
        return raw
    marks = ",".join("?" * len(found))
    aliases = dict(
        db.execute(f"SELECT alias, gid FROM gid_aliases WHERE alias IN ({marks})", sorted(found))
    )
    if not aliases:
        return raw
    replaced: dict[str, list[object]] = json.loads(
        GID.sub(lambda m: aliases.get(m.group(0), m.group(0)), text)
    )
    return replaced


def _gid(db: sqlite_utils.Database, kind: str, local_id: int) -> str:
    return str(
        db.execute(
            "SELECT gid FROM record_ids WHERE kind = ? AND local_id = ?", [kind, local_id]
        ).fetchone()[0]
    )


def _merge(kind: str, states: States, remote: States) -> tuple[States, list[str]]:
    """Field by field: the version that has seen the other's wins; changes on both sides to
    the same value join; a number's status set on both sides is settled by the status rules
    when they can; the rest keep this register's value and are listed as conflicts."""
    result = dict(states)
    conflicts = []
    for name, theirs in remote.items():
        ours = states.get(name)
        outcome = merge_field(ours, theirs)
        if outcome is Outcome.TAKE or ours is None:
            result[name] = theirs
            continue
        if outcome is Outcome.KEEP:
            continue
        if outcome is Outcome.SAME:
            winner: FieldState | None = max(ours, theirs, key=lambda s: (s.at, s.by))
        else:
            winner = later_status(ours, theirs) if (kind, name) == ("number", "status") else None
        if winner is None:
            conflicts.append(name)
            continue
        result[name] = FieldState(
            winner.value, merged(ours.vector, theirs.vector), winner.by, winner.at
        )
    return result, conflicts


def _make_one(db: sqlite_utils.Database, kind: str, local_id: int, arriving: str) -> str:
    """The same record recorded on two workstations: it keeps the lesser of its two global ids
    on both (so they agree whichever sees the other first); the other becomes an alias."""
    ours = _gid(db, kind, local_id)
    keep, drop = sorted((ours, arriving))
    if keep != ours:
        for table in ("record_ids", "record_versions", "exchange_conflicts"):
            db.execute(f"UPDATE {table} SET gid = ? WHERE gid = ?", [keep, ours])
        # and wherever a snapshot or a conflict names it (a number's line, a history's number)
        db.execute("UPDATE record_versions SET fields = replace(fields, ?, ?)", [ours, keep])
        db.execute(
            "UPDATE exchange_conflicts SET local = replace(local, ?, ?), "
            "remote = replace(remote, ?, ?)",
            [ours, keep, ours, keep],
        )
    db.execute("UPDATE gid_aliases SET gid = ? WHERE gid = ?", [keep, drop])
    db.execute("INSERT OR REPLACE INTO gid_aliases (alias, gid) VALUES (?, ?)", [drop, keep])
    db.execute("UPDATE exchange_clock SET n = n + 1")
    db.execute(
        "UPDATE record_ids SET changed = (SELECT n FROM exchange_clock) WHERE gid = ?", [keep]
    )
    return keep


# --- conflicts ------------------------------------------------------------------------------


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
                _described(kind, fields or {}),
            )
        )
    return found


def _described(kind: str, fields: Fields) -> str:
    if kind == "number":
        return str(fields.get("e164", ""))
    if kind == "line":
        return f"line {fields.get('brand') or '(unnamed)'}"
    if kind == "application":
        return f"application {fields.get('reference', '')}"
    if kind == "exhibit":
        return f"exhibit {fields.get('officer_initials', '')}/{fields.get('seq', '')}"
    return kind.replace("_", " ")


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
        mine = _identity(db)
        assert mine is not None  # a conflict arises only in an import, which needs one
        me = station_id(mine.public_key)
        both = merged(
            FieldState.from_json(json.loads(local)).vector,
            FieldState.from_json(json.loads(remote)).vector,
        )
        states = _states(db, gid)
        clock = int(db.execute("SELECT version_clock FROM workstation").fetchone()[0]) + 1
        vector = merged(merged(both, states[name].vector if name in states else {}), {me: clock})
        states[name] = FieldState(value, vector, store.actor, utc_now())
        current = KINDS[kind].read(db, local_id) or {}
        KINDS[kind].write(db, local_id, {**current, name: value})
        _save_states(db, gid, kind, states)
        db.execute("DELETE FROM exchange_conflicts WHERE id = ?", [conflict_id])
        db.execute(
            "UPDATE workstation SET version_clock = ?, "
            "versioned_to = (SELECT n FROM exchange_clock)",
            [clock],
        )
        store.describe(f"{_described(kind, current)}, {name}: {how}")


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


# --- comparing registers --------------------------------------------------------------------


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
