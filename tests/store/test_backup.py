from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.store import crypto, engine
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.backup import (
    BackupRefused,
    Credentials,
    auto_backup,
    backup_folder,
    check_backup,
    make_backup,
    restore_backup,
)
from raptor_desktop.store.backup_format import Header, open_backup, write
from raptor_desktop.store.database import Store
from raptor_desktop.store.exhibits import NewExhibit, add_exhibit, attachment_dir
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.lines import add_number
from tests.app_fixtures import make_application
from tests.registers import PASSWORD, TESTER, backup_members, open_store, raw_connection

ICON = Path(__file__).parents[2] / "resources" / "icons" / "raptor.png"


def count(store: Store) -> int:
    return int(store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0])


def test_backup_and_restore_with_attachments(demo_store: Store, tmp_path: Path) -> None:
    reference = make_application(demo_store)
    add_exhibit(
        demo_store, application_id(demo_store, reference), NewExhibit("RC", "Picture", file=ICON)
    )
    target = make_backup(demo_store, tmp_path / "b.raptorbackup")
    mine = Credentials(demo_store.key, demo_store.register)
    info = check_backup(target, mine, work_dir=tmp_path)
    demo_and_blade = 14  # the demo's 13 numbers, and the fixture's second Blade phone
    assert (info.numbers, info.attachments, info.training) == (demo_and_blade, 1, True)
    add_number(demo_store, "07700 900555", LineDetails())
    for file in attachment_dir(demo_store).iterdir():
        file.unlink()
    path = demo_store.path
    demo_store.close()
    safety = restore_backup(path, target, mine, role=Role.ADMINISTRATOR).safety
    assert (
        safety is not None
        and check_backup(safety, mine, work_dir=tmp_path).numbers == demo_and_blade + 1
    )
    with open_store(path) as restored:
        assert count(restored) == demo_and_blade
        assert len(list(attachment_dir(restored).iterdir())) == 1
        # The restored log is shorter than the one it replaced, and that is no tampering.
        assert verify(restored).problems == []


def test_a_backup_opens_only_with_the_key_an_account_the_passphrase_or_the_recovery_key(
    training_store: Store, tmp_path: Path
) -> None:
    add_number(training_store, "07700 900101", LineDetails(brand="Tony"))
    target = make_backup(training_store, tmp_path / "e.raptorbackup", "correct horse battery")
    data = target.read_bytes()
    assert b"SQLite format" not in data and b"Tony" not in data and b"900101" not in data
    for opens in (
        Credentials(training_store.key, training_store.register),
        Credentials(username=TESTER, password=PASSWORD),
        Credentials(passphrase="correct horse battery"),
    ):
        assert check_backup(target, opens, work_dir=tmp_path).numbers == 1
    with pytest.raises(BackupRefused, match="give the password of one of its accounts"):
        check_backup(target, Credentials(), work_dir=tmp_path)
    for wrong in (
        Credentials(username=TESTER, password="not the password"),
        Credentials(passphrase="wrong passphrase!"),
        Credentials(recovery_key="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"),
        Credentials(crypto.new_key(), training_store.register),  # another key, same id
    ):
        with pytest.raises(BackupRefused):
            check_backup(target, wrong, work_dir=tmp_path)


@pytest.mark.parametrize("damage", ["junk", "truncated", "foreign", "checksum"])
def test_damaged_or_foreign_backup_is_refused_and_nothing_changes(
    training_store: Store, tmp_path: Path, damage: str
) -> None:
    add_number(training_store, "07700 900101", LineDetails())
    good = make_backup(training_store, tmp_path / "good.raptorbackup")
    bad = tmp_path / "bad.raptorbackup"
    if damage == "junk":
        bad.write_bytes(b"not a backup at all")
    elif damage == "truncated":
        bad.write_bytes(good.read_bytes()[:400])
    elif damage == "foreign":
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("manifest.json", "{}")
            archive.writestr("raptor.sqlite3", b"hello")
    else:  # one byte of the sealed body changed, as an editor without the key can
        data = bytearray(good.read_bytes())
        data[-100] ^= 0x01
        bad.write_bytes(bytes(data))
    mine = Credentials(training_store.key, training_store.register)
    path = training_store.path
    training_store.close()
    before = path.read_bytes()
    with pytest.raises(BackupRefused):
        restore_backup(path, bad, mine, role=Role.ADMINISTRATOR)
    assert path.read_bytes() == before
    with open_store(path) as store:
        assert count(store) == 1


def test_automatic_backups_rotate(training_store: Store) -> None:
    import time

    made = []
    for _ in range(4):
        made.append(auto_backup(training_store, keep=2))
        time.sleep(1.05)  # names carry the second
    kept = sorted(backup_folder(training_store).glob("*auto-*"))
    assert kept == sorted(p for p in made[-2:] if p)
    assert auto_backup(training_store, keep=2, if_older_than=timedelta(days=1)) is None


def test_a_backup_is_checked_in_the_registers_folder_only(
    training_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plaintext copy a check unpacks stays in the register's folder, owner-only, and goes."""
    import tempfile

    stick = tmp_path / "usb-stick"
    stick.mkdir()
    backup = make_backup(training_store, stick / "b.raptorbackup")
    made: list[str] = []
    real = tempfile.TemporaryDirectory

    def watched(*args: object, **kwargs: object) -> tempfile.TemporaryDirectory[str]:
        folder = real(*args, **kwargs)  # type: ignore[call-overload]
        made.append(folder.name)
        assert oct(Path(folder.name).stat().st_mode & 0o777) == "0o700"
        return folder  # type: ignore[no-any-return]

    monkeypatch.setattr(tempfile, "TemporaryDirectory", watched)
    register = training_store.path.parent
    check_backup(
        backup, Credentials(training_store.key, training_store.register), work_dir=register
    )
    assert made and all(Path(m).parent == register for m in made)
    assert not any(Path(m).exists() for m in made)
    assert sorted(p.name for p in stick.iterdir()) == ["b.raptorbackup"]


def test_a_backup_never_writes_the_register_in_plain(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from raptor_desktop.store import backup_format

    stick = tmp_path / "usb-stick"
    seen: list[str] = []
    real = backup_format.write

    def look_while_sealing(header: Header, body: bytes, key: bytes) -> bytes:
        # the moment a crash would leave behind whatever had been written so far
        for file in tmp_path.rglob("*"):
            if file.is_file() and file.read_bytes()[:16] == b"SQLite format 3\x00":
                seen.append(str(file.relative_to(tmp_path)))
        return real(header, body, key)

    monkeypatch.setattr("raptor_desktop.store.backup.write", look_while_sealing)
    made = make_backup(demo_store, stick / "b.raptorbackup")
    assert seen == [f"{demo_store.path.name}.keys"]  # the key file is plain SQLite, by design
    assert sorted(p.name for p in stick.iterdir()) == ["b.raptorbackup"]
    assert b"SQLite format 3" not in made.read_bytes()


def _rezip(good: Path, bad: Path, store: Store, change: dict[str, bytes | None]) -> None:
    """``good`` with the named members replaced (None: left out) and sealed again with the
    register's key, its manifest's checksum recomputed: a forgery only someone with the key
    could make, so that the checks of what is inside are what refuses it."""
    import hashlib
    import json

    opened = open_backup(good.read_bytes(), Credentials(store.key, store.register), str(good))
    with zipfile.ZipFile(io.BytesIO(opened.body)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    for name, data in change.items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    manifest = json.loads(members["manifest.json"])
    if isinstance(manifest, dict) and "manifest.json" not in change:
        manifest["database_sha256"] = hashlib.sha256(members["raptor.sqlite3"]).hexdigest()
        members["manifest.json"] = json.dumps(manifest).encode()
    body = io.BytesIO()
    with zipfile.ZipFile(body, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert opened.header is not None
    bad.write_bytes(write(opened.header, body.getvalue(), store.key))


def _edited_database(store: Store, tmp_path: Path, sql: str) -> bytes:
    edited = tmp_path / "edit.sqlite3"
    with raw_connection(store.path) as conn:
        conn.execute("VACUUM INTO ?", [str(edited)])
    conn.close()
    conn = engine.connect(str(edited), store.key)
    conn.executescript(sql)
    conn.commit()
    conn.close()
    return edited.read_bytes()


def _foreign_database(store: Store, tmp_path: Path) -> bytes:
    path = tmp_path / "foreign.sqlite3"
    conn = engine.connect(str(path), store.key)
    conn.executescript(
        "CREATE TABLE audit_log (id, at, user, category, event, records, justification, "
        "recipient, prev_hash, hash); CREATE TABLE numbers (id); PRAGMA user_version = 11;"
    )
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    "attack",
    ["foreign tables", "triggers dropped", "odd manifest", "damaged stream", "zip bomb", "swapped"],
)
def test_a_backup_that_is_not_what_it_claims_is_refused_and_changes_nothing(
    demo_store: Store, tmp_path: Path, attack: str
) -> None:
    reference = make_application(demo_store, attach=ICON)
    assert reference
    good = make_backup(demo_store, tmp_path / "good.raptorbackup")
    bad = tmp_path / "bad.raptorbackup"
    [attachment] = [n for n in backup_members(good, demo_store) if n.startswith("attachments/")]
    if attack == "foreign tables":
        _rezip(good, bad, demo_store, {"raptor.sqlite3": _foreign_database(demo_store, tmp_path)})
    elif attack == "triggers dropped":
        edited = _edited_database(
            demo_store,
            tmp_path,
            "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;",
        )
        _rezip(good, bad, demo_store, {"raptor.sqlite3": edited})
    elif attack == "odd manifest":
        _rezip(good, bad, demo_store, {"manifest.json": b"[1, 2, 3]"})
    elif attack == "damaged stream":
        data = bytearray(good.read_bytes())
        middle = len(data) // 2
        data[middle : middle + 64] = bytes(64)
        bad.write_bytes(bytes(data))
    elif attack == "zip bomb":
        _rezip(
            good, bad, demo_store, {"attachments/" + "0" * 64 + ".png": bytes(200 * 1024 * 1024)}
        )
    else:  # an exhibit's file swapped for another under the same name
        _rezip(good, bad, demo_store, {attachment: b"a different file altogether"})
    mine = Credentials(demo_store.key, demo_store.register)
    path = demo_store.path
    stored = attachment_dir(demo_store)
    demo_store.close()
    before = path.read_bytes(), {p.name: p.read_bytes() for p in stored.iterdir()}
    with pytest.raises(BackupRefused):
        restore_backup(path, bad, mine, role=Role.ADMINISTRATOR)
    after = path.read_bytes(), {p.name: p.read_bytes() for p in stored.iterdir()}
    assert after == before


def test_a_damaged_register_is_not_backed_up_over_the_good_backups(
    training_store: Store, tmp_path: Path
) -> None:
    for n in range(120):
        add_number(training_store, f"07700 900{n:03d}", LineDetails(brand=f"Line {n}"))
    good = auto_backup(training_store, keep=1)
    path = training_store.path
    training_store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    training_store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[-3 * page + 100 : -3 * page + 900] = b"\xff" * 800  # a table page, torn
    path.write_bytes(bytes(data))
    with (
        open_store(path) as damaged,
        pytest.raises(BackupRefused, match="fails SQLite's check|fails its check"),
    ):
        auto_backup(damaged, keep=1)
    assert sorted(backup_folder_of(path).glob("*auto-*")) == [good]


def backup_folder_of(path: Path) -> Path:
    return path.parent / "backups"


def _database_in(backup: Path, store: Store, folder: Path) -> engine.Connection:
    opened = open_backup(backup.read_bytes(), Credentials(store.key, store.register), str(backup))
    with zipfile.ZipFile(io.BytesIO(opened.body)) as archive:
        (folder / "inside.sqlite3").write_bytes(archive.read("raptor.sqlite3"))
    return engine.connect(str(folder / "inside.sqlite3"), store.key)


def test_a_backup_holds_what_was_committed_while_another_connection_writes(
    demo_store: Store, tmp_path: Path
) -> None:
    add_number(demo_store, "07700 900555", LineDetails())  # committed, not yet checkpointed
    assert Path(f"{demo_store.path}-wal").stat().st_size > 0
    other = engine.connect(str(demo_store.path), demo_store.key)
    other.execute("BEGIN IMMEDIATE")  # an import under way: the write lock held throughout
    other.execute("UPDATE lines SET notes = 'not committed'")
    try:
        target = make_backup(demo_store, tmp_path / "b.raptorbackup")  # needs no write lock
    finally:
        other.execute("ROLLBACK")
        other.close()
    inside = _database_in(target, demo_store, tmp_path)
    assert inside.execute("SELECT COUNT(*) FROM numbers").fetchone()[0] == 14
    assert not inside.execute("SELECT 1 FROM lines WHERE notes = 'not committed'").fetchone()
    inside.close()


TAKE_OVER = """
import sys
from raptor_desktop.store import engine
conn = engine.connect(sys.argv[1], bytes.fromhex(sys.argv[2]), timeout=0.1)
try:
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("COMMIT")
    print("taken")
except engine.Error as error:
    print(error)
"""


def test_this_process_keeps_its_locks_on_the_register_through_a_backup_and_a_new_connection(
    demo_store: Store, tmp_path: Path
) -> None:
    # On POSIX, closing any descriptor of a file drops every lock the process holds on it:
    # a backup that copied the file itself, or a check that read its header, let another
    # process take the register exclusively from under the window's open connection.
    def another_process_takes_it() -> str:
        done = subprocess.run(
            [sys.executable, "-c", TAKE_OVER, str(demo_store.path), demo_store.key.hex()],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return done.stdout.strip()

    assert "locked" in another_process_takes_it()
    make_backup(demo_store, tmp_path / "b.raptorbackup")
    assert "locked" in another_process_takes_it()
    Store.open(demo_store.path, key=demo_store.key, register=demo_store.register).close()
    assert "locked" in another_process_takes_it()
