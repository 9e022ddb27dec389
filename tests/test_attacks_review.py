"""Attacks from the auditor's review (2026-12-02), each through the command line and the
files, as someone at the workstation would make them: an officer who knows only their own
password, or someone with the files and no password. Each must be refused or reported."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from raptor_desktop.__main__ import main
from raptor_desktop.core.accounts import Role
from raptor_desktop.store.backup import BackupRefused, auto_backup
from tests.registers import open_store, raw_connection

OFFICER, OFFICER_PASSWORD = "pc.smith", "officer password 1"


@pytest.fixture
def register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "unit" / "register.sqlite3"  # training: drama numbers only
    assert main(["--db", str(path), "init", "--training", "--admin", "tester"]) == 0
    assert main(["--db", str(path), "add-line", "07700 900101", "--name", "Tony"]) == 0
    capsys.readouterr()
    return path


def raptor(register: Path, *args: str) -> int:
    return main(["--db", str(register), *args])


def log(path: Path) -> list[tuple[str, str, str]]:
    with raw_connection(path) as conn:
        rows = conn.execute("SELECT user, category, event FROM audit_log ORDER BY id").fetchall()
    conn.close()
    return rows


def as_officer(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPTOR_NEW_PASSWORD", OFFICER_PASSWORD)
    assert raptor(register, "users", "add", OFFICER, "--role", "officer") == 0
    monkeypatch.setenv("RAPTOR_USER", OFFICER)
    monkeypatch.setenv("RAPTOR_PASSWORD", OFFICER_PASSWORD)


def test_an_officer_cannot_make_a_register_of_a_backup(
    register: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The backup's header opens with every account's password: only an administrator's may
    make a register of it (the officer would be back in, the lock and the log since undone)."""
    monkeypatch.setenv("RAPTOR_NEW_PASSWORD", OFFICER_PASSWORD)
    assert raptor(register, "users", "add", OFFICER, "--role", "officer") == 0
    backup = tmp_path / "b.raptorbackup"
    assert raptor(register, "backup", "--out", str(backup)) == 0
    monkeypatch.setenv("RAPTOR_USER", OFFICER)
    monkeypatch.setenv("RAPTOR_PASSWORD", OFFICER_PASSWORD)
    capsys.readouterr()
    elsewhere = tmp_path / "elsewhere" / "register.sqlite3"
    elsewhere.parent.mkdir()
    assert raptor(elsewhere, "restore", str(backup)) == 1
    assert "pc.smith is not an administrator" in capsys.readouterr().err
    assert list(elsewhere.parent.iterdir()) == []


def test_a_register_made_of_a_backup_logs_who_made_it(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.raptorbackup"
    assert raptor(register, "backup", "--out", str(backup)) == 0
    elsewhere = tmp_path / "elsewhere" / "register.sqlite3"
    assert raptor(elsewhere, "restore", str(backup)) == 0
    user, category, event = log(elsewhere)[-1]
    assert (user, category, event) == ("tester", "alteration", "restore from backup")
    assert raptor(elsewhere, "verify") == 0


def test_the_log_s_guards_dropped_are_reported_and_not_backed_up_over_good_backups(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with raw_connection(register) as conn:  # the insider knows a password
        conn.executescript("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update;")
    conn.close()
    capsys.readouterr()
    assert raptor(register, "verify") == 1
    assert "trigger audit_log_no_delete missing" in capsys.readouterr().out
    target = tmp_path / "stick" / "b.raptorbackup"
    assert raptor(register, "backup", "--out", str(target)) == 1
    assert not target.exists()  # nothing left on the stick that no restore would take
    refused = pytest.raises(BackupRefused, match="trigger audit_log_no_delete missing")
    with open_store(register, actor="tester", role=Role.OFFICER) as store, refused:
        auto_backup(store)
    assert not list(register.parent.glob("backups/*"))


def test_the_rotation_s_folder_is_the_owner_s_alone(register: Path) -> None:
    """Whatever umask the program was started under (its own start-up sets 077)."""
    old = os.umask(0o022)
    try:
        with open_store(register, actor="tester", role=Role.OFFICER) as store:
            made = auto_backup(store)
    finally:
        os.umask(old)
    assert made is not None
    mode = stat.S_IMODE(made.parent.stat().st_mode)
    assert mode & 0o077 == 0, oct(mode)


@pytest.mark.parametrize(
    ("command", "event"),
    [(["orders"], "list orders"), (["check-application", "{ref}"], "check application")],
)
def test_reading_orders_and_an_application_s_gaps_is_logged(
    register: Path, capsys: pytest.CaptureFixture[str], command: list[str], event: str
) -> None:
    for status in ("gathering evidence", "ready"):
        assert raptor(register, "set-status", "07700 900101", status) == 0
    made = ["new-application", "--court", "County Court at Chelmsford", "--hearing"]
    assert (
        raptor(register, *made, "2026-12-10", "--applicant", "Rachel Carter", "07700 900101") == 0
    )
    reference = capsys.readouterr().out.strip().splitlines()[-1]
    before = len(log(register))
    raptor(register, *(part.format(ref=reference) for part in command))
    events = [e for _u, c, e in log(register)[before:] if c == "consultation"]
    assert event in events, events


def test_an_import_whose_rejects_cannot_be_written_stores_nothing(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "import.csv"
    sheet.write_text("number\n07700 900201\nnot a number\n", encoding="utf-8")
    before = log(register)
    code = raptor(register, "import-lines", str(sheet), "--rejects", str(tmp_path / "no" / "r.csv"))
    assert code == 2
    assert "nothing was imported" in capsys.readouterr().err
    with raw_connection(register) as conn:
        assert conn.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 1
    conn.close()
    assert [e for e in log(register)[len(before) :] if e[1] == "alteration"] == []
