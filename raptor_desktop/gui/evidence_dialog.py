"""Line → Record evidence…: a marketing text, a test purchase, a seized handset or an
intelligence report recorded against the line of the number selected in the Lines view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.evidence import EVIDENCE_KINDS, EvidenceItem
from raptor_desktop.core.register import parse_price_pence
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.gui.widgets import pydate, uk_date_edit
from raptor_desktop.services.register import NumberDetail, add_number_evidence
from raptor_desktop.services.session import Store

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


class EvidenceDialog(OneChangeDialog):
    def __init__(self, store: Store, detail: NumberDetail, parent: QWidget | None = None) -> None:
        line = f"line {detail.line.brand!r}" if detail.line.brand else "the unnamed line"
        super().__init__(f"Record evidence against {line} ({detail.display})", parent)
        self._store, self._detail = store, detail
        self.kind = QComboBox()
        self.kind.addItems(EVIDENCE_KINDS)
        self.on = uk_date_edit()
        self.dated = QCheckBox("&known")
        self.dated.setChecked(True)
        self.dated.toggled.connect(self.on.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.on)
        when.addWidget(self.dated)
        when.addStretch(1)
        self.location = QLineEdit()
        self.location.setPlaceholderText("where: a test purchase's street, a stop's address")
        self.price = QLineEdit()
        self.price.setPlaceholderText("what a test purchase cost, e.g. £20")
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("its exhibit or intelligence reference")
        self.details = QPlainTextEdit()
        self.details.setPlaceholderText(
            "what it shows: the text sent, word for word; what was bought, from whom"
        )
        self.details.setTabChangesFocus(True)
        self.form.addRow("&Kind", self.kind)
        date_label = QLabel("&Date")
        date_label.setBuddy(self.on)  # a row of a layout has no field of its own to go to
        self.form.addRow(date_label, when)
        self.form.addRow("&Where", self.location)
        self.form.addRow("&Price", self.price)
        self.form.addRow("&Reference", self.reference)
        self.form.addRow("De&tails", self.details)
        self.resize(520, 0)

    def save(self) -> None:
        try:
            item = EvidenceItem(
                self.kind.currentText(),
                self.details.toPlainText(),
                pydate(self.on.date()) if self.dated.isChecked() else None,
                self.location.text(),
                parse_price_pence(self.price.text()),
                self.reference.text(),
            )
            add_number_evidence(self._store, self._detail.e164, item)
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()


def record_evidence(window: MainWindow) -> None:
    detail = window.chosen_number()
    if detail is None:
        return
    if window.run_dialog(EvidenceDialog(window.store, detail, window)):
        window.refresh(detail.id)
        window.statusBar().showMessage("Evidence recorded against its line.", 5000)
