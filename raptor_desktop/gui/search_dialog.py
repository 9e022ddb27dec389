"""Search everything (Ctrl+F from any view): results grouped by kind, Enter opens one.

A search runs when Enter is pressed in the box (each search is a logged consultation, so not
one per keystroke); Enter or a double-click on a result opens the record in its view, and the
window stays open for the next search.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.services.search import KIND_TITLES, Hit, search
from raptor_desktop.services.session import Store

TARGET = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    """Not modal: the officer looks from one record to the next while the results stay."""

    opened = Signal(str, object)  # the kind of record to open, and its id or reference

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search everything")
        self._store = store
        self.text = QLineEdit()
        self.text.setPlaceholderText(
            "A number in any form (4+ digits), a line name, an IMEI, a reference, a mark…"
        )
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(self.run_search)
        self.results = QTreeWidget()
        self.results.setHeaderLabels(["Found", "Where"])
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.results.setRootIsDecorated(False)
        self.results.itemActivated.connect(self._activated)
        self.summary = QLabel("Type what to look for and press Enter.")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.resize(720, 480)

    def reject(self) -> None:
        """Escape empties the search box, as in every view; on an empty box it closes."""
        if self.text.text():
            self.text.clear()
            self.text.setFocus()
            return
        super().reject()

    def run_search(self) -> None:
        self.results.clear()
        try:
            hits = search(self._store, self.text.text())
        except Refusal as error:
            self.summary.setText(as_sentence(error.full_message()))
            return
        self._show(hits)

    def _show(self, hits: list[Hit]) -> None:
        if not hits:
            self.summary.setText(f"Nothing found for “{self.text.text().strip()}”.")
            return
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            group = groups.get(hit.kind)
            if group is None:
                group = QTreeWidgetItem([KIND_TITLES[hit.kind], ""])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.results.addTopLevelItem(group)
                groups[hit.kind] = group
            item = QTreeWidgetItem(["    " + hit.label, hit.detail])
            item.setData(0, TARGET, hit.opens)
            group.addChild(item)
        for kind, group in groups.items():
            group.setText(0, f"{KIND_TITLES[kind]} ({group.childCount()})")
        self.results.expandAll()
        first = next(iter(groups.values())).child(0)
        if first is not None:
            self.results.setCurrentItem(first)
        self.results.setFocus()
        self.summary.setText(f"{len(hits)} found. Enter or a double-click opens the record.")

    def _activated(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, TARGET)
        if target:
            kind, value = target
            self.opened.emit(kind, value)
