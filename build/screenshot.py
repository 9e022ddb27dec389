"""Saves a screenshot of the main window on the demo database, for the README.

Run under a display, e.g. `xvfb-run -a .venv/bin/python build/screenshot.py OUT.png [page]`:
``page`` is a view's name in the navigation, or ``application`` for the window of the demo's
first application (on its Numbers tab), or ``officers`` for that window's Officers tab.
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from raptor_desktop.gui.app import make_application
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.services.session import (
    DEMO_PASSWORD,
    DEMO_USER,
    ensure_demo_register,
    sign_in,
)

out = Path(sys.argv[1] if len(sys.argv) > 1 else "main-window.png")
page = sys.argv[2] if len(sys.argv) > 2 else "home"
app = make_application()
folder = tempfile.mkdtemp()
ensure_demo_register(Path(folder) / "demo.sqlite3")
store = sign_in(Path(folder) / "demo.sqlite3", DEMO_USER, DEMO_PASSWORD).store
window = MainWindow(store)
window.resize(1280, 760)
window.show()


def snap_application(tab: int) -> None:
    window.show_page(window.applications_page)
    editor = window.applications.open_editor(window.applications_page.model.reference(0))
    editor.tabs.setCurrentIndex(tab)
    editor.resize(1000, 560)
    app.processEvents()
    editor.grab().save(str(out))
    app.quit()


def snap() -> None:
    if page in ("application", "officers"):
        snap_application(2 if page == "application" else 1)
        return
    titles = [window.nav.item(row).text().lower() for row in range(window.nav.count())]
    window.nav.setCurrentRow(titles.index(page) if page in titles else 0)
    if window.pages.currentWidget() is window.lines_page:
        window.lines_page.select_number(2)  # Tony's replacement number
    app.processEvents()
    window.grab().save(str(out))
    app.quit()


QTimer.singleShot(500, snap)
app.exec()
print(f"wrote {out}")
