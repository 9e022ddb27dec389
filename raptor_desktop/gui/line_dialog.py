"""Adding a number (on a new or an existing line) and editing a line, with inline checks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.lines import LineDetails, SeenDates, line_name
from raptor_desktop.core.numbers import CROWN_DEPENDENCIES, NumberRejected
from raptor_desktop.core.register import DRUGS, format_pounds, parse_takings_pence
from raptor_desktop.core.statuses import STARTING, Status
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.widgets import CheckList, pydate, qdate, uk_date_edit
from raptor_desktop.services.register import (
    NumberDetail,
    RecordNotFound,
    add_number,
    area_names,
    find_number,
    number_detail,
    operation_names,
    parse_for,
    save_edit,
)
from raptor_desktop.services.session import Store
from raptor_desktop.services.settings import OPERATION, get_text, networks


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose Alt+letter moves to ``widget`` (for rows holding several widgets)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class LineDialog(QDialog):
    """Add a number (``detail`` None) or edit the line and number in ``detail``."""

    def __init__(
        self,
        store: Store,
        detail: NumberDetail | None = None,
        parent: QWidget | None = None,
        *,
        replacing: NumberDetail | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._detail = detail
        self._replacing = replacing
        self.saved_number_id: int | None = None
        editing = detail is not None
        self.setWindowTitle("Edit line" if editing else "Add number")
        self._build(editing)
        if detail is not None:
            self._load(detail)
        elif replacing is not None:
            self._load_line(replacing.line)
            self.brand.setEnabled(False)
            self.operation.setEnabled(False)
        self._check_number()

    # -- layout --------------------------------------------------------------------------
    def _build(self, editing: bool) -> None:
        form = QFormLayout()
        self.number = QLineEdit()
        self.number.setPlaceholderText("07XXX XXXXXX, +44 7…, 0044 7… — any format")
        self.number.setReadOnly(editing)
        self.number.textChanged.connect(self._check_number)
        self.number_message = MessageLabel()
        self.number_message.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.number_message.linkActivated.connect(self._show_existing)
        self.existing_id: int | None = None  # a number already in the register, to be shown
        number_box = QVBoxLayout()
        number_box.setSpacing(2)
        number_box.addWidget(self.number)
        number_box.addWidget(self.number_message)
        form.addRow(_buddy("&Number", self.number), number_box)

        self.brand = QLineEdit()
        self.brand.setPlaceholderText("the brand buyers know, e.g. Tony")
        self.brand.setToolTip(
            "A line name that already exists adds this number to that line, so its history "
            "follows the brand across numbers."
        )
        form.addRow("&Line name", self.brand)
        self.operation = QComboBox()
        self.operation.setEditable(True)
        self.operation.addItems(operation_names(self._store))
        self.operation.setCurrentText(get_text(self._store, OPERATION))  # a new line's
        form.addRow("&Operation", self.operation)

        self.areas = CheckList(area_names(self._store))
        self.areas.setMaximumHeight(140)
        form.addRow("&Areas served", self.areas)
        drugs_box = QWidget()
        grid = QGridLayout(drugs_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.drugs = {d: QCheckBox(d) for d in DRUGS}
        for i, box in enumerate(self.drugs.values()):
            grid.addWidget(box, i // 4, i % 4)
        form.addRow("Drugs offered", drugs_box)

        takings = QHBoxLayout()
        self.takings = QLineEdit()
        self.takings.setPlaceholderText("£ a day")
        self.takings.setMaximumWidth(120)
        self.takings_source = QLineEdit()
        self.takings_source.setPlaceholderText("source of the estimate")
        takings.addWidget(self.takings)
        takings.addWidget(self.takings_source)
        form.addRow(_buddy("Daily &takings", self.takings), takings)
        self.intel_refs = QLineEdit()
        form.addRow("&Intelligence refs", self.intel_refs)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab goes on to the next field
        self.notes.setMaximumHeight(80)
        form.addRow("N&otes", self.notes)

        dates = QHBoxLayout()
        self.first_seen = uk_date_edit()
        self.last_seen_known = QCheckBox("last seen")
        self.last_seen = uk_date_edit()
        self.last_seen.setEnabled(False)
        self.last_seen_known.toggled.connect(self.last_seen.setEnabled)
        dates.addWidget(self.first_seen)
        dates.addWidget(self.last_seen_known)
        dates.addWidget(self.last_seen)
        dates.addStretch()
        form.addRow(_buddy("&First seen", self.first_seen), dates)
        self.provider = QLineEdit()
        self.provider.setPlaceholderText("network confirmed by the officer (not the range holder)")
        listed = QCompleter([name for name, _ in networks(self._store)], self.provider)
        listed.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.provider.setCompleter(listed)  # a network off the list is refused on saving
        if editing:
            form.addRow("&Provider confirmed", self.provider)
        self.status = QComboBox()
        self.status.addItems([s.value for s in STARTING])
        if not editing:
            form.addRow("&Status", self.status)

        self.error = MessageLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)  # spare height goes here, not between the fields
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(580, 600)

    # -- filling in ------------------------------------------------------------------------
    def _load_line(self, line: LineDetails) -> None:
        self.brand.setText(line.brand)
        self.operation.setCurrentText(line.operation)
        self.areas.set_checked(line.areas)
        for name, box in self.drugs.items():
            box.setChecked(name in line.drugs)
        self.takings.setText(format_pounds(line.daily_takings_pence))
        self.takings_source.setText(line.takings_source)
        self.intel_refs.setText(line.intel_refs)
        self.notes.setPlainText(line.notes)

    def _load(self, detail: NumberDetail) -> None:
        self.number.setText(detail.display)
        self._load_line(detail.line)
        if detail.dates.first_seen:
            self.first_seen.setDate(qdate(detail.dates.first_seen))
        if detail.dates.last_seen:
            self.last_seen_known.setChecked(True)
            self.last_seen.setDate(qdate(detail.dates.last_seen))
        self.provider.setText(detail.provider_confirmed)

    # -- checks ------------------------------------------------------------------------------
    def _check_number(self) -> bool:
        if self._detail is not None:
            self.number_message.show_ok(f"Range holder: {self._detail.range_holder or 'unknown'}")
            return True
        text = self.number.text()
        if not text.strip():
            self.number_message.clear_message()
            return False
        try:
            number = parse_for(self._store, text)
        except NumberRejected as error:
            self.number_message.show_error(str(error))
            return False
        try:
            known = find_number(self._store, number.e164)
        except RecordNotFound:
            known = None
        if known is not None:
            brand = line_name(number_detail(self._store, known.id).line.brand)
            self.number_message.show_error(
                f"{number.display} is already in the register, on line {brand} "
                f"({known.status.value}): <a href='number:{known.id}'>show it</a>"
            )
            return False
        holder = number.range_holder or "unknown"
        message = (
            f"{number.display} — range holder {holder} (the original network; "
            "the number may have been ported)"
        )
        if number.crown_dependency:
            self.number_message.show_warning(
                f"{message}. {CROWN_DEPENDENCIES[number.crown_dependency]} number: its provider "
                "may be outside the reach of an English court."
            )
        else:
            self.number_message.show_ok(message)
        return True

    def _show_existing(self, link: str) -> None:
        """The link in the message: close this and show the number that is already there."""
        self.existing_id = int(link.split(":", 1)[1])
        self.reject()

    def details(self) -> LineDetails:
        """The line details as entered; raises ValueError for an unreadable amount."""
        return LineDetails(
            brand=self.brand.text().strip(),
            operation=self.operation.currentText().strip(),
            areas=self.areas.checked(),
            drugs=[name for name, box in self.drugs.items() if box.isChecked()],
            daily_takings_pence=parse_takings_pence(self.takings.text()),
            takings_source=self.takings_source.text().strip(),
            intel_refs=self.intel_refs.text().strip(),
            notes=self.notes.toPlainText().strip(),
        )

    def dates(self) -> SeenDates:
        last = pydate(self.last_seen.date()) if self.last_seen_known.isChecked() else None
        return SeenDates(pydate(self.first_seen.date()), last)

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        """Check and store what was entered; on a problem say what and stay open."""
        if not self._check_number():
            self.error.show_error("Enter a valid UK mobile number first.")
            self.number.setFocus()
            return
        try:
            details = self.details()
            problems = details.problems()
            if problems:
                raise ValueError("; ".join(problems.values()))
            if self._detail is None:
                ref = add_number(
                    self._store,
                    self.number.text(),
                    details,
                    dates=self.dates(),
                    status=Status(self.status.currentText()),
                    replaces=self._replacing.e164 if self._replacing else None,
                )
                self.saved_number_id = ref.id
            else:
                save_edit(
                    self._store,
                    self._detail.id,
                    self._detail.line_id,
                    details,
                    self.dates(),
                    self.provider.text(),
                )
                self.saved_number_id = self._detail.id
        except (Refusal, ValueError) as error:
            self.error.show_error(str(error))
            return
        self.accept()
