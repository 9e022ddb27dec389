"""Case summaries, intelligence text and common contacts from the window (issue 11)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from raptor_desktop.gui.contact_network_dialog import CommonContactsDialog
from raptor_desktop.gui.intel_dialog import IntelTextDialog
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.store.audit import AuditFilter, entries


def _disclose(dialog: QDialog) -> bool:
    assert isinstance(dialog, DisclosureDialog)
    dialog.recipient.setText("DI Patel")
    dialog.justification.setText("monthly review")
    dialog.save()
    return dialog.result() == QDialog.DialogCode.Accepted


def test_a_case_summary_is_shown_and_exported_in_the_background(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: list[QDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = window.summaries_page
    window.show_page(page)
    page.area.setCurrentIndex(page.area.findData("Thurrock"))
    page.show_figures()
    shown = {page.figures.topLevelItem(i).text(0) for i in range(page.figures.topLevelItemCount())}  # type: ignore[union-attr]
    assert "Type 2 closures (numbers disconnected under an order)" in shown
    assert page.message.text().startswith("Area Thurrock: 4 lines with 5 numbers, 1 application,")
    target = tmp_path / "thurrock.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.handle_dialog = _disclose  # type: ignore[attr-defined]
    page.export()
    qtbot.waitUntil(lambda: bool(page.last_written), timeout=30_000)
    assert page.last_written == [target]
    assert "CASE SUMMARY" in PdfReader(target).pages[0].extract_text()
    [entry] = entries(window.store, AuditFilter(category="disclosure"))[-1:]
    assert (entry.event, entry.recipient) == ("case summary (exported)", "DI Patel")


def test_intelligence_text_adds_its_unknown_numbers_as_lines(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = IntelTextDialog(window.store, "", window)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Tony on 07700 900101; new one 07700 900170 07700 900171")
    dialog.look_up()
    assert dialog.results.topLevelItemCount() == 3
    assert not dialog.add_contacts.isEnabled()  # no deal line selected in the Lines view
    dialog.add_lines.click()
    assert "Added 2 numbers" in dialog.message.text()
    labels = [dialog.results.topLevelItem(i).text(1) for i in range(3)]  # type: ignore[union-attr]
    assert all(label != "not in the register" for label in labels)


def test_common_contacts_from_the_contacts_view(window: MainWindow, dialogs: list[QDialog]) -> None:
    window.show_page(window.contacts_page)
    window.contacts_page.common_button.click()
    [dialog] = [d for d in dialogs if isinstance(d, CommonContactsDialog)]
    assert dialog.tree.topLevelItemCount() == len(dialog.found) >= 1
    QApplication.processEvents()


def test_a_type1_closure_is_recorded_for_the_selected_line(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    from raptor_desktop.core.figures import compute
    from raptor_desktop.gui.small_dialogs import ClosureDialog
    from raptor_desktop.store.scope_facts import Scope, scope_facts

    window.show_page(window.lines_page)
    window.lines_page.table.clearSelection()
    window.closure_action.trigger()  # needs a number of the line: it says so
    assert window.statusBar().currentMessage() == "Select one number of the line first."
    window.lines_page.select_number(1)

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, ClosureDialog)
        dialog.save()  # no note yet: refused with the reason
        assert "say what closed the line" in dialog.error.text().lower()
        dialog.note.setText("holder charged, PSD/2026/118")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = answer  # type: ignore[attr-defined]
    window.closure_action.trigger()
    assert compute(scope_facts(window.store, Scope()), date.today()).type1_closures == 1
