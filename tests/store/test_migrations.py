from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from raptor_desktop.store import migrations
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import DatabaseTooNew, StoreError
from raptor_desktop.store.line_query import LineFilter, list_numbers
from raptor_desktop.store.schema import SCHEMA_VERSION, Migration

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_new_database_is_at_current_version_and_seeded(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = [r[0] for r in store.db.execute("SELECT name FROM areas")]
        assert "Thurrock" in names and "Brentwood" in names and len(names) == 14
        assert not store.training


def test_reopening_does_not_seed_twice(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert store.db.execute("SELECT COUNT(*) FROM areas").fetchone()[0] == 14


def test_version_1_file_is_migrated_with_its_data_and_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "register-v1.sqlite3", path)
    with Store.open(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "evidence" in store.db.table_names()
        rows = list_numbers(store, LineFilter())
        assert [(r["display"], r["line"], r["areas"]) for r in rows] == [
            ("07700 900101", "Tony", ["Thurrock"])
        ]
        assert store.training
    backups = list((tmp_path / "backups").glob("old.v1-before-migration-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 1


def test_migrating_twice_is_harmless(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "register-v1.sqlite3", path)
    Store.open(path).close()
    with Store.open(path) as store:
        assert store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 1


def test_newer_database_is_refused_untouched(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are not the droids " * 200)
    with pytest.raises(StoreError, match="not a Raptor Desktop database") as caught:
        Store.open(path)
    assert caught.value.hint


def test_full_disk_gets_a_clear_message_and_no_damage(db_path: Path) -> None:
    from raptor_desktop.core.lines import LineDetails
    from raptor_desktop.store.lines import add_number

    with Store.open(db_path, training=True) as store:
        add_number(store, "07700 900101", LineDetails(brand="Tony"))
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
        with pytest.raises(StoreError, match="The disk is full") as caught:
            for n in range(100):
                add_number(store, f"07700 9002{n:02d}", LineDetails(notes="x" * 5000))
        assert "Free some space" in caught.value.hint
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store.open(db_path) as store:
        assert store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] >= 1


def test_version_7_keeps_review_decisions_and_admits_contacts(tmp_path: Path) -> None:
    from raptor_desktop.store.migrations import apply_migration
    from raptor_desktop.store.schema import MIGRATIONS

    path = tmp_path / "v6.sqlite3"
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS:
        if migration.version <= 6:
            apply_migration(conn, migration)
    conn.execute(
        "INSERT INTO reviews (record_kind, record_id, decision, reason, next_review, "
        "decided_at, decided_by) VALUES ('line', 4, 'keep', 'live case', '2030-01-01', "
        "'2026-11-01T10:00:00Z', 'admin')"
    )
    conn.commit()
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO reviews (record_kind, record_id, decision, reason, decided_at, "
            "decided_by) VALUES ('contact', 1, 'dispose', 'x', 'now', 'admin')"
        )
    conn.close()
    with Store.open(path, training=True, actor="tester") as store:
        rows = store.db.execute("SELECT record_kind, record_id, reason FROM reviews").fetchall()
        assert rows == [("line", 4, "live case")]
        store.db.execute(
            "INSERT INTO reviews (record_kind, record_id, decision, reason, decided_at, "
            "decided_by) VALUES ('contact', 1, 'dispose', 'x', 'now', 'admin')"
        )
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert list((tmp_path / "backups").glob("v6.v6-before-migration-*.sqlite3"))


def _schema(monkeypatch: pytest.MonkeyPatch, *steps: Migration) -> None:
    """Make ``steps`` the schema that :func:`migrations.migrate` brings a database to."""
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", steps[-1].version)


THINGS = Migration(1, "things", "CREATE TABLE things (kind TEXT); INSERT INTO things VALUES ('a');")


def test_a_python_step_runs_after_its_sql_in_the_same_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def fill(conn: sqlite3.Connection) -> None:
        assert conn.in_transaction
        calls.append(migrations.schema_version(conn))
        conn.execute("INSERT INTO kinds SELECT DISTINCT kind FROM things")

    kinds = Migration(2, "kinds of things", "CREATE TABLE kinds (kind TEXT);", step=fill)
    _schema(monkeypatch, THINGS, kinds)
    conn = sqlite3.connect(tmp_path / "steps.sqlite3")
    assert migrations.migrate(conn, "steps.sqlite3", None) == 0
    assert calls == [1]  # after the SQL (its table is there), before the version bump
    assert conn.execute("SELECT kind FROM kinds").fetchall() == [("a",)]
    assert migrations.schema_version(conn) == 2
    # Opening again, or another process that read version 1 before this one migrated: no rerun.
    migrations.migrate(conn, "steps.sqlite3", None)
    migrations.apply_migration(conn, kinds)
    assert calls == [1]
    assert conn.execute("SELECT kind FROM kinds").fetchall() == [("a",)]
    conn.close()


def test_a_python_step_that_fails_rolls_back_its_sql_and_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE things SET kind = 'b'")
        raise ValueError("the step failed half-way")

    _schema(monkeypatch, THINGS, Migration(2, "kinds", "CREATE TABLE kinds (k);", step=half_done))
    path = tmp_path / "steps.sqlite3"
    conn = sqlite3.connect(path)
    with pytest.raises(ValueError, match="half-way"):
        migrations.migrate(conn, str(path), None)
    assert not conn.in_transaction
    conn.close()
    with closing(sqlite3.connect(path)) as conn:
        assert migrations.schema_version(conn) == 1
        assert conn.execute("SELECT kind FROM things").fetchall() == [("a",)]
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'kinds'").fetchone()
