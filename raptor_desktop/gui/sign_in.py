"""Signing in: the first administrator of a new database, the sign-in screen, changing one's
own password, and the lock (after idle time, or at once)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenuBar, QStatusBar, QWidget

from raptor_desktop.core.accounts import MIN_PASSWORD
from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.small_dialogs import OneChangeDialog
from raptor_desktop.services.accounts import change_own_password
from raptor_desktop.services.session import (
    DEMO_PASSWORD,
    DEMO_SUPERVISOR,
    DEMO_USER,
    SignInRefused,
    Store,
    create_first_administrator,
    has_users,
    sign_in,
    sign_in_again,
)

RunDialog = Callable[[QDialog], bool]


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class FirstAdministratorDialog(OneChangeDialog):
    """A new database: its first account, an administrator, is created before anything else."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Create the administrator", parent, "Create and sign in")
        self._store = store
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = _password_field()
        self.again = _password_field()
        self.form.addRow("This database has no accounts yet.", QWidget())
        self.form.addRow("&Username", self.username)
        self.form.addRow("&Full name", self.display_name)
        self.form.addRow(f"&Password ({MIN_PASSWORD}+ characters)", self.password)
        self.form.addRow("&Again", self.again)

    def save(self) -> None:
        if self.password.text() != self.again.text():
            self.error.show_error("The passwords do not match.")
            return
        try:
            create_first_administrator(
                self._store, self.username.text(), self.display_name.text(), self.password.text()
            )
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()


class SignInDialog(OneChangeDialog):
    """Sign in to the database; with ``locked``, only the officer already signed in may."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, locked_for: str | None = None
    ) -> None:
        title = "Locked — sign in again" if locked_for else f"Sign in — {store.path.name}"
        super().__init__(title, parent, "Sign in")
        self._store = store
        self._locked_for = locked_for
        self.username = QLineEdit(locked_for or "")
        self.username.setReadOnly(locked_for is not None)
        self.password = _password_field()
        self.form.addRow("&Username", self.username)
        self.form.addRow("&Password", self.password)
        if store.training and not locked_for:
            self.form.addRow("", QWidget())
            self.error.show_ok(
                f"Training database: the demo accounts are {DEMO_USER} and {DEMO_SUPERVISOR} "
                f"(a supervisor), password {DEMO_PASSWORD}"
            )
        (self.password if locked_for else self.username).setFocus()

    def save(self) -> None:
        try:
            if self._locked_for is None:
                sign_in(self._store, self.username.text(), self.password.text())
            else:
                sign_in_again(self._store, self.password.text())
        except SignInRefused as error:
            self.error.show_error(str(error))
            self.password.clear()
            return
        self.accept()


class ChangeMyPasswordDialog(OneChangeDialog):
    """The signed-in officer's own password: the current one, then the new one twice."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(f"Change my password — {store.actor}", parent)
        self._store = store
        self.current = _password_field()
        self.new = _password_field()
        self.again = _password_field()
        self.form.addRow("&Current password", self.current)
        self.form.addRow(f"&New password ({MIN_PASSWORD}+ characters)", self.new)
        self.form.addRow("&Again", self.again)

    def save(self) -> None:
        try:
            change_own_password(
                self._store, self.current.text(), self.new.text(), self.again.text()
            )
        except Refusal as error:
            self.error.show_error(str(error))
            self.current.clear()
            return
        self.accept()


def sign_in_to(store: Store, run_dialog: RunDialog, parent: QWidget | None = None) -> bool:
    """Create the first administrator or sign in; False if the officer gave up."""
    dialog: QDialog = (
        SignInDialog(store, parent) if has_users(store) else FirstAdministratorDialog(store, parent)
    )
    return run_dialog(dialog)


class IdleLock(QObject):
    """Locks the window after a period without keyboard or mouse use.

    The window and any dialog stay as they are underneath, so no unsaved work is lost; only
    the officer who was signed in can unlock it.
    """

    ACTIVITY = {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }

    def __init__(self, minutes: int, on_idle: Callable[[], None]) -> None:
        super().__init__()
        self.minutes = minutes
        self._on_idle = on_idle
        self._last = time.monotonic()
        self._locked = False
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self.ACTIVITY:
            self._last = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last

    def check(self) -> None:
        if not self._locked and self.idle_seconds() >= self.minutes * 60:
            self._locked = True
            try:
                self._on_idle()
            finally:
                self._locked = False
                self._last = time.monotonic()


@contextmanager
def register_hidden() -> Iterator[None]:
    """While locked: the contents of every open window hidden (an application editor or a
    dialog as much as the main window), the windows themselves left open so that nothing
    unsaved is lost; shown again afterwards."""
    veiled = [
        child
        for window in QApplication.topLevelWidgets()
        if window.isVisible()
        for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible() and not isinstance(child, (QMenuBar, QStatusBar))
    ]
    for child in veiled:
        child.setVisible(False)
    try:
        yield
    finally:
        for child in veiled:
            child.setVisible(True)
