"""What the window does for applications and orders: editors, packs, outcomes, warnings."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog, QWidget

from raptor_desktop.core.case_gaps import Gap
from raptor_desktop.core.dates import parse_date, plural
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.application_editor import ApplicationEditor
from raptor_desktop.gui.pack_dialog import PackDialog
from raptor_desktop.gui.pack_task import PackWorker
from raptor_desktop.gui.workers import Task, start_worker, wait_for
from raptor_desktop.services.applications import (
    OrderRow,
    add_numbers,
    blank_details,
    confirm_disconnection,
    create_application,
    delete_draft,
    draft_references,
    renew,
    view_warnings,
)
from raptor_desktop.services.audit_log import IntegrityReport, check_register
from raptor_desktop.services.packs import HearingPack, pack_gaps
from raptor_desktop.services.session import Store

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow

NEW = "New application"


def gaps_box(reference: str, gaps: list[Gap], parent: QWidget) -> QMessageBox:
    """Every gap and where to fill it; Yes builds a pack marked DRAFT, not for service."""
    listed = "".join(f"<li>{escape(g.what)}<br/><i>{escape(g.where)}</i></li>" for g in gaps)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Hearing pack — not ready for court",
        f"<p>{escape(reference)} cannot go to court yet:</p><ul>{listed}</ul>"
        "<p>Build a pack marked DRAFT on every page, to check the documents?</p>",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText("Build DRAFT pack")
    return box


class ApplicationActions(QObject):
    """Owned by the main window; ``window`` gives the store, the pages and ``run_dialog``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self._thread: QThread | None = None
        self._busy = False  # a pack asked for and not yet delivered (or failed)
        self._integrity_thread: QThread | None = None
        self._integrity_task: Task | None = None
        self.integrity_problem: str | None = None  # None until the check on opening reports
        self.last_pack: HearingPack | None = None
        self.editors: dict[str, ApplicationEditor] = {}  # by reference, while open

    @property
    def store(self) -> Store:
        return self.window.store

    def _refresh(self) -> None:
        self.window.refresh()

    def open_editor(self, reference: str, *, new: bool = False) -> ApplicationEditor:
        """Show the application's window beside the main one (not modal); an application
        already open is brought to the front rather than opened twice. ``new``: a draft made
        for this window, deleted (logged) if it is closed before anything in it was kept, so
        that New application… leaves no empty drafts behind."""
        editor = self.editors.get(reference)
        if editor is not None:
            if editor.isMinimized():
                editor.showNormal()
            editor.raise_()
            editor.activateWindow()
            return editor
        editor = ApplicationEditor(self.store, reference, self.window.run_dialog, self.window)
        editor.changed.connect(self._refresh)
        editor.pack_requested.connect(self.build_pack)
        editor.finished.connect(lambda _result: self._closed(editor, new))
        self.editors[reference] = editor
        editor.show()
        editor.activateWindow()  # keys go to the new window, as they would on opening
        return editor

    def _closed(self, editor: ApplicationEditor, new: bool) -> None:
        self.editors.pop(editor.reference, None)
        editor.deleteLater()
        if new and not editor.kept:
            delete_draft(self.store, editor.reference)
            self._refresh()
            self.window.statusBar().showMessage(
                f"{editor.reference} was closed without being saved: no draft was kept.", 8000
            )

    def close_editors(self) -> bool:
        """Close every application window (each asks about changes not saved); false if the
        officer kept one open, so that closing or switching the register waits."""
        for editor in list(self.editors.values()):
            editor.close()
            if editor.isVisible():
                editor.raise_()
                return False
        return True

    def new_application(self, numbers: list[str] | None = None) -> ApplicationEditor | None:
        """A new draft in its own window, with the numbers chosen in the Lines view."""
        try:
            reference = create_application(self.store, blank_details(self.store), numbers or [])
        except Refusal as error:
            QMessageBox.warning(self.window, "New application", as_sentence(str(error)))
            return None
        self._refresh()
        return self.open_editor(reference, new=True)

    def add_to_application(self, numbers: list[str]) -> None:
        drafts = draft_references(self.store)
        choice, ok = QInputDialog.getItem(
            self.window,
            "Add to application",
            f"Add {plural(len(numbers), 'number')} to:",
            [NEW, *drafts],
            0,
            False,
        )
        if not ok:
            return
        if choice == NEW:
            self.new_application(numbers)
            return
        try:
            add_numbers(self.store, choice, numbers)
        except Refusal as error:
            QMessageBox.warning(self.window, "Add to application", as_sentence(str(error)))
            return
        self._refresh()
        self.open_editor(choice)

    # -- the hearing pack ---------------------------------------------------------------------
    def _over(self, reference: str) -> QWidget:
        """The window a pack's dialogs belong to: the application's own, if it is open."""
        return self.editors.get(reference) or self.window

    def building(self) -> bool:
        """Whether a pack is being built now (one at a time: its progress is the one shown).
        Once the pack is delivered it is not, though its thread may take a moment to end."""
        return self._busy

    def build_pack(self, reference: str) -> PackWorker | None:
        """Build the pack in the background; with gaps, only a DRAFT pack if the officer asks.
        While another pack is being built, the officer is told so and nothing starts."""
        if self.building():
            self.window.statusBar().showMessage(
                f"The hearing pack for {self._reference} is still being built: wait for it, "
                "or cancel it, before building another.",
                8000,
            )
            return None
        gaps = pack_gaps(self.store, reference)
        if gaps and not self.window.run_dialog(gaps_box(reference, gaps, self._over(reference))):
            return None
        return self._start(PackWorker(self.window.session, reference, draft=bool(gaps)), reference)

    def build_supplement(self, reference: str) -> PackWorker | None:
        """The exhibits added since a bundle was served, on its end: choose the served file."""
        name, _ = QFileDialog.getOpenFileName(
            self._over(reference),
            f"Supplementary bundle for {reference}: the bundle as served",
            "",
            "PDF (*.pdf)",
        )
        if not name:
            return None
        return self._start(PackWorker(self.window.session, reference, served=Path(name)), reference)

    def _start(self, worker: PackWorker, reference: str) -> PackWorker:
        progress = QProgressDialog(
            f"Building the hearing pack for {reference}…", "Cancel", 0, 0, self._over(reference)
        )
        progress.setWindowTitle("Hearing pack")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        # shown until the pack is done or failed (its last step, putting the bundle together,
        # reports no progress of its own): not reset, so not closed, when the bar is full
        progress.setAutoReset(False)
        progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        self._progress, self._worker, self._reference = progress, worker, reference
        worker.progress.connect(self._on_progress)
        worker.succeeded.connect(self._on_pack)
        worker.failed.connect(self._on_failed)
        self._thread = start_worker(worker, self)
        self._busy = True
        return worker

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, title: str) -> None:
        self._progress.setMaximum(total)
        self._progress.setValue(done)
        self._progress.setLabelText(f"Building: {title}")

    @Slot(object)
    def _on_pack(self, pack: HearingPack) -> None:
        self._busy = False
        self._progress.reset()
        self.last_pack = pack
        over = self._over(pack.reference)
        self.window.run_dialog(PackDialog(pack, self.store, self.window.run_dialog, over))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._busy = False
        self._progress.reset()
        if message:  # empty: the officer cancelled
            over = self._over(self._reference)
            QMessageBox.warning(over, "Hearing pack", as_sentence(message))

    def wait(self) -> None:
        """Let a running pack build (cancelled) and the integrity check finish, before closing
        or switching database."""
        if self.building():
            self._worker.cancel()
        wait_for(self._thread, 30_000)  # a pack delivered: its thread ending
        wait_for(self._integrity_thread)

    # -- orders --------------------------------------------------------------------------------
    def confirm(self) -> None:
        order = self._chosen_order()
        if order is None:
            return
        text, ok = QInputDialog.getText(
            self.window,
            "Provider confirmed disconnection",
            f"Date {order.number} was confirmed disconnected (dd/mm/yyyy):",
            text=date.today().strftime("%d/%m/%Y"),
        )
        if not ok:
            return
        try:
            confirm_disconnection(self.store, order.reference, order.number, parse_date(text))
        except (ValueError, Refusal) as error:  # a date in words, or the store's refusal
            QMessageBox.warning(
                self.window, "Provider confirmed disconnection", as_sentence(str(error))
            )
            return
        self._refresh()

    def _chosen_order(self) -> OrderRow | None:
        order = self.window.orders_page.selected_order()
        if order is None:
            self.window.statusBar().showMessage("Select an order first.", 5000)
        return order

    def renew(self) -> None:
        order = self._chosen_order()
        if order is None:
            return
        reference = renew(self.store, order.reference)
        self._refresh()
        self.open_editor(reference)

    def check_integrity(self) -> Task:
        """Run the check on opening in the background (a long log takes a while to walk);
        warn if the database or its data-protection log is damaged. One check at a time."""
        if self._integrity_running() and self._integrity_task is not None:
            return self._integrity_task
        session = self.window.session
        task = Task(lambda: check_register(session), "checking the database and its log")
        task.succeeded.connect(self._on_integrity)
        task.failed.connect(self._on_integrity_failed)
        self._integrity_task = task  # a reference, or Python would collect it mid-check
        self._integrity_thread = start_worker(task, self)
        self.window.statusBar().showMessage("Checking the database and its audit log…")
        return task

    def _integrity_running(self) -> bool:
        try:
            return self._integrity_thread is not None and self._integrity_thread.isRunning()
        except RuntimeError:  # the finished thread was already deleted
            return False

    @Slot(object)
    def _on_integrity(self, report: IntegrityReport) -> None:
        if report.sound:
            self.integrity_problem = ""
            self.window.statusBar().showMessage(
                f"Database and audit log checked: sound ({report.entries} log entries)", 10_000
            )
            return
        self._on_integrity_failed("\n".join(report.problems))

    @Slot(str)
    def _on_integrity_failed(self, problems: str) -> None:
        self.integrity_problem = (
            "The database or its data-protection log failed its check. Tell your "
            "administrator; do not rely on this database until it is resolved.\n\n" + problems
        )
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Integrity check failed",
            self.integrity_problem,
            parent=self.window,
        )
        self.window.run_dialog(box)

    def show_warnings(self) -> list[str]:
        self.check_integrity()
        found = view_warnings(self.store)
        if found:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "Orders need attention",
                "\n\n".join(found),
                parent=self.window,
            )
            self.window.run_dialog(box)
        return found
