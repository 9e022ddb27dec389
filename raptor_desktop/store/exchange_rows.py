"""The rows a travelling record is read from and written to, as the record kinds share them:
a row by its local id, a row saved (inserted or updated), its times stamped, and the refusal
of an arriving record whose mark another record here already has."""

from __future__ import annotations

import sqlite_utils

from raptor_desktop.core.errors import Refusal
from raptor_desktop.store.database import insert_row, utc_now

Fields = dict[str, object]


def row_of(db: sqlite_utils.Database, sql: str, local_id: int) -> dict[str, object] | None:
    """The one row ``sql`` selects for ``local_id``, by column name, or None."""
    cursor = db.execute(sql, [local_id])
    row = cursor.fetchone()
    return None if row is None else dict(zip([c[0] for c in cursor.description], row, strict=True))


def save_row(db: sqlite_utils.Database, table: str, local_id: int | None, values: Fields) -> int:
    """Insert ``values`` as a new row (no ``local_id``) or update that row; its local id."""
    if local_id is None:
        return insert_row(db, table, values)
    sets = ", ".join(f'"{name}" = ?' for name in values)
    db.execute(f'UPDATE "{table}" SET {sets} WHERE id = ?', [*values.values(), local_id])
    return local_id


def stamped(values: Fields, local_id: int | None) -> Fields:
    """A row's times: updated now, and created now too if it is new."""
    values["updated_at"] = utc_now()
    if local_id is None:
        values["created_at"] = values["updated_at"]
    return values


def as_list(value: object) -> list[object]:
    """A field that travels as a list, refused if it arrived as anything else."""
    if not isinstance(value, list):
        raise ValueError(f"expected a list, not {value!r}")
    return value


class MarkTaken(Refusal):
    """An arriving exhibit's mark, application's reference or line's name is another
    record's here (``other``: that record, when it is known)."""

    def __init__(self, message: str, hint: str = "", other: tuple[str, int] | None = None):
        super().__init__(message, hint)
        self.other = other
