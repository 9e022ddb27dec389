"""A whole case with the keyboard only (issue 12): import two numbers, move them on, apply for
an order on them, print the hearing pack, record the outcome and confirm the disconnection.

Every step is a key press sent where the keyboard focus is, as an officer's would be; only
the system's own file and print dialogs, which the program does not draw, are answered for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.statuses import Status
from raptor_desktop.core.working_days import BankHolidays
from raptor_desktop.gui.application_dialogs import OutcomeDialog
from raptor_desktop.gui.application_numbers import GroundsDialog
from raptor_desktop.gui.evidence_dialog import EvidenceDialog
from raptor_desktop.gui.import_task import ImportSummaryDialog
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.pack_dialog import PackDialog
from raptor_desktop.gui.profile_dialog import ProfileDialog
from raptor_desktop.gui.small_dialogs import DisclosureDialog, StatusDialog
from raptor_desktop.store.accounts import add_user
from raptor_desktop.store.audit import entries
from raptor_desktop.store.line_detail import number_detail
from raptor_desktop.store.lines import find_number
from raptor_desktop.store.profiles import officer_profile

Key = Qt.Key
CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)
Press = str | Key | tuple[Key, Qt.KeyboardModifier]


class Keyboard:
    """Keys sent to whatever has the focus, in the window that is active."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def focus(self) -> QWidget:
        """Where keys go: an open menu, else the focus; a window closed a moment ago gives
        it back to the one below."""
        popup = QApplication.activePopupWidget()
        if popup is not None:
            return popup
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
        return QApplication.focusWidget()

    def press(self, *keys: Press) -> None:
        for key in keys:
            if isinstance(key, str):
                self.qtbot.keyClicks(self.focus(), key)
            elif isinstance(key, tuple):
                self.qtbot.keyClick(self.focus(), key[0], key[1])
                if key[1] == ALT and QApplication.activePopupWidget() is None:
                    self.qtbot.wait(250)  # a button's Alt+letter clicks it 100 ms later
            else:
                self.qtbot.keyClick(self.focus(), key)

    def shown(self, window: QWidget) -> None:
        """A dialog or window comes up and takes the keyboard, as an opened one does."""
        with self.qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        self.qtbot.waitUntil(lambda: self.has_focus(window))

    @staticmethod
    def has_focus(window: QWidget) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is window or window.isAncestorOf(focus))


def answer_by_keyboard(
    keyboard: Keyboard, scripts: dict[type, Callable[[QDialog], None]]
) -> Callable[[QDialog], bool]:
    """Each dialog the window opens is shown and answered by its script of key presses."""

    def handle(dialog: QDialog) -> bool:
        script = scripts[type(dialog)]
        keyboard.shown(dialog)
        script(dialog)
        assert not dialog.isVisible(), f"{type(dialog).__name__} is still open"
        below = dialog.parentWidget()
        if below is not None:  # as the window system gives the focus back when one closes
            keyboard.shown(below.window())
        return dialog.result() == QDialog.DialogCode.Accepted

    return handle


def test_a_whole_case_with_the_keyboard_only(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: list[QDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = Keyboard(qtbot)
    add_user(window.store, "tester", "", Role.ADMINISTRATOR, "a long enough password")
    sheet = tmp_path / "seized phone.csv"
    sheet.write_text(
        "number,brand,area\n07700 900301,Kilo,Thurrock\n07700 900302,Kilo,Thurrock\n", "utf-8"
    )
    pack_file = tmp_path / "printed.pdf"
    # The system's file and print dialogs: the officer types the path there.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(sheet), ""))
    monkeypatch.setattr(
        PackDialog, "choose_printer", lambda self, printer: _to_file(printer, pack_file)
    )
    sitting = date.today()  # the court sat on the last working day: a hearing on a Sunday is a gap
    while not BankHolidays().is_working_day(sitting):
        sitting -= timedelta(days=1)
    typed = sitting.strftime("%d%m%Y")  # the evidence, statement and authority dated that day too
    next_status = iter("ggrr")  # gathering evidence, then ready for application, for each

    def status(dialog: QDialog) -> None:  # the new status first in the form, then the note
        keys.press(next(next_status), Key.Key_Tab, "Test purchase on 28/11/2026")
        keys.press((Key.Key_Return, CTRL))

    def evidence(dialog: QDialog) -> None:  # the kind first, then its day
        keys.press("t", (Key.Key_D, ALT), typed, (Key.Key_T, ALT), "Two wraps of crack cocaine")
        keys.press((Key.Key_Return, CTRL))

    def profile(dialog: QDialog) -> None:
        keys.press("DC Rachel Carter", Key.Key_Tab, Key.Key_Tab, "71234", Key.Key_Tab)
        keys.press(Key.Key_Tab, "Grays Police Station", Key.Key_Return, "Orsett Road, Grays")
        keys.press((Key.Key_Return, CTRL))

    def grounds(dialog: QDialog) -> None:
        keys.press((Key.Key_A, CTRL), "Texts from this number offered crack cocaine in Grays.")
        keys.press((Key.Key_Return, CTRL))

    def outcome(dialog: QDialog) -> None:
        keys.press("m", (Key.Key_Return, CTRL))  # Outcome: made; the rest as offered

    def pack(dialog: QDialog) -> None:
        keys.press((Key.Key_P, ALT), Key.Key_Escape)  # Print…, then close

    window.handle_dialog = answer_by_keyboard(  # type: ignore[attr-defined]
        keys,
        {
            ProfileDialog: profile,
            ImportSummaryDialog: lambda d: keys.press(Key.Key_Return),
            StatusDialog: status,
            GroundsDialog: grounds,
            OutcomeDialog: outcome,
            DisclosureDialog: lambda d: keys.press((Key.Key_Return, CTRL)),  # as offered
            PackDialog: pack,
            EvidenceDialog: evidence,
        },
    )
    keys.shown(window)

    # 0. The officer's profile, once: File (Alt+F), My officer pro&file….
    keys.press((Key.Key_F, ALT), "f")
    qtbot.waitUntil(lambda: officer_profile(window.store).collar == "71234")

    # 1. Import: Ctrl+I, the file, and the summary closed with Enter.
    keys.press((Key.Key_I, CTRL))
    qtbot.waitUntil(lambda: window.imports.last_result is not None, timeout=20_000)
    assert find_number(window.store, "07700 900301").status is Status.IDENTIFIED

    # 2. The Lines view (Ctrl+2), Tab to its search, the line's name, Tab to the table; each
    #    number moved on twice with Ctrl+T (Tab into the table selects its first row).
    keys.press((Key.Key_2, CTRL))
    assert keys.focus() is window.nav
    keys.press(Key.Key_Tab, "Kilo")
    qtbot.waitUntil(lambda: window.lines_page.model.rowCount() == 2)
    keys.press(Key.Key_Tab, Key.Key_Tab, Key.Key_Tab)
    assert keys.focus() is window.lines_page.table
    keys.press((Key.Key_T, CTRL), (Key.Key_T, CTRL), Key.Key_Down)
    keys.press((Key.Key_T, CTRL), (Key.Key_T, CTRL))
    for number in ("07700 900301", "07700 900302"):
        assert find_number(window.store, number).status is Status.READY
    keys.press((Key.Key_D, CTRL | SHIFT))  # Record evidence… against the line, once for both
    kilo = number_detail(window.store, find_number(window.store, "07700 900302").id)
    assert [e["kind"] for e in kilo.evidence] == ["test purchase"]

    # 3. Apply: both rows (Ctrl+A), Applications (Ctrl+4), New application (Alt+N): it opens
    #    in its own window, the officer as applicant from the profile.
    keys.press((Key.Key_A, CTRL), (Key.Key_4, CTRL), (Key.Key_N, ALT))
    [editor] = window.applications.editors.values()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert editor.applicant_collar.text() == "71234"
    keys.press((Key.Key_H, ALT), Key.Key_Tab, sitting.strftime("%d%m%Y"))  # the hearing, typed
    assert editor.hearing_date.date().toPython() == sitting
    keys.press((Key.Key_S, ALT), Key.Key_Tab, typed)  # the statement signed
    keys.press((Key.Key_F, ALT))  # the Officers tab
    keys.press((Key.Key_E, ALT), "Mark Hale")
    keys.press((Key.Key_K, ALT), (Key.Key_A, CTRL), "Detective Superintendent")
    keys.press((Key.Key_L, ALT), "2201", (Key.Key_T, ALT), Key.Key_Tab, typed)  # authority dated
    keys.press((Key.Key_S, CTRL))
    assert editor.error.text() == "Saved.", editor.error.text()
    keys.press((Key.Key_N, ALT))  # the Numbers tab, the keyboard in its table
    assert keys.focus() is editor.items_view
    keys.press(Key.Key_Right, Key.Key_Right, Key.Key_Right, Key.Key_Right)  # to "Provider to serve"
    for row in range(2):
        keys.press(Key.Key_F2, (Key.Key_A, CTRL), "EE", Key.Key_Return)
        keys.press((Key.Key_G, ALT))  # the grounds, in their own editor
        assert editor.case.items[row].provider == "EE", editor.error.text()
        assert editor.case.items[row].grounds.startswith("Texts from this number")
        keys.press(Key.Key_Down)
    keys.press((Key.Key_U, ALT))  # Mark submitted
    assert editor.error.text().endswith("is marked submitted."), editor.error.text()

    # 4. Print the hearing pack: Alt+P builds it; the pack dialog's Alt+P prints it.
    keys.press((Key.Key_P, ALT))
    qtbot.waitUntil(pack_file.exists, timeout=60_000)
    assert entries(window.store)[-1].event == "hearing pack (printed)"

    # 5. The court made the order on both numbers: Record outcome (Alt+O) on each.
    keys.press((Key.Key_N, ALT), Key.Key_Up, (Key.Key_O, ALT), Key.Key_Down, (Key.Key_O, ALT))
    assert [i.outcome for i in editor.case.items] == ["made", "made"]
    keys.press(Key.Key_Escape)  # the application's window closes
    assert not editor.isVisible()

    # 6. EE confirms the disconnection: Orders (Ctrl+5), Tab to the order, Alt+C, the date.
    today = date.today().strftime("%d/%m/%Y")  # typed into the question's box
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (today, True))
    keys.shown(window)
    keys.press((Key.Key_5, CTRL), Key.Key_Tab)
    page = window.orders_page
    assert keys.focus() is page.table
    while page.selected_order() is None or page.selected_order().number != "07700 900301":
        keys.press(Key.Key_Down)
    keys.press((Key.Key_C, ALT))
    assert find_number(window.store, "07700 900301").status is Status.DISCONNECTED


def _to_file(printer: QPrinter, path: Path) -> bool:
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return True
