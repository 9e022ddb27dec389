"""Settings: protective marking and warning periods, bank holidays, and networks."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.widgets import pydate, uk_date_edit
from raptor_desktop.gui.workstations_tab import WorkstationsTab
from raptor_desktop.services.register import operation_names
from raptor_desktop.services.session import Store
from raptor_desktop.services.settings import (
    BACKUPS_KEPT,
    COURT_FEE,
    END_WARNING_DAYS,
    FEE_ACCOUNT,
    IDLE_MINUTES,
    OPERATION,
    PROTECTIVE_MARKING,
    RECONTACT_DAYS,
    REVIEW_MONTHS,
    REVIEW_YEARS,
    UNIT_NAME,
    Setting,
    get_int,
    get_text,
    holiday_list,
    network_details,
    networks,
    set_holiday_override,
    set_network,
    set_values,
)

MARKINGS = ("OFFICIAL-SENSITIVE", "OFFICIAL", "SECRET")
NETWORK_FIELDS = {  # each network detail: its label, and what goes in it
    "address": ("&Address for service:", "address for service of orders (the provider's)"),
    "address_kind": (
        "Address &kind:",
        "given, principal office, place of business or registered office (CPR 6.8, 6.9)",
    ),
    "legal_name": (
        "&Legal name:",
        "legal name of the company, the party a claim names (e.g. Hutchison 3G UK Limited)",
    ),
    "dx_box": ("&DX box:", "only if its address or writing paper gives one (PD 6A 2.1)"),
    "service_email": ("&Email for service:", "the address it gave in writing for service"),
    "service_email_agreed": (
        "Email agreed in &writing:",
        "where it said it accepts service by email, and its limits (PD 6A 4.1, 4.2)",
    ),
    "service_fax": ("&Fax for service:", "the number it gave in writing for service"),
    "service_fax_agreed": (
        "Fax agreed in w&riting:",
        "where it said it accepts service by fax (PD 6A 4.1)",
    ),
}


class SettingsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle("Settings")
        tabs = QTabWidget()
        tabs.addTab(self._general(), "&General")
        tabs.addTab(self._holidays(), "&Bank holidays")
        tabs.addTab(self._networks(), "&Networks")
        tabs.addTab(WorkstationsTab(store), "&Workstations")
        self.error = MessageLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def _general(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(list(MARKINGS))
        self.marking.setCurrentText(get_text(self._store, PROTECTIVE_MARKING))
        self.unit = QLineEdit(get_text(self._store, UNIT_NAME))
        self.end_days = self._spin(END_WARNING_DAYS)
        self.review_months = self._spin(REVIEW_MONTHS)
        form.addRow("Protective &marking", self.marking)
        form.addRow("&Unit", self.unit)
        self.operation = QComboBox()
        self.operation.setEditable(True)
        self.operation.addItems(operation_names(self._store))
        self.operation.setCurrentText(get_text(self._store, OPERATION))
        form.addRow("&Default operation", self.operation)
        self.court_fee = QLineEdit(get_text(self._store, COURT_FEE))
        self.court_fee.setPlaceholderText("the fee for issuing the claim, e.g. 332.00")
        self.fee_account = QLineEdit(get_text(self._store, FEE_ACCOUNT))
        self.fee_account.setPlaceholderText("the force's Payment by Account number, if it has one")
        form.addRow("Court &fee for a claim (£)", self.court_fee)
        form.addRow("Fee &account (PBA)", self.fee_account)
        form.addRow("Warn before an order &ends (days)", self.end_days)
        form.addRow("&Review open-ended orders every (months)", self.review_months)
        self.idle = self._spin(IDLE_MINUTES)
        form.addRow("&Lock the window after idle (minutes)", self.idle)
        self.review_years = self._spin(REVIEW_YEARS)
        form.addRow("Review records (MoPI) after (&years)", self.review_years)
        self.backups_kept = self._spin(BACKUPS_KEPT)
        form.addRow("Automatic &backups kept", self.backups_kept)
        self.recontact_days = self._spin(RECONTACT_DAYS)
        form.addRow("Do not text a contact again &within (days)", self.recontact_days)
        return page

    def _spin(self, setting: Setting) -> QSpinBox:
        """A box for a whole-number setting, within the range the store allows."""
        box = QSpinBox()
        box.setRange(setting.low, setting.high)
        box.setValue(get_int(self._store, setting))
        return box

    def _holidays(self) -> QWidget:
        page = QWidget()
        self.holidays = QListWidget()
        self.day = uk_date_edit(allow_future=True)
        self.note = QLineEdit()
        self.note.setPlaceholderText("why, e.g. court closed")
        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.note, 1)
        for label, kind in (
            ("Add holiday", "add"),
            ("Remove holiday", "remove"),
            ("Undo change", "clear"),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self.change_holiday(k))
            row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.holidays)
        layout.addLayout(row)
        self._load_holidays()
        return page

    def _load_holidays(self) -> None:
        self.holidays.clear()
        this_year = date.today().year
        for year in (this_year, this_year + 1):
            for day, name, how in holiday_list(self._store, year):
                self.holidays.addItem(f"{day:%d/%m/%Y}  {name}{f'  ({how})' if how else ''}")

    def change_holiday(self, kind: str) -> None:
        set_holiday_override(self._store, pydate(self.day.date()), kind, self.note.text())
        self._load_holidays()

    def _networks(self) -> QWidget:
        page = QWidget()
        self.networks = QListWidget()
        self.networks.currentRowChanged.connect(self._pick_network)
        self.network = QLineEdit()
        self.network.setPlaceholderText("network or MVNO")
        self.host = QLineEdit()
        self.host.setPlaceholderText("host network (blank if none)")
        self.details = {detail: QLineEdit() for detail in NETWORK_FIELDS}
        self.address, self.legal_name = self.details["address"], self.details["legal_name"]
        set_button = QPushButton("&Set network")
        set_button.clicked.connect(self.set_network)
        form = QFormLayout()
        form.addRow("&Network:", self.network)
        form.addRow("&Host network:", self.host)
        for detail, (label, hint) in NETWORK_FIELDS.items():
            self.details[detail].setPlaceholderText(hint)
            form.addRow(label, self.details[detail])
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(set_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.networks)
        layout.addLayout(form)
        layout.addLayout(row)
        self._load_networks()
        return page

    def _load_networks(self) -> None:
        self.networks.clear()
        self._details = network_details(self._store)
        self._network_rows = networks(self._store)
        for name, host in self._network_rows:
            hosted = f"  →  {host}" if host else ""
            known = self._details.get(name, {})
            company = known.get("legal_name") or "no legal name yet"
            served = known.get("address") or "no address for service yet"
            routes = [
                what for what in ("dx_box", "service_email", "service_fax") if known.get(what)
            ]
            also = "".join(f"; {known[what]}" for what in routes)
            self.networks.addItem(f"{name}{hosted}  ({company}; {served}{also})")

    def _pick_network(self, row: int) -> None:
        if 0 <= row < len(self._network_rows):
            name, host = self._network_rows[row]
            self.network.setText(name)
            self.host.setText(host)
            known = self._details.get(name, {})
            for detail, field in self.details.items():
                field.setText(known.get(detail, ""))
                field.setCursorPosition(0)  # a long one read from its start

    def set_network(self) -> None:
        """Add a network, or set its host and details (address for service, legal name,
        routes for service), all of them or, one refused, none."""
        try:
            set_network(
                self._store,
                self.network.text(),
                self.host.text(),
                {detail: field.text() for detail, field in self.details.items()},
            )
        except Refusal as error:
            self.error.show_error(error.full_message())
            return
        self._load_networks()

    def save(self) -> None:
        try:
            set_values(  # all of them, or (one refused) none
                self._store,
                {
                    PROTECTIVE_MARKING: self.marking.currentText(),
                    UNIT_NAME: self.unit.text(),
                    OPERATION: self.operation.currentText(),
                    COURT_FEE: self.court_fee.text(),
                    FEE_ACCOUNT: self.fee_account.text(),
                    END_WARNING_DAYS: self.end_days.value(),
                    REVIEW_MONTHS: self.review_months.value(),
                    IDLE_MINUTES: self.idle.value(),
                    REVIEW_YEARS: self.review_years.value(),
                    BACKUPS_KEPT: self.backups_kept.value(),
                    RECONTACT_DAYS: self.recontact_days.value(),
                },
            )
        except (Refusal, ValueError) as error:
            self.error.show_error(str(error))
            return
        self.error.show_ok("Saved.")
