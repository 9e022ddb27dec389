"""The sealed register attacked, finding by finding (issue 10), through the command line and
the files, as someone at the workstation would: each attack runs against a fresh register and
must find nothing. (Finding 8, the idle lock, needs the window: tests/gui/test_accounts_gui.py.)

The attackers: someone who has the files but no password (a copy of the disk or a backup),
an insider who has a password, and a careless officer. The last part holds the attacks of
the auditor's review of 2026-12-02.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from raptor_desktop.__main__ import main
from raptor_desktop.core.accounts import Role
from raptor_desktop.store import engine
from raptor_desktop.store.accounts import SignInRefused, unlock_key
from raptor_desktop.store.backup import BackupRefused, auto_backup
from tests.registers import open_store, raw_connection

PASSWORD = "correct horse battery staple"  # the tester's (tests/conftest.py)


@pytest.fixture
def register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "unit" / "register.sqlite3"  # training: test data is drama numbers only
    assert main(["--db", str(path), "init", "--training", "--admin", "tester"]) == 0
    assert main(["--db", str(path), "add-line", "07700 900101", "--name", "Tony"]) == 0
    assert main(["--db", str(path), "add-line", "07700 900102", "--name", "Tony"]) == 0
    capsys.readouterr()
    return path


def raptor(register: Path, *args: str) -> int:
    return main(["--db", str(register), *args])


def register_state(register: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What the register holds, as its own listing shows it."""
    capsys.readouterr()
    assert raptor(register, "lines", "--json") == 0
    return capsys.readouterr().out


def test_1_the_end_of_the_log_cut_off_with_the_key_is_reported(
    register: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with raw_connection(register) as conn:  # the insider knows a password
        conn.executescript(
            "DROP TRIGGER audit_log_no_delete;"
            "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log);"
        )
    conn.close()
    assert raptor(register, "add-area", "Grays") == 0  # the next day's work writes again
    assert raptor(register, "verify") == 1
    assert "the end of the log was rewritten" in capsys.readouterr().out


def test_2_an_edited_backup_is_refused(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "stick" / "b.raptorbackup"
    assert raptor(register, "backup", "--out", str(backup)) == 0
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x20
    backup.write_bytes(bytes(data))
    assert raptor(register, "add-line", "07700 900103") == 0
    before = register_state(register, capsys)
    assert raptor(register, "restore", str(backup)) == 1
    assert "fails its authentication check" in capsys.readouterr().err
    assert register_state(register, capsys) == before


def test_3_parallel_guesses_lock_the_account(register: Path) -> None:
    refused: list[str] = []

    def guess(n: int) -> None:
        try:
            unlock_key(register, "tester", f"guess {n:03d} of many")
        except SignInRefused as error:
            refused.append(str(error))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(refused) == 12 and sum("locked" in r for r in refused) >= 7
    with pytest.raises(SignInRefused, match="locked"):
        unlock_key(register, "tester", PASSWORD)


def test_4_a_folded_or_look_alike_name_takes_over_nobody(
    register: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAPTOR_NEW_PASSWORD", "officer password 1")
    new = ["--new-password-env", "RAPTOR_NEW_PASSWORD"]
    assert raptor(register, "users", "add", "j.strauss", "--role", "administrator", *new) == 0
    assert raptor(register, "users", "add", "j.strauß", "--role", "officer", *new) == 1
    assert raptor(register, "users", "add", "аdmin", "--role", "officer", *new) == 1  # Cyrillic а
    assert "already an account" in capsys.readouterr().err


def test_5_a_backup_leaves_nothing_readable_on_the_stick(register: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    assert raptor(register, "backup", "--out", str(stick / "b.raptorbackup")) == 0
    [only] = list(stick.iterdir())
    data = only.read_bytes()
    assert b"SQLite format 3" not in data and b"Tony" not in data and b"900101" not in data


def test_6_a_foreign_file_dressed_as_a_backup_changes_nothing(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "fake.raptorbackup"
    conn = engine.connect(str(fake), None)
    conn.executescript("CREATE TABLE audit_log (id); CREATE TABLE numbers (id);")
    conn.close()
    before = register_state(register, capsys)
    assert raptor(register, "restore", str(fake)) == 1
    assert "is not a Raptor Desktop backup" in capsys.readouterr().err
    assert register_state(register, capsys) == before


def test_7_a_training_register_refuses_a_real_number(tmp_path: Path) -> None:
    training = tmp_path / "training.sqlite3"
    assert main(["--db", str(training), "init", "--training", "--admin", "tester"]) == 0
    assert main(["--db", str(training), "add-line", "07400 123456"]) == 1


def test_9_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "contacts.db"
    conn = engine.connect(str(other), None)
    conn.executescript("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x');")
    conn.close()
    before = other.read_bytes()
    assert main(["--db", str(other), "lines"]) != 0
    assert main(["--db", str(other), "init", "--admin", "tester"]) != 0
    assert other.read_bytes() == before


def test_9_nobody_becomes_administrator_by_running_a_command(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    assert main(["--db", str(path), "verify"]) == 2 and not path.exists()


def test_10_the_drafter_may_not_approve_their_own_batch(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handset = tmp_path / "handset.csv"
    handset.write_text("Number\n07700 900201\n", encoding="utf-8")
    assert raptor(register, "import-contacts", str(handset), "--line", "07700900101") == 0
    text = "Essex Police: help is here. Reply STOP to opt out."
    assert raptor(register, "outreach", "draft", "--message", text, "--line", "07700900101") == 0
    capsys.readouterr()
    assert raptor(register, "outreach", "approve", "OUT-2026-001") == 1
    assert "you drafted" in capsys.readouterr().err


def test_11_every_file_is_the_owners_alone(register: Path, tmp_path: Path) -> None:
    assert raptor(register, "backup", "--out", str(tmp_path / "unit" / "b.raptorbackup")) == 0
    for path in register.parent.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def test_11_nothing_of_the_register_is_readable_without_a_password(register: Path) -> None:
    for path in register.parent.iterdir():
        if path.name.endswith((".keys",)):
            continue  # the key file: wraps that only a password opens, and counts
        data = path.read_bytes()
        assert b"900101" not in data and b"Tony" not in data, path.name


def test_12_a_spreadsheet_formula_in_a_record_is_defused_in_exports(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert raptor(register, "add-area", '=HYPERLINK("http://x")') == 0
    out = tmp_path / "log.csv"
    assert raptor(register, "audit", "--out", str(out), "--to", "DPO", "--why", "audit") == 0
    assert ",=HYPERLINK" not in out.read_text(encoding="utf-8-sig")
    capsys.readouterr()
    assert raptor(register, "audit", "--record", "%", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []  # % is a percent sign, not a wildcard


def an_application(register: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A draft application on 07700 900101, made ready for it; its reference."""
    for status in ("gathering evidence", "ready"):
        assert raptor(register, "set-status", "07700 900101", status) == 0
    made = ["new-application", "--court", "County Court at Chelmsford", "--hearing"]
    assert (
        raptor(register, *made, "2026-12-10", "--applicant", "Rachel Carter", "07700 900101") == 0
    )
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_12_a_link_or_a_fake_pdf_is_not_attached(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = an_application(register, capsys)
    link = tmp_path / "statement.pdf"
    os.symlink("/etc/passwd", link)
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"MZ\x90\x00 an executable called a pdf")
    for file in (link, fake):
        exhibit = ["--initials", "RC", "--description", "Exhibit", "--file", str(file)]
        assert raptor(register, "add-exhibit", reference, *exhibit) == 1


# -- the auditor's review (2026-12-02): an officer who knows only their own password, or
# someone with the files and no password ---------------------------------------------------

OFFICER, OFFICER_PASSWORD = "pc.smith", "officer password 1"


def log(path: Path) -> list[tuple[str, str, str]]:
    with raw_connection(path) as conn:
        rows = conn.execute("SELECT user, category, event FROM audit_log ORDER BY id").fetchall()
    conn.close()
    return rows


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
    reference = an_application(register, capsys)
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
    state = register_state(register, capsys)
    code = raptor(register, "import-lines", str(sheet), "--rejects", str(tmp_path / "no" / "r.csv"))
    assert code == 2
    assert "nothing was imported" in capsys.readouterr().err
    assert register_state(register, capsys) == state
    assert [e for e in log(register)[len(before) :] if e[1] == "alteration"] == []


def test_an_older_copy_put_back_with_both_notes_deleted_is_reported(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Someone with the files and no password: yesterday's copy over today's register, and
    both notes of the log's newest entry deleted, so that none is there to disagree."""
    older = tmp_path / "older"
    older.mkdir()
    for name in ("register.sqlite3", "register.sqlite3.keys"):
        (older / name).write_bytes((register.parent / name).read_bytes())
    assert raptor(register, "add-line", "07700 900700") == 0  # today's work
    for leftover in ("-wal", "-shm"):
        Path(f"{register}{leftover}").unlink(missing_ok=True)
    for name in ("register.sqlite3", "register.sqlite3.keys"):
        (register.parent / name).write_bytes((older / name).read_bytes())
    Path(f"{register}.audit-head").unlink()
    for note in Path(os.environ["XDG_STATE_HOME"]).glob("RaptorDesktop/audit-heads/*.json"):
        note.unlink()
    capsys.readouterr()
    assert raptor(register, "lines") == 0  # a day's work on it writes again
    assert raptor(register, "verify") == 1
    assert "neither note of the log's newest entry is here" in capsys.readouterr().out


def test_a_register_moved_with_its_note_to_another_account_is_sound(
    register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "another account's state"))
    moved = tmp_path / "moved"
    moved.mkdir()
    for name in ("register.sqlite3", "register.sqlite3.keys", "register.sqlite3.audit-head"):
        (moved / name).write_bytes((register.parent / name).read_bytes())
    assert raptor(moved / "register.sqlite3", "verify") == 0
