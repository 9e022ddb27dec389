"""The Contacts view: list, search, import with progress, STOP replies, do-not-contact."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from raptor_desktop.gui.contacts_page import (
    AddContactDialog,
    ContactImportDialog,
    DoNotContactDialog,
)
from raptor_desktop.gui.import_task import ImportSummaryDialog
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.contacts import list_contacts


def select(window: MainWindow, display: str) -> None:
    page = window.contacts_page
    window.show_page(page)
    page.search.setText(display)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)


def test_the_demo_contacts_are_listed_and_found(
    window: MainWindow, qtmodeltester: ModelTester
) -> None:
    page = window.contacts_page
    assert page.model.rowCount() == 0  # not read (nor held) until the view is opened
    window.show_page(page)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 12
    assert page.count.text() == "12 contacts"
    page.search.setText("+44 7700 900509")
    assert [page.model.data(page.model.index(0, c)) for c in (0, 2)] == [
        "07700 900509",
        "marketing list",
    ]
    page.search.setText("Dave")  # names are never kept: nothing to find
    assert page.model.rowCount() == 0


def test_opening_the_view_is_logged_as_a_consultation(window: MainWindow) -> None:
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    window.nav.setCurrentRow(titles.index("Contacts"))
    [last] = entries(window.store, AuditFilter(category="consultation"))[-1:]
    assert (last.event, last.records) == ("list contacts", "12 contacts")


def test_import_through_the_dialog_runs_in_the_background(
    qtbot: QtBot, window: MainWindow, dialogs: list[QDialog], tmp_path: Path
) -> None:
    window.show_page(window.contacts_page)
    handset = tmp_path / "handset.csv"
    handset.write_text("Name,Number\nA,07700 900601\nB,07700 900602\nC,0800 1111\n", "utf-8")

    def fill(dialog: QDialog) -> bool:
        if isinstance(dialog, ImportSummaryDialog):
            return True
        assert isinstance(dialog, ContactImportDialog)
        dialog.save()
        assert "Choose the file" in dialog.error.text()
        dialog.file.setText(str(handset))
        dialog.line.setText("07700 900999")
        dialog.save()
        assert "07700 900999 is not in the register" in dialog.error.text()
        dialog.line.setText("07700 900104")
        dialog.source.setCurrentText("seized phone")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = fill  # type: ignore[attr-defined]
    window.import_contacts_action.trigger()
    qtbot.waitUntil(lambda: window.imports.last_result is not None, timeout=10_000)
    assert window.imports.last_result.summary() == "imported 2, updated 0, rejected 1"  # type: ignore[union-attr]
    summary = next(d for d in dialogs if isinstance(d, ImportSummaryDialog))
    assert summary.table.model().rowCount() == 1
    assert window.contacts_page.count.text() == "14 contacts"
    assert window.import_contacts_action.isEnabled()


def test_stop_reply_toggles_and_keeps_the_selection(window: MainWindow) -> None:
    page = window.contacts_page
    assert not page.stop_button.isEnabled() and not page.never_button.isEnabled()
    select(window, "07700 900503")
    assert page.stop_button.isEnabled()
    page.stop_button.click()
    assert list_contacts(window.store, "900503")[0].opted_out_on is not None
    assert page.selected() is not None and page.selected().display == "07700 900503"  # type: ignore[union-attr]
    assert page.stop_button.text() == "Clear S&TOP reply"
    page.stop_button.click()
    assert list_contacts(window.store, "900503")[0].opted_out_on is None
    assert page.stop_button.text() == "S&TOP reply received"


def test_do_not_contact_needs_a_reason(window: MainWindow, dialogs: list[QDialog]) -> None:
    select(window, "07700 900504")

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, DoNotContactDialog)
        dialog.listed.setChecked(True)
        dialog.save()
        assert "Give the reason" in dialog.error.text()
        dialog.reason.setText("the holder asked")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = fill  # type: ignore[attr-defined]
    window.contacts_page.never_button.click()
    [contact] = list_contacts(window.store, "900504")
    assert (contact.do_not_contact, contact.do_not_contact_reason) == (True, "the holder asked")
    assert window.contacts_page.model.data(window.contacts_page.model.index(0, 5)) == (
        "the holder asked"
    )


def test_add_contact_says_what_is_wrong(window: MainWindow, dialogs: list[QDialog]) -> None:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, AddContactDialog)
        dialog.number.setText("07700 900701")
        dialog.line.setText("01632 960000")
        dialog.save()
        assert dialog.error.text().startswith("Number: ")
        dialog.line.setText("07700 900105")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = fill  # type: ignore[attr-defined]
    page = window.contacts_page
    page.add_button.click()
    assert [c.lines for c in list_contacts(window.store, "900701")] == ["Milly (07700 900105)"]
    assert page.message.text() == "Contact recorded."


def test_a_deal_lines_detail_counts_its_contacts(window: MainWindow) -> None:
    from raptor_desktop.gui.detail_panel import detail_html
    from raptor_desktop.store.line_detail import number_detail

    number_id = window.store.db.execute(
        "SELECT id FROM numbers WHERE e164 = '+447700900102'"
    ).fetchone()[0]
    detail = number_detail(window.store, number_id)
    assert detail.contacts == {"call data": 2}
    assert "2 contacts found on this number (2 from call data)" in detail_html(detail)


def test_the_line_selected_in_the_lines_view_is_the_default(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    number_id = window.store.db.execute(
        "SELECT id FROM numbers WHERE e164 = '+447700900106'"
    ).fetchone()[0]
    window.lines_page.select_number(number_id)
    window.import_contacts_action.trigger()
    window.contacts_page.add_button.click()
    lines = [
        d.line.text() for d in dialogs if isinstance(d, ContactImportDialog | AddContactDialog)
    ]
    assert lines == ["07700 900106", "07700 900106"]


def test_search_everything_opens_a_contact_in_its_view(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.show_page(window.orders_page)
    window.find_action.trigger()  # Ctrl+F, from any view
    dialog = window.records.dialog
    assert dialog is not None and dialog.isVisible()
    assert window.focusWidget() is None or dialog.focusWidget() is dialog.text
    contact = list_contacts(window.store)[0]
    window.contacts_page.search.setText("no such contact 000")  # a search hiding it
    dialog.text.setText(contact.display)
    dialog.run_search()
    item = dialog.results.currentItem()
    assert item is not None and item.text(0).strip() == contact.display
    dialog.results.itemActivated.emit(item, 0)  # Enter
    assert window.pages.currentWidget() is window.contacts_page
    assert window.contacts_page.selected() == contact
