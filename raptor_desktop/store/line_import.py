"""Applying an imported spreadsheet to the register in one transaction.

Either every valid row of the file lands or nothing does. A number already stored is merged
(areas, drugs, notes, dates), never duplicated, so importing the same file twice changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlite_utils

from raptor_desktop.core.dates import to_iso
from raptor_desktop.core.line_import import (
    ImportRow,
    RejectedRow,
    RowDefaults,
    column_map,
    read_row,
)
from raptor_desktop.core.lines import LineDetails, SeenDates
from raptor_desktop.core.register import DEFAULT_OPERATION
from raptor_desktop.core.statuses import Status
from raptor_desktop.core.tabular import Table
from raptor_desktop.store.database import Store, insert_row, utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.importing import ImportResult, Progress, RowRejected, import_rows
from raptor_desktop.store.lines import insert_number, line_for_brand, link_areas_and_drugs
from raptor_desktop.store.reference import area_ids, existing_operation_id, operation_id


def import_lines(
    store: Store,
    table: Table,
    defaults: RowDefaults | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``table`` (see :func:`core.tabular.read_table`) into the register."""
    defaults = defaults or RowDefaults()
    mapping = column_map(table)
    source = Path(table.source).name
    training = store.training
    lookups = _Lookups(store.db)

    def read(row_number: int, cells: list[str]) -> ImportRow | RejectedRow:
        return read_row(mapping, row_number, cells, defaults, training=training)

    def apply(db: sqlite_utils.Database, row: ImportRow) -> str:
        try:
            return _apply_row(store, db, row, source, lookups)
        except RecordNotFound as error:
            raise RowRejected(f"areas: {error}") from None

    return import_rows(store, table, "import lines", read, apply, progress, mapping.ignored)


class _Lookups:
    """What every row looks up, read once per import: the areas' ids, and the ids of the
    operations that already exist (one a row adds is read again until that row is kept, as a
    refused row takes it away with the rest of itself)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self._areas: dict[tuple[str, ...], list[int]] = {}
        self._operations: dict[str, int] = {}

    def areas(self, names: list[str]) -> list[int]:
        key = tuple(name.casefold() for name in names)
        if key not in self._areas:
            self._areas[key] = area_ids(self._db, names)
        return self._areas[key]

    def operation(self, name: str) -> int:
        key = name.casefold()
        if key not in self._operations:
            found = existing_operation_id(self._db, name)
            if found is None:
                return operation_id(self._db, name)
            self._operations[key] = found
        return self._operations[key]


def _apply_row(
    store: Store, db: sqlite_utils.Database, row: ImportRow, source: str, lookups: _Lookups
) -> str:
    """Add or merge one row; returns 'imported', 'updated' or 'unchanged'."""
    details = row.details
    op_id = lookups.operation(details.operation or DEFAULT_OPERATION)
    areas = lookups.areas(details.areas)
    existing = db.execute(
        "SELECT n.id, n.line_id, l.brand, n.first_seen, n.last_seen "
        "FROM numbers n JOIN lines l ON l.id = n.line_id WHERE n.e164 = ?",
        [row.number.e164],
    ).fetchone()
    if existing is None:
        line_id = line_for_brand(db, details.brand, op_id) or _new_line(db, details.brand, op_id)
        _merge_line(db, line_id, areas, details)
        dates = SeenDates(row.dates.first_seen or date.today(), row.dates.last_seen)
        note = f"imported from {source} row {row.row}"
        insert_number(db, row.number, line_id, Status.IDENTIFIED, dates, store.actor, note)
        return "imported"
    number_id, line_id, brand, first_seen, last_seen = existing
    if details.brand and brand and details.brand.casefold() != brand.casefold():
        raise RowRejected(
            f"{row.number.display} is already in the register on line {brand!r}, "
            f"not {details.brand!r}"
        )
    before = db.conn.total_changes
    if details.brand and not brand:
        if line_for_brand(db, details.brand, op_id) is not None:
            raise RowRejected(
                f"{row.number.display} is on an unnamed line, and another line is already "
                f"called {details.brand!r}; link them in the Lines view"
            )
        db.execute("UPDATE lines SET brand = ? WHERE id = ?", [details.brand, line_id])
    _merge_line(db, line_id, areas, details)
    first = min(filter(None, [first_seen, to_iso(row.dates.first_seen)]), default=None)
    last = max(filter(None, [last_seen, to_iso(row.dates.last_seen)]), default=None)
    if (first, last) != (first_seen, last_seen):
        db.execute(
            "UPDATE numbers SET first_seen = ?, last_seen = ? WHERE id = ?",
            [first, last, number_id],
        )
    if db.conn.total_changes == before:
        return "unchanged"
    now = utc_now()
    db.execute("UPDATE numbers SET updated_at = ? WHERE id = ?", [now, number_id])
    db.execute("UPDATE lines SET updated_at = ? WHERE id = ?", [now, line_id])
    return "updated"


def _merged_text(old: str, new: str) -> str:
    if not new or new in old:
        return old
    return f"{old}\n{new}" if old else new


def _new_line(db: sqlite_utils.Database, brand: str, op_id: int) -> int:
    now = utc_now()
    return insert_row(
        db, "lines", {"brand": brand, "operation_id": op_id, "created_at": now, "updated_at": now}
    )


def _merge_line(
    db: sqlite_utils.Database, line_id: int, areas: list[int], details: LineDetails
) -> None:
    link_areas_and_drugs(db, line_id, areas, details.drugs)
    notes, intel = db.execute(
        "SELECT notes, intel_refs FROM lines WHERE id = ?", [line_id]
    ).fetchone()
    merged = _merged_text(notes, details.notes), _merged_text(intel, details.intel_refs)
    if merged != (notes, intel):
        db.execute("UPDATE lines SET notes = ?, intel_refs = ? WHERE id = ?", [*merged, line_id])
