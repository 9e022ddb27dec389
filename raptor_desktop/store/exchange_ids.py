"""Records found by their global ids: a record's local id here, whether it was erased here,
and which of a package's records nothing here has yet (``store/exchange_schema.py`` keeps the
ids; ``store/exchange_records.py`` reads and writes the records)."""

from __future__ import annotations

import json
from collections.abc import Mapping

import sqlite_utils

from raptor_desktop.core.errors import Refusal


class MissingRecord(Refusal):
    """A record refers to one this register does not hold (its package's predecessor has not
    been imported, or the record it names was erased here)."""


def gid_of(db: sqlite_utils.Database, kind: str, local_id: int | None) -> str | None:
    if local_id is None:
        return None
    row = db.execute(
        "SELECT gid FROM record_ids WHERE kind = ? AND local_id = ?", [kind, local_id]
    ).fetchone()
    return str(row[0]) if row else None


def gid_here(db: sqlite_utils.Database, kind: str, local_id: int) -> str:
    """The global id of a record this register holds."""
    found = gid_of(db, kind, local_id)
    if found is None:
        raise RuntimeError(f"the {kind} {local_id} has no global id")
    return found


def local_of(db: sqlite_utils.Database, kind: str, gid: str) -> int | None:
    """The local id of the record ``gid`` names (or the one it was merged into)."""
    row = db.execute(
        "SELECT local_id FROM record_ids WHERE kind = ? AND gid = "
        "COALESCE((SELECT gid FROM gid_aliases WHERE alias = ?), ?)",
        [kind, gid, gid],
    ).fetchone()
    return int(row[0]) if row else None


class ErasedHere(MissingRecord):
    """A record refers to one erased here (a MoPI disposal): it goes with it."""


def is_erased(db: sqlite_utils.Database, gid: str) -> bool:
    """Whether the record ``gid`` names (or the one it was merged into) was erased here."""
    return (
        db.execute(
            "SELECT 1 FROM erased_records WHERE gid = ? OR gid = "
            "(SELECT gid FROM gid_aliases WHERE alias = ?)",
            [gid, gid],
        ).fetchone()
        is not None
    )


def mark_erased(db: sqlite_utils.Database, kind: str, gid: str) -> None:
    """A record erased elsewhere, or one that belongs to a record erased here: never to come."""
    db.execute("UPDATE exchange_clock SET n = n + 1")
    db.execute(
        "INSERT OR IGNORE INTO erased_records (gid, kind, changed, erased_at) "
        "VALUES (?, ?, (SELECT n FROM exchange_clock), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        [gid, kind],
    )


def mark_changed(db: sqlite_utils.Database, gid: str) -> None:
    """The record changed here, as its table's triggers would say: sent in the next packages."""
    db.execute("UPDATE exchange_clock SET n = n + 1")
    db.execute(
        "UPDATE record_ids SET changed = (SELECT n FROM exchange_clock) WHERE gid = ?", [gid]
    )


def unknown_here(db: sqlite_utils.Database, gids: list[str]) -> set[str]:
    """Those of ``gids`` that name nothing here: no record, erasure or record merged into
    another (one query for a package's thousands, in place of two a record)."""
    return {
        str(gid)
        for (gid,) in db.execute(
            "SELECT value FROM json_each(?) g WHERE "
            "NOT EXISTS (SELECT 1 FROM record_ids WHERE gid = g.value) AND "
            "NOT EXISTS (SELECT 1 FROM erased_records WHERE gid = g.value) AND "
            "NOT EXISTS (SELECT 1 FROM gid_aliases WHERE alias = g.value)",
            [json.dumps(gids)],
        )
    }


Known = Mapping[tuple[str, str], int]
"""Local ids by kind and global id, of records a package has written already."""
NONE_KNOWN: Known = {}


def needed(db: sqlite_utils.Database, kind: str, gid: object, known: Known = NONE_KNOWN) -> int:
    """The local id of the record ``gid`` names, which a record arriving refers to."""
    found = known.get((kind, str(gid))) or local_of(db, kind, str(gid))
    if found is None:
        if is_erased(db, str(gid)):
            raise ErasedHere(f"the {kind.replace('_', ' ')} {gid} was erased here")
        raise MissingRecord(f"the {kind.replace('_', ' ')} {gid} is not in this register")
    return found


def optional(
    db: sqlite_utils.Database, kind: str, gid: object, known: Known = NONE_KNOWN
) -> int | None:
    return None if gid is None else needed(db, kind, gid, known)


ITEM = "number:"
"""An application's fields for each of its numbers: ``number:<gid>`` → provider, grounds,
the court's outcome and its date; absent (None) once the number is taken out."""


def linked_numbers(db: sqlite_utils.Database, fields: dict[str, object]) -> dict[int, object]:
    """A record's ``number:<gid>`` fields by the numbers' local ids: a number taken out
    (None) that is not here, and any that was erased here, are left out."""
    linked: dict[int, object] = {}
    for name, item in fields.items():
        if not name.startswith(ITEM):
            continue
        gid = name[len(ITEM) :]
        if item is None or item is False:
            found = local_of(db, "number", gid)
            if found is not None:
                linked[found] = None
            continue
        try:
            linked[needed(db, "number", gid)] = item
        except ErasedHere:
            continue
    return linked


def make_one(db: sqlite_utils.Database, kind: str, local_id: int, arriving: str) -> str:
    """The same record recorded on two workstations: it keeps the lesser of its two global ids
    on both (so they agree whichever sees the other first); the other becomes an alias."""
    ours = gid_here(db, kind, local_id)
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
    mark_changed(db, keep)
    return keep
