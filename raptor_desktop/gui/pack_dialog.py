"""What to do with a finished hearing pack: save it, preview it, or print it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.audit import Category
from raptor_desktop.gui.pack_task import page_images, paint_pages
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.store.database import Store

if TYPE_CHECKING:
    from raptor_desktop.documents.pack import Bundle


class PackDialog(QDialog):
    def __init__(
        self,
        bundles: list[Bundle],
        store: Store,
        case_reference: str,
        court: str,
        run_dialog: Callable[[QDialog], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bundles = bundles
        self._store = store
        self._reference = case_reference
        self._court = court
        self._run_dialog = run_dialog
        self.saved: list[Path] = []
        self.setWindowTitle("Hearing pack")
        lines = []
        for bundle in bundles:
            pages = bundle.entries[-1].last_page if bundle.entries else 1
            lines.append(
                f"<li><b>{bundle.file_name}</b> — {pages} pages, "
                f"{len(bundle.entries)} documents</li>"
            )
        split = (
            " It is over 300 pages, so it is split into bundles, each with its own index."
            if len(bundles) > 1
            else ""
        )
        self.summary = QLabel(f"<p>The hearing pack is ready.{split}</p><ul>{''.join(lines)}</ul>")
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton("Save PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        preview = buttons.addButton("Preview…", QDialogButtonBox.ButtonRole.ActionRole)
        print_ = buttons.addButton("Print…", QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save)
        preview.clicked.connect(self.preview)
        print_.clicked.connect(self.print_pack)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _disclose(self, how: str) -> bool:
        """Ask who receives the pack and why, and log the disclosure; False if cancelled."""
        dialog = DisclosureDialog(self._court, "hearing bundle for the DDTRO application", self)
        if not self._run_dialog(dialog):
            return False
        self._store.log(
            Category.DISCLOSURE,
            f"hearing pack ({how})",
            self._reference,
            justification=dialog.justification.text(),
            recipient=dialog.recipient.text(),
        )
        return True

    def save(self) -> None:
        from raptor_desktop.documents.pack import write_bundles

        if not self._disclose("saved as PDF"):
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Save hearing pack",
            self.bundles[0].file_name.replace(" A.pdf", ".pdf"),
            "PDF (*.pdf)",
        )
        if name:
            self.saved = write_bundles(self.bundles, Path(name))
            self.summary.setText(
                self.summary.text() + "<p>Saved: " + ", ".join(str(p) for p in self.saved) + "</p>"
            )

    def _images(self) -> list:  # type: ignore[type-arg]
        return [image for bundle in self.bundles for image in page_images(bundle.pdf)]

    def preview(self) -> None:
        images = self._images()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda p: paint_pages(p, images))
        dialog.exec()

    def print_pack(self) -> None:
        if not self._disclose("printed"):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            paint_pages(printer, self._images())
