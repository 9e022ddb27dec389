"""The Outreach view: drafting the support text, with what it costs as the officer types.

Sending batches to the contacts comes later; the wording and its length are settled here
first. The counter is the same as `raptor count-message` (``core.sms``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from raptor_desktop.core.sms import Encoding, count_message, split_parts

GUIDANCE = (
    "Draft the support text here. Numbers are borrowed and reassigned, so the wording names "
    "the sender and the charity, accuses no one, and offers help (the charity's link and "
    "phone; 101, or 999 in an emergency, for anyone being exploited). Sending batches to "
    "the people listed under Contacts (leaving out opt-outs and the do-not-contact list) "
    "will be prepared and approved here."
)
EXAMPLE = (
    "Essex Police: this number was in contact with a drug-dealing line. For free, "
    "confidential help with drugs contact Open Road on [phone] or [link]. Worried about "
    "being exploited? Call 101, or 999 in an emergency. Reply STOP to opt out."
)
DRAFT_KEY = "outreach/draft"  # kept on this workstation between sessions (QSettings)


class OutreachPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        guidance = QLabel(GUIDANCE)
        guidance.setWordWrap(True)
        self.text = QPlainTextEdit(str(QSettings().value(DRAFT_KEY, EXAMPLE)))
        self.text.setMaximumHeight(140)
        self.count = QLabel()
        self.parts = QPlainTextEdit()
        self.parts.setReadOnly(True)
        self.parts.setFont(QFont("monospace"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(guidance)
        layout.addWidget(QLabel("<b>Support text</b>"))
        layout.addWidget(self.text)
        layout.addWidget(self.count)
        layout.addWidget(QLabel("<b>As the phone network splits it</b>"))
        layout.addWidget(self.parts, 1)
        self.text.textChanged.connect(self.recount)
        self.recount()

    def recount(self) -> None:
        text = self.text.toPlainText()
        QSettings().setValue(DRAFT_KEY, text)
        count = count_message(text)
        warning = count.encoding is Encoding.UCS2 or count.parts > 2
        colour = "#8a4b00" if warning else "#1b5e20"
        self.count.setText(
            f"<span style='color:{colour}'>{escape(count.describe())} — {count.units} units</span>"
        )
        self.parts.setPlainText(
            "\n\n".join(
                f"— part {n} —\n{part}" for n, part in enumerate(split_parts(text), start=1)
            )
        )
