"""The window and the command line log the same entries for the same act.

Two demo registers, made alike; the same hearing-pack save, pack print, backup and restore
are done through ``raptor`` on one and through the window on the other, as the same officer,
and the data-protection log entries each act wrote are compared field by field.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from raptor_desktop.__main__ import main
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.pack_dialog import PackDialog
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.services.session import DEMO_PASSWORD, DEMO_USER, sign_in
from raptor_desktop.store.backup import Credentials, check_backup
from tests.gui.conftest import home_read
from tests.registers import raw_connection

Entry = tuple[str, str, str, str, str, str]


def log_after(path: Path, last_id: int) -> list[Entry]:
    """Entries written after ``last_id``, less sign-ins (a face may sign in more than once)."""
    with raw_connection(path) as conn:
        rows = conn.execute(
            "SELECT user, category, event, records, justification, recipient FROM audit_log "
            "WHERE id > ? AND event != 'sign in' ORDER BY id",
            [last_id],
        ).fetchall()
    conn.close()
    return [tuple(r) for r in rows]


def newest_in_backup(backup: Path, folder: Path) -> int:
    """The newest entry of the register a backup holds (a restore's entries follow it)."""
    credentials = Credentials(username=DEMO_USER, password=DEMO_PASSWORD)
    return check_backup(backup, credentials, work_dir=folder).last_entry


def newest_id(path: Path) -> int:
    with raw_connection(path) as conn:
        found = conn.execute("SELECT MAX(id) FROM audit_log").fetchone()[0]
    conn.close()
    return int(found)


def same_folder(entry: Entry, face: str) -> Entry:
    """The entry with the face's own backup folder named alike, so the two can be compared."""
    return tuple(  # type: ignore[return-value]
        # Each register's own log numbers its entries (the command line also logs sign-ins).
        re.sub(
            r"before-restore-\d{8}T\d{6}Z",
            "before-restore-STAMP",
            re.sub(r"entries \d+–\d+", "entries N–M", field),
        )
        .replace(f"/{face}/", "/FACE/")
        .replace(f"/by-{face}/", "/by-FACE/")
        for field in entry
    )


@pytest.fixture
def registers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    made = []
    for name in ("by-cli", "by-window"):
        path = tmp_path / name / "register.sqlite3"
        assert main(["--db", str(path), "--demo", "warnings"]) == 0
        made.append(path)
    capsys.readouterr()
    return made[0], made[1]


def cli(path: Path, *args: str) -> None:
    assert main(["--db", str(path), "--demo", *args]) == 0


def test_both_faces_log_the_same_entries_for_the_same_acts(
    qtbot: QtBot,
    registers: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    by_cli, by_window = registers
    with raw_connection(by_cli) as conn:
        reference = conn.execute("SELECT reference FROM applications ORDER BY id").fetchone()[0]
    conn.close()
    pack_file = tmp_path / "out" / "pack.pdf"
    pack_file.parent.mkdir()
    # Each face backs up and restores its own register; the files differ only in folder.
    backups = {face: tmp_path / face / "register.raptorbackup" for face in ("cli", "window")}
    for path in backups.values():
        path.parent.mkdir()
    spooled: list[bytes] = []

    def fake_lp(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        spooled.append(kwargs["input"])  # type: ignore[arg-type]
        return subprocess.CompletedProcess(command, 0, b"", b"")

    # Only the spooler's own names: patching shutil or subprocess for everyone leaks into pypdf.
    monkeypatch.setattr("raptor_desktop.services.printing.which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr("raptor_desktop.services.printing.run", fake_lp)

    acts: list[tuple[str, Callable[[], None], Callable[[MainWindow], None]]] = []

    # -- the window's side: a signed-in window on the second register ------------------------
    store = sign_in(by_window, DEMO_USER, DEMO_PASSWORD).store
    window = MainWindow(store)
    qtbot.addWidget(window)
    home_read(qtbot, window)  # its home screen read (off the GUI thread) before the acts
    answers: list[Callable[[QDialog], bool]] = []

    def run_dialog(dialog: QDialog) -> bool:
        if isinstance(dialog, DisclosureDialog):
            dialog.save()
            return dialog.result() == QDialog.DialogCode.Accepted
        if isinstance(dialog, PackDialog):
            return answers[-1](dialog)
        return False

    monkeypatch.setattr(window, "run_dialog", run_dialog)

    def window_pack(do: Callable[[PackDialog], object]) -> None:
        answers.append(lambda dialog: bool(do(dialog)) or True)  # type: ignore[arg-type]
        window.applications.last_pack = None
        window.applications.build_pack(reference)
        qtbot.waitUntil(lambda: window.applications.last_pack is not None, timeout=30_000)

    def to_file(printer: QPrinter) -> bool:
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return True

    def window_print(dialog: PackDialog) -> bool:
        monkeypatch.setattr(dialog, "choose_printer", to_file)
        return dialog.print_pack()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pack_file), ""))
    acts.append(
        (
            "pack saved",
            lambda: cli(by_cli, "hearing-pack", reference, "--out", str(pack_file)),
            lambda w: window_pack(lambda dialog: dialog.save()),
        )
    )
    acts.append(
        (
            "pack printed",
            lambda: cli(by_cli, "hearing-pack", reference, "--print"),
            lambda w: window_pack(window_print),
        )
    )

    def window_backup(w: MainWindow) -> None:
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, **k: (str(backups["window"]), "")
        )
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
        w.backups.last_backup = None
        w.backup_action.trigger()
        qtbot.waitUntil(lambda: w.backups.last_backup is not None, timeout=20_000)

    acts.append(
        ("backup", lambda: cli(by_cli, "backup", "--out", str(backups["cli"])), window_backup)
    )

    def window_restore(w: MainWindow) -> None:
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", lambda *a, **k: (str(backups["window"]), "")
        )
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        w.restore_action.trigger()
        home_read(qtbot, w)  # the restored register's home screen (its pages are new)

    acts.append(("restore", lambda: cli(by_cli, "restore", str(backups["cli"])), window_restore))

    for name, through_cli, through_window in acts:
        if name == "restore":  # the register goes back to the backup's log, then logs on
            before_cli = newest_in_backup(backups["cli"], tmp_path)
            before_window = newest_in_backup(backups["window"], tmp_path)
        else:
            before_cli, before_window = newest_id(by_cli), newest_id(by_window)
        through_cli()
        from_cli = [same_folder(e, "cli") for e in log_after(by_cli, before_cli)]
        through_window(window)
        from_window = [same_folder(e, "window") for e in log_after(by_window, before_window)]
        if name == "restore":  # the window then shows the restored register: its home screen
            shown = ("list numbers", "dashboard")  # and its listing
            for event in shown:
                assert ("trainer", "consultation", event) in [e[:3] for e in from_window]
            from_window = [e for e in from_window if e[2] not in shown]
        if name == "pack printed":  # no printer here: the window's print dialog printed to a file
            printed_to = f" -> {tmp_path / 'printed.pdf'}"
            assert from_window[0][3].endswith(printed_to)
            from_window = [(*e[:3], e[3].removesuffix(printed_to), *e[4:]) for e in from_window]
        assert from_cli, f"{name}: the command line logged nothing"
        assert from_cli == from_window, name
    assert len(spooled) == 1 and spooled[0].startswith(b"%PDF")
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
