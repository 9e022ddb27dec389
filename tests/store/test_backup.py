from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.backup import (
    BackupRefused,
    auto_backup,
    backup_folder,
    check_backup,
    make_backup,
    restore_backup,
)
from raptor_desktop.store.database import Store
from raptor_desktop.store.exhibits import NewExhibit, add_exhibit, attachment_dir
from raptor_desktop.store.integrity import verify
from raptor_desktop.store.lines import add_number
from tests.app_fixtures import make_application

ICON = Path(__file__).parents[2] / "resources" / "icons" / "raptor.png"


def count(store: Store) -> int:
    return int(store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0])


def test_backup_and_restore_with_attachments(demo_store: Store, tmp_path: Path) -> None:
    reference = make_application(demo_store)
    add_exhibit(
        demo_store, application_id(demo_store, reference), NewExhibit("RC", "Picture", file=ICON)
    )
    target = make_backup(demo_store, tmp_path / "b.raptorbackup")
    info = check_backup(target, work_dir=tmp_path)
    assert (info.numbers, info.attachments, info.training) == (13, 1, True)
    add_number(demo_store, "07700 900555", LineDetails())
    for file in attachment_dir(demo_store).iterdir():
        file.unlink()
    path = demo_store.path
    demo_store.close()
    safety = restore_backup(path, target, role=Role.ADMINISTRATOR)
    assert check_backup(safety, work_dir=tmp_path).numbers == 14
    with Store.open(path) as restored:
        assert count(restored) == 13
        assert len(list(attachment_dir(restored).iterdir())) == 1
        # The restored log is shorter than the one it replaced, and that is no tampering.
        assert verify(restored).problems == []


def test_encrypted_backup_needs_its_passphrase(training_store: Store, tmp_path: Path) -> None:
    target = make_backup(training_store, tmp_path / "e.raptorbackup", "correct horse battery")
    assert b"SQLite format" not in target.read_bytes()
    assert check_backup(target, "correct horse battery", work_dir=tmp_path).numbers == 0
    with pytest.raises(BackupRefused, match="encrypted"):
        check_backup(target, work_dir=tmp_path)
    with pytest.raises(BackupRefused, match="passphrase is wrong"):
        check_backup(target, "wrong passphrase!", work_dir=tmp_path)


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
    else:
        with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as archive:
            for name in source.namelist():
                data = source.read(name)
                archive.writestr(
                    name,
                    data.replace(b"07700900101", b"07700900102")
                    if name == "raptor.sqlite3"
                    else data,
                )
    path = training_store.path
    training_store.close()
    before = path.read_bytes()
    with pytest.raises(BackupRefused):
        restore_backup(path, bad, role=Role.ADMINISTRATOR)
    assert path.read_bytes() == before
    with Store.open(path) as store:
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
    check_backup(backup, work_dir=register)
    assert made and all(Path(m).parent == register for m in made)
    assert not any(Path(m).exists() for m in made)
    assert sorted(p.name for p in stick.iterdir()) == ["b.raptorbackup"]


def test_an_encrypted_backup_never_writes_the_register_in_plain(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from raptor_desktop.store import backup

    stick = tmp_path / "usb-stick"
    seen: list[str] = []
    real = backup._encrypt

    def look_while_encrypting(data: bytes, passphrase: str) -> bytes:
        # the moment a crash would leave behind whatever had been written so far
        for folder in (stick, tmp_path):
            for file in folder.rglob("*"):
                if file.is_file() and file.read_bytes()[:16] == b"SQLite format 3\x00":
                    seen.append(str(file.relative_to(tmp_path)))
        return real(data, passphrase)

    monkeypatch.setattr(backup, "_encrypt", look_while_encrypting)
    made = backup.make_backup(demo_store, stick / "b.raptorbackup", "a long passphrase here")
    assert [f for f in seen if not f.startswith("demo.sqlite3")] == []
    assert sorted(p.name for p in stick.iterdir()) == ["b.raptorbackup"]
    assert b"SQLite format 3" not in made.read_bytes()
