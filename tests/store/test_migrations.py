from __future__ import annotations

import re
import shutil
import sqlite3 as stdlib_sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import Role
from raptor_desktop.store import engine, migrations
from raptor_desktop.store.accounts import SignInRefused
from raptor_desktop.store.database import Store
from raptor_desktop.store.engine import sqlite as sqlite3
from raptor_desktop.store.errors import DatabaseTooNew, StoreError
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.line_query import LineFilter, list_numbers
from raptor_desktop.store.schema import SCHEMA_VERSION, Migration
from raptor_desktop.store.sealing import LAST_PLAINTEXT_VERSION
from tests.registers import open_store, raw_connection, register_key, sign_in

FIXTURES = Path(__file__).parent.parent / "fixtures"
FIXTURE_VERSIONS = sorted(
    int(m[1])
    for p in FIXTURES.glob("register-v*.sqlite3")
    if (m := re.fullmatch(r"register-v(\d+)\.sqlite3", p.name))
)
PASSWORD = "training-only-password"  # the accounts of the v5+ fixtures (make_old_databases.py)


@contextmanager
def _read_only(path: Path, key_of: Path | None = None) -> Iterator[sqlite3.Connection]:
    """A fixture as it is (plain SQLite), or a sealed register (or a copy of one, with the key
    of ``key_of``) read with its key."""
    if engine.is_plaintext(str(path)):
        conn = stdlib_sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    else:
        conn = engine.connect(str(path), register_key(key_of or path), read_only=True)
    try:
        yield conn
    finally:
        conn.close()


def test_new_database_is_at_current_version_and_seeded(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = [r[0] for r in store.db.execute("SELECT name FROM areas")]
        assert "Thurrock" in names and "Brentwood" in names and len(names) == 14
        assert not store.training


def test_reopening_does_not_seed_twice(db_path: Path) -> None:
    open_store(db_path).close()
    with open_store(db_path) as store:
        assert store.db.execute("SELECT COUNT(*) FROM areas").fetchone()[0] == 14


def test_newer_database_is_refused_untouched(db_path: Path) -> None:
    open_store(db_path).close()
    with raw_connection(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are not the droids " * 200)
    with pytest.raises(StoreError, match="not a Raptor Desktop register") as caught:
        open_store(path)
    assert caught.value.hint


def test_full_disk_gets_a_clear_message_and_no_damage(db_path: Path) -> None:
    from raptor_desktop.core.lines import LineDetails
    from raptor_desktop.store.lines import add_number

    with open_store(db_path, training=True) as store:
        add_number(store, "07700 900101", LineDetails(brand="Tony"))
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
        with pytest.raises(StoreError, match="The disk is full") as caught:
            for n in range(100):
                add_number(store, f"07700 9002{n:02d}", LineDetails(notes="x" * 5000))
        assert "Free some space" in caught.value.hint
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with open_store(db_path) as store:
        assert store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] >= 1


def test_version_7_keeps_review_decisions_and_admits_contacts(tmp_path: Path) -> None:
    from raptor_desktop.store.migrations import apply_migration
    from raptor_desktop.store.schema import MIGRATIONS

    path = tmp_path / "v6.sqlite3"
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS:
        if migration.version <= 6:
            apply_migration(conn, migration, None)
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
    with open_store(path, training=True, actor="tester") as store:
        rows = store.db.execute("SELECT record_kind, record_id, reason FROM reviews").fetchall()
        assert rows == [("line", 4, "live case")]
        store.db.execute(
            "INSERT INTO reviews (record_kind, record_id, decision, reason, decided_at, "
            "decided_by) VALUES ('contact', 1, 'dispose', 'x', 'now', 'admin')"
        )
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    [copy] = (tmp_path / "backups").glob("v6.v6-before-migration-*.sqlite3")
    assert not engine.is_plaintext(str(copy))  # the copy kept is encrypted too


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
    assert migrations.migrate(conn, "steps.sqlite3", None, None) == 0
    assert calls == [1]  # after the SQL (its table is there), before the version bump
    assert conn.execute("SELECT kind FROM kinds").fetchall() == [("a",)]
    assert migrations.schema_version(conn) == 2
    # Opening again, or another process that read version 1 before this one migrated: no rerun.
    migrations.migrate(conn, "steps.sqlite3", None, None)
    migrations.apply_migration(conn, kinds, None)
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
        migrations.migrate(conn, str(path), None, None)
    assert not conn.in_transaction
    conn.close()
    with _read_only(path) as conn:
        assert migrations.schema_version(conn) == 1
        assert conn.execute("SELECT kind FROM things").fetchall() == [("a",)]
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'kinds'").fetchone()


def test_every_schema_version_has_a_fixture_database() -> None:
    assert list(range(1, SCHEMA_VERSION + 1)) == FIXTURE_VERSIONS, (
        "commit tests/fixtures/register-vN.sqlite3 for each released schema version "
        "(see tests/fixtures/make_old_databases.py)"
    )


def _copy_fixture(version: int, folder: Path) -> Path:
    """The fixture, and the note of its log's head where that version wrote one."""
    path = folder / f"register-v{version}.sqlite3"
    shutil.copyfile(FIXTURES / path.name, path)
    for beside in (FIXTURES / f"{path.name}.audit-head", FIXTURES / f"{path.name}.keys"):
        if beside.exists():
            shutil.copyfile(beside, folder / beside.name)
    return path


def _select(
    conn: sqlite3.Connection, table: str, columns: list[str]
) -> Counter[tuple[object, ...]]:
    names = ", ".join(f'"{c}"' for c in columns)
    return Counter(conn.execute(f'SELECT {names} FROM "{table}"').fetchall())


def _rows(conn: sqlite3.Connection) -> dict[str, Counter[tuple[object, ...]]]:
    """Every table's rows, by the columns the table has in this file."""
    rows = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        rows[table] = _select(conn, table, columns)
    return rows


DROPPED = {
    ("applications", "statement_number"),
    ("audit_log", "prev_hash"),
    ("audit_log", "hash"),
    ("users", "password_hash"),
    ("users", "failed_attempts"),
    ("users", "locked_until"),
}
"""Columns a migration drops or rewrites on purpose: v10 counts the statement number instead
of storing it; v11 re-chains the log under the register key (the entries' content is kept,
their hashes become MACs) and drops the password hashes and counts (the key file has them). The
search index and its FTS5 tables are derived from the records, not records themselves: v15
indexes numbers and contacts again by their national digits only (the search tests hold what
it finds)."""


def _assert_old_rows_kept(old: sqlite3.Connection, new: sqlite3.Connection) -> None:
    """Each row of the old file is still in the new one, with the same values in the columns
    it had: migrations add tables, columns and rows; they do not lose or change what was there.
    (A migration that rewrites old rows on purpose must say so here: :data:`DROPPED`.)"""
    for table in _rows(old):
        if table.startswith("search_index"):
            continue
        columns = [
            r[1]
            for r in old.execute(f'PRAGMA table_info("{table}")')
            if (table, r[1]) not in DROPPED
        ]
        lost = _select(old, table, columns) - _select(new, table, columns)
        assert not lost, f"{table}: rows lost or changed by migrating: {sorted(lost)[:5]}"


@pytest.mark.parametrize("version", FIXTURE_VERSIONS)
def test_fixture_is_a_whole_training_database_of_its_version(version: int) -> None:
    path = FIXTURES / f"register-v{version}.sqlite3"
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    sealed = version > LAST_PLAINTEXT_VERSION
    assert engine.is_plaintext(str(path)) != sealed
    assert Path(f"{path}.keys").exists() == sealed
    if not sealed:  # in a sealed file the header is encrypted too
        assert path.read_bytes()[18:20] == b"\x01\x01", "journal mode must be DELETE, not WAL"
    assert path.stat().st_size < 512 * 1024
    with _read_only(path) as conn:
        assert migrations.schema_version(conn) == version
        assert conn.execute("SELECT value FROM meta WHERE key = 'training'").fetchone() == ("1",)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        text = "\n".join(str(row) for rows in _rows(conn).values() for row in rows)
    numbers = set(re.findall(r"(?<![\w-])(?:\+44|0)7\d{3} ?\d{6}(?![\w-])", text))
    assert numbers and all(re.fullmatch(r"(\+44|0)7700 ?900\d{3}", n) for n in numbers), (
        "only numbers from Ofcom's drama range 07700 900000-900999 belong in a fixture"
    )


def _assert_story(store: Store, version: int) -> None:
    """What make_old_databases.py (or make_v1_database.py) recorded, read by today's code."""
    sql = store.db.execute
    rows = [(r["display"], r["line"], r["areas"]) for r in list_numbers(store, LineFilter())]
    if version == 1:
        assert rows == [("07700 900101", "Tony", ["Thurrock"])]
        return
    assert sorted(rows) == [
        ("07700 900101", "Tony", ["Brentwood", "Thurrock"]),
        ("07700 900102", "Tony", ["Brentwood", "Thurrock"]),
    ]
    assert sql(
        "SELECT n.e164 FROM numbers n JOIN numbers r ON r.replaces_number_id = n.id"
    ).fetchall() == [("+447700900101",)]
    assert sql("SELECT kind, value FROM devices").fetchall() == [("IMEI", "490154203237518")]
    assert sql("SELECT kind, price_pence FROM evidence ORDER BY id").fetchall() == [
        ("marketing text", None),
        ("test purchase", 1000),
    ]
    assert sql("SELECT 1 FROM areas WHERE name = 'Lakeside'").fetchone()
    if version >= 3:
        from raptor_desktop.store.orders import list_orders

        assert sql("SELECT reference, court, status FROM applications").fetchall() == [
            ("RAP-2026-001", "County Court at Basildon", "heard")
        ]
        marks = sql("SELECT officer_initials || '/' || seq FROM exhibits").fetchall()
        assert marks == [("RC/1",)]
        [order] = list_orders(store)
        assert (order.reference, order.number, order.duration.months) == (
            "RAP-2026-001",
            "07700 900101",
            6,
        )
        assert sql("SELECT value FROM settings WHERE key = 'end_warning_days'").fetchone() == (
            "21",
        )
        assert sql("SELECT kind FROM holiday_overrides").fetchall() == [("add",)]
    entries = sql("SELECT event FROM audit_log ORDER BY id").fetchall()
    if version >= 4:
        assert ("search lines",) in entries and ("record outcome",) in entries
    if version >= 5:
        assert sign_in(store, "admin", PASSWORD).role.value == "administrator"
        if version <= LAST_PLAINTEXT_VERSION:  # sealed by the administrator's sign-in: pc123
            with pytest.raises(SignInRefused, match="wrong username or password"):
                sign_in(store, "pc123", PASSWORD)  # has no seal until a new password is set
        else:
            assert sign_in(store, "pc123", PASSWORD).role.value == "officer"
            from raptor_desktop.store.profiles import officer_profile

            profile = officer_profile(store)  # from v13 kept; before it, the account's name
            assert profile.described() == (
                "Detective Constable Rachel Carter (71234)"
                if version >= 13
                else "Police Constable Rachel Carter"
            )
    if version >= 6:
        assert ("line", 1, "keep") in sql(
            "SELECT record_kind, record_id, decision FROM reviews"
        ).fetchall()
    if version >= 7:
        from raptor_desktop.store.contacts import list_contacts

        contacts = {c.display: c for c in list_contacts(store)}
        assert sorted(contacts) == [f"07700 90020{n}" for n in range(1, 5)]
        assert contacts["07700 900202"].opted_out_on == "2026-11-25"
        assert contacts["07700 900203"].do_not_contact
        assert sql("SELECT record_kind FROM reviews ORDER BY id").fetchall() == [
            ("line",),
            ("contact",),
        ]
    if version >= 8:
        from raptor_desktop.store.outreach import batch_recipients, list_batches

        [batch] = list_batches(store)
        assert (batch.status.value, batch.recipients) == ("handed over", 2)
        assert [(r.display, r.status.value) for r in batch_recipients(store, batch.reference)] == [
            ("07700 900201", "handed to gateway"),
            ("07700 900204", "not delivered"),
        ]


@pytest.mark.parametrize("version", FIXTURE_VERSIONS)
def test_each_old_database_opens_at_the_current_version_with_its_data(
    version: int, tmp_path: Path
) -> None:
    path = _copy_fixture(version, tmp_path)
    with open_store(path, actor="tester") as store:
        assert migrations.schema_version(store.db.conn) == SCHEMA_VERSION
        assert store.training
        with _read_only(FIXTURES / path.name) as old:
            _assert_old_rows_kept(old, store.db.conn)
        _assert_story(store, version)
        report = verify(store)  # SQLite's checks, the audit chain and the note of its head
        assert report.sound, report.problems


@pytest.mark.parametrize("version", FIXTURE_VERSIONS)
def test_an_old_database_is_backed_up_before_it_is_migrated(version: int, tmp_path: Path) -> None:
    path = _copy_fixture(version, tmp_path)
    open_store(path, actor="tester").close()
    backups = list((tmp_path / "backups").glob("*"))
    if version == SCHEMA_VERSION:
        assert backups == []
        return
    [backup] = backups
    assert backup.name.startswith(f"{path.stem}.v{version}-before-migration-")
    with _read_only(backup, path) as copy, _read_only(FIXTURES / path.name) as old:
        assert migrations.schema_version(copy) == version
        assert _rows(copy) == _rows(old)


@pytest.mark.parametrize("version", FIXTURE_VERSIONS)
def test_opening_an_old_database_twice_is_harmless(version: int, tmp_path: Path) -> None:
    path = _copy_fixture(version, tmp_path)
    open_store(path, actor="tester").close()
    with _read_only(path) as conn:
        migrated = _rows(conn)
    backups = sorted((tmp_path / "backups").glob("*"))
    with open_store(path, actor="tester") as store:
        assert migrations.schema_version(store.db.conn) == SCHEMA_VERSION
        assert verify(store).sound
    with _read_only(path) as conn:
        assert _rows(conn) == migrated
    assert sorted((tmp_path / "backups").glob("*")) == backups


def test_version_9_adds_what_a_court_application_needs(tmp_path: Path) -> None:
    """An application from before v9 asks for no duration and has no signed statement date;
    one made at v9 keeps them; networks gain an address for service, empty until filled in."""
    from raptor_desktop.store.case_file import load_case_file

    (tmp_path / "v8").mkdir()
    (tmp_path / "v9").mkdir()
    old = _copy_fixture(8, tmp_path / "v8")
    with open_store(old, role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        assert (case.requested.months, case.statement_date, case.with_notice) == (None, None, False)
        assert case.addresses == {"EE": ""}
    new = _copy_fixture(9, tmp_path / "v9")
    with open_store(new, role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        assert case.requested.months == 6 and case.statement_date is not None
        assert case.addresses["EE"].startswith("Law Enforcement Liaison Team")


def test_version_18_gives_networks_a_legal_name_empty_until_filled_in(tmp_path: Path) -> None:
    """The claim names each provider by the company behind it: a register from before v18
    has none, and its packs are drafts until the unit records them; one made at v18 keeps
    what was recorded."""
    from raptor_desktop.core.case_gaps import case_gaps
    from raptor_desktop.store.case_file import load_case_file

    (tmp_path / "v17").mkdir()
    (tmp_path / "v18").mkdir()
    with open_store(_copy_fixture(17, tmp_path / "v17"), role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        assert case.legal_names == {"EE": ""}
        assert any("EE has no legal name recorded" in gap.what for gap in case_gaps(case))
    with open_store(_copy_fixture(18, tmp_path / "v18"), role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        assert case.legal_names == {"EE": "EE Limited"}
        assert case.party("EE") == "EE Limited"


def test_version_21_records_how_a_letter_went_unknown_for_letters_before(
    tmp_path: Path,
) -> None:
    """A letter recorded before v21 has no method: the note of events says the day it was
    served is not known, rather than guess; one recorded at v21 is deemed served by it."""
    from raptor_desktop.core.deemed_service import Sending, SendingMethod
    from raptor_desktop.documents.order_note import recorded_events
    from raptor_desktop.store.case_file import load_case_file

    (tmp_path / "v20").mkdir()
    (tmp_path / "v21").mkdir()
    with open_store(_copy_fixture(20, tmp_path / "v20"), role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        assert case.letters_sent == {"EE": Sending(date(2026, 11, 11))}
        [event] = [e for e in recorded_events(case) if "letter serving" in e]
        assert "How it was sent is not recorded, so the day it was served is not known" in event
    with open_store(_copy_fixture(21, tmp_path / "v21"), role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        assert case.letters_sent == {"EE": Sending(date(2026, 11, 11), SendingMethod.POST)}
        [event] = [e for e in recorded_events(case) if "letter serving" in e]
        assert "by first class post" in event
        assert "deemed served on 13 November 2026 (CPR 6.26)" in event


def test_version_22_keeps_where_a_letter_went_and_a_network_s_routes_for_service(
    tmp_path: Path,
) -> None:
    """A letter recorded before v22 keeps its method, its destination unknown (the note says
    no more than how it went); at v22 a letter by email keeps the address it went to."""
    from datetime import time

    from raptor_desktop.core.deemed_service import Sending, SendingMethod
    from raptor_desktop.documents.order_note import recorded_events
    from raptor_desktop.store.case_file import load_case_file
    from raptor_desktop.store.settings import network_routes

    (tmp_path / "v21").mkdir()
    (tmp_path / "v22").mkdir()
    with open_store(_copy_fixture(21, tmp_path / "v21"), role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        assert case.letters_sent["EE"].to == ""
        assert network_routes(store, "EE").email == ""
        [event] = [e for e in recorded_events(case) if "letter serving" in e]
        assert "by first class post (item" in event
    with open_store(_copy_fixture(22, tmp_path / "v22"), role=Role.ADMINISTRATOR) as store:
        case = load_case_file(store, "RAP-2026-001", check_files=False)
        assert case.letters_sent == {
            "EE": Sending(
                date(2026, 11, 11),
                SendingMethod.EMAIL,
                time(10),
                "orders@ee.example",
                "EE's letter",
            )
        }
        assert network_routes(store, "EE").email_agreed == "EE's letter"
        [event] = [e for e in recorded_events(case) if "letter serving" in e]
        assert "by email to orders@ee.example at 10:00" in event


def test_the_pages_a_register_freed_before_version_14_are_wiped(tmp_path: Path) -> None:
    # Before v14 what SQLite deleted stayed in the file's free pages (encrypted, but there for
    # anyone with the key, and in every backup): the migration rewrites the file without them.
    path = _copy_fixture(13, tmp_path)
    open_store(path, actor="tester").close()  # sealed for the tester as the tests do
    conn = raw_connection(path)
    conn.execute("PRAGMA user_version = 13")  # as a v13 register with deleted content
    conn.execute("CREATE TABLE deleted_content (words TEXT)")
    conn.executemany("INSERT INTO deleted_content VALUES (?)", [("x" * 900,)] * 400)
    conn.commit()
    conn.execute("DROP TABLE deleted_content")
    conn.commit()
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] > 50
    conn.close()
    for old_copy in (tmp_path / "backups").glob("*"):
        old_copy.unlink()  # the copy made as the fixture was first opened above
    with open_store(path, actor="tester") as store:
        assert migrations.schema_version(store.db.conn) == SCHEMA_VERSION
        assert store.db.execute("PRAGMA freelist_count").fetchone()[0] == 0
        key = store.key
    # nor in the copy kept before migrating: it is made from the rewritten file
    [kept] = (tmp_path / "backups").glob("*.v13-before-migration-*")
    copy = engine.connect(str(kept), key)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 13
    assert copy.execute("PRAGMA freelist_count").fetchone()[0] == 0
    copy.close()


def test_version_15_indexes_numbers_and_contacts_once_and_still_finds_them(
    tmp_path: Path,
) -> None:
    from raptor_desktop.store.search import search_records

    path = _copy_fixture(14, tmp_path)
    with open_store(path, actor="tester") as store:
        words = [w for (w,) in store.db.execute("SELECT words FROM search_index")]
        assert "07700900101" in words and not any("447700" in w for w in words)
        for form in ("+44 7700 900101", "447700900101", "900 101"):
            assert [h.label for h in search_records(store, form) if h.kind == "number"] == [
                "07700 900101"
            ]
        assert [h.kind for h in search_records(store, "900201")] == ["contact"]
        assert verify(store).sound
