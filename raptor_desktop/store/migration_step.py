"""What one numbered migration of the schema is (``store/schema.py`` lists them), and the
steps several of them share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from raptor_desktop.store.engine import Connection


@dataclass(frozen=True)
class Migration:
    """One numbered step: its ``sql``, then its Python ``step``, then the version bump, in one
    transaction. ``step`` gets the migrating connection; it must not commit or roll back, and
    should change nothing outside the database: if it fails, it is rolled back with the SQL and
    tried again at the next opening; once applied (by another process, say) it is not run again.
    ``keyed_step`` is the same, given the register's key as well.
    """

    version: int
    title: str
    sql: str = ""
    step: Callable[[Connection], None] | None = None
    keyed_step: Callable[[Connection, bytes], None] | None = None
    vacuum_first: bool = False  # the file rewritten (VACUUM) before migrating to it


def add_text_columns(*columns: tuple[str, str]) -> Callable[[Connection], None]:
    """A step adding text columns (empty by default), each ``(table, column)`` once: like the
    ``IF NOT EXISTS`` of the steps before it, safe to run over a register that has them
    (SQLite has no ADD COLUMN IF NOT EXISTS)."""

    def add(conn: Connection) -> None:
        for table, column in columns:
            present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if column not in present:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")

    return add
