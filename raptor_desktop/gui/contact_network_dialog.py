"""Contacts found on two or more deal lines, and the edge list of every contact–line link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.services.contacts import export_contact_links, find_common_contacts
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.services.failures import describe
from raptor_desktop.services.session import Store


class CommonContactsDialog(QDialog):
    def __init__(
        self, store: Store, run_dialog: Callable[[QDialog], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Common contacts — found on two or more deal lines")
        self._store, self._run_dialog = store, run_dialog
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Contact", "Deal lines"])
        self.found = find_common_contacts(store)  # a logged consultation
        for contact in self.found:
            self.tree.addTopLevelItem(
                QTreeWidgetItem(
                    [contact.display, f"{len(contact.lines)}: " + "; ".join(contact.lines)]
                )
            )
        self.tree.resizeColumnToContents(0)
        self.message = MessageLabel()
        if not self.found:
            self.message.show_ok("No contact has been found on more than one deal line.")
        self.export_button = QPushButton("Export all links for i2 or Gephi…")
        self.export_button.clicked.connect(self.export)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.resize(760, 420)

    def export(self) -> None:
        disclosure = DisclosureDialog("", "link analysis of the deal lines' contacts", self)
        if not self._run_dialog(disclosure):
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export contact links",
            f"contact-links-{date.today().isoformat()}.csv",
            "CSV (*.csv)",
        )
        if not name:
            return
        to = Recipient(disclosure.recipient.text(), disclosure.justification.text())
        try:
            count = export_contact_links(self._store, Path(name), to)
        except (Refusal, OSError) as error:
            self.message.show_error(describe(error, "exporting the contact links"))
            return
        self.message.show_ok(f"Exported {count} links to {name}.")
