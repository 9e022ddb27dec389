"""A case package's new lines, numbers and status entries, written a kind at a time.

A package of a unit's week holds thousands of new records of those kinds. Written one by one,
each went through its table's insert triggers (its search-index row and global id) and three
more statements (its arriving global id, its versions): applying 10,000 numbers took five
times as long as importing them from a spreadsheet. Held here instead, each kind's run of new
records is written with one prepared statement (``bulk_writes.insert_many``), their arriving
global ids and versions with one each (no global id is made only to be replaced).

Held records are not in the register yet, so a record that refers to one does not find it:
:meth:`Arrivals.write` is called before a record of another kind is applied, before one that
may be a held record again (:meth:`Arrivals.settle`), before two records are made one (the
held versions must name the global id that stays), and before a record that found something
missing is tried once more.
"""

from __future__ import annotations

import sqlite_utils

from raptor_desktop.store.bulk_writes import insert_many
from raptor_desktop.store.exchange_records import KINDS, Bulk, Fields
from raptor_desktop.store.exchange_versions import SAVE_RAW
from raptor_desktop.store.importing import NewIds


class Arrivals:
    """New records of one kind, held to be written together (inside the package's
    transaction, which holds the write lock, so the ids given here are the ones they get)."""

    def __init__(self) -> None:
        self._kind = ""
        self._ids: NewIds | None = None
        self._rows: list[Fields] = []
        self._fields: list[Fields] = []
        self._gids: list[str] = []
        self._versions: list[str] = []
        self._known: set[object] = set()  # the held records' global ids and what they are
        self._written: dict[tuple[str, str], int] = {}  # local ids of those written, by gid

    def hold(
        self, db: sqlite_utils.Database, kind: str, gid: str, fields: Fields, versions: str
    ) -> bool:
        """Hold a new record (``versions``: its fields as the package carries them, JSON);
        False if its kind is written one record at a time. Raises as writing it would (a
        record it refers to missing, a value refused) before anything is held."""
        self.before(db, kind)
        bulk = KINDS[kind].bulk
        if bulk is None:
            return False
        row = bulk.row(db, fields, self._written)
        if self._ids is None:
            self._ids = NewIds(bulk.table)
        row["id"] = self._ids.take(db)
        self._rows.append(row)
        self._fields.append(fields)
        self._gids.append(gid)
        self._versions.append(versions)
        self._known |= _keys(bulk, gid, fields)
        return True

    def settle(self, db: sqlite_utils.Database, gid: str, fields: Fields) -> None:
        """Write what is held if the arriving record may be one of them: the same global id,
        or the same thing (a number, a named line) under another; then it is found here, to
        be merged with, as it would be had each been written as it came."""
        bulk = KINDS[self._kind].bulk if self._kind else None
        if bulk is not None and _keys(bulk, gid, fields) & self._known:
            self.write(db)

    def before(self, db: sqlite_utils.Database, kind: str) -> None:
        """A record of ``kind`` is next: the held ones are written first if they are of
        another kind."""
        if kind != self._kind:
            self.write(db)
            self._kind = kind

    def write(self, db: sqlite_utils.Database) -> bool:
        """Write what is held; False if nothing was."""
        if not self._rows:
            return False
        bulk = KINDS[self._kind].bulk
        assert bulk is not None
        columns = list(self._rows[0])
        ids = [int(str(row["id"])) for row in self._rows]
        insert_many(
            db,
            bulk.table,
            f'INSERT INTO "{bulk.table}" ({", ".join(columns)}) '
            f"VALUES ({', '.join('?' * len(columns))})",
            [[row[c] for c in columns] for row in self._rows],
            list(zip(ids, self._gids, strict=True)),
        )
        db.conn.executemany(
            SAVE_RAW,
            [(gid, self._kind, text) for gid, text in zip(self._gids, self._versions, strict=True)],
        )
        if bulk.owned is not None:
            bulk.owned(db, list(zip(ids, self._fields, strict=True)))
        self._written.update(((self._kind, gid), i) for gid, i in zip(self._gids, ids, strict=True))
        self._ids = None
        self._rows, self._fields, self._gids, self._versions = [], [], [], []
        self._known.clear()
        return True


def _keys(bulk: Bulk, gid: str, fields: Fields) -> set[object]:
    """What finds a record again: its global id, and what it is (if its kind says)."""
    same = bulk.same(fields) if bulk.same is not None else None
    return {gid, same} if same else {gid}
