"""Applying an imported spreadsheet to the register in one transaction.

Either every valid row of the file lands or nothing does. A number already stored is merged
(areas, drugs, notes, dates), never duplicated, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import string
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
from raptor_desktop.core.numbers import MobileNumber
from raptor_desktop.core.statuses import Status
from raptor_desktop.core.tabular import Table
from raptor_desktop.store.database import Store, insert_rows, utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.importing import (
    HeldRows,
    ImportResult,
    NewIds,
    Progress,
    RowRejected,
    import_rows,
)
from raptor_desktop.store.lines import (
    line_for_brand,
    link_areas_and_drugs,
    number_record,
    status_record,
)
from raptor_desktop.store.reference import area_ids, existing_operation_id, operation_id
from raptor_desktop.store.settings import operation_or_default


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
    lookups = _Lookups(store.db, operation_or_default(store, ""))
    new_numbers = _NewNumbers(store.actor, date.today(), lookups.new_lines)

    def area_problem(names: list[str]) -> str | None:
        try:
            lookups.areas(names)
        except RecordNotFound as error:
            return str(error)
        return None

    def read(row_number: int, cells: list[str]) -> ImportRow | RejectedRow:
        return read_row(
            mapping, row_number, cells, defaults, training=training, area_check=area_problem
        )

    def apply(db: sqlite_utils.Database, row: ImportRow) -> str:
        areas = lookups.areas(row.details.areas)  # read_row has checked them
        outcome = _apply_row(db, row, areas, source, lookups, new_numbers)
        if outcome == "imported" and not row.details.brand:
            unnamed.append(row.row)
        return outcome

    unnamed: list[int] = []
    result = import_rows(
        store, table, "import lines", read, apply, progress, mapping.ignored, new_numbers
    )
    result.unnamed_rows = unnamed
    return result


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def nocase(text: str) -> str:
    """``text`` as SQLite's ``COLLATE NOCASE`` compares it: ASCII letters folded, no others
    ("ÉCLAIR" and "éclair" are two brands to the register, so they are two here too)."""
    return text.translate(_ASCII_LOWER)


class _Lookups:
    """What rows look up again and again, read once per import: the areas' ids, the
    operations' ids, each brand's line, and the details already merged into a line (a line
    named on 2,000 rows is merged once for each different thing they say about it)."""

    def __init__(self, db: sqlite_utils.Database, default_operation: str) -> None:
        self._db = db
        self.default_operation = default_operation  # for rows that name none
        self._areas: dict[tuple[str, ...], list[int]] = {}
        self._operations: dict[str, int | None] = {}
        self._lines: dict[tuple[str, int], int] = {}
        self.merged: set[tuple[object, ...]] = set()
        self.new_lines = _NewLines()

    def areas(self, names: list[str]) -> list[int]:
        key = tuple(nocase(name) for name in names)
        if key not in self._areas:
            self._areas[key] = area_ids(self._db, names)
        return self._areas[key]

    def existing_operation(self, name: str) -> int | None:
        key = nocase(name)
        if self._operations.get(key) is None:
            self._operations[key] = existing_operation_id(self._db, name)
        return self._operations[key]

    def operation(self, name: str) -> int:
        """The operation's id, the operation added if it is new."""
        found = self.existing_operation(name)
        if found is None:
            found = self._operations[nocase(name)] = operation_id(self._db, name)
        return found

    def line(self, brand: str, op_id: int) -> int | None:
        """The line of ``brand`` in the operation (None for no brand or no such line)."""
        key = (nocase(brand), op_id)
        if key not in self._lines:
            found = line_for_brand(self._db, brand, op_id)
            if found is None:
                return None
            self._lines[key] = found
        return self._lines[key]

    def new_line(self, brand: str, op_id: int) -> int:
        line_id = self.new_lines.add(self._db, brand, op_id)
        if brand:
            self._lines[(nocase(brand), op_id)] = line_id
        return line_id


class _NewLines:
    """The lines an import adds, with their areas, drugs, notes and intelligence references,
    held until the numbers on them are written (just before those: a number refers to its
    line). Each is given the id SQLite would give it, as the numbers are (``HeldRows``); what
    later rows say about a line still held is merged into it here, not in the register."""

    def __init__(self) -> None:
        self._lines: dict[int, dict[str, object]] = {}
        self._areas: dict[int, dict[int, None]] = {}  # dicts as ordered sets
        self._drugs: dict[int, dict[str, None]] = {}
        self._ids = NewIds("lines")
        self.changes = 0

    def add(self, db: sqlite_utils.Database, brand: str, op_id: int) -> int:
        line_id, now = self._ids.take(db), utc_now()
        self.changes += 1
        self._lines[line_id] = {
            "id": line_id,
            "brand": brand,
            "operation_id": op_id,
            "intel_refs": "",
            "notes": "",
            "created_at": now,
            "updated_at": now,
        }
        self._areas[line_id], self._drugs[line_id] = {}, {}
        return line_id

    def merge(self, line_id: int, areas: list[int], details: LineDetails) -> bool:
        """Merge into the line if it is held here; False if it is in the register."""
        line = self._lines.get(line_id)
        if line is None:
            return False
        self.changes += 1
        self._areas[line_id].update(dict.fromkeys(areas))
        self._drugs[line_id].update(dict.fromkeys(details.drugs))
        line["notes"] = _merged_text(str(line["notes"]), details.notes)
        line["intel_refs"] = _merged_text(str(line["intel_refs"]), details.intel_refs)
        return True

    def write(self, db: sqlite_utils.Database) -> None:
        insert_rows(db, "lines", list(self._lines.values()))
        areas: list[dict[str, object]] = [
            {"line_id": i, "area_id": a} for i, held in self._areas.items() for a in held
        ]
        drugs: list[dict[str, object]] = [
            {"line_id": i, "drug": d} for i, held in self._drugs.items() for d in held
        ]
        insert_rows(db, "line_areas", areas)
        insert_rows(db, "line_drugs", drugs)
        self._lines, self._areas, self._drugs = {}, {}, {}


class _NewNumbers(HeldRows[ImportRow]):
    """The numbers an import adds, with their first status entries, written together."""

    def __init__(self, actor: str, today: date, lines: _NewLines) -> None:
        super().__init__("numbers", "status_changes")
        self._actor = actor
        self._lines = lines
        # first seen, for a row that does not say: asked once, as date.today() imports the
        # time module on every call, through PySide6's import hook once the window is loaded
        self.today = today

    def add(
        self,
        db: sqlite_utils.Database,
        number: MobileNumber,
        line_id: int,
        dates: SeenDates,
        note: str,
    ) -> None:
        now, number_id = utc_now(), self.new_id(db)
        record = {"id": number_id, **number_record(number, line_id, Status.IDENTIFIED, dates, now)}
        history = status_record(number_id, None, Status.IDENTIFIED, self._actor, note, now)
        self.hold(db, number.e164, record, history)

    @property
    def changes(self) -> int:
        return self.held_changes + self._lines.changes

    def write(self, db: sqlite_utils.Database) -> None:
        self._lines.write(db)  # first: the numbers refer to them
        super().write(db)


def _apply_row(
    db: sqlite_utils.Database,
    row: ImportRow,
    areas: list[int],
    source: str,
    lookups: _Lookups,
    new_numbers: _NewNumbers,
) -> str:
    """Add or merge one row; returns 'imported', 'updated' or 'unchanged'. Every refusal
    comes before the first write."""
    details = row.details
    operation = details.operation or lookups.default_operation
    existing = db.execute(
        "SELECT n.id, n.line_id, l.brand, n.first_seen, n.last_seen "
        "FROM numbers n JOIN lines l ON l.id = n.line_id WHERE n.e164 = ?",
        [row.number.e164],
    ).fetchone()
    if existing is None:
        op_id = lookups.operation(operation)
        line_id = lookups.line(details.brand, op_id) or lookups.new_line(details.brand, op_id)
        _merge_line(db, line_id, areas, details, lookups)
        dates = SeenDates(row.dates.first_seen or new_numbers.today, row.dates.last_seen)
        new_numbers.add(db, row.number, line_id, dates, f"imported from {source} row {row.row}")
        return "imported"
    number_id, line_id, brand, first_seen, last_seen = existing
    if details.brand and brand and nocase(details.brand) != nocase(brand):
        raise RowRejected(
            f"{row.number.display} is already in the register on line {brand!r}, "
            f"not {details.brand!r}"
        )
    before = db.conn.total_changes
    if details.brand and not brand:
        known = lookups.existing_operation(operation)
        if known is not None and lookups.line(details.brand, known) is not None:
            raise RowRejected(
                f"{row.number.display} is on an unnamed line here, and another line is "
                f"already called {details.brand!r}: leave the brand out of this row, or, if "
                "they are one deal line, have a supervisor make the two lines one (Line → Make "
                "two lines one…)"
            )
        db.execute("UPDATE lines SET brand = ? WHERE id = ?", [details.brand, line_id])
    _merge_line(db, line_id, areas, details, lookups)
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


def _merge_line(
    db: sqlite_utils.Database,
    line_id: int,
    areas: list[int],
    details: LineDetails,
    lookups: _Lookups,
) -> None:
    """Add the row's areas, drugs, notes and intelligence references to the line, unless the
    same were merged into it already in this import (merging again would change nothing)."""
    key = (line_id, tuple(areas), tuple(details.drugs), details.notes, details.intel_refs)
    merged = lookups.merged
    if key in merged:
        return
    if not lookups.new_lines.merge(line_id, areas, details):
        link_areas_and_drugs(db, line_id, areas, details.drugs)
        notes, intel = db.execute(
            "SELECT notes, intel_refs FROM lines WHERE id = ?", [line_id]
        ).fetchone()
        combined = _merged_text(notes, details.notes), _merged_text(intel, details.intel_refs)
        if combined != (notes, intel):
            db.execute(
                "UPDATE lines SET notes = ?, intel_refs = ? WHERE id = ?", [*combined, line_id]
            )
    merged.add(key)  # held or written: merging the same again changes nothing
