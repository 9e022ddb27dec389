"""Opening another register from the window: a file, a new training database, the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.sign_in import sign_in_to
from raptor_desktop.paths import demo_db_path
from raptor_desktop.services.session import ensure_demo_register

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


RECENT = "databases/recent"
RECENT_KEPT = 6


class DatabaseActions:
    """Owned by the main window, which it switches to the register opened and signed in to."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.recent_menu = QMenu("R&ecent databases", window)

    def open_path(self, path: Path, *, training: bool = False, demo: bool = False) -> None:
        """Sign in to the register at ``path`` (a new one is made with its administrator),
        once the application windows on this one are closed."""
        if not self.window.applications.close_editors():
            return
        try:
            if demo:
                ensure_demo_register(path)
            store = sign_in_to(path, self.window.run_dialog, self.window, training=training)
        except Refusal as error:
            QMessageBox.critical(self.window, "Open database", as_sentence(error.full_message()))
            return
        if store is not None:
            self.window.switch_to(store)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            "Open database",
            str(self.window.store.path.parent),
            "Raptor databases (*.sqlite3 *.db)",
        )
        if name:
            self.open_path(Path(name))

    def new_training_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "New training database",
            str(self.window.store.path.parent / "training.sqlite3"),
            "Raptor databases (*.sqlite3)",
        )
        if not name:
            return
        if Path(name).exists():
            QMessageBox.warning(
                self.window,
                "New training database",
                f"{name} already exists; choose a new file name.",
            )
            return
        self.open_path(Path(name), training=True)

    def open_demo(self) -> None:
        self.open_path(demo_db_path(), training=True, demo=True)

    # -- recent databases --------------------------------------------------------------------
    def remember(self, path: Path) -> None:
        """Put ``path`` first in File → Recent databases (six kept)."""
        recent = [p for p in self.recent() if p != path]
        QSettings().setValue(RECENT, [str(p) for p in [path, *recent][:RECENT_KEPT]])
        self.fill_recent()

    def recent(self) -> list[Path]:
        stored = QSettings().value(RECENT, [])
        return [Path(p) for p in stored] if isinstance(stored, list) else []

    def fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for path in self.recent():
            action = menu.addAction(f"{path.name}  ({path.parent})")
            action.setEnabled(path.exists() and path != self.window.store.path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        menu.setEnabled(bool(menu.actions()))
