"""The log attacked by someone who can write the database file (issue 10, finding 1): what
they did is still reported after the program has written again, and checking writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from raptor_desktop.__main__ import main
from raptor_desktop.core.accounts import Role
from raptor_desktop.core.audit import AuditEntry
from raptor_desktop.store.accounts import add_user
from raptor_desktop.store.engine import sqlite as sqlite3
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.reference import add_area
from tests.app_fixtures import CHIEF_PASSWORD, register_with_chief
from tests.registers import open_store, sign_in

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
    """As an attacker with the file would: drop the triggers, change the log, recompute every
    hash from the first changed entry on, so that the chain is sound again."""
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;" + change
    )
    rows = conn.execute(
        "SELECT id, at, user, category, event, records, justification, recipient, prev_hash "
        "FROM audit_log ORDER BY id"
    ).fetchall()
    previous = "0" * 64
    for row in rows:
        entry = AuditEntry(*row[:8], prev_hash=previous)  # type: ignore[misc]
        digest = entry.digest()
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [previous, digest, row[0]]
        )
        previous = digest
    conn.commit()
    conn.close()


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
    conn, copy = sqlite3.connect(register), sqlite3.connect(older)
    conn.backup(copy)
    conn.close()
    copy.close()
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
    before = register.read_bytes(), Path(f"{register}.audit-head").read_bytes()
    monkeypatch.setenv("RAPTOR_PASSWORD", PASSWORD)
    assert main(["--db", str(register), "--user", "chief", "verify"]) == 1
    assert "rewritten" in capsys.readouterr().out
    assert (register.read_bytes(), Path(f"{register}.audit-head").read_bytes()) == before


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


def test_a_register_without_accounts_is_not_taken_over_by_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.sqlite3"
    assert main(["--db", str(path), "init"]) == 0
    monkeypatch.setenv("RAPTOR_PASSWORD", PASSWORD)
    assert main(["--db", str(path), "--user", "mallory", "lines"]) != 0
    assert "no accounts yet" in capsys.readouterr().err
    assert main(["--db", str(path), "verify"]) == 0  # checking needs no account, makes none
    assert main(["--db", str(path), "init", "--admin", "chief"]) == 0  # deliberately
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
