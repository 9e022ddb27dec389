"""Settings → Workstations: this register's identity and its peers (administrators).

A peer is added from its identity file once its fingerprint, read aloud by that workstation's
administrator, has been typed here: the same check as ``raptor exchange add-peer``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.exchange import fingerprint
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.gui.widgets import buddy_label
from raptor_desktop.services import exchange as ex
from raptor_desktop.services.session import Store

PEER_COLUMNS = ("Workstation", "Fingerprint", "Packages sent", "Received", "Added")


class AddPeerDialog(OneChangeDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Add a peer workstation", parent, "Add")
        self._store = store
        self.file = QLineEdit()
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file)
        row.addWidget(browse)
        self.form.addRow(buddy_label("Identity &file", self.file), row)
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText("12345 67890 …, as its administrator reads it out")
        self.form.addRow("Finger&print", self.fingerprint)
        self.name = QLineEdit()
        self.name.setPlaceholderText("its own name")
        self.form.addRow("Known here &as", self.name)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Identity file", "", "Workstation identity (*.json)"
        )
        if name:
            self.file.setText(name)

    def save(self) -> None:
        try:
            ex.add_peer(
                self._store, Path(self.file.text()), self.fingerprint.text(), self.name.text()
            )
        except Refusal as error:
            self.error.show_error(error.full_message())
            return
        self.accept()


class WorkstationsTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.identity = QLabel()
        self.identity.setWordWrap(True)
        self.set_up = QPushButton("&Set up this workstation…")
        self.set_up.clicked.connect(self._set_up)
        self.save_card = QPushButton("Save its &identity file…")
        self.save_card.clicked.connect(self._save_card)
        self.add = QPushButton("&Add peer…")
        self.add.clicked.connect(self._add)
        self.table = QTableWidget(0, len(PEER_COLUMNS))
        self.table.setHorizontalHeaderLabels(PEER_COLUMNS)
        self.table.verticalHeader().hide()
        self.message = MessageLabel()
        buttons = QHBoxLayout()
        for button in (self.set_up, self.save_card, self.add):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.identity)
        layout.addLayout(buttons)
        layout.addWidget(
            QLabel(
                "Peers: the workstations case packages go to and come from (what you do on "
                "this tab takes effect at once; Save is for the other tabs)"
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.load()

    def load(self) -> None:
        try:
            mine = ex.own_identity(self._store)
        except Refusal:
            self.identity.setText(
                "This workstation has no identity yet: an administrator sets it up (a name, "
                "and a key pair made here) before any case package is exchanged."
            )
            has = False
        else:
            self.identity.setText(
                f"This workstation: <b>{mine.name}</b><br>Fingerprint: "
                f"<b><tt>{mine.fingerprint}</tt></b> (read it out to the other "
                "administrator when they add this one)"
            )
            has = True
        self.set_up.setEnabled(not has)
        self.save_card.setEnabled(has)
        self.add.setEnabled(has)
        peers = ex.list_peers(self._store)
        self.table.setRowCount(len(peers))
        for row, peer in enumerate(peers):
            cells = (
                peer.name,
                fingerprint(peer.public_key),
                str(peer.sent_seq),
                str(peer.received_seq),
                f"{peer.added_at[:10]} by {peer.added_by}",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _set_up(self) -> None:
        name, ok = QInputDialog.getText(
            self, "Set up this workstation", "Its name, as the peers will know it:"
        )
        if ok:
            self._run(lambda: ex.set_up_identity(self._store, name))

    def _save_card(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save identity file", "workstation-identity.json", "Identity (*.json)"
        )
        if name:
            self._run(lambda: ex.write_identity_file(self._store, Path(name)), f"Saved {name}")

    def _add(self) -> None:
        if AddPeerDialog(self._store, self).exec():
            self.load()

    def _run(self, work: Callable[[], object], done: str = "") -> None:
        try:
            work()
        except Refusal as error:
            self.message.show_error(error.full_message())
            return
        if done:
            self.message.show_ok(done)
        self.load()
