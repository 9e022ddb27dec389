"""Building the hearing pack off the GUI thread, and drawing its pages for print and preview."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from raptor_desktop.services.failures import describe
from raptor_desktop.services.packs import build_pack, build_supplement
from raptor_desktop.services.printing import CannotPrint
from raptor_desktop.services.session import Session

PRINT_DPI = 200


class PackCancelled(Exception):
    """The officer cancelled the build; nothing was made."""


class PackWorker(QObject):
    """Builds the pack of one application (on its own connection, as the signed-in officer),
    or, given the bundle as ``served``, its supplementary bundle."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(
        self, session: Session, reference: str, *, draft: bool = False, served: Path | None = None
    ) -> None:
        super().__init__()
        self._session = session
        self._reference = reference
        self._draft = draft
        self._served = served
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int, title: str) -> None:
        if self._cancel.is_set():
            raise PackCancelled("cancelled")
        self.progress.emit(done, total, title)

    def run(self) -> None:
        try:
            if self._served is not None:
                self._report(0, 1, "the supplementary bundle")
                pack = build_supplement(self._session, self._reference, self._served)
            else:
                pack = build_pack(self._session, self._reference, self._report, draft=self._draft)
        except PackCancelled:
            self.failed.emit("")
        except Exception as error:  # a refusal as it is; a bug logged with its traceback
            self.failed.emit(describe(error, "building the hearing pack"))
        else:
            self.succeeded.emit(pack)


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
    painter = QPainter()
    if not painter.begin(printer):
        raise CannotPrint("the printer could not be opened: nothing was printed")
    try:
        for number, image in enumerate(images):
            if number and not printer.newPage():
                raise CannotPrint(f"the printer stopped after page {number}")
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise CannotPrint("the printer reported an error; the pack may not have printed")
