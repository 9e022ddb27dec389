"""The signed-in officer's own actions: lock the window, sign out, change the password,
keep the profile that fills in their applications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from raptor_desktop.gui.idle_lock import register_hidden
from raptor_desktop.gui.profile_dialog import ProfileDialog
from raptor_desktop.gui.sign_in import ChangeMyPasswordDialog, SignInDialog

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


class AccountActions:
    """Owned by the main window, whose store and ``run_dialog`` they use."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def lock_screen(self) -> None:
        """After idle time, or on Lock now: hide the register, in this window and in every
        other open window (an application editor, a dialog), behind a sign-in only this
        officer can pass. The windows stay open underneath: no unsaved work is lost."""
        window = self.window
        with register_hidden():
            while not window.run_dialog(
                SignInDialog(window.store.path, window, store=window.store, locked=True)
            ):
                pass

    def sign_out(self) -> None:
        """Another officer takes the workstation: the register is hidden until someone signs
        in; giving up closes the window. The application windows are closed first (each asks
        about changes not saved), and any other open window refuses it, as they would go on
        acting for the officer who opened them."""
        window = self.window
        if not window.applications.close_editors():
            return
        others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
        if others:
            window.statusBar().showMessage("Close the open windows before signing out.", 8000)
            return
        with register_hidden():
            signed_in = window.run_dialog(
                SignInDialog(window.store.path, window, store=window.store)
            )
        if not signed_in:
            window.close()
            return
        window.undo_stack.clear()  # the last officer's changes are not the next one's to undo
        window.apply_role()
        window.refresh()

    def change_my_password(self) -> None:
        if self.window.run_dialog(ChangeMyPasswordDialog(self.window.store, self.window)):
            self.window.statusBar().showMessage("Your password is changed.", 5000)

    def edit_profile(self) -> None:
        dialog = ProfileDialog(self.window.store, self.window)
        if self.window.run_dialog(dialog) and dialog.saved is not None:
            self.window.statusBar().showMessage(
                f"Profile kept: new applications name {dialog.saved.described()} as the applicant.",
                8000,
            )
