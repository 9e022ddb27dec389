"""The Outreach view counts the support text as it is typed and keeps the draft."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from raptor_desktop.gui.outreach_page import EXAMPLE, OutreachPage


def test_the_count_follows_the_text_and_the_draft_is_kept(qtbot: QtBot) -> None:
    page = OutreachPage()
    qtbot.addWidget(page)
    assert page.text.toPlainText() == EXAMPLE
    page.text.setPlainText("Help is here. Reply STOP to opt out.")
    assert "1 message (GSM-7), 124 left in this part — 36 units" in page.count.text()
    assert page.parts.toPlainText() == "— part 1 —\nHelp is here. Reply STOP to opt out."
    page.text.setPlainText("Help is here – reply STOP " + "x" * 60)
    assert "2 messages (UCS-2)" in page.count.text() and "because of: –" in page.count.text()
    assert page.parts.toPlainText().count("— part") == 2
    again = OutreachPage()
    qtbot.addWidget(again)
    assert again.text.toPlainText() == page.text.toPlainText()
