"""Applying the rows of a spreadsheet in one transaction: what every import shares.

Either every valid row of the file lands or nothing does. Each row is applied inside its own
savepoint, so a row refused half-way leaves nothing of itself behind while the rest go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from raptor_desktop.core.line_import import RejectedRow
from raptor_desktop.core.tabular import Table
from raptor_desktop.store.database import Store

Progress = Callable[[int, int], bool]
"""Called with (rows done, rows in all); returning False cancels the whole import."""

Row = TypeVar("Row")


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

    def summary(self) -> str:
        return f"imported {self.imported}, updated {self.updated}, rejected {len(self.rejected)}"

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
) -> ImportResult:
    """Read each row (``read`` checks it), apply the good ones (``apply`` returns 'imported',
    'updated' or 'unchanged', or raises :class:`RowRejected`), all in one transaction."""
    result = ImportResult(
        Path(table.source).name, ignored_columns=ignored_columns or [], headers=table.headers
    )
    total = len(table.rows)
    with store.transaction(event, f"{table.source}: {total} rows") as db:
        for done, (row_number, cells) in enumerate(table.rows, start=1):
            row = read(row_number, cells)
            if not isinstance(row, RejectedRow):
                try:
                    with _row_savepoint(db):
                        outcome = apply(db, row)
                except RowRejected as error:
                    row = RejectedRow(row_number, str(error), cells)
                else:
                    setattr(result, outcome, getattr(result, outcome) + 1)
            if isinstance(row, RejectedRow):
                result.rejected.append(row)
            if progress and (done % 100 == 0 or done == total) and not progress(done, total):
                raise ImportCancelled("import cancelled; nothing was stored")
    return result


@contextmanager
def _row_savepoint(db: sqlite_utils.Database) -> Iterator[None]:
    """One row's savepoint: a row refused half-way is rolled back, the import goes on.

    Always the same name (sqlite-utils' ``atomic`` draws a random one from ``secrets`` for
    each, a tenth of a 100,000-row import), so SQLite keeps its three statements prepared.
    """
    db.execute("SAVEPOINT import_row")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK TO import_row")
        db.execute("RELEASE import_row")
        raise
    db.execute("RELEASE import_row")
