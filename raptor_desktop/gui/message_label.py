"""The line of inline feedback under a form's fields: kept apart from the other shared
widgets so that the sign-in, the first window, loads no more of Qt than it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from raptor_desktop.core.wording import as_sentence

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
WARN_STYLE = "color: #8a4b00;"


class MessageLabel(QLabel):
    """A line of inline feedback under a field: an error, a warning or a confirmation,
    always shown as a sentence (a refusal's clause gets its capital and full stop)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.clear_message()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_STYLE)

    def show_ok(self, text: str) -> None:
        self._show(text, OK_STYLE)

    def show_warning(self, text: str) -> None:
        self._show(text, WARN_STYLE)

    def clear_message(self) -> None:
        self.setText("")
        self.setVisible(False)

    def _show(self, text: str, style: str) -> None:
        if text:  # selectable once there is something to copy; Qt's flags load only then
            from PySide6.QtCore import Qt

            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(style)
        self.setText(as_sentence(text))
        self.setVisible(bool(text))
