"""Alt+letter: each letter leads to one place in what is on screen, never two (keyboard users
would land on the first and never reach the other)."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QMainWindow, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from raptor_desktop.gui.main_window import MainWindow
from tests.app_fixtures import make_application

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonics(window: QWidget) -> Counter[str]:
    """The Alt+letters of the visible buttons, labels with a buddy, tabs and menus."""
    texts = [b.text() for b in window.findChildren(QAbstractButton) if b.isVisible()]
    texts += [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.buddy() is not None
    ]
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            texts += [bar.tabText(i) for i in range(bar.count())]
    if isinstance(window, QMainWindow):
        texts += [a.text() for a in window.menuBar().actions()]
    return Counter(m.group(1).lower() for t in texts for m in MNEMONIC.finditer(t))


def clashes(window: QWidget) -> list[str]:
    return sorted(letter for letter, count in mnemonics(window).items() if count > 1)


def test_no_letter_leads_to_two_places_in_any_view(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    found = {}
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        found[window.nav.item(row).text()] = clashes(window)
    assert found == {title: [] for title in found}


def test_no_letter_leads_to_two_places_on_any_tab_of_an_application(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    editor = window.applications.open_editor(make_application(window.store))
    found, letters = {}, set()
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        found[editor.tabs.tabText(tab)] = clashes(editor)
        letters |= set(mnemonics(editor))
    assert found == {title: [] for title in found}
    assert len(letters) >= 20  # the tabs, the buttons and the fields all have one


def test_no_letter_leads_to_two_items_of_one_menu(window: MainWindow) -> None:
    """Inside a menu, Alt+letter (or the letter alone, once it is open) picks one item."""
    found = {}
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        letters = Counter(m.group(1).lower() for t in texts for m in MNEMONIC.finditer(t))
        found[menu_action.text()] = sorted(k for k, n in letters.items() if n > 1)
    assert found == {title: [] for title in found}
