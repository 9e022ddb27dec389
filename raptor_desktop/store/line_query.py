"""Finding numbers in the register: filtered and sorted in SQL, fetched a block at a time.

The Lines view and ``raptor lines`` both read through here. Matching ids are fetched first (a
list of integers is cheap even for 100,000 numbers); the cells of a row are fetched only when a
block of rows is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from raptor_desktop.core.numbers import national_format, search_digits
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.database import Store, no_cycle_collection

AREAS_OF_LINE = (
    "(SELECT group_concat(name, '; ') FROM (SELECT a.name FROM line_areas la "
    "JOIN areas a ON a.id = la.area_id WHERE la.line_id = n.line_id ORDER BY a.name))"
)

SORT_KEYS = {
    "number": "n.search_digits",
    "line": "l.brand COLLATE NOCASE",
    "areas": AREAS_OF_LINE,
    "status": "n.status",
    "first_seen": "n.first_seen",
    "last_seen": "n.last_seen",
    "range_holder": "n.range_holder",
    "operation": "o.name",
}


LINES_IN_AREA = (
    "SELECT la.line_id FROM line_areas la JOIN areas a ON a.id = la.area_id "
    "WHERE a.name = ? COLLATE NOCASE"
)
"""The lines serving the area named by the one parameter (the Lines view, a scope)."""


@dataclass
class LineFilter:
    """What the officer asked to see."""

    text: str = ""
    area: str | None = None
    status: Status | None = None
    sort: str = "number"
    descending: bool = False
    only: tuple[int, ...] | None = None  # these numbers only (a chart's bar, clicked)

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        text = self.text.strip()
        if text:
            digits = search_digits(text)
            if digits is not None:
                clauses.append("(n.search_digits LIKE ? OR l.brand LIKE ? ESCAPE '\\')")
                params += [f"%{digits}%", f"%{_escape_like(text)}%"]
            else:
                clauses.append("l.brand LIKE ? ESCAPE '\\'")
                params.append(f"%{_escape_like(text)}%")
        if self.area:
            clauses.append(f"n.line_id IN ({LINES_IN_AREA})")
            params.append(self.area)
        if self.status:
            clauses.append("n.status = ?")
            params.append(self.status.value)
        if self.only is not None:
            clauses.append(f"n.id IN ({','.join(str(int(i)) for i in self.only) or 'NULL'})")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_FROM = (
    " FROM numbers n JOIN lines l ON l.id = n.line_id JOIN operations o ON o.id = l.operation_id"
)


def matching_sql(flt: LineFilter, columns: str | None = None) -> tuple[str, list[object]]:
    """The query of the numbers ``flt`` matches, in its order: their cells, or ``columns``."""
    columns = columns or ", ".join(ROW_COLUMNS)
    where, params = flt.where()
    key = SORT_KEYS.get(flt.sort, SORT_KEYS["number"])
    direction = "DESC" if flt.descending else "ASC"
    return f"SELECT {columns}{_FROM}{where} ORDER BY {key} {direction}, n.id {direction}", params


def matching_ids(store: Store, flt: LineFilter) -> list[int]:
    """Ids of the numbers that match, in the requested order."""
    sql, params = matching_sql(flt, "n.id")
    return [r[0] for r in store.db.execute(sql, params)]


ROW_COLUMNS = (
    "n.id",
    "n.e164",
    "l.brand",
    AREAS_OF_LINE,
    "n.status",
    "n.first_seen",
    "n.last_seen",
    "n.range_holder",
    "n.provider_confirmed",
    "o.name",
    "n.crown_dependency",
    "n.line_id",
)
ROW_KEYS = (
    "id",
    "number",
    "line",
    "areas",
    "status",
    "first_seen",
    "last_seen",
    "range_holder",
    "provider_confirmed",
    "operation",
    "crown_dependency",
    "line_id",
)


def rows_by_id(store: Store, ids: Iterable[int]) -> dict[int, dict[str, object]]:
    """The cells of the given numbers, keyed by id (areas as a list of names)."""
    id_list = list(ids)
    found: dict[int, dict[str, object]] = {}
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT {', '.join(ROW_COLUMNS)}{_FROM} WHERE n.id IN ({marks})"
        for values in store.db.execute(sql, chunk):
            found[int(values[0])] = _row(values)
    return found


def _row(values: tuple[object, ...]) -> dict[str, object]:
    row = dict(zip(ROW_KEYS, values))  # noqa: B905 (ROW_KEYS and ROW_COLUMNS pair up)
    areas = row["areas"]
    row["areas"] = areas.split("; ") if isinstance(areas, str) and areas else []
    row["display"] = national_format(str(row["number"]))
    return row


def list_numbers(store: Store, flt: LineFilter) -> list[dict[str, object]]:
    """Every matching number with its cells, in order (for the command line and exports):
    one query, where the Lines view reads ids first and then a block of rows at a time."""
    sql, params = matching_sql(flt)
    with no_cycle_collection():
        return [_row(values) for values in store.db.execute(sql, params)]


NATIONAL_FORMAT = (
    "CASE WHEN n.e164 LIKE '+447%' AND length(n.e164) = 13 "
    "THEN '0' || substr(n.e164, 4, 4) || ' ' || substr(n.e164, 8) ELSE n.e164 END"
)
"""``core.numbers.national_format`` in SQL (the tests hold the two to the same answers)."""

JSON_KEYS = ("number", "display", *(k for k in ROW_KEYS if k not in ("id", "number", "line_id")))
"""What ``raptor lines --json`` gives of each number: the row's cells, its ids left out."""
_JSON_VALUES = {
    "number": "n.e164",
    "display": NATIONAL_FORMAT,
    "line": "l.brand",
    "areas": "(SELECT json_group_array(name) FROM (SELECT a.name FROM line_areas la "
    "JOIN areas a ON a.id = la.area_id WHERE la.line_id = n.line_id ORDER BY a.name))",
    "status": "n.status",
    "first_seen": "n.first_seen",
    "last_seen": "n.last_seen",
    "range_holder": "n.range_holder",
    "provider_confirmed": "n.provider_confirmed",
    "operation": "o.name",
    "crown_dependency": "n.crown_dependency",
}


def numbers_json(store: Store, flt: LineFilter) -> tuple[str, int]:
    """Every matching number as a JSON array, one record a line, and how many: each record
    is written by SQLite (``json_object``), not built in Python and encoded (three times
    the time of the query itself over 100,000 numbers)."""
    pairs = ", ".join(f"'{key}', {_JSON_VALUES[key]}" for key in JSON_KEYS)
    sql, params = matching_sql(flt, f"json_object({pairs})")
    records = [row[0] for row in store.db.execute(sql, params)]
    return "[\n" + ",\n".join(records) + "\n]", len(records)


def counts_by_status(store: Store) -> dict[str, int]:
    return dict(store.db.execute("SELECT status, COUNT(*) FROM numbers GROUP BY status").fetchall())
