"""SQLite errors are sorted by their result code, not by the words of the message."""

from __future__ import annotations

from pathlib import Path

from raptor_desktop.store.engine import sqlite as sqlite3
from raptor_desktop.store.errors import StoreError, translate


def test_a_busy_database_is_told_to_the_user(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute("INSERT INTO t VALUES (1)")
    except sqlite3.OperationalError as error:
        translated = translate(error, str(path))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        other.close()
    assert isinstance(translated, StoreError)
    assert "busy in another copy" in str(translated) and translated.hint


def test_a_file_that_is_not_a_database_is_told_to_the_user(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are not the droids" * 100)
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT * FROM sqlite_master")
    except sqlite3.DatabaseError as error:
        translated = translate(error, str(path))
    finally:
        conn.close()
    assert isinstance(translated, StoreError) and "not a Raptor Desktop database" in str(translated)


def test_a_bug_is_a_bug_whatever_its_message_says() -> None:
    """A missing table whose name reads "readonly…" is a bug, not a read-only disk."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("SELECT * FROM readonly_disk_is_full")
    except sqlite3.OperationalError as error:
        assert "readonly" in str(error)
        assert translate(error, ":memory:") is None
    finally:
        conn.close()
