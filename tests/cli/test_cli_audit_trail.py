"""The command line logs what the officer did, as the officer, and only acts that happened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from raptor_desktop.__main__ import main


def audit(path: Path) -> list[tuple[str, str, str, str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT user, category, event, records, recipient FROM audit_log ORDER BY id"
        ).fetchall()
    conn.close()
    return rows


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "--demo", "warnings"]) == 0
    capsys.readouterr()
    return path


def test_restore_is_logged_under_the_signed_in_officer(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.raptor-backup"
    assert main(["--db", str(demo_db), "--demo", "backup", "--out", str(backup)]) == 0
    assert main(["--db", str(demo_db), "--demo", "restore", str(backup)]) == 0
    user, category, event, _records, _to = audit(demo_db)[-1]
    assert (user, category, event) == ("trainer", "alteration", "restore from backup")


def test_a_pack_that_cannot_be_written_is_not_logged_as_disclosed(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(demo_db) as conn:
        reference = conn.execute("SELECT reference FROM applications LIMIT 1").fetchone()[0]
    conn.close()
    target = tmp_path / "no such folder" / "pack.pdf"
    code = main(["--db", str(demo_db), "--demo", "hearing-pack", reference, "--out", str(target)])
    assert code == 2
    assert not [row for row in audit(demo_db) if row[1] == "disclosure"]


def test_a_short_backup_passphrase_is_refused_from_the_environment_too(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RAPTOR_BACKUP_PASSPHRASE", "short")
    target = tmp_path / "b.raptor-backup"
    code = main(["--db", str(demo_db), "--demo", "backup", "--out", str(target), "--encrypt"])
    assert code == 1
    assert "at least 12 characters" in capsys.readouterr().err
    assert not target.exists()


def test_a_bug_is_not_reported_as_rejected_input(
    demo_db: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with sqlite3.connect(demo_db) as conn:
        conn.execute("ALTER TABLE areas RENAME TO areas_gone")
    conn.close()
    code = main(["--db", str(demo_db), "--demo", "areas"])
    err = capsys.readouterr().err
    assert code == 3
    assert "this is a bug" in err and "Traceback" not in err
    assert any(r.exc_info for r in caplog.records), "the traceback goes to the log"


def test_an_unexpected_value_error_is_a_bug_not_rejected_input(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import phonenumbers

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("an internal mistake")

    valid = phonenumbers.format_number(
        phonenumbers.example_number_for_type("GB", phonenumbers.PhoneNumberType.MOBILE),
        phonenumbers.PhoneNumberFormat.E164,
    )
    monkeypatch.setattr(phonenumbers, "parse", broken)
    code = main(["--db", str(demo_db), "--demo", "add-line", valid])
    assert code == 3
