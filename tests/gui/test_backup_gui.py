"""Back up and restore from the window: in the background, refusals, the old copy kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from raptor_desktop.core.lines import LineDetails
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.services.session import DEMO_PASSWORD, DEMO_USER
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.backup import SUFFIX, Credentials, check_backup, make_backup
from raptor_desktop.store.lines import add_number
from tests.registers import sign_in


def mine(window: MainWindow) -> Credentials:
    return Credentials(window.store.key, window.store.register)


def count_numbers(window: MainWindow) -> int:
    return int(window.store.db.execute("SELECT COUNT(*) FROM numbers").fetchone()[0])


def test_back_up_now_runs_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / f"by-hand{SUFFIX}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.backups.last_backup is not None, timeout=20_000)
    assert check_backup(target, mine(window), work_dir=tmp_path).numbers == count_numbers(window)
    [logged] = entries(window.store, AuditFilter(category="disclosure"))[-1:]
    assert (logged.event, logged.recipient) == ("backup", str(target))
    assert "Backed up to" in window.statusBar().currentMessage()


def test_a_short_passphrase_is_refused(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "b"), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("short", True))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    window.backup_action.trigger()
    assert warned == ["Use a passphrase of at least 12 characters."]
    assert not (tmp_path / "b").exists()


def test_restore_from_the_window_keeps_the_old_database(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(window.store, DEMO_USER, DEMO_PASSWORD)  # an administrator the backup holds
    backup = make_backup(window.store, tmp_path / f"before{SUFFIX}")
    before = count_numbers(window)
    add_number(window.store, "07700 900555", LineDetails(brand="Later"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.restore_action.trigger()
    assert count_numbers(window) == before
    assert "Restored; the old database is in" in window.statusBar().currentMessage()
    safety = Path(window.statusBar().currentMessage().rsplit(" in ", 1)[1])
    assert check_backup(safety, mine(window), work_dir=tmp_path).numbers == before + 1
    # the home screen is read afresh off the GUI thread: its entry comes when that read ends
    qtbot.waitUntil(lambda: entries(window.store)[-1].event == "dashboard", timeout=20_000)
    events = [e.event for e in entries(window.store)]
    assert events[-3:] == ["restore from backup", "list numbers", "dashboard"]  # shown afresh


def test_a_backup_without_the_officer_is_refused_and_nothing_changes(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The restoring officer must be an administrator in the backup, or nobody could go on."""
    backup = make_backup(window.store, tmp_path / f"before{SUFFIX}")  # has only "trainer"
    add_number(window.store, "07700 900555", LineDetails(brand="Later"))
    before = count_numbers(window)
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    window.restore_action.trigger()
    assert len(warned) == 1 and "no administrator account 'tester'" in warned[0]
    assert count_numbers(window) == before


def test_a_damaged_backup_is_refused_and_nothing_changes(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / f"damaged{SUFFIX}"
    damaged.write_bytes(b"PK\x03\x04 not really a backup")
    warned: list[str] = []
    before = count_numbers(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(damaged), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    window.restore_action.trigger()
    assert len(warned) == 1 and warned[0].endswith("The database was not changed.")
    assert count_numbers(window) == before
