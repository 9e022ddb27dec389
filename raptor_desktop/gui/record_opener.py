"""Opening a record found by a search (or a dashboard item) in the view it belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raptor_desktop.core.numbers import national_format
from raptor_desktop.gui.dashboard_page import DashboardPage
from raptor_desktop.gui.intel_dialog import IntelTextDialog
from raptor_desktop.gui.search_dialog import SearchDialog
from raptor_desktop.gui.small_dialogs import ClosureDialog
from raptor_desktop.services.session import Store

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


class RecordOpener:
    """Owned by the main window: the search window, and showing a record in its view."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: SearchDialog | None = None

    def search(self) -> None:
        """Ctrl+F from any view: the search window, its box ready for typing."""
        if self.dialog is None or self.dialog.parent() is not self.window:
            self.dialog = SearchDialog(self.window.store, self.window)
            self.dialog.opened.connect(self.open)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.text.setFocus()
        self.dialog.text.selectAll()

    def dashboard_page(self, store: Store) -> DashboardPage:
        """The home screen, its tasks and bars opening records through this opener."""
        page = DashboardPage(store)
        page.run_dialog = lambda d: self.window.run_dialog(d)
        page.opened.connect(self.open)
        page.numbers_wanted.connect(self.numbers)
        page.start_wanted.connect(self.start)
        return page

    def start(self, wanted: str) -> None:
        """The getting-started buttons of a new register's home screen."""
        window = self.window
        actions = {
            "import": window.import_action,
            "add": window.add_action,
            "demo": window.demo_action,
            "guide": window.guide_action,
        }
        actions[wanted].trigger()

    def numbers(self, numbers: object, what: str) -> None:
        """The numbers behind a chart's bar, in the Lines view."""
        self.window.show_page(self.window.lines_page)
        self.window.lines_page.show_only(tuple(numbers) if isinstance(numbers, tuple) else ())
        self.window.statusBar().showMessage(f"{what}. Clear the filter to see every number.", 8000)

    def intel_text(self) -> None:
        """Paste intelligence text (not modal): unknown numbers are added as lines, or as
        contacts of the one deal line selected in the Lines view."""
        lines = self.window.lines_page.selected_numbers()
        deal_line = national_format(lines[0]) if len(lines) == 1 else ""
        dialog = IntelTextDialog(self.window.store, deal_line, self.window)
        dialog.opened.connect(self.open)
        dialog.added.connect(self.window.refresh)
        dialog.show()

    def type1_closure(self) -> None:
        """Record the selected number's line as closed as Type 1 (its holder charged)."""
        selected = self.window.lines_page.selected_numbers()
        if len(selected) != 1:
            self.window.show_page(self.window.lines_page)
            self.window.statusBar().showMessage("Select one number of the line first.", 5000)
            return
        if self.window.run_dialog(ClosureDialog(self.window.store, national_format(selected[0]))):
            self.window.statusBar().showMessage("Type 1 closure recorded.", 5000)

    def forget(self) -> None:
        """Another register is open: a search window on the old one must not stay."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def open(self, kind: str, value: object) -> None:
        window = self.window
        if kind == "number" and isinstance(value, int):
            window.show_page(window.lines_page)
            window.lines_page.show_number(value)
        elif kind == "application" and isinstance(value, str):
            window.show_page(window.applications_page)
            window.applications_page.select_reference(value)
        elif kind == "batch" and isinstance(value, str):
            window.show_page(window.outreach_page)
            window.outreach_page.select_batch(value)
        elif kind == "contact" and isinstance(value, int):
            window.show_page(window.contacts_page)
            window.contacts_page.select_contact(value)
        elif kind == "review":
            window.show_page(window.review_page)
        else:
            window.statusBar().showMessage("That record has no view of its own.", 5000)
