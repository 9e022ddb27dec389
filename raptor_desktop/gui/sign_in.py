"""Signing in: the first administrator of a new database, the sign-in screen, changing one's
own password, and the lock (after idle time, or at once)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from raptor_desktop.core.demo_accounts import DEMO_PASSWORD, DEMO_SUPERVISOR, DEMO_USER
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.password_rules import MIN_PASSWORD
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.paths import demo_db_path, register_exists

if TYPE_CHECKING:  # the services (SQLite, the key file) load when an officer signs in, so that
    # the sign-in window comes up without them: they were two thirds of its start-up
    from raptor_desktop.services.session import NewRegister, SignedIn, Store

RunDialog = Callable[[QDialog], bool]


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class FirstAdministratorDialog(OneChangeDialog):
    """A new register: made with its first account, an administrator, who signs in at once."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, training: bool = False):
        super().__init__("Create the administrator", parent, "Create and sign in")
        self._path = path
        self._training = training
        self.signed: SignedIn | None = None
        self.made: NewRegister | None = None
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = _password_field()
        self.again = _password_field()
        kind = "training register" if training else "register"
        self.form.addRow(f"A new {kind}: {path.name}", QWidget())
        self.form.addRow("&Username", self.username)
        self.form.addRow("&Full name", self.display_name)
        self.form.addRow(f"&Password ({MIN_PASSWORD}+ characters)", self.password)
        self.form.addRow("&Again", self.again)

    def save(self) -> None:
        if self.password.text() != self.again.text():
            self.error.show_error("The passwords do not match.")
            return
        from raptor_desktop.services.session import create_register, sign_in

        try:
            self.made = create_register(
                self._path,
                training=self._training,
                admin=self.username.text(),
                password=self.password.text(),
                display_name=self.display_name.text(),
            )
            self.signed = sign_in(self._path, self.username.text(), self.password.text())
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()


class SignInDialog(OneChangeDialog):
    """Sign in to the register at ``path``; with ``store``, a register already open: another
    officer takes over (``locked`` False) or the officer signed in unlocks it (``locked``)."""

    def __init__(
        self,
        path: Path,
        parent: QWidget | None = None,
        *,
        store: Store | None = None,
        locked: bool = False,
    ) -> None:
        title = "Locked — sign in again" if locked else f"Sign in — {path.name}"
        super().__init__(title, parent, "Sign in")
        self._path = path
        self._store = store
        self._locked = locked
        self.signed: SignedIn | None = None
        self.username = QLineEdit(store.actor if locked and store else "")
        self.username.setReadOnly(locked)
        self.password = _password_field()
        self.form.addRow("&Username", self.username)
        self.form.addRow("&Password", self.password)
        self.setMinimumWidth(380)  # a refusal reads on two lines, not five
        self.hint: QLabel | None = None  # the demo's accounts: kept in sight after an error
        if path == demo_db_path() and not locked:
            self.hint = QLabel(  # two lines of its own: a wrapped label here was cut short
                f"Training database: the demo accounts are {DEMO_USER} and\n"
                f"{DEMO_SUPERVISOR} (a supervisor), password {DEMO_PASSWORD}"
            )
            self.form.addRow("", self.hint)
        (self.password if locked else self.username).setFocus()

    def save(self) -> None:
        from raptor_desktop.services.session import sign_in, sign_in_again, switch_officer

        try:
            if self._store is None:
                self.signed = sign_in(self._path, self.username.text(), self.password.text())
            elif self._locked:
                sign_in_again(self._store, self.password.text())
            else:
                switch_officer(self._store, self.username.text(), self.password.text())
        except Refusal as error:
            self.error.show_error(str(error))
            self.password.clear()
            self.adjustSize()  # the message's lines take room: nothing else gives it up
            return
        self.accept()


class RecoveryKeyDialog(QMessageBox):
    """The recovery key of a register just made (or sealed), shown this once."""

    def __init__(self, made: NewRegister, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recovery key — keep it in the unit's safe")
        self.setIcon(QMessageBox.Icon.Information)
        text = (
            "The register is encrypted. Its key opens with each account's password, and with "
            f"this recovery key:<p><b><tt>{made.recovery_key}</tt></b></p>"
            "Write it down and keep it in the unit's safe. It opens the register when every "
            "administrator's password is lost (<tt>raptor recover</tt>), and it is not shown "
            "again."
        )
        if made.need_passwords:
            text += (
                "<p>These accounts need a new password (File → Accounts…) before they can "
                f"sign in: {', '.join(made.need_passwords)}.</p>"
            )
        self.setText(text)
        from PySide6.QtCore import Qt  # shown once signed in, not at start-up

        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


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
        from raptor_desktop.services.accounts import change_own_password

        try:
            change_own_password(
                self._store, self.current.text(), self.new.text(), self.again.text()
            )
        except Refusal as error:
            self.error.show_error(str(error))
            self.current.clear()
            return
        self.accept()


def sign_in_to(
    path: Path, run_dialog: RunDialog, parent: QWidget | None = None, *, training: bool = False
) -> Store | None:
    """Sign in to the register at ``path``, or make it with its first administrator; the
    signed-in register, or None if the officer gave up. A register just made or sealed shows
    its recovery key first."""
    dialog: FirstAdministratorDialog | SignInDialog = (
        SignInDialog(path, parent)
        if register_exists(path)
        else FirstAdministratorDialog(path, parent, training=training)
    )
    if not run_dialog(dialog) or dialog.signed is None:
        return None
    made = dialog.made if isinstance(dialog, FirstAdministratorDialog) else dialog.signed.sealed
    if made is not None:
        run_dialog(RecoveryKeyDialog(made, parent))
    return dialog.signed.store
