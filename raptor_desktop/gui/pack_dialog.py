"""What to do with a finished hearing pack: save it, preview it, or print it.

Saving and printing are disclosures: the officer says who receives the pack and why first,
and the entry is logged once the file is written or the print job sent (``services.packs``).
The preview has its own Print button, which goes the same way.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.pack_task import page_images, paint_pages
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.services.failures import describe
from raptor_desktop.services.packs import (
    HearingPack,
    preview_pack,
    record_pack_printed,
    save_pack,
)
from raptor_desktop.services.printing import CannotPrint
from raptor_desktop.services.session import Store

RunDialog = Callable[[QDialog], bool]
EMAIL_LIMIT_MB = 36  # what court addresses accept by e-mail (the judiciary's bundle guidance)


class PreviewDialog(QDialog):
    """The pack's pages as they will print, with a Print… button that discloses properly."""

    def __init__(self, images: list[QImage], print_pack: Callable[[], bool], parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle("Hearing pack — preview")
        self._images = images
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.view = QPrintPreviewWidget(self.printer, self)
        self.view.paintRequested.connect(lambda p: paint_pages(p, self._images))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: self._print(print_pack))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 900)

    def _print(self, print_pack: Callable[[], bool]) -> None:
        if print_pack():
            self.accept()


class PackDialog(QDialog):
    def __init__(
        self,
        pack: HearingPack,
        store: Store,
        run_dialog: RunDialog,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self._store = store
        self._run_dialog = run_dialog
        self.saved: list[Path] = []
        self.setWindowTitle("Hearing pack")
        lines = []
        for bundle in pack.bundles:
            pages = bundle.entries[-1].last_page if bundle.entries else 1
            megabytes = len(bundle.pdf) / (1024 * 1024)
            too_big = (
                " — <b>over the 36 MB courts accept by e-mail</b>"
                if megabytes > EMAIL_LIMIT_MB
                else ""
            )
            lines.append(
                f"<li><b>{bundle.file_name}</b> — {plural(pages, 'page')}, "
                f"{len(bundle.entries)} documents, {megabytes:.1f} MB{too_big}</li>"
            )
        split = (
            " It is over 300 pages, so it is split into bundles, each with its own index."
            if len(pack.bundles) > 1
            else ""
        )
        draft = (
            " <b>It is marked DRAFT — NOT FOR SERVICE on every page: the application still "
            "has gaps.</b>"
            if pack.draft
            else ""
        )
        notes = "".join(f"<p>{html.escape(note)}.</p>" for note in pack.notes)
        self.summary = QLabel(
            f"<p>The hearing pack is ready.{split}{draft}</p><ul>{''.join(lines)}</ul>{notes}"
        )
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton("&Save PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        preview = buttons.addButton("Pre&view…", QDialogButtonBox.ButtonRole.ActionRole)
        print_ = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save)
        preview.clicked.connect(self.preview)
        print_.clicked.connect(self.print_pack)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(560, 0)
        # a wrapped label's height depends on its width, which a dialog's own minimum size
        # does not ask: without this the last line of a long file name was cut off
        margins = layout.contentsMargins()
        width = 560 - margins.left() - margins.right()
        self.summary.setMinimumHeight(self.summary.heightForWidth(width))

    def _recipient(self) -> Recipient | None:
        """Who receives the pack and why (asked before the act, logged after it)."""
        default = self.pack.default_recipient()
        dialog = DisclosureDialog(default.name, default.justification, self)
        if not self._run_dialog(dialog):
            return None
        return Recipient(dialog.recipient.text(), dialog.justification.text())

    def save(self) -> None:
        to = self._recipient()
        if to is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Save hearing pack",
            self.pack.bundles[0].file_name.replace(" A.pdf", ".pdf"),
            "PDF (*.pdf)",
        )
        if not name:
            return
        try:
            self.saved = save_pack(self._store, self.pack, Path(name), to)
        except (Refusal, OSError) as error:
            QMessageBox.warning(self, "Save hearing pack", describe(error, "saving the pack"))
            return
        self.summary.setText(
            self.summary.text() + "<p>Saved: " + ", ".join(str(p) for p in self.saved) + "</p>"
        )

    def _images(self, pdfs: list[bytes] | None = None) -> list[QImage]:
        shown = pdfs if pdfs is not None else [bundle.pdf for bundle in self.pack.bundles]
        return [image for pdf in shown for image in page_images(pdf)]

    def preview(self) -> None:
        images = self._images(preview_pack(self._store, self.pack))  # logged as a consultation
        self._run_dialog(PreviewDialog(images, self.print_pack, self))

    def choose_printer(self, printer: QPrinter) -> bool:
        """The system's print dialog (tests answer it through this method)."""
        return QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted

    def print_pack(self) -> bool:
        """Ask who receives it, print, then log the disclosure; False if not printed."""
        to = self._recipient()
        if to is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.choose_printer(printer):
            return False
        try:
            paint_pages(printer, self._images())
        except CannotPrint as error:
            QMessageBox.warning(self, "Print hearing pack", as_sentence(error.full_message()))
            return False
        record_pack_printed(self._store, self.pack, to, printer.outputFileName())
        return True
