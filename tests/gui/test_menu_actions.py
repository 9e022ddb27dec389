"""Every menu action an officer can reach does its job (the dialogs answered by the test)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from raptor_desktop.gui.admin_dialogs import AuditDialog
from raptor_desktop.gui.application_editor import ApplicationEditor
from raptor_desktop.gui.line_dialog import LineDialog
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.store.audit import entries
from raptor_desktop.store.line_detail import number_detail
from raptor_desktop.store.reference import area_names


def select(window: MainWindow, e164: str) -> int:
    number_id = int(
        window.store.db.execute("SELECT id FROM numbers WHERE e164 = ?", [e164]).fetchone()[0]
    )
    assert window.lines_page.select_number(number_id)
    return number_id


def test_edit_line_saves_the_change(window: MainWindow, dialogs: list[QDialog]) -> None:
    number_id = select(window, "+447700900105")

    def edit(dialog: QDialog) -> bool:
        assert isinstance(dialog, LineDialog)
        assert dialog.brand.text() == "Milly"
        dialog.intel_refs.setText("IL/2026/0999")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = edit  # type: ignore[attr-defined]
    window.edit_action.trigger()
    assert number_detail(window.store, number_id).line.intel_refs == "IL/2026/0999"
    assert window.lines_page.selected_id() == number_id


def test_a_provider_off_the_networks_list_is_offered_the_list_and_refused(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    number_id = select(window, "+447700900105")
    said: list[str] = []

    def edit(dialog: QDialog) -> bool:
        assert isinstance(dialog, LineDialog)
        offered = dialog.provider.completer().model()
        assert "Vodafone" in [offered.index(r, 0).data() for r in range(offered.rowCount())]
        dialog.provider.setText("Vodaphone")
        dialog.save()
        said.append(dialog.error.text())
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = edit  # type: ignore[attr-defined]
    window.edit_action.trigger()
    assert "did you mean Vodafone?" in said[0]
    assert number_detail(window.store, number_id).provider_confirmed == ""


def test_replacement_number_joins_the_same_line(window: MainWindow, dialogs: list[QDialog]) -> None:
    old_id = select(window, "+447700900105")

    def replace(dialog: QDialog) -> bool:
        assert isinstance(dialog, LineDialog)
        assert dialog.windowTitle() == "Replacement number for line Milly"
        dialog.number.setText("07700 900160")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = replace  # type: ignore[attr-defined]
    window.replace_action.trigger()
    new = number_detail(window.store, window.lines_page.selected_id() or 0)
    assert new.display == "07700 900160"
    assert new.line_id == number_detail(window.store, old_id).line_id
    assert new.replaces == "+447700900105"


def test_add_area(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Canvey Island", True))
    window.add_area_action.trigger()
    assert "Canvey Island" in area_names(window.store)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    window.add_area_action.trigger()  # the same name again
    assert len(warned) == 1 and "Canvey Island" in warned[0]


def test_new_and_open_application(window: MainWindow, dialogs: list[QDialog]) -> None:
    window.lines_page.table.clearSelection()  # no number chosen: an empty new application
    page = window.applications_page
    before = page.model.rowCount()
    window.new_application_action.trigger()
    editor = window.applications.editors[next(iter(window.applications.editors))]
    assert isinstance(editor, ApplicationEditor) and editor.isVisible()
    editor.close()  # closed untouched: no empty draft is left
    assert page.model.rowCount() == before and not window.applications.editors
    assert "no draft was kept" in window.statusBar().currentMessage()
    assert entries(window.store)[-1].event == "delete draft application"

    window.new_application_action.trigger()
    [editor] = window.applications.editors.values()
    reference = editor.reference
    editor.court.setCurrentText("County Court at Chelmsford")
    assert editor.save()
    editor.close()
    assert page.model.rowCount() == before + 1
    row = next(r for r in range(page.model.rowCount()) if page.model.reference(r) == reference)
    page.table.selectRow(row)
    window.open_application_action.trigger()
    assert [e.reference for e in window.applications.editors.values()] == [reference]


def test_open_application_without_a_selection_says_what_to_do(window: MainWindow) -> None:
    window.applications_page.table.clearSelection()
    window.open_application_action.trigger()
    assert window.pages.currentWidget() is window.applications_page
    assert window.statusBar().currentMessage() == "Select an application first."


def test_audit_log_viewer_opens_for_an_administrator(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    window.handle_dialog = lambda dialog: False  # type: ignore[attr-defined]
    window.audit_action.trigger()
    viewer = dialogs[-1]
    assert isinstance(viewer, AuditDialog)
    assert viewer.model.rowCount() > 0


def test_about_and_refresh(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda *a: shown.append(a[2]))
    window.about_action.trigger()
    assert shown and "Raptor Desktop" in shown[0] and str(window.store.path) in shown[0]
    window.show_page(window.lines_page)
    window.refresh_action.trigger()
    assert window.view_count.text() == "13 of 13 numbers shown"


def test_right_click_offers_the_row_actions(window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    table = window.lines_page.table
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    offered = [a for a in table.actions() if not a.isSeparator()]
    assert window.edit_action in offered and window.import_contacts_action in offered
    assert window.pack_action in window.applications_page.table.actions()


def test_an_action_on_a_number_says_when_none_is_selected(window: MainWindow) -> None:
    """Not a disabled action that does nothing: it says what it needs (issue 12)."""
    window.show_page(window.orders_page)
    window.lines_page.table.clearSelection()
    for action in (window.edit_action, window.status_action, window.device_action):
        assert action.isEnabled()
        window.statusBar().clearMessage()
        action.trigger()
        assert window.statusBar().currentMessage() == "Select a number in the Lines view first."
        assert window.pages.currentWidget() is window.lines_page
    window.lines_page.select_number(1)
    assert window.edit_action.statusTip() == "Edit line: 07700 900101"


def test_a_new_application_made_of_chosen_numbers_is_kept_when_closed(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    """Numbers chosen in the Lines view and put in a new application are work done: closing
    its window keeps the draft (only an empty new one goes)."""
    page = window.applications_page
    before = page.model.rowCount()
    editor = window.applications.new_application(["07700 900103", "07700 900113"])
    assert editor is not None
    reference = editor.reference
    editor.close()
    page.model.refresh()
    assert page.model.rowCount() == before + 1
    assert reference in [page.model.reference(r) for r in range(page.model.rowCount())]
    assert "no draft was kept" not in window.statusBar().currentMessage()
