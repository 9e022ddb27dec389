"""The Orders view: orders made, their compliance deadlines and ends, and what needs doing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.dates import uk_date
from raptor_desktop.core.lines import line_name
from raptor_desktop.core.orders import order_warnings
from raptor_desktop.gui.table_model import Index, StoreListModel
from raptor_desktop.gui.widgets import data_table
from raptor_desktop.services.applications import (
    OrderRow,
    current_warnings,
    list_orders,
    view_orders,
)
from raptor_desktop.services.session import Store

COLUMNS = (
    "Reference",
    "Number",
    "Line",
    "Order date",
    "Duration",
    "Compliance deadline",
    "Deadline set",
    "Provider confirmed",
)


class OrdersTableModel(StoreListModel):
    def load(self) -> list[OrderRow]:
        return list_orders(self._store)

    def column_titles(self) -> list[str]:
        return list(COLUMNS)

    def order(self, row: int) -> OrderRow:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        order = self._rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return (
                QBrush(QColor("#fde7e7")) if order_warnings(order.facts(), date.today()) else None
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            order.reference,
            order.number,
            line_name(order.brand),
            uk_date(order.order_date),
            order.term,
            f"{uk_date(order.deadline.date())} {order.deadline:%H:%M}",
            order.deadline_kind.value,
            uk_date(order.confirmed_on) or "not yet",
        ][index.column()]


class OrdersPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.model = OrdersTableModel(store, self)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a1c1c;")
        self.table = data_table(self.model)
        self.confirm_button = QPushButton("Provider &confirmed disconnection…")
        self.renew_button = QPushButton("&Renew / extend…")
        bar = QHBoxLayout()
        bar.addStretch()
        bar.addWidget(self.confirm_button)
        bar.addWidget(self.renew_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.warnings)
        layout.addWidget(self.table)
        layout.addLayout(bar)
        self.refresh()

    def refresh(self) -> None:
        """Read again after a change; logged as a viewing only while the view is shown (the
        window keeps every view current, shown or not)."""
        if self.isVisible():
            seen = view_orders(self._store)
            self._show(seen.rows, seen.warnings)
        else:
            rows = list_orders(self._store)
            self._show(rows, current_warnings(self._store, orders=rows))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def _show(self, rows: list[OrderRow], found: list[str]) -> None:
        self.model.show_rows(rows)
        self.warnings.setText(
            "\n".join(f"⚠ {w}" for w in found)
            if found
            else "No deadlines, endings or reviews need attention."
        )

    def selected_order(self) -> OrderRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.order(rows[0].row()) if rows else None
