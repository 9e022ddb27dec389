"""Global ids that name one record: the same number or named line recorded on two
workstations, made one on the first to see both, and told to the others.

When a register finds an arriving record to be one it holds (``SAME_AS``), it keeps the lesser
of the two global ids and the other becomes an alias of it (:func:`make_one`), so two registers
agree whichever sees the other first. A package carries, with each record, the aliases of its
global id: a third register that holds the record under its alias makes the two one as well
(:func:`apply_aliases`); without them it kept the alias as a record of its own once the sender
changed what had matched (a line's name cleared), and the two registers no longer agreed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from raptor_desktop.store.exchange_ids import (
    gid_here,
    is_erased,
    local_of,
    mark_changed,
    mark_erased,
)
from raptor_desktop.store.exchange_records import KINDS, described


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


def aliases_of(
    db: sqlite_utils.Database, where: str, params: Sequence[object] | dict[str, object]
) -> list[list[str]]:
    """``[kind, alias, gid]`` for the aliases of the records ``where`` picks (of ``record_ids
    r``, as a package picks its records)."""
    return [
        [str(kind), str(alias), str(gid)]
        for kind, alias, gid in db.execute(
            "SELECT r.kind, a.alias, a.gid FROM gid_aliases a JOIN record_ids r ON r.gid = a.gid "
            f"WHERE {where} ORDER BY a.gid, a.alias",
            params,
        )
    ]


def apply_aliases(db: sqlite_utils.Database, aliases: list[list[str]]) -> list[str]:
    """Make one what the sender holds as one (``[kind, alias, gid]``), before its records
    are applied. Two records here that the sender holds as one are left as they are, and said
    (the returned words)."""
    apart = []
    for kind, alias, gid in aliases:
        found = local_of(db, kind, alias), local_of(db, kind, gid)
        if found[0] == found[1] is not None:
            continue  # one here already
        if found[0] is not None and found[1] is not None:
            first, second = (_words(db, kind, n) for n in (found[0], found[1]))
            apart.append(f"{first} and {second} are one record on the sender, two here")
        elif is_erased(db, alias) or is_erased(db, gid):
            if found == (None, None):  # disposed of here under one id: so under both
                mark_erased(db, kind, alias)
                mark_erased(db, kind, gid)
            else:
                record = _words(db, kind, found[0] or found[1] or 0)
                apart.append(f"{record} is one record on the sender with one erased here")
        elif found[0] is not None:
            make_one(db, kind, found[0], gid)
        elif found[1] is not None:
            make_one(db, kind, found[1], alias)
        else:
            db.execute("INSERT OR IGNORE INTO gid_aliases (alias, gid) VALUES (?, ?)", [alias, gid])
    return apart


def _words(db: sqlite_utils.Database, kind: str, local_id: int) -> str:
    return described(kind, KINDS[kind].read(db, local_id) or {})
