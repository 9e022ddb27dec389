"""Help: the user guide (HTML shipped in resources, shown in a window) and the list of
keyboard shortcuts, made from the window's own actions so that it is never out of date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from raptor_desktop.paths import resource_path

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


class HelpWindow(QDialog):
    """Not modal: the guide stays open beside the work."""

    def __init__(self, html: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(resource_path("help"))])
        self.browser.setHtml(html)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(760, 640)


def shortcuts_html(actions: list[tuple[str, QAction]]) -> str:
    rows = "".join(
        f"<tr><td>{menu}</td><td>{action.text().replace('&', '')}</td>"
        f"<td><b>{action.shortcut().toString()}</b></td></tr>"
        for menu, action in actions
        if not action.shortcut().isEmpty()
    )
    return (
        "<h2>Keyboard shortcuts</h2><table cellpadding='4'>"
        "<tr><th align='left'>Menu</th><th align='left'>Action</th><th align='left'>Keys</th></tr>"
        f"{rows}</table><h3>In every view</h3><ul>"
        "<li><b>Ctrl+1 … Ctrl+9</b>: the views, in the order of the list on the left</li>"
        "<li><b>Enter</b>: open the selected record</li>"
        "<li><b>Escape</b>: empty a search box</li>"
        "<li><b>Ctrl+C</b>: copy the selected rows, with their headers</li>"
        "<li><b>Tab</b> / <b>Shift+Tab</b>: the next / previous part of the window</li></ul>"
    )


class HelpActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def guide(self) -> None:
        path = resource_path("help", "guide.html")
        html = path.read_text(encoding="utf-8") if path.exists() else "<p>No guide found.</p>"
        guide = HelpWindow(html, "Raptor Desktop — user guide", self.window)
        guide.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path)))
        guide.show()

    def shortcuts(self) -> None:
        menus = [
            (menu.title().replace("&", ""), action)
            for menu in self.window.menuBar().findChildren(type(self.window.view_menu))
            for action in menu.actions()
        ]
        HelpWindow(shortcuts_html(menus), "Keyboard shortcuts", self.window).show()
