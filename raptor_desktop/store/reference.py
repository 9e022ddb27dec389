"""Areas and operations: the editable lists a line refers to."""

from __future__ import annotations

import sqlite_utils

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.database import Store, insert_row
from raptor_desktop.store.errors import Conflict, RecordNotFound


def area_names(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT name FROM areas ORDER BY name")]


def court_names(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT name FROM courts ORDER BY name")]


def operation_names(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT name FROM operations ORDER BY name")]


def line_names(store: Store, operation: str) -> list[str]:
    """The names of the operation's lines, in order (those with no name left out)."""
    return [
        str(r[0])
        for r in store.db.execute(
            "SELECT l.brand FROM lines l JOIN operations o ON o.id = l.operation_id "
            "WHERE o.name = ? AND l.brand <> '' ORDER BY l.brand COLLATE NOCASE",
            [operation],
        )
    ]


def area_ids(db: sqlite_utils.Database, names: list[str]) -> list[int]:
    """Ids of the named areas (any case); RecordNotFound names the first unknown one."""
    ids = []
    for name in names:
        row = db.execute("SELECT id FROM areas WHERE name = ? COLLATE NOCASE", [name]).fetchone()
        if row is None:
            raise RecordNotFound(
                f"unknown area {name!r}; add it first (Areas view, or `raptor add-area`), "
                "or use one of: "
                + ", ".join(r[0] for r in db.execute("SELECT name FROM areas ORDER BY name"))
            )
        ids.append(row[0])
    return ids


def existing_operation_id(db: sqlite_utils.Database, name: str) -> int | None:
    """The id of the named operation, if it is on the list."""
    clean = " ".join(name.split())
    row = db.execute("SELECT id FROM operations WHERE name = ? COLLATE NOCASE", [clean]).fetchone()
    return int(row[0]) if row else None


def operation_id(db: sqlite_utils.Database, name: str) -> int:
    """The id of the named operation, adding it to the list if it is new."""
    found = existing_operation_id(db, name)
    return (
        found
        if found is not None
        else insert_row(db, "operations", {"name": " ".join(name.split())})
    )


def add_area(store: Store, name: str) -> int:
    clean = " ".join(name.split())
    if not clean:
        raise InputRejected("an area needs a name")
    if ";" in clean:  # a line's areas are written "Basildon; Thurrock", and read so from files
        raise InputRejected(
            f"an area's name cannot hold ';' ({clean!r}): it separates the areas of a line, "
            "in a spreadsheet's cell as in the Lines view"
        )
    with store.transaction("add area", clean) as db:
        if db.execute("SELECT 1 FROM areas WHERE name = ? COLLATE NOCASE", [clean]).fetchone():
            raise Conflict(f"the area {clean!r} already exists")
        return insert_row(db, "areas", {"name": clean})


def area_status_counts(store: Store) -> list[dict[str, object]]:
    """Per area: how many lines it has, by the status of each line's current number.

    A line's current number is the one most recently first seen (ties: most recently added).
    """
    rows = store.db.execute(
        """
        WITH current AS (
            SELECT n.line_id, n.status FROM numbers n
            WHERE n.id = (SELECT n2.id FROM numbers n2 WHERE n2.line_id = n.line_id
                          ORDER BY n2.first_seen DESC, n2.id DESC LIMIT 1)
        )
        SELECT a.name, c.status, COUNT(c.line_id)
        FROM areas a
        LEFT JOIN line_areas la ON la.area_id = a.id
        LEFT JOIN current c ON c.line_id = la.line_id
        GROUP BY a.id, c.status
        ORDER BY a.name
        """
    ).fetchall()
    table: dict[str, dict[str, object]] = {}
    for name, status, count in rows:
        entry = table.setdefault(name, {"area": name, "total": 0, **{s.value: 0 for s in Status}})
        if status is not None:
            entry[status] = count
            entry["total"] = int(entry["total"]) + count  # type: ignore[call-overload]
    return list(table.values())
