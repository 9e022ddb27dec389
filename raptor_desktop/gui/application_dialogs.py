"""Dialogs used from the application editor: an exhibit, the court's outcome for a number,
the judge who made an order, and the day and way a letter went to a provider."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.case_file import CaseFile, CaseItem
from raptor_desktop.core.dates import full_date
from raptor_desktop.core.deemed_service import Sending
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.orders import DeadlineKind, Duration, suggested_earlier_time
from raptor_desktop.core.outcomes import change_needs_reason, default_outcome_date
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.gui.sending_fields import SendingFields
from raptor_desktop.gui.widgets import CheckList, buddy_label, pydate, qdate, uk_date_edit
from raptor_desktop.services.applications import (
    NewExhibit,
    OrderTerms,
    add_exhibit,
    name_judge,
    record_earlier_time,
    record_letter_sent,
    record_outcome,
)
from raptor_desktop.services.session import Store

JUDGE_HINT = "as the sealed order names them, e.g. District Judge Patel"


class ExhibitDialog(OneChangeDialog):
    """Record an exhibit, marked with the officer's initials and the next running number."""

    def __init__(
        self,
        store: Store,
        application_id: int,
        initials: str,
        numbers: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Add exhibit", parent)
        self._store = store
        self._application_id = application_id
        self.saved_mark = ""
        self.initials = QLineEdit(initials)
        self.initials.setMaximumWidth(80)
        self.description = QLineEdit()
        self.description.setPlaceholderText("e.g. screenshot of bulk marketing text")
        self.exhibit_date = uk_date_edit()
        self.numbers = CheckList(numbers)
        self.numbers.setMaximumHeight(110)
        self.file = QLineEdit()
        self.file.setPlaceholderText("optional: a PDF or image to put in the bundle")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file)
        file_row.addWidget(browse)
        self.form.addRow("Officer's &initials", self.initials)
        self.form.addRow("&Description", self.description)
        self.form.addRow("Da&te", self.exhibit_date)
        self.form.addRow("Relates to", self.numbers)
        self.form.addRow(buddy_label("&File", self.file), file_row)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Attach exhibit", "", "PDF or image (*.pdf *.png *.jpg *.jpeg)"
        )
        if name:
            self.file.setText(name)

    def save(self) -> None:
        file = Path(self.file.text().strip()) if self.file.text().strip() else None
        exhibit = NewExhibit(
            self.initials.text(),
            self.description.text(),
            pydate(self.exhibit_date.date()),
            tuple(self.numbers.checked()),
            file,
        )
        try:
            self.saved_mark = add_exhibit(self._store, self._application_id, exhibit)
        except (Refusal, ValueError, OSError) as error:
            self.error.show_error(str(error))
            return
        self.accept()


class OutcomeDialog(OneChangeDialog):
    """The court's outcome for one number; for an order, its duration and compliance time."""

    def __init__(
        self,
        store: Store,
        reference: str,
        item: CaseItem,
        hearing: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Outcome for {item.display}", parent)
        self._store = store
        self._reference = reference
        self._item = item
        self._recorded = Outcome(item.outcome) if item.outcome else None
        self.outcome = QComboBox()
        for outcome in Outcome:
            self.outcome.addItem(outcome.value.capitalize(), outcome.value)
        if self._recorded:  # what the record says now, to keep or correct
            self.outcome.setCurrentIndex(self.outcome.findData(self._recorded.value))
        self.on = uk_date_edit()
        decided = item.decided_on if self._recorded is not Outcome.ADJOURNED else None
        self.on.setDate(qdate(decided or default_outcome_date(hearing, date.today())))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("why the record is wrong (logged)")
        self.duration = QComboBox()
        self.duration.addItems(["Until discharged", "Until a date", "For a number of months"])
        self.until = uk_date_edit(allow_future=True)
        self.until.setDate(self.on.date().addYears(1))
        self.months = QSpinBox()
        self.months.setRange(1, 120)
        self.months.setValue(12)
        self.deadline = QComboBox()
        for kind in DeadlineKind:
            self.deadline.addItem(kind.value.capitalize(), kind.name)
        self.deadline_at = QDateTimeEdit(QDateTime.currentDateTime().addDays(2))
        self.deadline_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.deadline_at.setCalendarPopup(True)
        self.judge = QLineEdit(item.judge)
        self.judge.setPlaceholderText(JUDGE_HINT)
        self.notice = SendingFields(store, lambda: item.provider_name)  # a carve-out's
        for widget in (self.duration, self.deadline):
            widget.currentIndexChanged.connect(self._update)
        self.outcome.currentIndexChanged.connect(self._outcome_chosen)
        self.form.addRow("&Outcome", self.outcome)
        self.form.addRow("&Date", self.on)
        self.notice.add_rows(self.form, "&Notice sent")
        self.form.addRow("&Reason for correcting", self.reason)
        self.form.addRow("Duration", self.duration)
        self.form.addRow("Ends on", self.until)
        self.form.addRow("Months", self.months)
        self.form.addRow("Compliance", self.deadline)
        self.form.addRow("Deadline", self.deadline_at)
        self.form.addRow("&Judge", self.judge)
        self._update()

    def _outcome_chosen(self) -> None:
        """A carve-out newly chosen is dated today, the day its notice most likely goes."""
        chosen = self.outcome.currentData() == Outcome.CARVED_OUT.value
        if chosen and self._recorded is not Outcome.CARVED_OUT:
            self.on.setDate(qdate(date.today()))
        self._update()

    def _update(self) -> None:
        made = self.outcome.currentData() == Outcome.MADE.value
        carved_out = self.outcome.currentData() == Outcome.CARVED_OUT.value
        self._correcting = change_needs_reason(self._recorded, Outcome(self.outcome.currentData()))
        self.form.setRowVisible(self.reason, self._correcting)
        self.notice.set_rows_visible(self.form, carved_out)  # the order ends with its notice
        date_label = self.form.labelForField(self.on)
        if isinstance(date_label, QLabel):
            date_label.setText("&Day the notice went" if carved_out else "&Date")
        for widget in (self.duration, self.deadline, self.judge):
            widget.setEnabled(made)
        self.until.setEnabled(made and self.duration.currentIndex() == 1)
        self.months.setEnabled(made and self.duration.currentIndex() == 2)
        self.deadline_at.setEnabled(made and self.deadline.currentData() != "DEFAULT")

    def terms(self) -> OrderTerms:
        until = pydate(self.until.date()) if self.duration.currentIndex() == 1 else None
        months = self.months.value() if self.duration.currentIndex() == 2 else None
        kind = DeadlineKind[self.deadline.currentData()]
        moment = (
            self.deadline_at.dateTime().toPython() if kind is not DeadlineKind.DEFAULT else None
        )
        return OrderTerms(
            Duration(until, months),
            kind,
            moment if isinstance(moment, datetime) else None,
            self.judge.text(),
        )

    def save(self) -> None:
        outcome = Outcome(self.outcome.currentData())
        on = pydate(self.on.date())
        notice = None
        if outcome is Outcome.CARVED_OUT:
            notice = Sending(on, self.notice.chosen(), self.notice.time())
        try:
            record_outcome(
                self._store,
                self._reference,
                self._item.e164,
                outcome,
                on,
                self.terms(),
                self.reason.text() if self._correcting else "",
                notice,
            )
        except Refusal as error:
            self.error.show_error(error.full_message())
            return
        except ValueError as error:
            self.error.show_error(str(error))
            return
        self.accept()


class JudgeDialog(OneChangeDialog):
    """The judge who made an order, as the sealed order names them; the order's terms stay."""

    def __init__(
        self, store: Store, reference: str, case: CaseFile, parent: QWidget | None = None
    ) -> None:
        super().__init__("Judge who made the order", parent)
        self._store = store
        self._reference = reference
        self.made_on = QComboBox()
        for day in sorted({i.order_date for i in case.items if i.ordered and i.order_date}):
            self.made_on.addItem(f"Order made on {full_date(day)}", day)
        self.judge = QLineEdit()
        self.judge.setPlaceholderText(JUDGE_HINT)
        self.made_on.currentIndexChanged.connect(
            lambda: self.judge.setText(case.judge_on(self.made_on.currentData()))
        )
        self.judge.setText(case.judge_on(self.made_on.currentData()))
        self.form.addRow("&Order", self.made_on)
        self.form.addRow("&Judge", self.judge)

    def save(self) -> None:
        try:
            name_judge(self._store, self._reference, self.judge.text(), self.made_on.currentData())
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()


class LetterSentDialog(OneChangeDialog):
    """The day the letter to a provider was sent, how, and (by hand, fax, email or in
    person) at what time: the letter in the pack is dated with it, and the note of events
    says the day it was served (CPR 6.26)."""

    def __init__(
        self, store: Store, reference: str, providers: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__("Letter sent to a provider", parent)
        self._store = store
        self._reference = reference
        self.provider = QComboBox()
        self.provider.addItems(providers)
        self.sent_on = uk_date_edit()
        self.sending = SendingFields(store, self.provider.currentText)
        self.provider.currentIndexChanged.connect(self.sending.refresh)
        self.form.addRow("&Provider", self.provider)
        self.form.addRow("&Sent on", self.sent_on)
        self.sending.add_rows(self.form)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("only to correct a letter already recorded: why (logged)")
        self.form.addRow("&Reason for correcting", self.reason)

    def save(self) -> None:
        method = self.sending.chosen()
        if method is None:
            self.error.show_error(
                "Choose how the letter went: the day it was served turns on it (CPR 6.26)."
            )
            self.sending.method.setFocus()
            return
        try:
            record_letter_sent(
                self._store,
                self._reference,
                self.provider.currentText(),
                pydate(self.sent_on.date()),
                method,
                self.sending.time(),
                self.reason.text(),
            )
        except Refusal as error:
            self.error.show_error(error.full_message())
            return
        self.accept()


class EarlierTimeDialog(OneChangeDialog):
    """An earlier time to comply a provider agreed in writing (regulation 3(6)), and the day
    it agreed: an event after the order, which the note of events dates."""

    def __init__(
        self, store: Store, reference: str, case: CaseFile, parent: QWidget | None = None
    ) -> None:
        super().__init__("Earlier time agreed with a provider", parent)
        self._store = store
        self._reference = reference
        self.number = QComboBox()
        self._order_times: list[datetime | None] = []
        for item in case.items:  # an order in force (one carved out no longer applies)
            if item.outcome == Outcome.MADE.value:
                self.number.addItem(f"{item.display} ({item.provider_name})", item.e164)
                self._order_times.append(item.order_deadline)
        self.complies_by = QDateTimeEdit(QDateTime.currentDateTime().addDays(1))
        self.complies_by.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.complies_by.setCalendarPopup(True)
        self.number.currentIndexChanged.connect(self._suggest_time)
        self._suggest_time(self.number.currentIndex())
        self.agreed_on = uk_date_edit()
        self.form.addRow("&Number", self.number)
        self.form.addRow("&Comply by", self.complies_by)
        self.form.addRow("&Agreed in writing on", self.agreed_on)

    def _suggest_time(self, index: int) -> None:
        """Before the chosen number's own time to comply, which an agreement must be."""
        order_time = self._order_times[index] if index >= 0 else None
        if order_time is not None:
            suggested = suggested_earlier_time(order_time, datetime.now())
            when = QTime(suggested.hour, suggested.minute)
            self.complies_by.setDateTime(QDateTime(qdate(suggested.date()), when))

    def save(self) -> None:
        moment = self.complies_by.dateTime().toPython()
        if not isinstance(moment, datetime):  # what Qt gives for a date and time
            raise TypeError(f"the time edit gave {moment!r}")
        try:
            record_earlier_time(
                self._store,
                self._reference,
                str(self.number.currentData()),
                moment,
                pydate(self.agreed_on.date()),
            )
        except Refusal as error:
            self.error.show_error(error.full_message())
            return
        self.accept()
