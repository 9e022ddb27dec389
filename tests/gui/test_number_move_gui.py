"""Line → Move to another line… from the Lines view, and Ctrl+Z putting the number back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QInputDialog, QMessageBox

from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.store.lines import find_number


def _select(window: MainWindow, number: str) -> None:
    page = window.lines_page
    row = page.model.row_of(find_number(window.store, number).id)
    assert row is not None
    page.table.selectionModel().select(
        page.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def _brand(window: MainWindow, number: str) -> str:
    line_id = find_number(window.store, number).line_id
    return window.store.db.execute("SELECT brand FROM lines WHERE id = ?", [line_id]).fetchone()[0]


def test_a_number_moved_to_another_line_is_put_back_by_undo(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page(window.lines_page)
    _select(window, "07700 900109")  # Jay
    asked: list[str] = []

    offered: list[list[str]] = []

    def answer(_p: object, _t: str, label: str, names: list[str], *_a: object) -> tuple[str, bool]:
        asked.append(label)
        offered.append(names)
        return "Milly", True

    monkeypatch.setattr(QInputDialog, "getItem", answer)
    window.move_action.trigger()
    assert asked and "07700 900109 is on line 'Jay'" in asked[0]
    assert "Milly" in offered[0] and "Jay" not in offered[0]  # the operation's other lines
    assert _brand(window, "07700 900109") == "Milly"
    assert window.lines_page.selected_detail().line.brand == "Milly"  # type: ignore[union-attr]
    assert "Ctrl+Z moves it back" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert _brand(window, "07700 900109") == "Jay"
    window.redo_action.trigger()
    assert _brand(window, "07700 900109") == "Milly"


def test_a_refused_move_says_why_and_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page(window.lines_page)
    _select(window, "07700 900104")  # named in a submitted application
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("Milly", True))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    window.move_action.trigger()
    assert warned and "gone to court" in warned[0]
    assert _brand(window, "07700 900104") == "Blade"
    assert not window.undo_stack.canUndo()


def test_a_name_no_line_has_is_asked_about_before_a_new_line_is_made(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Tonny' typed for Tony had put the number on a new line of its own without a word."""
    window.show_page(window.lines_page)
    _select(window, "07700 900109")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a: ("Tonny", True))
    asked: list[str] = []

    def no(_p: object, _t: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    window.move_action.trigger()
    assert asked == [
        "No line of Operation Raptor is named 'Tonny'. Make a new line 'Tonny' for the number?"
    ]
    assert _brand(window, "07700 900109") == "Jay" and not window.undo_stack.canUndo()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    window.move_action.trigger()
    assert _brand(window, "07700 900109") == "Tonny"
