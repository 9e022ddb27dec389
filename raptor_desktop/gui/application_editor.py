"""The application editor: details, officers, numbers (with outcomes) and exhibits.

A window of its own, not modal: the officer drafting an application can go on consulting the
register in the main window. Closing it with details typed but not saved asks first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.applications import (
    AUTHORISING_RANKS,
    OTHER_RANKS,
    ApplicationStatus,
    Officer,
    Outcome,
    SubmissionRefused,
    next_step,
)
from raptor_desktop.core.case_file import CaseFile, CaseItem
from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.orders import Duration
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.application_dialogs import (
    EarlierTimeDialog,
    ExhibitDialog,
    JudgeDialog,
    LetterSentDialog,
    OutcomeDialog,
)
from raptor_desktop.gui.application_items import ExhibitsModel, ItemsModel
from raptor_desktop.gui.application_numbers import AddNumbersDialog, GroundsDialog
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.widgets import buddy_label, keyboard_table, pydate, qdate, uk_date_edit
from raptor_desktop.services.accounts import officer_profile
from raptor_desktop.services.applications import (
    ApplicationDetails,
    application_id,
    court_names,
    load_case_file,
    remove_number,
    save_details,
    set_item,
    submit,
    view_application,
)
from raptor_desktop.services.session import Store

ASKED = ("until discharged", "for a number of months", "until a date")
"""What duration the application asks for (reg 3(2)), in the order of the choices."""


def _rank_box(ranks: tuple[str, ...]) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(list(ranks))
    return box


class ApplicationEditor(QDialog):
    """Edit one application. The window routes dialogs through ``run_dialog`` for tests.

    ``kept`` turns true at the first change stored (a save, a number added…), so that a new
    application closed before anything was kept can go without leaving a draft behind. One
    made from numbers chosen in the Lines view holds them from the start: it is kept.
    """

    pack_requested = Signal(str)
    changed = Signal()

    def __init__(
        self, store: Store, reference: str, run_dialog: object, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.reference = reference
        self._run_dialog = run_dialog
        self.kept = False
        self.changed.connect(self._mark_kept)
        self.setModal(False)
        self.setWindowFlags(
            self.windowFlags()
            | Qt.WindowType.Window
            | Qt.WindowType.WindowMinMaxButtonsHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self.setWindowTitle(f"Application {reference}")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), "&Details")
        self.tabs.addTab(self._officers_tab(), "O&fficers")
        self.tabs.addTab(self._numbers_tab(), "&Numbers")
        self.tabs.addTab(self._exhibits_tab(), "E&xhibits")
        self.error = MessageLabel()
        self.amendment = QLineEdit()
        self.amendment.setPlaceholderText(
            "Reason for this amendment (logged): once submitted, each change is an amendment"
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.submit_button = buttons.addButton(
            "Mark s&ubmitted", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.pack_button = buttons.addButton(
            "Hearing &pack…", QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.accepted.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)  # Ctrl+S
        buttons.rejected.connect(self.close)
        self.submit_button.clicked.connect(self.submit)
        self.pack_button.clicked.connect(lambda: self.pack_requested.emit(self.reference))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.amendment)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.reload(view_application(store, reference))  # opening it is a consultation
        self.kept = self.items_model.rowCount() > 0

    # -- tabs -----------------------------------------------------------------------------
    def _details_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.court = QComboBox()
        self.court.setEditable(True)
        self.court.addItems(court_names(self._store))
        self.hearing_known = QCheckBox("hearing date fixed")
        self.hearing_date = uk_date_edit(allow_future=True)
        self.hearing_known.toggled.connect(self.hearing_date.setEnabled)
        self.hearing_time = QLineEdit()
        self.hearing_time.setPlaceholderText("HH:MM")
        self.hearing_time.setMaximumWidth(80)
        self.claim = QLineEdit()
        self.claim.setPlaceholderText("given by the court when the claim is issued")
        self.statement_number = QLabel()
        self.statement_number.setToolTip(
            "Counted among the applicant's statements in this operation, in the order signed"
        )
        self.statement_signed = QCheckBox("signed on")
        self.statement_date = uk_date_edit()
        self.statement_signed.toggled.connect(self.statement_date.setEnabled)
        self.asked = QComboBox()
        self.asked.addItems(list(ASKED))
        self.asked_months = QSpinBox()
        self.asked_months.setRange(1, 120)
        self.asked_months.setValue(12)
        self.asked_until = uk_date_edit(allow_future=True)
        self.asked.currentIndexChanged.connect(self._show_asked)
        self.with_notice = QCheckBox("the providers were given notice of the application")
        hearing = QHBoxLayout()
        for widget in (self.hearing_known, self.hearing_date, self.hearing_time):
            hearing.addWidget(widget)
        hearing.addStretch()
        form.addRow("&Court", self.court)
        form.addRow(buddy_label("&Hearing", self.hearing_known), hearing)
        form.addRow("Cla&im number", self.claim)
        form.addRow("Witness statement no.", self.statement_number)
        signed = QHBoxLayout()
        signed.addWidget(self.statement_signed)
        signed.addWidget(self.statement_date)
        signed.addStretch()
        form.addRow(buddy_label("&Statement date", self.statement_signed), signed)
        asked = QHBoxLayout()
        asked.addWidget(self.asked)
        asked.addWidget(self.asked_months)
        asked.addWidget(self.asked_until)
        asked.addStretch()
        form.addRow(buddy_label("Order &asked for", self.asked), asked)
        form.addRow("N&otice", self.with_notice)
        self._show_asked()
        return page

    def _show_asked(self) -> None:
        choice = self.asked.currentIndex()
        self.asked_months.setVisible(choice == 1)
        self.asked_until.setVisible(choice == 2)

    def _requested(self) -> Duration:
        choice = self.asked.currentIndex()
        if choice == 1:
            return Duration(months=self.asked_months.value())
        if choice == 2:
            return Duration(end_date=pydate(self.asked_until.date()))
        return Duration()

    def _officers_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.applicant_name = QLineEdit()
        self.applicant_rank = _rank_box(OTHER_RANKS + AUTHORISING_RANKS)
        self.applicant_collar = QLineEdit()
        self.applicant_force = QLineEdit()
        self.applicant_address = QLineEdit()
        self.authoriser_name = QLineEdit()
        self.authoriser_rank = _rank_box(AUTHORISING_RANKS)
        self.authoriser_collar = QLineEdit()
        self.authorised = QCheckBox("authority dated")
        self.authorised_on = uk_date_edit()
        self.authorised.toggled.connect(self.authorised_on.setEnabled)
        self.from_profile_button = QPushButton("Fill in from m&y profile")
        self.from_profile_button.setToolTip("Your name, rank, collar number, force and address")
        self.from_profile_button.clicked.connect(self.fill_in_from_profile)
        heading = QHBoxLayout()
        heading.addWidget(self.from_profile_button)
        heading.addStretch()
        form.addRow("<b>Officer in the case</b>", heading)
        form.addRow("N&ame", self.applicant_name)
        form.addRow("&Rank", self.applicant_rank)
        form.addRow("&Collar number", self.applicant_collar)
        form.addRow("F&orce", self.applicant_force)
        form.addRow("&Work address", self.applicant_address)
        form.addRow("<b>Authorising officer</b> (superintendent or above)", QWidget())
        form.addRow("Nam&e", self.authoriser_name)
        form.addRow("Ran&k", self.authoriser_rank)
        form.addRow("Co&llar number", self.authoriser_collar)
        dated = QHBoxLayout()
        dated.addWidget(self.authorised)
        dated.addWidget(self.authorised_on)
        dated.addStretch()
        form.addRow(buddy_label("Da&te", self.authorised), dated)
        return page

    def _numbers_tab(self) -> QWidget:
        page = QWidget()
        self.items_view = QTableView()
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.verticalHeader().setVisible(False)
        self.items_view.horizontalHeader().setStretchLastSection(True)
        keyboard_table(self.items_view)
        self.add_numbers_button = QPushButton("&Add numbers…")
        self.add_numbers_button.clicked.connect(self.add_numbers)
        self.grounds_button = QPushButton("&Grounds…")
        self.grounds_button.setToolTip("Write the selected number's grounds (they go to court)")
        self.grounds_button.clicked.connect(self.edit_grounds)
        self.remove_button = QPushButton("Re&move number")
        self.outcome_button = QPushButton("Record &outcome…")
        self.remove_button.clicked.connect(self.remove_selected)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.judge_button = QPushButton("&Judge…")
        self.judge_button.setToolTip("Name the judge who made an order, as the sealed order does")
        self.judge_button.clicked.connect(self.name_judge)
        self.earlier_button = QPushButton("Earlier &time agreed…")
        self.earlier_button.setToolTip(
            "Record an earlier time to comply that a provider agreed in writing (reg 3(6))"
        )
        self.earlier_button.clicked.connect(self.record_earlier_time)
        self.letter_button = QPushButton("&Letter sent…")
        self.letter_button.setToolTip("Record the day the letter to a provider was sent")
        self.letter_button.clicked.connect(self.record_letter)
        bar = QHBoxLayout()
        bar.addStretch()
        for button in (
            self.add_numbers_button,
            self.grounds_button,
            self.remove_button,
            self.outcome_button,
            self.judge_button,
            self.earlier_button,
            self.letter_button,
        ):
            bar.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.items_view)
        layout.addLayout(bar)
        return page

    def _exhibits_tab(self) -> QWidget:
        page = QWidget()
        self.exhibits_view = QTableView()
        self.exhibits_view.verticalHeader().setVisible(False)
        self.exhibits_view.horizontalHeader().setStretchLastSection(True)
        self.add_exhibit_button = QPushButton("Add &exhibit…")
        self.add_exhibit_button.clicked.connect(self.add_exhibit)
        bar = QHBoxLayout()
        bar.addStretch()
        bar.addWidget(self.add_exhibit_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.exhibits_view)
        layout.addLayout(bar)
        return page

    # -- loading and saving -----------------------------------------------------------------
    def reload(self, case: CaseFile | None = None, *, details: bool = True) -> None:
        """Show the application as stored (after a change, read again). With ``details``
        false the details and officers typed but not yet saved are left as they are."""
        case = case or load_case_file(self._store, self.reference, check_files=False)
        self.case = case
        draft = case.status is ApplicationStatus.DRAFT
        self.amendment.setVisible(not draft)
        if details:
            self._load_details(case)
            self._loaded = self.details()
        was = self.items_view.currentIndex() if self.items_view.model() else None
        self.items_model = ItemsModel(list(case.items), draft, self._save_item)
        self.items_view.setModel(self.items_model)
        if was is not None and was.isValid() and was.row() < self.items_model.rowCount():
            self.items_view.setCurrentIndex(self.items_model.index(was.row(), was.column()))
        for column in range(self.items_model.columnCount() - 1):  # the grounds take the rest
            self.items_view.resizeColumnToContents(column)
        self.exhibits_view.setModel(ExhibitsModel(list(case.exhibits)))
        self.submit_button.setEnabled(draft)
        self.remove_button.setEnabled(draft)
        self.add_numbers_button.setEnabled(draft)
        status = case.status.value
        self.setWindowTitle(f"Application {self.reference} — {status}")

    def _load_details(self, case: CaseFile) -> None:
        self.court.setCurrentText(case.court)
        self.hearing_known.setChecked(case.hearing_date is not None)
        self.hearing_date.setEnabled(case.hearing_date is not None)
        if case.hearing_date:
            self.hearing_date.setDate(qdate(case.hearing_date))
        self.hearing_time.setText(case.hearing_time)
        self.claim.setText(case.claim_number)
        self.statement_number.setText(
            f"{case.statement_number} (the applicant's statements in {case.operation}, "
            "counted in the order signed)"
        )
        self.statement_signed.setChecked(case.statement_date is not None)
        self.statement_date.setEnabled(case.statement_date is not None)
        if case.statement_date:
            self.statement_date.setDate(qdate(case.statement_date))
        asked = case.requested
        self.asked.setCurrentIndex(2 if asked.end_date else 1 if asked.months else 0)
        if asked.months:
            self.asked_months.setValue(asked.months)
        if asked.end_date:
            self.asked_until.setDate(qdate(asked.end_date))
        self.with_notice.setChecked(case.with_notice)
        self._load_officers(case)

    def _load_officers(self, case: CaseFile) -> None:
        self._show_applicant(case.applicant)
        self.authoriser_name.setText(case.authoriser.name)
        self.authoriser_rank.setCurrentText(case.authoriser.rank)
        self.authoriser_collar.setText(case.authoriser.collar)
        self.authorised.setChecked(case.authorised_on is not None)
        self.authorised_on.setEnabled(case.authorised_on is not None)
        if case.authorised_on:
            self.authorised_on.setDate(qdate(case.authorised_on))

    def _show_applicant(self, officer: Officer) -> None:
        self.applicant_name.setText(officer.name)
        self.applicant_rank.setCurrentText(officer.rank)
        self.applicant_collar.setText(officer.collar)
        self.applicant_force.setText(officer.force)
        self.applicant_address.setText(officer.work_address)

    def fill_in_from_profile(self) -> None:
        """The signed-in officer as the applicant (saved with the rest, on Save)."""
        profile = officer_profile(self._store)
        if not profile.name:
            self.error.show_error(
                "Your profile has no name yet: fill it in with File → My officer profile…"
            )
            return
        self._show_applicant(profile)
        self.error.show_ok(f"{profile.described()} is the applicant; save to keep it.")

    def details(self) -> ApplicationDetails:
        return ApplicationDetails(
            court=self.court.currentText(),
            hearing_date=pydate(self.hearing_date.date())
            if self.hearing_known.isChecked()
            else None,
            hearing_time=self.hearing_time.text().strip(),
            claim_number=self.claim.text(),
            applicant=Officer(
                self.applicant_name.text(),
                self.applicant_rank.currentText(),
                self.applicant_collar.text(),
                self.applicant_force.text(),
                self.applicant_address.text(),
            ),
            authoriser=Officer(
                self.authoriser_name.text(),
                self.authoriser_rank.currentText(),
                self.authoriser_collar.text(),
            ),
            authorised_on=pydate(self.authorised_on.date())
            if self.authorised.isChecked()
            else None,
            requested=self._requested(),
            statement_date=pydate(self.statement_date.date())
            if self.statement_signed.isChecked()
            else None,
            with_notice=self.with_notice.isChecked(),
        )

    def unsaved(self) -> bool:
        """Whether details or officers were changed since they were loaded or saved."""
        return self.details() != self._loaded

    def save(self) -> bool:
        details = self.details()
        try:
            save_details(self._store, self.reference, details, self.amendment.text())
        except (Refusal, ValueError) as error:
            self.error.show_error(str(error))
            return False
        self._loaded = details
        self.error.show_ok(
            "Amended: the change and its reason are logged."
            if self.amendment.text().strip() and self.case.status is not ApplicationStatus.DRAFT
            else "Saved."
        )
        self.changed.emit()
        return True

    def _mark_kept(self) -> None:
        self.kept = True

    def done(self, result: int) -> None:
        """Close, unless details typed but not saved would be lost and the officer keeps
        the window open (Cancel), or asks to save and the save is refused."""
        if self.isVisible() and self.unsaved() and not self._settle_unsaved():
            return
        super().done(result)

    def _settle_unsaved(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            f"Application {self.reference}",
            f"Save the changes to {self.reference} before closing it?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        self._run_dialog(box)  # type: ignore[operator]
        answer = box.standardButton(box.clickedButton())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _save_item(self, item: CaseItem, provider: str, grounds: str) -> None:
        try:
            set_item(
                self._store, self.reference, item.e164, provider, grounds, self.amendment.text()
            )
        except Refusal as error:
            self.error.show_error(str(error))
            self.reload(details=False)  # the item as stored
            return
        self.changed.emit()

    def submit(self) -> None:
        if not self.save():
            return
        try:
            submit(self._store, self.reference)
        except SubmissionRefused as refused:  # each reason on a line, and where to fix it
            self.error.show_error(
                f"{self.reference} cannot be submitted yet:\n"
                + "\n".join(
                    f"• {as_sentence(p.what)}\n    To put right: {p.where}."
                    for p in refused.problems
                )
            )
            return
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.reload()
        self.error.show_ok(f"{self.reference} is marked submitted.")
        self.changed.emit()

    def add_numbers(self) -> None:
        already = {i.e164 for i in self.case.items}
        dialog = AddNumbersDialog(self._store, self.reference, already, self)
        if self._run_dialog(dialog):  # type: ignore[operator]
            self.reload(details=False)
            self.changed.emit()
            self.error.show_ok(f"Added {plural(len(dialog.added), 'number')}.")

    def edit_grounds(self) -> None:
        item = self._selected_item()
        if item is None:
            self.error.show_error("Select a number first.")
            return
        dialog = GroundsDialog(item, self)
        if self._run_dialog(dialog):  # type: ignore[operator]
            self._save_item(item, item.provider, dialog.grounds())
            self.reload(details=False)

    def _selected_item(self) -> CaseItem | None:
        rows = self.items_view.selectionModel().selectedRows() if self.items_view.model() else []
        return self.items_model.item(rows[0].row()) if rows else None

    def remove_selected(self) -> None:
        item = self._selected_item()
        if item is None:
            self.error.show_error("Select a number first.")
            return
        try:
            remove_number(self._store, self.reference, item.e164)
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.reload(details=False)
        self.changed.emit()
        self.error.show_ok(  # what happened, in place of any message left from before
            f"{item.display} was taken out of {self.reference}; Add numbers… puts it back."
        )

    def record_outcome(self) -> None:
        item = self._selected_item()
        if item is None:
            self.error.show_error("Select a number first.")
            return
        dialog = OutcomeDialog(self._store, self.reference, item, self.case.hearing_date, self)
        if self._run_dialog(dialog):  # type: ignore[operator]
            self.reload(details=False)
            self.changed.emit()
            then = next_step(Outcome(dialog.outcome.currentData()), self.reference)
            if then:
                self.error.show_ok(
                    f"{item.display}: {Outcome(dialog.outcome.currentData())}; {then}."
                )

    def name_judge(self) -> None:
        if not any(i.ordered for i in self.case.items):
            self.error.show_error("No order has been made yet.")
            return
        dialog = JudgeDialog(self._store, self.reference, self.case, self)
        if self._run_dialog(dialog):  # type: ignore[operator]
            self.reload(details=False)
            self.error.show_ok(f"Judge named: {' '.join(dialog.judge.text().split())}.")

    def record_earlier_time(self) -> None:
        if not any(i.outcome == "made" for i in self.case.items):
            self.error.show_error("No order in force: an earlier time is agreed on an order.")
            return
        dialog = EarlierTimeDialog(self._store, self.reference, self.case, self)
        if self._run_dialog(dialog):  # type: ignore[operator]
            self.reload(details=False)
            self.error.show_ok(f"Earlier time agreed recorded for {dialog.number.currentText()}.")

    def record_letter(self) -> None:
        providers = self.case.respondents()
        if not providers:
            self.error.show_error("No number has a provider to write to yet.")
            return
        dialog = LetterSentDialog(self._store, self.reference, providers, self)
        if self._run_dialog(dialog):  # type: ignore[operator]
            self.reload(details=False)
            self.error.show_ok(f"Letter to {dialog.provider.currentText()} recorded as sent.")

    def add_exhibit(self) -> None:
        dialog = ExhibitDialog(
            self._store,
            application_id(self._store, self.reference),
            self.case.applicant.initials,
            [i.display for i in self.case.items],
            self,
        )
        if self._run_dialog(dialog):  # type: ignore[operator]
            self.reload(details=False)
            self.error.show_ok(f"Exhibit {dialog.saved_mark} added.")
