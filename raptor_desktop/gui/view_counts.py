"""The count the status bar shows for the view in front: each view its own, never erased by a
passing message (it is a permanent part of the status bar)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raptor_desktop.core.dates import plural
from raptor_desktop.services.register import counts_by_status

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


def view_count(window: MainWindow) -> tuple[str, str]:
    """The count of the view shown, and a longer account of it for the tooltip."""
    page = window.pages.currentWidget()
    if page is window.lines_page:
        counts = counts_by_status(window.store)
        total = sum(counts.values())
        shown = window.lines_page.model.rowCount()
        busy = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        return f"{shown} of {plural(total, 'number')} shown", busy
    if page is window.dashboard_page:
        board = window.dashboard_page.board
        return (plural(board.tasks, "task") + " today", "") if board else ("", "")
    rows = {
        window.areas_page: (window.areas_page.model, "area"),
        window.applications_page: (window.applications_page.model, "application"),
        window.orders_page: (window.orders_page.model, "order"),
        window.review_page: (window.review_page.model, "record due for review"),
        window.contacts_page: (window.contacts_page.model, "contact"),
        window.outreach_page: (window.outreach_page.model, "batch"),
    }
    if page in rows:
        model, word = rows[page]
        words = "records due for review" if word.startswith("record") else ""
        return plural(model.rowCount(), word, words or ("batches" if word == "batch" else "")), ""
    return "", ""
