"""Bringing a database up to the current schema, one numbered step at a time.

Each step (its SQL, then its Python function if it has one) runs in one transaction together
with its ``PRAGMA user_version`` bump, so a crash or an error leaves the database at the old or
the new version, never between. Before an existing database is migrated it is copied with
SQLite's backup API.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from raptor_desktop.store import engine
from raptor_desktop.store.engine import Connection
from raptor_desktop.store.errors import DatabaseTooNew, NotARegister
from raptor_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration

log = logging.getLogger(__name__)


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _statements(sql: str) -> list[str]:
    """Split a script into statements (a trigger's body keeps its inner semicolons)."""
    statements, current = [], ""
    for part in sql.split(";"):
        current += part + ";"
        if engine.sqlite.complete_statement(current):
            if current.strip(" \n;"):
                statements.append(current.strip())
            current = ""
    return statements


def apply_migration(conn: Connection, migration: Migration, key: bytes | None) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        if schema_version(conn) >= migration.version:  # another process got here first
            conn.execute("ROLLBACK")
            return
        for statement in _statements(migration.sql):
            conn.execute(statement)
        if migration.step is not None:
            migration.step(conn)
        if migration.keyed_step is not None:
            if key is None:
                raise ValueError(f"migration {migration.version} needs the register's key")
            migration.keyed_step(conn, key)
        conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    log.info("migrated database to version %d (%s)", migration.version, migration.title)


def backup_copy(conn: Connection, target: Path, key: bytes | None) -> Path:
    """Copy the open database to ``target`` with the online backup API, encrypted with the
    same ``key``: no copy of a register is ever written in the clear."""
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = engine.connect(str(target), key)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target


def refuse_foreign(conn: Connection, path: str) -> None:
    """Refuse, before anything is written, an SQLite file that another program made: tables
    but no schema version. (An empty file, or a Raptor register of any version, is fine.)"""
    if (
        schema_version(conn) == 0
        and conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    ):
        raise NotARegister(
            f"{path} is an SQLite database of another program, not a Raptor Desktop register",
            "Check --db (or RAPTOR_DB); the file has not been changed.",
        )


def migrate(conn: Connection, path: str, backup_dir: Path | None, key: bytes | None) -> int:
    """Bring the database to :data:`SCHEMA_VERSION`; returns the version it started at.
    ``key`` is the register's key, for the steps that need it and the copy made before
    migrating (an older register is sealed first, then migrated, see ``store.sealing``)."""
    start = schema_version(conn)
    if start > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"{path} was written by a newer version of Raptor Desktop "
            f"(database version {start}, this program reads up to {SCHEMA_VERSION})",
            "Install the newer Raptor Desktop to open it; the file has not been changed.",
        )
    pending = [m for m in MIGRATIONS if m.version > start]
    if start > 0 and any(m.vacuum_first for m in pending):
        # Rewritten first, the copy kept before migrating included: what was deleted before
        # v14 overwrote deletions is in no free page of either (nor in the WAL, emptied).
        # VACUUM changes no record, and cannot run inside a migration's transaction.
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if pending and start > 0 and backup_dir is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        name = f"{Path(path).stem}.v{start}-before-migration-{stamp}.sqlite3"
        backup_copy(conn, backup_dir / name, key)
    for migration in pending:
        apply_migration(conn, migration, key)
    return start
