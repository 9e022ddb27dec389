"""File → Export this list… and Print this list…: the table of the view in front, as the
officer sees it (its filter, its sort, its shown columns), after saying who receives it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView

from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.navigation import view_title
from raptor_desktop.gui.pack_dialog import PreviewDialog
from raptor_desktop.gui.pack_task import page_images
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.services.failures import describe
from raptor_desktop.services.list_export import (
    ShownList,
    export_list,
    printable,
    record_list_printed,
)

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


def shown_list(table: QTableView, title: str) -> ShownList:
    model = table.model()
    columns = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    rows = [
        ["" if (v := model.data(model.index(r, c))) is None else str(v) for c in columns]
        for r in range(model.rowCount())
    ]
    return ShownList(title, headers, rows)


class ListActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_exported: Path | None = None  # tests wait on it

    def _current(self) -> ShownList | None:
        page = self.window.pages.currentWidget()
        table = getattr(page, "table", None)
        if not isinstance(table, QTableView):
            self.window.statusBar().showMessage("This view has no list to export.", 5000)
            return None
        row = self.window.pages.currentIndex()
        title = view_title(self.window.nav.item(row).text())
        return shown_list(table, f"{title} — {self.window.store.path.name}")

    def _recipient(self) -> Recipient | None:
        disclosure = DisclosureDialog("", "", self.window)
        if not self.window.run_dialog(disclosure):
            return None
        return Recipient(disclosure.recipient.text(), disclosure.justification.text())

    def export(self) -> None:
        shown = self._current()
        to = self._recipient() if shown else None
        if shown is None or to is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "Export this list",
            f"{shown.title.split(' — ')[0].lower()}-{date.today().isoformat()}.xlsx",
            "Workbook (*.xlsx);;CSV (*.csv);;PDF for printing (*.pdf)",
        )
        if not name:
            return
        try:
            self.last_exported = export_list(self.window.store, shown, Path(name), to)
        except (Refusal, OSError) as error:
            QMessageBox.warning(self.window, "Export", describe(error, "exporting the list"))
            return
        self.window.statusBar().showMessage(
            f"Exported {plural(len(shown.rows), 'row')} to {name}.", 8000
        )

    def print_list(self) -> None:
        shown = self._current()
        to = self._recipient() if shown else None
        if shown is None or to is None:
            return
        images = page_images(printable(self.window.store, shown))

        def printed() -> bool:
            preview.view.print_()
            record_list_printed(self.window.store, shown, preview.printer.printerName(), to)
            return True

        preview = PreviewDialog(images, printed, self.window)
        preview.setWindowTitle(f"{shown.title} — preview")
        self.window.run_dialog(preview)
