"""Applying the rows of a spreadsheet in one transaction: what every import shares.

Either every valid row of the file lands or nothing does. A row is refused before anything
of it is written (each importer checks, then writes), so a refused row leaves nothing of
itself behind while the rest go on; one refused after writing would be a fault of the
program, and ends the whole import with nothing stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import sqlite_utils

from raptor_desktop.core.dates import plural
from raptor_desktop.core.line_import import RejectedRow
from raptor_desktop.core.numbers import MobileNumber
from raptor_desktop.core.tabular import Table
from raptor_desktop.core.wording import numbers_in_ranges
from raptor_desktop.store.database import Store, insert_rows

Progress = Callable[[int, int], bool]
"""Called with (rows done, rows in all); returning False cancels the whole import."""

Row = TypeVar("Row")
Held = TypeVar("Held", contravariant=True)


class ImportCancelled(Exception):
    """The officer cancelled; nothing was stored."""


class RowRejected(Exception):
    """Raised while applying a row: the row is refused with this reason, the import goes on."""


@dataclass
class ImportResult:
    source: str
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the file's words were read
    blank_rows: list[int] = field(default_factory=list)
    unnamed_rows: list[int] = field(default_factory=list)  # numbers put on a line of no name

    def summary(self) -> str:
        return f"imported {self.imported}, updated {self.updated}, rejected {len(self.rejected)}"

    def remarks(self) -> list[str]:
        """What else the officer should know of the import: rows that changed nothing, rows
        skipped as blank, numbers put on a line with no name, how the file's words were read."""
        said = []
        if self.unchanged:
            said.append(
                f"{plural(self.unchanged, 'row')} changed nothing: the register already held "
                "what it says (or an earlier row of the file said it)"
            )
        if self.blank_rows:
            said.append(
                f"{plural(len(self.blank_rows), 'blank row')} skipped "
                f"(row{'s' if len(self.blank_rows) > 1 else ''} "
                f"{numbers_in_ranges(self.blank_rows)})"
            )
        if self.unnamed_rows:
            rows = self.unnamed_rows
            said.append(
                f"{plural(len(rows), 'number')} named no line, so each is on a new line with no "
                f"name (row{'s' if len(rows) > 1 else ''} {numbers_in_ranges(rows)}): name it "
                "with Line → Edit line, or move it to its line (raptor move-number)"
            )
        return said + self.notes

    @property
    def all_rejected(self) -> bool:
        """Every row was rejected: nothing of the file is in the register."""
        return bool(self.rejected) and not (self.imported or self.updated or self.unchanged)


def import_rows(
    store: Store,
    table: Table,
    event: str,
    read: Callable[[int, list[str]], Row | RejectedRow],
    apply: Callable[[sqlite_utils.Database, Row], str],
    progress: Progress | None = None,
    ignored_columns: list[str] | None = None,
    batch: Batch[Row] | None = None,
) -> ImportResult:
    """Read each row (``read`` checks it), apply the good ones (``apply`` returns 'imported',
    'updated' or 'unchanged', or raises :class:`RowRejected` before writing anything), all in
    one transaction. ``batch`` holds rows written together, not one at a time."""
    result = ImportResult(
        Path(table.source).name,
        ignored_columns=ignored_columns or [],
        headers=table.headers,
        blank_rows=table.blank_rows,
    )
    total = len(table.rows)
    with store.transaction(event, f"{table.source}: {plural(total, 'row')}") as db:
        for done, (row_number, cells) in enumerate(table.rows, start=1):
            row = read(row_number, cells)
            if not isinstance(row, RejectedRow):
                if batch is not None:
                    batch.ready(db, row)
                before = _changes(db, batch)
                try:
                    outcome = apply(db, row)
                except RowRejected as error:
                    if _changes(db, batch) != before:
                        raise RuntimeError(
                            f"row {row_number} was refused after part of it was written; "
                            "nothing of the import was stored"
                        ) from error
                    row = RejectedRow(row_number, str(error), cells)
                else:
                    setattr(result, outcome, getattr(result, outcome) + 1)
            if isinstance(row, RejectedRow):
                result.rejected.append(row)
            if progress and (done % 100 == 0 or done == total) and not progress(done, total):
                raise ImportCancelled("import cancelled; nothing was stored")
        if batch is not None:
            batch.write(db)
    return result


def _changes(db: sqlite_utils.Database, batch: Batch[Row] | None) -> tuple[int, int]:
    """What a row has changed so far: in the register, and held to be written."""
    return db.conn.total_changes, batch.changes if batch is not None else 0


class Batch(Protocol[Held]):
    """Rows an import writes together (``executemany``) rather than one by one."""

    @property
    def changes(self) -> int:
        """How many times what is held has changed (a row refused after adding to it would
        leave part of itself behind)."""

    def ready(self, db: sqlite_utils.Database, row: Held) -> None:
        """Before ``row`` is applied: write what it must see (an earlier row of its number)."""

    def write(self, db: sqlite_utils.Database) -> None:
        """Write the rows held, before the import's transaction commits."""


class _Numbered(Protocol):
    @property
    def number(self) -> MobileNumber: ...


NumberedRow = TypeVar("NumberedRow", bound=_Numbered)


class NewIds:
    """The ids SQLite would give a table's next new rows: an import holds the write lock from
    its first read, so nobody else adds one meanwhile, and rows held to be written later can
    be referred to by these ids already."""

    def __init__(self, table: str) -> None:
        self._table = table
        self._next = 0

    def peek(self, db: sqlite_utils.Database) -> int:
        """The id the next new row will have."""
        if not self._next:
            last = db.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{self._table}"').fetchone()
            self._next = int(last[0]) + 1
        return self._next

    def take(self, db: sqlite_utils.Database) -> int:
        """That id, given to a new row."""
        found = self.peek(db)
        self._next += 1
        return found


class HeldRows(Generic[NumberedRow]):
    """The new records of an import, written a thousand at a time: each table's rows go in
    with one prepared statement (``executemany``), not an INSERT a row. The first table's ids
    are given here, as SQLite would give them (:class:`NewIds`), so the other tables can
    refer to them. A row
    about a number still held is applied once the held ones are written (:meth:`ready`)."""

    SIZE = 1000

    def __init__(self, *tables: str) -> None:
        self._tables = tables
        self._rows: dict[str, list[dict[str, object]]] = {table: [] for table in tables}
        self._held: set[str] = set()
        self._ids = NewIds(tables[0])
        self.held_changes = 0

    @property
    def changes(self) -> int:
        return self.held_changes

    def new_id(self, db: sqlite_utils.Database) -> int:
        """The id the next record of the first table will have."""
        return self._ids.peek(db)

    def hold(self, db: sqlite_utils.Database, e164: str, *rows: dict[str, object]) -> None:
        """Hold one record of each table (in their order), the first with its :meth:`new_id`."""
        for table, row in zip(self._tables, rows, strict=True):
            self._rows[table].append(row)
        self._ids.take(db)
        self.held_changes += 1
        self._held.add(e164)
        if len(self._held) >= self.SIZE:
            self.write(db)

    def ready(self, db: sqlite_utils.Database, row: NumberedRow) -> None:
        if row.number.e164 in self._held:
            self.write(db)

    def write(self, db: sqlite_utils.Database) -> None:
        for table in self._tables:
            insert_rows(db, table, self._rows[table])
            self._rows[table] = []
        self._held.clear()
