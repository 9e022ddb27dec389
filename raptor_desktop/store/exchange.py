"""Case packages in the store: applying what comes in (what goes out: ``exchange_outgoing``).

What changed is known from the journal (``store/exchange_schema.py``) and versioned first
(``store/exchange_versions.py``). A package carries each record's fields with their version
vectors; applying it merges them field by field (conflicts: ``store/exchange_conflicts.py``),
in one transaction with the log entry that records the import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import sqlite_utils

from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.exchange import (
    FieldState,
    Outcome,
    later_status,
    merge_field,
    merged,
)
from raptor_desktop.store import engine
from raptor_desktop.store.database import Store, no_cycle_collection, utc_now
from raptor_desktop.store.errors import Conflict
from raptor_desktop.store.exchange_aliases import apply_aliases
from raptor_desktop.store.exchange_arrivals import Arrivals
from raptor_desktop.store.exchange_conflicts import drop_settled
from raptor_desktop.store.exchange_ids import (
    ErasedHere,
    MissingRecord,
    gid_here,
    is_erased,
    local_of,
    make_one,
    mark_changed,
    mark_erased,
    unknown_here,
)
from raptor_desktop.store.exchange_records import KINDS, SAME_AS, MarkTaken, let_go_of_name
from raptor_desktop.store.exchange_schema import TRAVELLING
from raptor_desktop.store.exchange_versions import (
    States,
    save_raw,
    save_states,
    states_of,
    version_changes,
)
from raptor_desktop.store.exhibits import keep_attachment
from raptor_desktop.store.peers import Peer
from raptor_desktop.store.retention import (
    ERASERS,
    erase_numbers,
    forget,
    identifiers,
    remove_unused_attachments,
)

TRAVELLING_BY_KIND = {item.kind: item for item in TRAVELLING}


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
    kept_apart: list[str] = field(default_factory=list)  # two here, one on the sender

    def summary(self) -> str:
        parts = [
            f"{plural(self.added, 'record')} added",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
            f"{self.erased} erased",
            f"{plural(self.conflicts, 'field')} in conflict",
            plural(self.log_entries, "log entry", "log entries") + " of the sender's",
        ]
        if self.kept_erased:
            parts.append(f"{self.kept_erased} erased here and not brought back")
        if self.merged_records:
            parts.append(f"{self.merged_records} recorded on both and made one")
        if self.kept_apart:
            parts.append("kept apart: " + "; ".join(self.kept_apart))
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
    covers_after: int = -1  # every change after the sender's package of this number is in it
    texts: list[str | None] = field(default_factory=list)  # each record's fields as sent
    aliases: list[list[str]] = field(default_factory=list)  # kind, alias, global id


class _Undo(Exception):
    """Raised to roll a preview back."""


class CarriedAsAnother(MissingRecord):
    """An arriving record matches one here by what it is (a number, a line's name) that the
    same package carries, still to be applied, under its own global id: the sender holds them
    apart (a line renamed there, its name given to a new one), so the new one waits until
    that one has arrived, and is made one with it only if it still matches then, as it would
    be by a package that did not carry the other. A line given a name another line here
    holds, which the package has still to apply, waits for it the same way (``holder``: that
    line)."""

    def __init__(self, message: str, hint: str = "", holder: int | None = None):
        super().__init__(message, hint)
        self.holder = holder


_SAME_BY = {"number": "number", "line": "name and operation"}


def _pending(db: sqlite_utils.Database, kind: str, local_id: int, pending: set[str]) -> bool:
    """Whether the package carries the local record, under its global id or one merged into
    it, among the records it has still to apply."""
    here = gid_here(db, kind, local_id)
    if here in pending:
        return True
    return any(
        alias in pending
        for (alias,) in db.execute("SELECT alias FROM gid_aliases WHERE gid = ?", [here])
    )


class BreaksARule(Refusal):
    """An arriving change that this register's own rules refuse (a unique name, a check)."""


def preview_package(store: Store, package: Incoming) -> Applied:
    """What :func:`apply_package` would do, worked out in a transaction that is rolled back
    (the attached files are not written at all)."""
    applied = Applied()
    try:
        with store.immediate(), _rules_kept(package), no_cycle_collection():
            _apply(store, package, applied)
            raise _Undo
    except _Undo:
        pass
    return applied


def apply_package(store: Store, package: Incoming) -> Applied:
    """Apply a checked package in one transaction, logged as a combination (s62).

    The attached files are sealed into the attachment store first; if the package is then
    refused, those this import added are deleted again. Once an erasure has been applied,
    the files only the erased records used are deleted, as after a disposal here."""
    applied = Applied()
    added = [
        path for name, content in package.files if (path := keep_attachment(store, name, content))
    ]
    try:
        with (
            store.transaction(
                "import case package", f"package {package.seq} from {package.peer.name}"
            ),
            _rules_kept(package),
            no_cycle_collection(),
        ):
            _apply(store, package, applied)
            store.describe(f"package {package.seq} from {package.peer.name}: {applied.summary()}")
    except BaseException:
        for path in added:
            path.unlink(missing_ok=True)
        raise
    if applied.erased:
        remove_unused_attachments(store)
    return applied


@contextmanager
def _rules_kept(package: Incoming) -> Iterator[None]:
    try:
        yield
    except engine.sqlite.IntegrityError as error:
        raise BreaksARule(
            f"package {package.seq} from {package.peer.name} holds a change this register's "
            f"rules refuse ({error}); nothing was applied",
            "Put the two records right on one workstation, then send again.",
        ) from None


def _apply(store: Store, package: Incoming, applied: Applied) -> None:
    db = store.db
    received = db.execute(
        "SELECT received_seq FROM peers WHERE id = ?", [package.peer.id]
    ).fetchone()[0]
    covers = package.seq - 1 if package.covers_after < 0 else package.covers_after
    if package.seq <= received or covers > received:  # checked again under the write lock
        raise Conflict(f"package {package.seq} from {package.peer.name} is not the next one")
    version_changes(db)
    here = [
        (kind, gid, local_of(db, kind, gid) if kind in KINDS else None)
        for kind, gid in package.erased
    ]
    # what names the erased records' subjects, gathered before any is erased (a line's numbers
    # come before it in the package, and would be gone when the line's turn came)
    forgotten = [
        word
        for kind, _gid, local_id in here
        if local_id is not None
        for word in identifiers(db, kind, local_id)
    ]
    for kind, gid, local_id in here:
        _apply_erasure(db, kind, gid, local_id, applied)
    if applied.erased:
        forget(db, store.key, forgotten)
    applied.kept_apart = apply_aliases(db, package.aliases)
    texts: list[str | None] = [*package.texts]
    if len(texts) != len(package.records):
        texts = [None] * len(package.records)
    waiting = [_parsed(r, text) for r, text in zip(package.records, texts, strict=True)]
    arriving = _Arriving(
        db,
        package.peer.name,
        applied,
        Arrivals(),
        db.execute("SELECT EXISTS (SELECT 1 FROM gid_aliases)").fetchone()[0],
        unknown_here(db, [gid for _kind, gid, _raw, _text in waiting]),
        {gid for _kind, gid, _raw, _text in waiting},
    )
    let_go: set[int] = set()  # lines whose names were let go of, to be given theirs
    while waiting:  # a record naming one later in the package waits for it, round by round
        still: list[tuple[str, str, dict[str, list[object]], str | None]] = []
        first: MissingRecord | None = None
        holders: list[int] = []
        for record in waiting:
            missing = _apply_record(arriving, *record)
            if missing is not None and arriving.arrivals.write(db):  # it may name one held
                missing = _apply_record(arriving, *record)
            if missing is None:
                arriving.pending.discard(record[1])
                continue
            still.append(record)
            if isinstance(missing, CarriedAsAnother) and missing.holder is not None:
                holders.append(missing.holder)
            if first is None or isinstance(first, CarriedAsAnother):
                first = missing  # what another waits for says more than that it waits
        arriving.arrivals.write(db)
        if first is not None and len(still) == len(waiting):  # a round that applied none
            holder = next((line for line in holders if line not in let_go), None)
            if holder is not None:
                # names passed round on the sender (swapped through a third): each line here
                # waits for another to let go of its name, so one lets go first; its record,
                # still to come, gives it a name again, or the package is refused whole
                let_go_of_name(db, holder)
                let_go.add(holder)
                waiting = still
                continue
            if isinstance(first, CarriedAsAnother):
                raise first
            raise MissingRecord(
                f"{first}: the package names it but does not carry it",
                "Import the sender's earlier packages first, or ask for a package of the "
                "whole application (--application).",
            )
        waiting = still
    for entry, signature in package.log:  # an entry received before (everything again) once
        db.execute(
            "INSERT INTO received_log_entries (peer_id, package_seq, entry, signature) "
            "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM received_log_entries "
            "WHERE peer_id = ? AND json_extract(entry, '$.id') = json_extract(?, '$.id'))",
            [package.peer.id, package.seq, entry, signature, package.peer.id, entry],
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


def _parsed(
    record: list[object], text: str | None
) -> tuple[str, str, dict[str, list[object]], str | None]:
    kind, gid, fields = record
    if str(kind) not in KINDS or not isinstance(fields, dict):
        raise ValueError(f"a record of unknown kind {kind!r}")
    if not isinstance(gid, str) or not GID.fullmatch(gid):  # packages splice it in unquoted
        raise ValueError(f"a record's global id {gid!r} is not one this program makes")
    return str(kind), gid, fields, text  # each field [value, vector, by, at]: read as used


def _apply_erasure(
    db: sqlite_utils.Database, kind: str, gid: str, local_id: int | None, applied: Applied
) -> None:
    if local_id is None:
        mark_erased(db, kind, gid)
        return
    if kind in ERASERS:
        ERASERS[kind](db, local_id)
    elif kind == "number":
        erase_numbers(db, [local_id])
    else:
        row = TRAVELLING_BY_KIND[kind]
        db.execute(f"DELETE FROM {row.table} WHERE {row.key} = ?", [local_id])
    applied.erased += 1


@dataclass
class _Arriving:
    """A package being applied."""

    db: sqlite_utils.Database
    peer: str
    applied: Applied
    arrivals: Arrivals  # new records held to be written a kind at a time
    aliases: bool  # whether any global id here stands for another
    unknown: set[str]  # the records' global ids nothing here had when it began
    pending: set[str]  # the global ids of the records it has still to apply


def _apply_record(
    arriving: _Arriving, kind: str, gid: str, raw: dict[str, list[object]], text: str | None
) -> MissingRecord | None:
    """Merge one arriving record; what it names that is not here if it must wait (for a record
    later in the package, or one held to be written).

    ``raw`` is the record's fields as the package holds them (``text``: as its JSON, if the
    package's reading kept it); a new record is stored as it came, and only one this register
    holds too is read into versions to be merged."""
    db, applied, arrivals = arriving.db, arriving.applied, arriving.arrivals
    arrivals.before(db, kind)
    # the first try of a record nothing here had is neither erased nor held; a second may find
    # it made one with a record here by the first (see _make_one)
    unknown = gid in arriving.unknown
    arriving.unknown.discard(gid)
    if not unknown and is_erased(db, gid):
        applied.kept_erased += 1
        return None
    if arriving.aliases or applied.merged_records:
        arrived, raw = raw, _canonical(db, raw)
        text = text if raw is arrived else None
    try:
        values = {name: state[0] for name, state in raw.items()}
    except (TypeError, IndexError, KeyError):
        raise ValueError(f"the {kind} {gid}'s fields are not versioned values") from None
    arrivals.settle(db, gid, values)
    local_id = None if unknown else local_of(db, kind, gid)
    # an application writes itself before its numbers, which may be missing yet: it is undone
    # then; every other kind finds what it refers to before it writes anything
    partial = kind == "application"
    if partial:
        db.execute("SAVEPOINT arriving_record")
    try:
        if local_id is None and kind in SAME_AS:
            local_id = SAME_AS[kind](db, values)
            if local_id is not None and _pending(db, kind, local_id, arriving.pending):
                raise CarriedAsAnother(
                    f"the {kind} {gid} is, by its {_SAME_BY.get(kind, 'fields')}, one this "
                    "register holds that the package carries as another record, which could "
                    "not be applied",
                    "Put the two records right on the sending workstation, then send again.",
                )
            if local_id is not None:
                arrivals.write(db)  # the held versions may name the global id that goes
                gid = make_one(db, kind, local_id, gid)
                applied.merged_records += 1
        if local_id is None:
            versions = text or json.dumps(raw, sort_keys=True, ensure_ascii=False)
            if not arrivals.hold(db, kind, gid, values, versions):
                local_id = KINDS[kind].write(db, None, values)
                db.execute(
                    "UPDATE record_ids SET gid = ? WHERE kind = ? AND local_id = ?",
                    [gid, kind, local_id],
                )
                save_raw(db, gid, kind, versions)
            applied.added += 1
            if partial:
                db.execute("RELEASE arriving_record")
            return None
        gid = gid_here(db, kind, local_id)
        states = states_of(db, gid)
        if arriving.aliases or applied.merged_records:  # named as the arriving fields are
            states = {
                name: FieldState.from_json(state)
                for name, state in _canonical(db, _as_raw(states)).items()
            }
        remote = {name: FieldState.from_json(state) for name, state in raw.items()}
        result, conflicts = _merge(kind, states, remote)
        current = KINDS[kind].read(db, local_id) or {}
        wanted = {name: state.value for name, state in result.items()}
        if wanted != {name: current.get(name) for name in wanted}:
            try:
                KINDS[kind].write(db, local_id, {**current, **wanted})  # its triggers stamp it
            except MarkTaken as taken:
                if not _name_in_conflict(arriving, kind, taken, states, result, conflicts):
                    raise
                wanted["brand"] = result["brand"].value
                KINDS[kind].write(db, local_id, {**current, **wanted})
            applied.updated += 1
        else:
            if result != states:  # versions settled here (a status by the rules), the value
                mark_changed(db, gid)  # kept: news to the peers, the sender among them
            applied.unchanged += 1
    except MissingRecord as missing:
        if partial:
            db.execute("ROLLBACK TO arriving_record")
            db.execute("RELEASE arriving_record")
        if isinstance(missing, ErasedHere):  # it belongs to a record erased here: it goes too
            mark_erased(db, kind, gid)
            applied.kept_erased += 1
            return None
        return missing
    except MarkTaken as taken:  # by a record the package has still to apply: it may let go
        if taken.other is None or not _pending(db, *taken.other, arriving.pending):
            raise
        if partial:
            db.execute("ROLLBACK TO arriving_record")
            db.execute("RELEASE arriving_record")
        return CarriedAsAnother(
            f"{taken}, and the package does not change that", taken.hint, taken.other[1]
        )
    if partial:
        db.execute("RELEASE arriving_record")
    save_states(db, gid, kind, result)
    drop_settled(db, gid, result)  # what the record here has seen the other side of
    for name in result:
        if name not in conflicts and remote.get(name) is result[name]:
            _against(db, gid, name, result[name])
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
                arriving.peer,
                utc_now(),
            ],
        )
    applied.conflicts += len(conflicts)
    return None


GID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def _name_in_conflict(
    arriving: _Arriving,
    kind: str,
    taken: MarkTaken,
    states: States,
    result: States,
    conflicts: list[str],
) -> bool:
    """A line renamed there to a name another line has here, which the package does not
    change (``taken``): its name is kept here and the two are listed as a conflict, for an
    officer to settle, and the rest of the record is applied; False if it is not that."""
    if kind != "line" or taken.other is None or "brand" not in states:
        return False
    if _pending(arriving.db, *taken.other, arriving.pending):
        return False  # it may let go of the name: the record waits for it
    result["brand"] = states["brand"]
    if "brand" not in conflicts:
        conflicts.append("brand")
    return True


def _as_raw(states: States) -> dict[str, list[object]]:
    return {name: state.as_json() for name, state in states.items()}


def _canonical(db: sqlite_utils.Database, raw: dict[str, list[object]]) -> dict[str, list[object]]:
    """Fields with every global id that another replaced (see
    :func:`store.exchange_ids.make_one`) written as the one that replaced it: a record's
    versions here may still name a line by the id it was made one under."""
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


def _against(db: sqlite_utils.Database, gid: str, name: str, taken: FieldState) -> None:
    """A field took an arriving version that has not seen a conflict's other side: the
    conflict stands, against the new value here."""
    db.execute(
        "UPDATE exchange_conflicts SET local = ? WHERE gid = ? AND field = ?",
        [json.dumps(taken.as_json()), gid, name],
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
