"""File → Import case package…, Export case package…, Exchange conflicts…: the window's face
of ``services.exchange`` (the same steps as ``raptor exchange``). Exporting and importing run
off the GUI thread, with progress shown; an import shows what it will change first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.conflicts_dialog import ConflictsDialog
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.gui.workers import Task, start_worker, wait_for
from raptor_desktop.services import exchange as ex
from raptor_desktop.services.session import Store

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow

SCOPES = (
    "Everything changed since the last package",
    "One application",
    "One line",
    "Everything, again (replaces a package that was lost)",
)


class ExportPackageDialog(OneChangeDialog):
    """Which peer, what scope, where, and why (the export is a logged disclosure)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Export case package", parent, "Export")
        self._store = store
        self.peer = QComboBox()
        self.peer.addItems([p.name for p in ex.list_peers(store)])
        self.form.addRow("&To", self.peer)
        self.scope = QComboBox()
        self.scope.addItems(SCOPES)
        self.form.addRow("&What", self.scope)
        self.which = QLineEdit()
        self.which.setPlaceholderText("the application's reference, or the line's brand")
        self.form.addRow("&Reference or brand", self.which)
        self.which.setEnabled(False)
        self.scope.currentIndexChanged.connect(lambda index: self.which.setEnabled(index in (1, 2)))
        self.file = QLineEdit()
        self.form.addRow("&File", self.file)
        self._suggest_file()
        self.peer.currentTextChanged.connect(lambda _name: self._suggest_file())
        self.justification = QLineEdit()
        self.form.addRow("Wh&y (logged)", self.justification)
        self.chosen: tuple[str, ex.Scope, Path, str] | None = None

    def _suggest_file(self) -> None:
        """A name that says whom the package is for and which of theirs it is."""
        peer = self.peer.currentText()
        self.file.setText(
            str(Path.home() / ex.next_package_name(self._store, peer)) if peer else ""
        )

    def save(self) -> None:
        if not self.peer.currentText():
            self.error.show_error("there is no peer to send to: add one in Settings → Workstations")
            return
        which = self.which.text().strip()
        index = self.scope.currentIndex()
        if index in (1, 2) and not which:
            self.error.show_error("give the application's reference or the line's brand")
            return
        scope = ex.Scope(
            application=which if index == 1 else "",
            line=which if index == 2 else "",
            again=index == 3,
        )
        if not self.justification.text().strip():
            self.error.show_error("say why the package is sent (logged, DPA 2018 s62)")
            return
        self.chosen = (
            self.peer.currentText(),
            scope,
            Path(self.file.text()),
            self.justification.text(),
        )
        self.accept()


class ExchangeActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self._thread: QThread | None = None
        self._progress: QProgressDialog | None = None
        self.import_action = self._action("Import case pac&kage…", self.import_package)
        self.export_action = self._action("Export case &package…", self.export_package)
        self.conflicts_action = self._action("Exc&hange conflicts…", self.show_conflicts)

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        return action

    @property
    def actions(self) -> tuple[QAction, ...]:
        return (self.import_action, self.export_action, self.conflicts_action)

    def _run(self, task: Task, doing: str, done: object) -> None:
        progress = QProgressDialog(doing, "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self._progress, self._task = progress, task
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        self._thread = start_worker(task, self)

    def _finish(self) -> None:
        if self._progress is not None:
            self._progress.reset()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._finish()
        QMessageBox.warning(self.window, "Case package", f"{message}\n\nNothing was changed.")

    def wait(self) -> None:
        wait_for(self._thread)

    # -- export ------------------------------------------------------------------------------
    def export_package(self) -> None:
        dialog = ExportPackageDialog(self.window.store, self.window)
        if not self.window.run_dialog(dialog) or dialog.chosen is None:
            return
        peer, scope, out, why = dialog.chosen
        session = self.window.session
        task = Task(lambda: ex.export_in(session, peer, scope, out, why), "exporting a package")
        self._run(task, f"Writing the package for {peer}…", self._exported)

    @Slot(object)
    def _exported(self, written: ex.Exported) -> None:
        self._finish()
        QMessageBox.information(
            self.window,
            "Case package",
            f"Wrote {written.path}: {as_sentence(written.summary)}\n\nOnly that workstation "
            "can open it. Packages are imported in their order: keep it until it has been.",
        )

    # -- import ------------------------------------------------------------------------------
    def import_package(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Import case package", "", f"Case packages (*{ex.SUFFIX})"
        )
        if not name:
            return
        session, path = self.window.session, Path(name)
        self._path = path
        task = Task(lambda: ex.preview_in(session, path), "reading a package")
        self._run(task, "Checking the package…", self._previewed)

    @Slot(object)
    def _previewed(self, found: tuple[ex.Incoming, ex.Applied]) -> None:
        self._finish()
        package, would = found
        answer = QMessageBox.question(
            self.window,
            "Import case package",
            f"Package {package.seq} from {package.peer.name}, signed by that workstation.\n\n"
            f"Importing it will: {would.summary()}.\n\nImport it?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        session, path = self.window.session, self._path
        task = Task(lambda: ex.import_in(session, path), "importing a package")
        self._run(task, "Importing…", self._imported)

    @Slot(object)
    def _imported(self, applied: ex.Applied) -> None:
        self._finish()
        self.window.refresh()
        text = f"Imported: {applied.summary()}."
        if applied.conflicts:
            text += "\n\nSome fields were changed on both workstations: decide them now."
        QMessageBox.information(self.window, "Case package", text)
        if applied.conflicts:
            self.show_conflicts()

    def show_conflicts(self) -> None:
        try:
            ConflictsDialog(self.window.store, self.window).exec()
        except Refusal as error:
            QMessageBox.warning(self.window, "Exchange conflicts", str(error))
        self.window.refresh()
