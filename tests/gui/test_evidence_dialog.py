"""Line → Record evidence…: a test purchase recorded against the selected number's line, shown
in its detail panel; a bad price said in the dialog, nothing stored."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog

from raptor_desktop.gui.evidence_dialog import EvidenceDialog
from raptor_desktop.gui.main_window import MainWindow
from tests.gui.test_menu_actions import select


def _evidence(window: MainWindow) -> list[tuple[object, ...]]:
    return window.store.db.execute(
        "SELECT kind, occurred_on, location, price_pence, reference, details FROM evidence "
        "WHERE line_id = (SELECT line_id FROM numbers WHERE e164 = '+447700900111') ORDER BY id"
    ).fetchall()


def test_a_test_purchase_is_recorded_against_the_line(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    before = _evidence(window)
    select(window, "+447700900111")

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, EvidenceDialog)
        dialog.kind.setCurrentText("test purchase")
        dialog.location.setText("High Street, Grays")
        dialog.reference.setText("TP/44")
        dialog.details.setPlainText("Two wraps of crack cocaine bought from a runner")
        dialog.price.setText("twenty")
        dialog.save()  # refused: said in the dialog, which stays open
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert "not an amount in pounds" in dialog.error.text()
        assert _evidence(window) == before
        dialog.price.setText("£20")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = fill  # type: ignore[attr-defined]
    window.evidence_action.trigger()
    assert _evidence(window)[len(before) :] == [
        (
            "test purchase",
            date.today().isoformat(),
            "High Street, Grays",
            2000,
            "TP/44",
            "Two wraps of crack cocaine bought from a runner",
        )
    ]
    assert "Two wraps of crack cocaine" in window.lines_page.detail.toPlainText()
