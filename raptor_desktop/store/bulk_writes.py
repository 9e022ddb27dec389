"""Many new rows of one table at once, and their index rows and global ids with them (v17).

Each new line, number, status entry and contact gets a row in the search index and (if it travels)
a global id and journal stamp from its table's insert triggers. Through a trigger, FTS5 takes
five to six times as long for the same index rows as one ``INSERT … SELECT`` does (20,000
numbers: 0.39 s against 0.07 s, measured side by side), and it was a third of an import's
time. So, while :func:`insert_many` writes a batch, it names the table in ``bulk_writes``,
those two triggers stand aside (their ``WHEN`` clause), and it then writes the batch's index
rows and global ids itself, each with one statement built from the same definitions as the
triggers, in the same transaction. The name is removed again before :func:`insert_many`
returns, so no transaction commits with it there; ``raptor verify`` reports it if one did.
"""

from __future__ import annotations

import sqlite_utils

from raptor_desktop.store import exchange_schema, search_index

TABLES = ("lines", "numbers", "status_changes", "contacts")
"""The tables an import fills in thousands."""

CREATE = "CREATE TABLE IF NOT EXISTS bulk_writes (name TEXT PRIMARY KEY) WITHOUT ROWID;"


def _unless_bulk(table: str) -> str:
    return f"NOT EXISTS (SELECT 1 FROM bulk_writes WHERE name = '{table}')"


def bulk_sql() -> str:
    """Schema v17: ``bulk_writes``, and the insert triggers of :data:`TABLES` made again to
    stand aside while their table is named there."""
    parts = [CREATE]
    for table in TABLES:
        source = search_index.source_for(table)
        if source is not None:
            parts.append(f"DROP TRIGGER IF EXISTS search_{table}_insert;")
            parts.append(search_index.insert_trigger_sql(source, _unless_bulk(table)))
        item = exchange_schema.travelling_for(table)
        if item is not None:
            parts.append(f"DROP TRIGGER IF EXISTS exchange_{table}_insert;")
            parts.append(exchange_schema.insert_trigger_sql(item, _unless_bulk(table)))
    return "\n".join(parts)


def insert_many(
    db: sqlite_utils.Database,
    table: str,
    sql: str,
    values: list[list[object]],
    gids: list[tuple[int, str]] | None = None,
) -> None:
    """``sql`` (an INSERT into ``table``) for each of ``values``, then the new rows' index
    rows and global ids (``gids``: the ones they came with, by local id, if they came with
    them); inside the caller's transaction, which holds the write lock."""
    if table not in TABLES:
        raise ValueError(f"{table} is not written in bulk")
    before = db.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()[0]
    db.execute("INSERT INTO bulk_writes (name) VALUES (?)", [table])
    try:
        db.conn.executemany(sql, values)
    finally:
        db.execute("DELETE FROM bulk_writes WHERE name = ?", [table])
    new_rows = f"id > {int(before)}"
    source = search_index.source_for(table)
    if source is not None:
        db.execute(search_index.indexed_rows_sql(source, new_rows))
    item = exchange_schema.travelling_for(table)
    if item is None:
        return
    if gids is None:
        for statement in exchange_schema.identified_rows_sql(item, new_rows):
            db.execute(statement)
        return
    tick, given = exchange_schema.given_ids_sql(item)
    db.execute(tick)
    db.conn.executemany(given, gids)


def named_tables(db: sqlite_utils.Database) -> list[str]:
    """Tables left named in ``bulk_writes`` (none, unless the file was changed)."""
    return [name for (name,) in db.execute("SELECT name FROM bulk_writes ORDER BY name")]
