"""The window's face of case packages: Settings → Workstations, File → Import case package…
(with its preview), and the Conflicts view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from raptor_desktop.core.exchange import fingerprint
from raptor_desktop.gui.conflicts_dialog import ConflictsDialog
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.workstations_tab import AddPeerDialog, WorkstationsTab
from raptor_desktop.services import exchange as ex
from raptor_desktop.store.lines import add_number, find_number
from tests.exchange_units import TONY, Unit, both_edit_notes
from tests.gui.conftest import make_window


def test_a_peer_is_added_in_settings_only_with_the_fingerprint_read_out(
    qtbot: QtBot, unit: Unit, tmp_path: Path
) -> None:
    from raptor_desktop.core.accounts import Role
    from tests.registers import open_store

    with open_store(
        tmp_path / "carol.sqlite3", training=True, actor="carol", role=Role.ADMINISTRATOR
    ) as carol:
        tab = WorkstationsTab(carol)
        qtbot.addWidget(tab)
        assert tab.set_up.isEnabled() and not tab.add.isEnabled()
        ex.set_up_identity(carol, "carol")
        tab.load()
        assert ex.own_identity(carol).fingerprint in tab.identity.text()
        dialog = AddPeerDialog(carol, tab)
        qtbot.addWidget(dialog)
        card = tmp_path / "main.identity.json"
        dialog.file.setText(str(card))
        dialog.fingerprint.setText("00000 00000 00000 00000 00000")
        dialog.save()
        assert "fingerprint typed is not" in dialog.error.text()
        assert ex.list_peers(carol) == []
        dialog.fingerprint.setText(fingerprint(ex.read_identity_file(card).public_key))
        dialog.save()
        assert [p.name for p in ex.list_peers(carol)] == ["main"]
        tab.load()
        assert tab.table.item(0, 0).text() == "main"


def test_importing_a_package_shows_what_it_will_change_then_applies_it(
    qtbot: QtBot, unit: Unit, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_number(unit.stores["alice"], "07700 900123", TONY)
    package = unit.package("alice", "main")
    window: MainWindow = make_window(qtbot, unit.stores["main"])
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(package), ""))
    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    window.exchange.import_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "Package 1 from alice" in asked[0] and "3 records added" in asked[0]
    assert "Imported: 3 records added" in told[0]
    assert find_number(unit.stores["main"], "07700 900123").status.value == "identified"
    window.exchange.wait()


def test_a_conflict_is_decided_in_the_conflicts_view(qtbot: QtBot, unit: Unit) -> None:
    both_edit_notes(unit, "a", "b")
    main = unit.stores["main"]
    dialog = ConflictsDialog(main)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in (1, 2, 3)]
    assert cells[0] == "notes"
    assert cells[1].startswith("a\n— alice, ") and cells[2].startswith("b\n— bob, ")
    assert cells[2].endswith(", on bob")
    dialog.theirs.click()
    assert dialog.table.rowCount() == 0 and not dialog.theirs.isEnabled()
    assert main.db.execute("SELECT notes FROM lines").fetchone()[0] == "b"


def test_the_export_dialog_asks_why_and_what_before_it_exports(qtbot: QtBot, unit: Unit) -> None:
    from raptor_desktop.gui.exchange_actions import ExportPackageDialog

    dialog = ExportPackageDialog(unit.stores["main"])
    qtbot.addWidget(dialog)
    assert [dialog.peer.itemText(i) for i in range(dialog.peer.count())] == ["alice", "bob"]
    assert Path(dialog.file.text()).name.startswith("to-alice-")
    dialog.peer.setCurrentText("bob")
    assert Path(dialog.file.text()).name.startswith("to-bob-")
    assert not dialog.which.isEnabled()  # everything since the last package needs no name
    dialog.save()
    assert "Say why" in dialog.error.text() and dialog.chosen is None
    dialog.scope.setCurrentIndex(1)
    assert dialog.which.isEnabled()
    dialog.justification.setText("case work")
    dialog.save()
    assert "reference or the line's brand" in dialog.error.text() and dialog.chosen is None
    dialog.which.setText("RAP-2026-001")
    dialog.save()
    assert dialog.chosen is not None
    peer, scope, _out, why = dialog.chosen
    assert (peer, scope.application, why) == ("bob", "RAP-2026-001", "case work")


def test_no_letter_leads_to_two_fields_of_an_exchange_dialog(qtbot: QtBot, unit: Unit) -> None:
    from raptor_desktop.gui.exchange_actions import ExportPackageDialog
    from tests.gui.test_mnemonics import clashes

    for dialog in (ExportPackageDialog(unit.stores["main"]), AddPeerDialog(unit.stores["main"])):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert clashes(dialog) == [], type(dialog).__name__


def test_a_conflict_s_notes_are_edited_on_several_lines(
    qtbot: QtBot, unit: Unit, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    both_edit_notes(unit, "a", "b")
    main = unit.stores["main"]
    dialog = ConflictsDialog(main)
    qtbot.addWidget(dialog)
    offered: list[str] = []

    def typed(_parent: object, _title: str, _label: str, text: str) -> tuple[str, bool]:
        offered.append(text)
        return "first line\nsecond line", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", typed)
    dialog.edit.click()
    assert offered == ["a"]
    assert main.db.execute("SELECT notes FROM lines").fetchone()[0] == "first line\nsecond line"
    assert "kept 'first line\\nsecond line'" in dialog.message.text()
