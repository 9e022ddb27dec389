"""The register attacked by someone who can write its files (issue 10, finding 1). Without the
key nothing can be changed unnoticed; an insider with a password and SQLCipher's tools can
rewrite the log and its MACs, and what they did is still reported after the program has
written again; checking writes nothing."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from raptor_desktop.__main__ import main
from raptor_desktop.core.accounts import Role
from raptor_desktop.core.audit import GENESIS, AuditEntry, chain_mac
from raptor_desktop.store import crypto, engine
from raptor_desktop.store.accounts import add_user
from raptor_desktop.store.engine import sqlite as sqlite3
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.reference import add_area
from tests.app_fixtures import CHIEF_PASSWORD, register_with_chief
from tests.registers import open_store, raw_connection, register_key, sign_in

PASSWORD = CHIEF_PASSWORD


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = register_with_chief(tmp_path)
    with open_store(path) as store:
        sign_in(store, "chief", PASSWORD)
        for name in ("Grays", "Tilbury", "Purfleet"):
            add_area(store, name)
    return path


def _rewrite(path: Path, change: str) -> None:
    """As an insider with the key would: drop the triggers, change the log, recompute every
    MAC from the first changed entry on, so that the chain is sound again."""
    log_key = crypto.log_key(register_key(path))
    conn = raw_connection(path)
    conn.executescript(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;" + change
    )
    rows = conn.execute(
        "SELECT id, at, user, category, event, records, justification, recipient, prev_hash "
        "FROM audit_log ORDER BY id"
    ).fetchall()
    previous = GENESIS
    for row in rows:
        entry = replace(AuditEntry(*row), prev_hash=previous)
        content = entry.content_mac(log_key)
        mac = chain_mac(log_key, entry.id, previous, content)
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, content_hash = ?, hash = ? WHERE id = ?",
            [previous, content, mac, entry.id],
        )
        previous = mac
    conn.commit()
    conn.close()


def test_a_byte_changed_without_the_key_is_refused(register: Path) -> None:
    data = bytearray(register.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, in a page somewhere in the middle
    register.write_bytes(bytes(data))
    with open_store(register) as store:
        report = verify(store)
    assert not report.sound
    assert any("encrypted page check" in p or "damaged" in p for p in report.problems)


def test_nothing_of_the_register_is_readable_without_the_key(register: Path) -> None:
    with open_store(register) as store:
        sign_in(store, "chief", PASSWORD)
        add_area(store, "Secret Marsh")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = register.read_bytes()
    assert b"Secret Marsh" not in raw and b"chief" not in raw and b"SQLite format" not in raw
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(register).execute("SELECT * FROM areas").fetchall()


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE audit_log SET records = 'Nowhere' WHERE records = 'Tilbury';",
        "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log);",
    ],
    ids=["an entry edited", "the newest entry cut off"],
)
def test_a_rewritten_log_is_reported_after_later_writes(register: Path, change: str) -> None:
    _rewrite(register, change)
    with open_store(register) as store:
        sign_in(store, "chief", PASSWORD)  # the next day's work: a sign-in and a change
        add_area(store, "Chafford Hundred")
        report = verify(store)
    assert not report.sound
    assert any("rewritten" in p or "removed from the end" in p for p in report.problems)


def test_an_older_copy_put_in_place_is_reported_after_later_writes(
    register: Path, tmp_path: Path
) -> None:
    older = tmp_path / "older.sqlite3"
    with raw_connection(register) as conn:
        conn.execute("VACUUM INTO ?", [str(older)])  # yesterday's copy, with the key
    conn.close()
    with open_store(register) as store:
        sign_in(store, "chief", PASSWORD)
        add_area(store, "Stanford-le-Hope")
    for leftover in ("-wal", "-shm"):
        Path(f"{register}{leftover}").unlink(missing_ok=True)
    older.replace(register)  # yesterday's copy over today's register
    with open_store(register) as store:
        sign_in(store, "chief", PASSWORD)
        add_area(store, "Corringham")
        assert not verify(store).sound


def test_verify_reports_before_it_writes_anything(
    register: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _rewrite(register, "UPDATE audit_log SET records = 'Nowhere' WHERE records = 'Tilbury';")
    files = [register, Path(f"{register}.audit-head"), *register.parent.glob("*-wal")]
    before = [f.read_bytes() for f in files]
    monkeypatch.setenv("RAPTOR_PASSWORD", PASSWORD)
    assert main(["--db", str(register), "--user", "chief", "verify"]) == 1
    assert "rewritten" in capsys.readouterr().out
    assert [f.read_bytes() for f in files] == before


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    from raptor_desktop.store.errors import NotARegister

    other = tmp_path / "contacts.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(NotARegister, match="another program"):
        open_store(other)
    assert other.read_bytes() == before


def test_no_register_is_made_without_its_first_administrator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.sqlite3"
    with pytest.raises(SystemExit):
        main(["--db", str(path), "init"])  # --admin is required
    assert not path.exists()
    monkeypatch.setenv("RAPTOR_PASSWORD", PASSWORD)
    assert main(["--db", str(path), "--user", "mallory", "lines"]) == 2
    assert "there is no database" in capsys.readouterr().err and not path.exists()
    assert main(["--db", str(path), "init", "--admin", "chief"]) == 0  # deliberately
    assert main(["--db", str(path), "--user", "mallory", "lines"]) == 1
    assert main(["--db", str(path), "--user", "chief", "lines"]) == 0


def test_an_older_register_without_accounts_is_not_taken_over_by_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "register-v4.sqlite3", path)
    monkeypatch.setenv("RAPTOR_PASSWORD", PASSWORD)
    assert main(["--db", str(path), "--user", "mallory", "lines"]) == 1
    assert "wrong username or password" in capsys.readouterr().err
    assert engine.is_plaintext(str(path))  # nothing was sealed for mallory
    assert main(["--db", str(path), "init", "--admin", "chief"]) == 0  # deliberately
    assert not engine.is_plaintext(str(path))
    assert main(["--db", str(path), "--user", "chief", "lines"]) == 0


def test_a_new_register_where_one_was_deleted_starts_its_own_note(register: Path) -> None:
    register.unlink()
    for leftover in ("-wal", "-shm"):
        Path(f"{register}{leftover}").unlink(missing_ok=True)
    with open_store(register, training=True) as store:  # the old note is still beside it
        add_user(store, "chief", "Chief", Role.ADMINISTRATOR, PASSWORD)
        sign_in(store, "chief", PASSWORD)
        add_area(store, "Grays")
        assert verify(store).sound
