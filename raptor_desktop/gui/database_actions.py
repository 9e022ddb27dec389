"""Opening another register from the window: a file, a new training database, the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.sign_in import sign_in_to
from raptor_desktop.paths import demo_db_path
from raptor_desktop.services.session import ensure_demo_register

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


class DatabaseActions:
    """Owned by the main window, which it switches to the register opened and signed in to."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def open_path(self, path: Path, *, training: bool = False, demo: bool = False) -> None:
        """Sign in to the register at ``path`` (a new one is made with its administrator)."""
        try:
            if demo:
                ensure_demo_register(path)
            store = sign_in_to(path, self.window.run_dialog, self.window, training=training)
        except Refusal as error:
            QMessageBox.critical(self.window, "Open database", error.full_message())
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
