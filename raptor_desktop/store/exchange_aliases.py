"""Global ids that name one record, told to the peers.

When a register finds an arriving record to be one it holds (``SAME_AS``), or an officer makes
two lines one (``store/line_merge.py``), the lesser of the two global ids is kept and the other
becomes an alias of it (:func:`store.exchange_ids.make_one`), so two registers agree whichever
sees the other first. A package carries, with each record, the aliases of its global id: a
register that holds the record under its alias makes the two one as well, and one that holds
them as two lines makes those one line (:func:`apply_aliases`). Without them it kept the alias
as a record of its own once the sender changed what had matched (a line's name cleared), and
the two registers no longer agreed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from raptor_desktop.store.exchange_conflicts import described
from raptor_desktop.store.exchange_ids import is_erased, local_of, make_one, mark_erased
from raptor_desktop.store.exchange_records import KINDS
from raptor_desktop.store.line_merge import LinesNotMerged, join_lines


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
            try:
                if kind != "line":
                    raise LinesNotMerged("only lines are made one")
                join_lines(db, found[1], found[0], told=True)  # one there: so here
            except LinesNotMerged as why:
                apart.append(f"{first} and {second} are one record on the sender, two here: {why}")
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
