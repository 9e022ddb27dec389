"""Make two lines one from the Lines view: two lines selected, the one to keep chosen, and
nothing changed until the officer says so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from raptor_desktop.core.accounts import Role
from raptor_desktop.gui.line_merge_dialog import MergeLinesDialog
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.store.database import Store
from raptor_desktop.store.lines import add_number, find_number
from tests.exchange_units import TONY
from tests.gui.conftest import make_window
from tests.registers import open_store


def _select(window: MainWindow, *numbers: str) -> None:
    page = window.lines_page
    page.filter_to("", "")
    selection = page.table.selectionModel()
    selection.clearSelection()
    for number in numbers:
        row = page.model.row_of(find_number(window.store, number).id)
        assert row is not None
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def _lines(store: Store) -> None:
    from dataclasses import replace

    add_number(store, "07700 900701", TONY)
    add_number(store, "07700 900702", replace(TONY, brand="Jim"))


def test_two_lines_selected_are_made_one_keeping_the_one_chosen(
    qtbot: QtBot, training_store: Store
) -> None:
    _lines(training_store)
    window = make_window(qtbot, training_store)
    opened: list[QDialog] = []

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, MergeLinesDialog)
        opened.append(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
        assert [b.text() for b in dialog.choice.buttons()] == [
            "Keep line 'Tony' (07700 900701)",
            "Keep line 'Jim' (07700 900702)",
        ]
        dialog.choice.button(1).setChecked(True)
        dialog.make_one.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.run_dialog = answer  # type: ignore[method-assign]
    _select(window, "07700 900701", "07700 900702")
    window.merge_action.trigger()
    assert opened
    tony, jim = (find_number(training_store, n) for n in ("07700 900701", "07700 900702"))
    assert tony.line_id == jim.line_id
    brand = training_store.db.execute("SELECT brand FROM lines").fetchall()
    assert brand == [("Jim",)]
    assert window.statusBar().currentMessage() == "Line 'Tony' made part of line 'Jim'."


def test_cancel_changes_nothing_and_one_line_selected_says_what_is_needed(
    qtbot: QtBot, training_store: Store
) -> None:
    _lines(training_store)
    window = make_window(qtbot, training_store)
    window.run_dialog = lambda dialog: dialog.reject() or False  # type: ignore[method-assign]
    _select(window, "07700 900701", "07700 900702")
    window.merge_action.trigger()
    assert training_store.db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == 2
    _select(window, "07700 900701")
    window.merge_action.trigger()
    assert "exactly two lines" in window.statusBar().currentMessage()


@pytest.fixture
def officer_store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "o.sqlite3", training=True, role=Role.OFFICER) as store:
        yield store


def test_an_officer_is_not_offered_it(officer_store: Store, qtbot: QtBot) -> None:
    window = make_window(qtbot, officer_store)
    assert not window.merge_action.isEnabled()
