"""Exporting and printing the list a view shows (issue 12): as shown, a logged disclosure."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QFileDialog

from raptor_desktop.gui.list_actions import shown_list
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.pack_dialog import PreviewDialog
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.services.list_export import printable
from raptor_desktop.store.audit import AuditFilter, entries


def _answer(dialog: QDialog) -> bool:
    if isinstance(dialog, DisclosureDialog):
        dialog.recipient.setText("DS Moore")
        dialog.justification.setText("briefing on Thurrock lines")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted
    return False


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".pdf"])
def test_the_lines_view_exports_what_it_shows(
    window: MainWindow,
    dialogs: list[QDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    window.show_page(window.lines_page)
    window.lines_page.filter_to("Thurrock", "")
    shown = window.lines_page.model.rowCount()
    target = tmp_path / f"lines{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.handle_dialog = _answer  # type: ignore[attr-defined]
    window.export_list_action.trigger()
    assert window.lists.last_exported == target
    if suffix == ".xlsx":
        rows = list(load_workbook(target).active.iter_rows(values_only=True))  # type: ignore[union-attr]
        assert rows[0][:2] == ("Number", "Line") and len(rows) == shown + 1
    elif suffix == ".csv":
        assert len(target.read_text(encoding="utf-8-sig").splitlines()) == shown + 1
    else:
        text = PdfReader(target).pages[0].extract_text()
        assert "Lines" in text and "OFFICIAL-SENSITIVE" in text and "Page 1 of" in text
    [entry] = entries(window.store, AuditFilter(category="disclosure"))[-1:]
    assert (entry.event, entry.recipient) == ("export list", "DS Moore")
    assert f"{shown} rows" in entry.records


def test_printing_a_list_shows_a_preview_and_logs_the_print(
    window: MainWindow, dialogs: list[QDialog], tmp_path: Path
) -> None:
    window.show_page(window.orders_page)

    def answer(dialog: QDialog) -> bool:
        if isinstance(dialog, PreviewDialog):
            dialog.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
            dialog.print_button.click()
            return True
        return _answer(dialog)

    window.handle_dialog = answer  # type: ignore[attr-defined]
    window.print_list_action.trigger()
    assert any(isinstance(d, PreviewDialog) for d in dialogs)
    [entry] = entries(window.store, AuditFilter(category="disclosure"))[-1:]
    assert entry.event == "print list" and entry.records.startswith("Orders")
    pdf = printable(window.store, shown_list(window.orders_page.table, "Orders"))
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1
