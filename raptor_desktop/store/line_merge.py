"""Two lines found to be one deal line, made one: the numbers, evidence, areas, drugs, notes
and intelligence references of the other line move to the one kept, in one transaction.

The line kept keeps its brand (or takes the other's, if it had none); a different brand the
other had is kept in its notes, so nothing said about either is lost. For case packages the
two lines' global ids become one record's (``store/exchange_aliases.py``): the other's is an
alias of it, never an erasure, and a peer told so makes its two lines one the same way.
"""

from __future__ import annotations

import sqlite_utils

from raptor_desktop.core.accounts import Permission
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.exchange import FieldState, merged
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.exchange_conflicts import drop_settled
from raptor_desktop.store.exchange_ids import gid_of, make_one
from raptor_desktop.store.exchange_versions import States, save_states, states_of, version_changes
from raptor_desktop.store.peers import identity_in


class LinesNotMerged(Refusal):
    """Two lines that cannot be made one (the same line, two operations, both closed)."""


def merge_lines(store: Store, keep: int, other: int) -> str:
    """Make ``other`` part of ``keep``, logged; returns what the log entry says. Supervisors
    only: it cannot be undone."""
    store.require(Permission.MERGE_LINES)
    with store.transaction("make two lines one") as db:
        if identity_in(db) is not None:  # it exchanges: what changed before is versioned first
            version_changes(db)
        said = join_lines(db, keep, other)
        store.describe(said)
    return said


def join_lines(db: sqlite_utils.Database, keep: int, other: int, *, told: bool = False) -> str:
    """The change itself, inside the caller's transaction. An officer's (``told`` False)
    also merges what the two lines say (brand, notes, areas…), a change of the kept line
    versioned as this register's own; a package's (``told``: the sender made them one) moves
    only what belongs to the other line, and the kept line's own record, arriving in the same
    package, brings what the sender made of the two."""
    kept, gone = _line(db, keep), _line(db, other)
    if keep == other:
        raise LinesNotMerged("the two numbers are on the same line already")
    if kept["operation_id"] != gone["operation_id"]:
        raise LinesNotMerged(
            f"{_named(kept)} and {_named(gone)} are lines of two operations: move one to the "
            "other's operation first"
        )
    closed = db.execute(
        "SELECT COUNT(*) FROM line_closures WHERE line_id IN (?, ?)", [keep, other]
    ).fetchone()[0]
    if closed == 2:
        raise LinesNotMerged(
            f"{_named(kept)} and {_named(gone)} are both recorded closed (Type 1): remove one "
            "of the closures first"
        )
    for table in ("numbers", "evidence"):
        db.execute(f"UPDATE {table} SET line_id = ? WHERE line_id = ?", [keep, other])
    # a closure's record is the line's own (its local id is the line's)
    db.execute(
        "UPDATE record_ids SET local_id = ? WHERE kind = 'closure' AND local_id = ?",
        [keep, other],
    )
    db.execute("UPDATE line_closures SET line_id = ? WHERE line_id = ?", [keep, other])
    if not told:
        for table, column in (("line_areas", "area_id"), ("line_drugs", "drug")):
            db.execute(
                f"INSERT OR IGNORE INTO {table} (line_id, {column}) "
                f"SELECT ?, {column} FROM {table} WHERE line_id = ?",
                [keep, other],
            )
    kept_gid, gone_gid = gid_of(db, "line", keep), gid_of(db, "line", other)
    seen = {} if gone_gid is None else states_of(db, gone_gid)
    _forget_record(db, other)
    db.execute("DELETE FROM lines WHERE id = ?", [other])
    if not told:
        _merge_words(db, kept, gone)
    if kept_gid is not None:
        _seen_both(db, kept_gid, seen)
    if gone_gid is not None:
        make_one(db, "line", keep, gone_gid)
    return f"{_named(gone)} made part of {_named(kept)}"


def _merge_words(
    db: sqlite_utils.Database, kept: dict[str, object], gone: dict[str, object]
) -> None:
    """What the other line said, added to the kept line's words (its brand kept in the
    notes), once the other is gone (the kept line may take its brand)."""
    notes = _joined(str(kept["notes"]), str(gone["notes"]))
    if gone["brand"] and kept["brand"] and str(gone["brand"]).lower() != str(kept["brand"]).lower():
        notes = _joined(notes, f"Also called {gone['brand']!r} (a line made part of this one).")
    db.execute(
        "UPDATE lines SET brand = ?, notes = ?, intel_refs = ?, daily_takings_pence = ?, "
        "takings_source = ?, updated_at = ? WHERE id = ?",
        [
            kept["brand"] or gone["brand"],
            notes,
            _joined(str(kept["intel_refs"]), str(gone["intel_refs"])),
            kept["daily_takings_pence"]
            if kept["daily_takings_pence"] is not None
            else gone["daily_takings_pence"],
            kept["takings_source"] or gone["takings_source"],
            utc_now(),
            kept["id"],
        ],
    )


def _seen_both(db: sqlite_utils.Database, gid: str, gone: States) -> None:
    """The kept line's versions as having seen every change of both lines (their values as
    they were versioned: what an officer's merge changed is versioned next as this register's
    own change, and so covers both). A peer holding either line's older values takes it, and
    a conflict listed against the other line's values is settled."""
    states = states_of(db, gid)
    if not states:
        return
    seen: States = {
        name: FieldState(
            state.value,
            merged(state.vector, gone[name].vector) if name in gone else state.vector,
            state.by,
            state.at,
        )
        for name, state in states.items()
    }
    save_states(db, gid, "line", seen)
    drop_settled(db, gid, seen)


def _line(db: sqlite_utils.Database, line_id: int) -> dict[str, object]:
    cursor = db.execute(
        "SELECT id, brand, operation_id, notes, intel_refs, daily_takings_pence, "
        "takings_source FROM lines WHERE id = ?",
        [line_id],
    )
    row = cursor.fetchone()
    if row is None:
        raise RecordNotFound(f"there is no line {line_id}")
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def _named(line: dict[str, object]) -> str:
    return f"line {line['brand']!r}" if line["brand"] else f"unnamed line {line['id']}"


def _joined(kept: str, other: str) -> str:
    if not other or other in kept:
        return kept
    return f"{kept}\n{other}" if kept else other


def _forget_record(db: sqlite_utils.Database, line_id: int) -> None:
    """The line's global id taken from it before it is deleted: what its record was goes to
    the line kept (an alias), so the delete is not an erasure to send to the peers."""
    gid = gid_of(db, "line", line_id)
    for table in ("record_versions", "exchange_conflicts", "record_ids"):
        db.execute(f"DELETE FROM {table} WHERE gid = ?", [gid])
