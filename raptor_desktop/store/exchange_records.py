"""Each travelling record as the fields it travels with, and written back from them.

A record travels by its global id; the records it refers to travel by theirs (a number's line,
a status entry's number, an application's numbers), and the lists a line refers to by name (its
operation, its areas). Local bookkeeping (local ids, ``created_at``/``updated_at``, the search
digits, derived from the number) stays behind.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

import sqlite_utils

from raptor_desktop.core.numbers import national_digits
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.database import insert_row
from raptor_desktop.store.exchange_case_records import (
    read_application,
    read_exhibit,
    write_application,
    write_exhibit,
)
from raptor_desktop.store.exchange_ids import (
    NONE_KNOWN,
    Known,
    needed,
    optional,
)
from raptor_desktop.store.exchange_rows import (
    Fields,
    MarkTaken,
    as_list,
    save_row,
    stamped,
)
from raptor_desktop.store.reference import operation_id

LOCAL = "local_id_"
"""The column of a many-record read that holds each record's local id."""


def _rows(db: sqlite_utils.Database, sql: str, local_ids: Sequence[int]) -> dict[int, Fields]:
    """Records by local id from ``sql``, whose one parameter is their ids (JSON) and whose
    first column is :data:`LOCAL`."""
    cursor = db.execute(sql, [json.dumps(list(local_ids))])
    names = [c[0] for c in cursor.description][1:]
    return {row[0]: dict(zip(names, row[1:], strict=True)) for row in cursor}


def _gid_sql(kind: str, column: str) -> str:
    """The global id of the ``kind`` record whose local id ``column`` holds, in a query."""
    return f"(SELECT gid FROM record_ids WHERE kind = '{kind}' AND local_id = {column})"


IDS = "(SELECT value FROM json_each(?))"


LINE_COLUMNS = ("brand", "daily_takings_pence", "takings_source", "intel_refs", "notes")


def read_lines(db: sqlite_utils.Database, line_ids: Sequence[int]) -> dict[int, Fields]:
    rows = _rows(
        db,
        f"SELECT l.id AS {LOCAL}, {', '.join('l.' + c for c in LINE_COLUMNS)}, "
        "o.name AS operation FROM lines l JOIN operations o ON o.id = l.operation_id "
        f"WHERE l.id IN {IDS}",
        line_ids,
    )
    for row in rows.values():
        row["areas"], row["drugs"] = [], []
    found = json.dumps(list(rows))
    for list_name, sql in (
        (
            "areas",
            "SELECT x.line_id, a.name FROM line_areas x JOIN areas a ON a.id = x.area_id "
            f"WHERE x.line_id IN {IDS} ORDER BY x.line_id, a.name COLLATE NOCASE",
        ),
        ("drugs", f"SELECT line_id, drug FROM line_drugs WHERE line_id IN {IDS} ORDER BY 1, 2"),
    ):
        for line_id, name in db.execute(sql, [found]):
            cast(list[object], rows[line_id][list_name]).append(name)
    return rows


def _area_id(db: sqlite_utils.Database, name: str) -> int:
    found = db.execute("SELECT id FROM areas WHERE name = ? COLLATE NOCASE", [name]).fetchone()
    return int(found[0]) if found else insert_row(db, "areas", {"name": name})


def _line_row(db: sqlite_utils.Database, line_id: int | None, fields: Fields) -> Fields:
    values: Fields = {c: fields[c] for c in LINE_COLUMNS}
    values["operation_id"] = operation_id(db, str(fields["operation"]))
    brand = str(values["brand"] or "")
    clash = db.execute(
        "SELECT id FROM lines WHERE operation_id = ? AND brand = ? COLLATE NOCASE "
        "AND brand <> '' AND id IS NOT ?",
        [values["operation_id"], brand, line_id],
    ).fetchone()
    if clash is not None:
        raise MarkTaken(
            f"line {brand!r} in {fields['operation']} is another line here: a line was given "
            "that brand on one workstation while another line had it on this one",
            "Merge the two lines on one workstation (or rename one), then send again.",
            other=("line", int(clash[0])),
        )
    return stamped(values, line_id)


def let_go_of_name(db: sqlite_utils.Database, line_id: int) -> None:
    """The line's name taken from it (an arriving package gives another line that name, and
    this one a new name, in the same transaction)."""
    db.execute("UPDATE lines SET brand = '' WHERE id = ?", [line_id])


def write_line(db: sqlite_utils.Database, line_id: int | None, fields: Fields) -> int:
    line_id = save_row(db, "lines", line_id, _line_row(db, line_id, fields))
    _write_line_lists(db, line_id, fields)
    return line_id


def _line_lists(
    db: sqlite_utils.Database, fields: Fields, area_ids: dict[str, int]
) -> list[tuple[str, str, list[object]]]:
    """The tables of a line's lists, their column, and what its fields put there (an area by
    its id: ``area_ids`` remembers those found)."""
    areas: list[object] = []
    for name in map(str, as_list(fields["areas"])):
        if name not in area_ids:
            area_ids[name] = _area_id(db, name)
        areas.append(area_ids[name])
    drugs: list[object] = [str(drug) for drug in as_list(fields["drugs"])]
    return [("line_areas", "area_id", areas), ("line_drugs", "drug", drugs)]


def _insert_listed(
    db: sqlite_utils.Database, table: str, column: str, rows: list[tuple[int, object]]
) -> None:
    db.conn.executemany(f"INSERT OR IGNORE INTO {table} (line_id, {column}) VALUES (?, ?)", rows)


def _write_line_lists(db: sqlite_utils.Database, line_id: int, fields: Fields) -> None:
    """The line's areas and drugs: those its fields name, and no others."""
    for table, column, values in _line_lists(db, fields, {}):
        marks = ",".join("?" * len(values)) or "NULL"
        db.execute(
            f"DELETE FROM {table} WHERE line_id = ? AND {column} NOT IN ({marks})",
            [line_id, *values],
        )
        _insert_listed(db, table, column, [(line_id, value) for value in values])


def new_lines_lists(db: sqlite_utils.Database, lines: list[tuple[int, Fields]]) -> None:
    """New lines' areas and drugs (by line id), each table's rows with one statement."""
    area_ids: dict[str, int] = {}
    rows: dict[tuple[str, str], list[tuple[int, object]]] = {}
    for line_id, fields in lines:
        for table, column, values in _line_lists(db, fields, area_ids):
            rows.setdefault((table, column), []).extend((line_id, value) for value in values)
    for (table, column), listed in rows.items():
        _insert_listed(db, table, column, listed)


NUMBER_COLUMNS = (
    "e164",
    "status",
    "first_seen",
    "last_seen",
    "range_holder",
    "provider_confirmed",
    "crown_dependency",
)


def read_numbers(db: sqlite_utils.Database, number_ids: Sequence[int]) -> dict[int, Fields]:
    return _rows(
        db,
        f"SELECT id AS {LOCAL}, {', '.join(NUMBER_COLUMNS)}, "
        f"{_gid_sql('line', 'line_id')} AS line, "
        f"{_gid_sql('number', 'replaces_number_id')} AS replaces FROM numbers WHERE id IN {IDS}",
        number_ids,
    )


def _number_row(
    db: sqlite_utils.Database, number_id: int | None, fields: Fields, known: Known = NONE_KNOWN
) -> Fields:
    values: Fields = {c: fields[c] for c in NUMBER_COLUMNS}
    Status(str(values["status"]))  # ValueError for a status this version does not know
    values["search_digits"] = national_digits(str(fields["e164"]))
    values["line_id"] = needed(db, "line", fields["line"], known)
    values["replaces_number_id"] = optional(db, "number", fields["replaces"], known)
    return stamped(values, number_id)


def write_number(db: sqlite_utils.Database, number_id: int | None, fields: Fields) -> int:
    return save_row(db, "numbers", number_id, _number_row(db, number_id, fields))


@dataclass(frozen=True)
class Simple:
    """A record that is one row: its columns as they are, and the records it refers to by
    global id (field name → the kind it names and the column holding its local id)."""

    table: str
    columns: tuple[str, ...]
    refs: dict[str, tuple[str, str]]
    key: str = "id"  # the row's own id (a closure's is its line's)

    def read_many(self, db: sqlite_utils.Database, local_ids: Sequence[int]) -> dict[int, Fields]:
        refs = [f"{_gid_sql(kind, column)} AS {name}" for name, (kind, column) in self.refs.items()]
        return _rows(
            db,
            f"SELECT {self.key} AS {LOCAL}, {', '.join([*self.columns, *refs])} "
            f"FROM {self.table} WHERE {self.key} IN {IDS}",
            local_ids,
        )

    def row(self, db: sqlite_utils.Database, fields: Fields, known: Known = NONE_KNOWN) -> Fields:
        """The row for a record's fields, the records it refers to found here."""
        values: Fields = {c: fields[c] for c in self.columns}
        for name, (kind, column) in self.refs.items():
            values[column] = optional(db, kind, fields[name], known)
        return values

    def write(self, db: sqlite_utils.Database, local_id: int | None, fields: Fields) -> int:
        values = self.row(db, fields)
        if self.key == "id":
            return save_row(db, self.table, local_id, values)
        if local_id is None:  # its id is the record it belongs to
            insert_row(db, self.table, values)
            return int(str(values[self.key]))
        sets = ", ".join(f'"{name}" = ?' for name in values)
        db.execute(
            f'UPDATE "{self.table}" SET {sets} WHERE {self.key} = ?', [*values.values(), local_id]
        )
        return local_id


STATUS_CHANGES = Simple(
    "status_changes",
    ("from_status", "to_status", "changed_at", "changed_by", "note"),
    {"number": ("number", "number_id")},
)
EVIDENCE = Simple(
    "evidence",
    (
        "kind",
        "occurred_on",
        "location",
        "details",
        "price_pence",
        "reference",
        "recorded_at",
        "recorded_by",
    ),
    {"line": ("line", "line_id")},
)
DEVICES = Simple(
    "devices", ("kind", "value", "added_at", "added_by"), {"number": ("number", "number_id")}
)
ORDERS = Simple(
    "orders",
    (
        "order_date",
        "end_date",
        "period_months",
        "deadline_kind",
        "deadline_at",
        "provider_confirmed_on",
        "created_at",
        "ordered_deadline_at",
        "judge",
        "agreed_on",
        "notice_method",
        "notice_at",
        "notice_to",
        "notice_under",
    ),
    {"application": ("application", "application_id"), "number": ("number", "number_id")},
)
CHECK_BACKS = Simple(
    "check_backs",
    ("after_days", "checked_on", "still_dead", "note", "recorded_at", "recorded_by"),
    {"number": ("number", "number_id")},
)
CLOSURES = Simple(
    "line_closures",
    ("closed_on", "note", "recorded_at", "recorded_by"),
    {"line": ("line", "line_id")},
    key="line_id",
)


@dataclass(frozen=True)
class Bulk:
    """How a kind's new records are written many at a time (``store/exchange_arrivals.py``):
    the table, a new record's row (the records it refers to found here already), and what the
    new records own, written once they have their ids."""

    table: str
    row: Callable[[sqlite_utils.Database, Fields, Known], Fields]
    owned: Callable[[sqlite_utils.Database, list[tuple[int, Fields]]], None] | None = None
    same: Callable[[Fields], object] | None = None
    """What :data:`SAME_AS` finds a record by (a key that two records of it share); None or
    empty when it finds none by it (an unnamed line)."""


@dataclass(frozen=True)
class Kind:
    name: str
    read_many: Callable[[sqlite_utils.Database, Sequence[int]], dict[int, Fields]]
    """Records by local id, as they travel; those not held are left out."""
    write: Callable[[sqlite_utils.Database, int | None, Fields], int]
    bulk: Bulk | None = None

    def read(self, db: sqlite_utils.Database, local_id: int) -> Fields | None:
        return self.read_many(db, [local_id]).get(local_id)


def _one_by_one(
    read: Callable[[sqlite_utils.Database, int], Fields | None],
) -> Callable[[sqlite_utils.Database, Sequence[int]], dict[int, Fields]]:
    """A many-record read of a kind read one record at a time (few of them travel)."""

    def read_many(db: sqlite_utils.Database, local_ids: Sequence[int]) -> dict[int, Fields]:
        return {i: found for i in local_ids if (found := read(db, i)) is not None}

    return read_many


def _folded(value: object) -> str:
    return str(value or "").casefold()


def _same_number(db: sqlite_utils.Database, fields: Fields) -> int | None:
    row = db.execute("SELECT id FROM numbers WHERE e164 = ?", [fields["e164"]]).fetchone()
    return int(row[0]) if row else None


def _same_line(db: sqlite_utils.Database, fields: Fields) -> int | None:
    if not str(fields.get("brand") or ""):
        return None
    row = db.execute(
        "SELECT l.id FROM lines l JOIN operations o ON o.id = l.operation_id "
        "WHERE l.brand = ? COLLATE NOCASE AND l.brand <> '' AND o.name = ? COLLATE NOCASE",
        [fields["brand"], fields["operation"]],
    ).fetchone()
    return int(row[0]) if row else None


KINDS = {
    "line": Kind(
        "line",
        read_lines,
        write_line,
        Bulk(
            "lines",
            lambda db, fields, _known: _line_row(db, None, fields),
            new_lines_lists,
            lambda fields: (
                _folded(fields["brand"])
                and ("line", _folded(fields["operation"]), _folded(fields["brand"]))
            ),
        ),
    ),
    "number": Kind(
        "number",
        read_numbers,
        write_number,
        Bulk(
            "numbers",
            lambda db, fields, known: _number_row(db, None, fields, known),
            same=lambda fields: ("number", fields["e164"]),
        ),
    ),
    "status_change": Kind(
        "status_change",
        STATUS_CHANGES.read_many,
        STATUS_CHANGES.write,
        Bulk("status_changes", STATUS_CHANGES.row),
    ),
    "evidence": Kind("evidence", EVIDENCE.read_many, EVIDENCE.write),
    "device": Kind("device", DEVICES.read_many, DEVICES.write),
    "check_back": Kind("check_back", CHECK_BACKS.read_many, CHECK_BACKS.write),
    "closure": Kind("closure", CLOSURES.read_many, CLOSURES.write),
    "application": Kind("application", _one_by_one(read_application), write_application),
    "exhibit": Kind("exhibit", _one_by_one(read_exhibit), write_exhibit),
    "order": Kind("order", ORDERS.read_many, ORDERS.write),
}
"""In the order records are applied: what a record refers to comes before it."""


def _same_row(
    simple: Simple, natural: tuple[str, ...]
) -> Callable[[sqlite_utils.Database, Fields], int | None]:
    """A local row that is the arriving one by what it is (the same columns and records)."""

    def find(db: sqlite_utils.Database, fields: Fields) -> int | None:
        where: list[str] = []
        params: list[object] = []
        for name in natural:
            if name in simple.refs:
                kind, column = simple.refs[name]
                where.append(f"{column} = ?")
                params.append(needed(db, kind, fields[name]))
            else:
                where.append(f"{name} = ?")
                params.append(fields[name])
        row = db.execute(
            f"SELECT {simple.key} FROM {simple.table} WHERE {' AND '.join(where)}", params
        ).fetchone()
        return int(row[0]) if row else None

    return find


SAME_AS: dict[str, Callable[[sqlite_utils.Database, Fields], int | None]] = {
    "number": _same_number,
    "line": _same_line,
    "device": _same_row(DEVICES, ("number", "kind", "value")),
    "order": _same_row(ORDERS, ("application", "number")),
    "check_back": _same_row(CHECK_BACKS, ("number", "after_days")),
    "closure": _same_row(CLOSURES, ("line",)),
}
"""How to find a local record that is the same as an arriving one with another global id:
a number recorded on two workstations is one number, a named line in an operation one line."""
