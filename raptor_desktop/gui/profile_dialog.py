"""My officer profile: the details that fill in the applicant of each new application."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from raptor_desktop.core.applications import AUTHORISING_RANKS, OTHER_RANKS, Officer
from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.services.accounts import officer_profile, save_officer_profile
from raptor_desktop.services.session import Store


class ProfileDialog(OneChangeDialog):
    """The signed-in officer's own details, kept on their account (logged when changed)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(f"My officer profile — {store.actor}", parent)
        self._store = store
        profile = officer_profile(store)
        self.name = QLineEdit(profile.name)
        self.name.setPlaceholderText("as it goes on a witness statement: Rachel Carter")
        self.rank = QComboBox()
        self.rank.setEditable(True)
        self.rank.addItems(list(OTHER_RANKS + AUTHORISING_RANKS))
        self.rank.setCurrentText(profile.rank)
        self.collar = QLineEdit(profile.collar)
        self.force = QLineEdit(profile.force)
        self.address = QPlainTextEdit(profile.work_address.replace(", ", "\n"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 4 + 12)
        self.form.addRow("&Name", self.name)
        self.form.addRow("&Rank", self.rank)
        self.form.addRow("&Collar number", self.collar)
        self.form.addRow("&Force", self.force)
        self.form.addRow("&Work address", self.address)
        self.saved: Officer | None = None

    def save(self) -> None:
        typed = Officer(
            self.name.text(),
            self.rank.currentText(),
            self.collar.text(),
            self.force.text(),
            self.address.toPlainText(),
        )
        try:
            self.saved = save_officer_profile(self._store, typed)
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()
