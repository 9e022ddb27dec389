"""The shape most of the program's dialogs share: a form, a line of feedback, Save or Cancel.

Kept apart from the dialogs built on it, so that the sign-in (the first window an officer
sees) loads none of what the others need.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.gui.message_label import MessageLabel


class OneChangeDialog(QDialog):
    """A form, an inline error line and Save/Cancel; subclasses fill the form and save.

    ``accept_text`` names the action when it is not saving ("Sign in", "Continue").
    """

    def __init__(self, title: str, parent: QWidget | None, accept_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = MessageLabel()
        accept = (
            QDialogButtonBox.StandardButton.Ok
            if accept_text
            else QDialogButtonBox.StandardButton.Save
        )
        # made empty and then given its buttons: its constructor's overloads take Qt's
        # orientation flags, and choosing among them makes all of Qt's flags (a tenth of the
        # window's start-up)
        buttons = QDialogButtonBox()
        buttons.addButton(accept)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        if accept_text:
            buttons.button(accept).setText(accept_text)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)  # from inside a note, too
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._buttons = buttons
        self.resize(460, 0)

    def save(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Open with the keyboard in the first field to fill, not on Save: the buttons are
        made before a subclass adds its fields, so they would come first in the Tab order."""
        super().showEvent(event)
        focus = self.focusWidget()
        if focus is None or self._buttons.isAncestorOf(focus):
            first = self._first_field()
            if first is not None:
                # as if reached by Tab: focused, its text selected to be typed over (said
                # without Qt's focus-reason flags, whose first use costs the window's opening
                # a tenth of its time)
                first.setFocus()
                if isinstance(first, (QLineEdit, QAbstractSpinBox)):
                    first.selectAll()

    def _first_field(self) -> QWidget | None:
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            layout = item.layout() if item else None
            widgets = [item.widget()] if item and item.widget() else []
            if layout is not None:
                inner = (layout.itemAt(i) for i in range(layout.count()))
                widgets = [i.widget() for i in inner if i is not None]
            for widget in widgets:
                if (
                    widget is not None
                    and widget.isEnabled()
                    and not isinstance(widget, QLabel)  # what a form shows, not a field
                    and widget.isVisibleTo(self)
                    and not getattr(widget, "isReadOnly", lambda: False)()
                ):
                    return widget
        return None
