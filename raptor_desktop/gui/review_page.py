"""The Review view (MoPI): records due for review, kept or disposed of with a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.dates import plural, uk_date
from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.gui.table_model import Index, StoreListModel
from raptor_desktop.gui.widgets import data_table, pydate, uk_date_edit
from raptor_desktop.services.accounts import Permission, may
from raptor_desktop.services.review import ReviewItem, dispose, due_for_review, keep
from raptor_desktop.services.session import Store

COLUMNS = ("Record", "Name", "Size", "Last activity", "Review due")


class ReviewModel(StoreListModel):
    """Reads every line and application, so it loads only once the view is first shown."""

    show_all = False
    active = False

    def load(self) -> list[ReviewItem]:
        if not self.active or not may(self._store, Permission.RETENTION):
            return []
        return due_for_review(self._store, due_only=not self.show_all)

    def column_titles(self) -> list[str]:
        return list(COLUMNS)

    def item(self, row: int) -> ReviewItem:
        return self._rows[row]  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item: ReviewItem = self._rows[index.row()]
        return [
            f"{item.kind} {item.record_id}",
            item.name,
            plural(item.size, "finding" if item.kind == "contact" else "number"),
            uk_date(item.last_activity),
            uk_date(item.review_on),
        ][index.column()]


class ReviewDecisionDialog(OneChangeDialog):
    def __init__(
        self, item: ReviewItem, decision: str, store: Store, parent: QWidget | None = None
    ) -> None:
        verb = "Keep" if decision == "keep" else "Dispose of"
        super().__init__(
            f"{verb} {item.kind} {item.name}", parent, "Keep" if decision == "keep" else "Dispose"
        )
        self._item, self._decision, self._store = item, decision, store
        self.reason = QLineEdit()
        self.form.addRow("&Reason", self.reason)
        self.next_review = uk_date_edit(allow_future=True)
        self.next_review.setDate(self.next_review.date().addYears(1))
        if decision == "keep":
            self.form.addRow("&Next review", self.next_review)
        else:
            self.error.show_warning(
                "Disposal erases this record's personal data for good, with the attached "
                "files no other record needs; in older audit log entries its numbers and "
                "names are replaced by pseudonyms. The log keeps the fact of the erasure."
            )
            self.setMinimumWidth(460)  # the whole warning shows, wrapped onto its lines
            self.error.setMinimumHeight(self.error.heightForWidth(430))

    def save(self) -> None:
        try:
            if self._decision == "keep":
                keep(
                    self._store,
                    self._item.kind,
                    self._item.record_id,
                    self.reason.text(),
                    pydate(self.next_review.date()),
                )
            else:
                dispose(
                    self._store,
                    self._item.kind,
                    self._item.record_id,
                    self.reason.text(),
                )
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()


class ReviewPage(QWidget):
    def __init__(
        self,
        store: Store,
        run_dialog: Callable[[QDialog], bool],
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._run_dialog, self._changed = store, run_dialog, changed
        self.model = ReviewModel(store)
        self.table = data_table(self.model)
        self.show_all = QCheckBox("Show every record, not only those due")
        self.show_all.toggled.connect(self._toggle)
        keep_button = QPushButton("&Keep…")
        keep_button.clicked.connect(lambda: self.decide("keep"))
        dispose_button = QPushButton("&Dispose…")
        dispose_button.clicked.connect(lambda: self.decide("dispose"))
        self.message = MessageLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.show_all, 1)
        bar.addWidget(keep_button)
        bar.addWidget(dispose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.message)

    def activate(self) -> None:
        self.model.active = True
        self.model.refresh()
        if not may(self._store, Permission.RETENTION):
            self.message.show_error(
                "Only an administrator may review and dispose of records; you are signed in "
                f"as {self._store.role.value}."
            )
        elif self.model.rowCount() == 0 and not self.model.show_all:
            self.message.show_ok(
                "Nothing is due for review. Tick the box above to see every record's review date."
            )
        else:
            self.message.clear_message()

    def _toggle(self, checked: bool) -> None:
        self.model.show_all = checked
        self.activate()

    def decide(self, decision: str) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.show_error("Select a record first.")
            return
        item = self.model.item(rows[0].row())
        if self._run_dialog(ReviewDecisionDialog(item, decision, self._store, self)):
            self.model.refresh()
            self._changed()
