"""The Outreach view: the text counted as it is typed, and a batch from draft to gateway."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from raptor_desktop.core.accounts import Role
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.outreach_page import (
    EXAMPLE,
    DraftBatchDialog,
    OutreachPage,
    RecipientsDialog,
)
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.gui.window_services import WindowServices
from raptor_desktop.store.audit import AuditFilter, entries


def test_the_count_follows_the_text_and_the_draft_is_kept(qtbot: QtBot, window: MainWindow) -> None:
    page = window.outreach_page
    assert page.text.toPlainText() == EXAMPLE
    page.text.setPlainText("Help is here. Reply STOP to opt out.")
    assert "1 message (GSM-7), 124 left in this part — 36 units" in page.count.text()
    assert page.parts.toPlainText() == "— part 1 —\nHelp is here. Reply STOP to opt out."
    page.text.setPlainText("Help is here – reply STOP " + "x" * 60)
    assert "2 messages (UCS-2)" in page.count.text() and "because of: –" in page.count.text()
    assert page.parts.toPlainText().count("— part") == 2
    services = WindowServices(window.run_dialog, window.imports.start, list)
    again = OutreachPage(window.store, services)
    qtbot.addWidget(again)
    assert again.text.toPlainText() == page.text.toPlainText()


def test_a_batch_from_draft_to_gateway(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    window: MainWindow,
    dialogs: list[QDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = window.outreach_page
    page.text.setPlainText("Essex Police: help is here. Reply STOP to opt out.")
    tony = window.store.db.execute("SELECT id FROM numbers WHERE e164 = '+447700900101'")
    window.lines_page.select_number(tony.fetchone()[0])

    def answer(dialog: QDialog) -> bool:
        if isinstance(dialog, DraftBatchDialog):
            assert dialog.line.text() == "07700 900101"
            assert dialog.plan.text() == "7 to text; left out: 1 opted out"
            dialog.line.setText("")
            assert dialog.plan.text() == "10 to text; left out: 1 do not contact, 1 opted out"
            dialog.line.setText("07700 900999")
            assert dialog.plan.text() == "Deal line: 07700 900999 is not in the register."
            dialog.line.setText("07700 9001")
            assert dialog.plan.text().startswith("Deal line: too short")
            dialog.line.setText("07700 900101")
            dialog.save()
        elif isinstance(dialog, DisclosureDialog):
            dialog.recipient.setText("Gateway Ltd")
            dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = answer  # type: ignore[attr-defined]
    page.draft_button.click()
    assert page.selected() is not None and page.selected().reference == "OUT-2026-001"  # type: ignore[union-attr]
    assert not page.hand_button.isEnabled()
    window.store.role = Role.OFFICER
    page.refresh()
    page.table.selectRow(0)
    assert not page.approve_button.isEnabled()
    window.store.actor, window.store.role = "trainer.sgt", Role.SUPERVISOR  # not the drafter
    page.refresh()
    page.table.selectRow(0)
    page.approve_button.click()
    assert page.selected().status.value == "approved"  # type: ignore[union-attr]
    target = tmp_path / "gateway.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.hand_button.click()
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 8
    assert page.model.data(page.model.index(0, 2)) == "7 of 7"
    window.store.role = Role.ADMINISTRATOR  # who may read the log
    [disclosure] = entries(window.store, AuditFilter(category="disclosure"))
    assert disclosure.recipient == "Gateway Ltd"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("07700 900504", True))
    page.failed_button.click()
    assert page.model.data(page.model.index(0, 2)) == "6 of 7"
    assert page.message.text() == "07700 900504 recorded as not delivered."
    report = tmp_path / "report.csv"
    report.write_text("number,status\n07700 900505,failed\n07700 900504,failed\n", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(report), ""))
    page.report_button.click()
    qtbot.waitUntil(lambda: window.imports.last_result is not None, timeout=10_000)
    result = window.imports.last_result
    assert result is not None and result.summary() == "imported 0, updated 1, rejected 1"
    assert page.model.data(page.model.index(0, 2)) == "5 of 7"
    seen: list[RecipientsDialog] = []
    window.handle_dialog = lambda d: bool(seen.append(d))  # type: ignore[attr-defined,func-returns-value]
    page.show_recipients()
    [recipients] = seen
    qtmodeltester.check(page.model)
    qtmodeltester.check(recipients.model)
    rows = [
        [recipients.model.data(recipients.model.index(r, c)) for c in range(3)]
        for r in range(recipients.model.rowCount())
    ]
    assert len(rows) == 7
    assert ["07700 900504", "not delivered", "on " + str(date.today())] in rows
    assert ["07700 900501", "handed to gateway", ""] in rows


def test_the_example_text_cannot_go_out_with_its_blanks(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    page = window.outreach_page
    page.text.setPlainText(EXAMPLE)
    errors: list[str] = []

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, DraftBatchDialog)
        dialog.save()
        errors.append(dialog.error.text())
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = answer  # type: ignore[attr-defined]
    page.draft_button.click()
    assert errors == ["Fill in [phone], [link] before the message goes out."]
    assert page.model.rowCount() == 0


def test_a_text_with_blanks_left_is_not_shown_as_fine(window: MainWindow) -> None:
    """The example's [phone] and [link] are refused when a batch is drafted: said as typed."""
    page = window.outreach_page
    page.text.setPlainText("Help: call [phone]. Reply STOP to opt out.")
    assert "#8a4b00" in page.count.text()
    assert "Before it can go: fill in [phone] before the message goes out" in page.count.text()
    page.text.setPlainText("Help: ask Open Road. Reply STOP to opt out.")
    assert "#1b5e20" in page.count.text() and "Before it can go" not in page.count.text()
