"""Building the hearing pack off the GUI thread, then saving, previewing or printing it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import StoreError
from raptor_desktop.store.exhibits import AttachmentDamaged

if TYPE_CHECKING:
    pass

PRINT_DPI = 200


class PackCancelled(Exception):
    pass


class PackWorker(QObject):
    """Builds the pack of one application on its own database connection."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, reference: str, actor: str) -> None:
        super().__init__()
        self._db_path = db_path
        self._reference = reference
        self._actor = actor
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int, title: str) -> None:
        if self._cancel.is_set():
            raise PackCancelled("cancelled")
        self.progress.emit(done, total, title)

    def run(self) -> None:
        from raptor_desktop.documents.pack import hearing_pack  # ReportLab loads on first use

        try:
            with Store.open(self._db_path, actor=self._actor) as store:
                case = load_case_file(store, self._reference)
            bundles = hearing_pack(case, progress=self._report)
        except PackCancelled:
            self.failed.emit("")
        except (AttachmentDamaged, StoreError, ValueError, OSError) as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug: report it rather than leave the dialog hanging
            self.failed.emit(f"The hearing pack could not be built: {error!r}")
        else:
            self.succeeded.emit(bundles)


def page_images(pdf: bytes, dpi: int = PRINT_DPI) -> list[QImage]:
    """Render every page of a PDF (pypdfium2) for printing and preview."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            images.append(image.copy())
            page.close()
    finally:
        document.close()
    return images


def paint_pages(printer: QPrinter, images: list[QImage]) -> None:
    """Draw rendered pages onto a printer (or a print preview), one per sheet, scaled to fit."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    painter = QPainter(printer)
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
