"""The Contacts view: numbers found in contact with deal lines, their opt-outs and do-not-contact.

Importing runs through the window's import worker (off the GUI thread, with progress); the
small changes (a STOP reply, the do-not-contact list, one contact by hand) are dialogs here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.contacts import SOURCES, ContactDefaults
from raptor_desktop.core.dates import plural, uk_date
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.numbers import NumberRejected, parse_mobile
from raptor_desktop.gui.contact_network_dialog import CommonContactsDialog
from raptor_desktop.gui.lines_model import ERASED
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.gui.row_cache import RowCache
from raptor_desktop.gui.table_model import FlatTableModel, Index
from raptor_desktop.gui.widgets import buddy_label, clearable, data_table, pydate, uk_date_edit
from raptor_desktop.gui.window_services import WindowServices
from raptor_desktop.services.contacts import (
    ContactRecord,
    add_contact,
    contact_ids,
    contacts_by_id,
    deal_line_problem,
    find_contact_ids,
    set_do_not_contact,
    set_opted_out,
)
from raptor_desktop.services.imports import contacts_importer
from raptor_desktop.services.session import Store

SEARCH_DELAY_MS = 300
COLUMNS = ("Number", "Found on deal lines", "Sources", "Last found", "Opted out", "Do not contact")


class ContactsModel(FlatTableModel):
    """Holds the ordered ids only; a contact's cells are read in blocks when first shown, so a
    register of tens of thousands of contacts costs a list of integers and a screenful."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.search = ""
        self._ids: list[int] = []
        self._cache: RowCache[ContactRecord] = RowCache(
            lambda ids: contacts_by_id(self._store, ids)
        )  # read when the view is first opened (see ContactsPage.activate)

    def refresh(self, *, consulted: bool = False) -> None:
        """Read the ids again; ``consulted``: the officer asked to see them (logged)."""
        self.beginResetModel()
        reader = find_contact_ids if consulted else contact_ids
        self._ids = reader(self._store, self.search)
        self._cache.clear()
        self.endResetModel()

    def column_titles(self) -> list[str]:
        return list(COLUMNS)

    def row_total(self) -> int:
        return len(self._ids)

    def row_of(self, contact_id: int) -> int | None:
        return self._ids.index(contact_id) if contact_id in self._ids else None

    def contact(self, row: int) -> ContactRecord | None:
        """The contact shown in ``row``; None if it was erased since the list was read."""
        return self._cache.row(self._ids, row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole):
            return None
        contact = self.contact(index.row())
        if contact is None:
            shown = role == Qt.ItemDataRole.DisplayRole and index.column() == 0
            return ERASED if shown else None
        if role == Qt.ItemDataRole.BackgroundRole:
            blocked = contact.opted_out_on or contact.do_not_contact
            return QBrush(QColor("#eeeeee")) if blocked else None
        return [
            contact.display,
            contact.lines or "(line disposed of)",
            contact.sources,
            uk_date(contact.last_found),
            uk_date(contact.opted_out_on or ""),
            contact.do_not_contact_reason if contact.do_not_contact else "",
        ][index.column()]


class ContactImportDialog(OneChangeDialog):
    """Choose the file, the deal line its contacts were found on, the source and the date."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Import contacts of a deal line", parent, "Import")
        self._store = store
        self.chosen: tuple[Path, ContactDefaults] | None = None
        self.file = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.line = QLineEdit()
        self.line.setPlaceholderText("the deal line's number, e.g. 07700 900101")
        self.source = QComboBox()
        self.source.addItems(list(SOURCES))
        self.found_on = uk_date_edit()
        self.form.addRow(buddy_label("&File", self.file), row)
        self.form.addRow("&Deal line", self.line)
        self.form.addRow("&Source", self.source)
        self.form.addRow("Date &found", self.found_on)
        self.form.addRow(
            QLabel("Rows may name their own deal line, source and date in columns of those names.")
        )

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Contacts file", "", "Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"
        )
        if name:
            self.file.setText(name)

    def save(self) -> None:
        path = Path(self.file.text().strip())
        if not self.file.text().strip() or not path.is_file():
            self.error.show_error("Choose the file to import.")
            return
        line = None
        if self.line.text().strip():
            problem = deal_line_problem(self._store, self.line.text())
            if problem:
                self.error.show_error(problem[0].upper() + problem[1:])
                return
            line = parse_mobile(self.line.text(), training=self._store.training)
        defaults = ContactDefaults(line, self.source.currentText(), pydate(self.found_on.date()))
        self.chosen = (path, defaults)
        self.accept()


class AddContactDialog(OneChangeDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Add a contact of a deal line", parent)
        self._store = store
        self.number = QLineEdit()
        self.line = QLineEdit()
        self.source = QComboBox()
        self.source.addItems(list(SOURCES))
        self.found_on = uk_date_edit()
        self.form.addRow("&Contact's number", self.number)
        self.form.addRow("&Deal line", self.line)
        self.form.addRow("&Source", self.source)
        self.form.addRow("Date &found", self.found_on)

    def save(self) -> None:
        try:
            add_contact(
                self._store,
                self.number.text(),
                self.line.text(),
                self.source.currentText(),
                pydate(self.found_on.date()),
            )
        except NumberRejected as error:
            self.error.show_error(f"Number: {error}")
            return
        except ValueError as error:
            self.error.show_error(str(error))
            return
        self.accept()


class DoNotContactDialog(OneChangeDialog):
    def __init__(self, store: Store, contact: ContactRecord, parent: QWidget | None = None) -> None:
        super().__init__(f"Do not contact {contact.display}", parent)
        self._store, self._contact = store, contact
        self.listed = QCheckBox("On the do-not-contact list")
        self.listed.setChecked(contact.do_not_contact)
        self.reason = QLineEdit(contact.do_not_contact_reason)
        self.reason.setPlaceholderText("e.g. safeguarding: a child; the holder asked")
        self.form.addRow(self.listed)
        self.form.addRow("&Reason", self.reason)

    def save(self) -> None:
        reason = self.reason.text() if self.listed.isChecked() else None
        try:
            set_do_not_contact(self._store, self._contact.e164, reason)
        except (Refusal, ValueError) as error:
            self.error.show_error(str(error))
            return
        self.accept()


class ContactsPage(QWidget):
    def __init__(
        self,
        store: Store,
        services: WindowServices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._services = store, services
        self.model = ContactsModel(store, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a contact by any part of the number")
        self.search.setClearButtonEnabled(True)
        # Found as the officer types; logged once typing pauses, not at every keystroke.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._searched)
        self.search.textChanged.connect(self._search)
        clearable(self.search)
        self.table = data_table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.import_button = QPushButton("&Import contacts…")
        self.import_button.clicked.connect(self.import_contacts)
        self.add_button = QPushButton("Add &contact…")
        self.add_button.clicked.connect(self.add_contact)
        self.stop_button = QPushButton("S&TOP reply received")
        self.stop_button.clicked.connect(self.toggle_opt_out)
        self.never_button = QPushButton("Do &not contact…")
        self.never_button.clicked.connect(self.do_not_contact)
        self.common_button = QPushButton("Co&mmon contacts…")
        self.common_button.clicked.connect(self.common_contacts)
        self.message = MessageLabel()
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for button in (
            self.import_button,
            self.add_button,
            self.stop_button,
            self.never_button,
            self.common_button,
        ):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        footer = QHBoxLayout()
        footer.addWidget(self.message, 1)
        footer.addWidget(self.count)
        layout.addLayout(footer)
        self._opened = False  # the list is read when the view is first opened, not before
        self.refresh()

    def refresh(self, *, consulted: bool = False) -> None:
        """Read the list again, once the view has been opened: 200,000 contacts are not read
        (nor held) for a window that never shows them."""
        if self._opened or consulted:
            self.model.refresh(consulted=consulted)
        self.count.setText(plural(self.model.rowCount(), "contact"))
        self._update_buttons()

    def common_contacts(self) -> None:
        self._services.run_dialog(
            CommonContactsDialog(self._store, self._services.run_dialog, self)
        )

    def activate(self) -> None:
        """The officer opened the view: read the list afresh (a consultation, logged)."""
        self._opened = True
        self.refresh(consulted=True)

    def _searched(self) -> None:
        """Typing paused on a search the officer can see: read and log it as consulted."""
        if self.isVisible():
            self.refresh(consulted=True)

    def _search(self, text: str) -> None:
        self.model.search = text
        self.refresh()
        self._search_timer.start()

    def selected(self) -> ContactRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.contact(rows[0].row()) if rows else None

    def select_contact(self, contact_id: int) -> None:
        if self.model.row_of(contact_id) is None and self.search.text():
            self.search.clear()  # a search in the view hides it: shown whole again
        row = self.model.row_of(contact_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        contact = self.selected()
        self.stop_button.setEnabled(contact is not None)
        self.never_button.setEnabled(contact is not None)
        opted_out = bool(contact and contact.opted_out_on)
        self.stop_button.setText("Clear S&TOP reply" if opted_out else "S&TOP reply received")

    def import_contacts(self) -> None:
        dialog = ContactImportDialog(self._store, self)
        dialog.line.setText(self._services.selected_line())  # the line in hand, if any
        if not self._services.run_dialog(dialog) or dialog.chosen is None:
            return
        path, defaults = dialog.chosen
        self._services.start_import(path, contacts_importer(defaults), "Import contacts")

    def add_contact(self) -> None:
        dialog = AddContactDialog(self._store, self)
        dialog.line.setText(self._services.selected_line())
        if self._services.run_dialog(dialog):
            self.refresh()
            self.message.show_ok("Contact recorded.")

    def toggle_opt_out(self) -> None:
        """A STOP reply: never text the number again. Clearing is for a reply wrongly recorded."""
        contact = self.selected()
        if contact is None:
            return
        on = None if contact.opted_out_on else date.today()
        set_opted_out(self._store, contact.e164, on)
        self.refresh()
        self.select_contact(contact.id)
        done = "opted out today" if on else "no longer recorded as opted out"
        self.message.show_ok(f"{contact.display} {done}.")

    def do_not_contact(self) -> None:
        contact = self.selected()
        if contact is not None and self._services.run_dialog(
            DoNotContactDialog(self._store, contact, self)
        ):
            self.refresh()
