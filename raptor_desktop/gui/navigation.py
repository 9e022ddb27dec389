"""The list of views on the left: an icon for each, and a badge with what is waiting (the
home screen's tasks, deadlines passed without confirmation, batches awaiting approval)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStyle

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow

ICONS = {
    "Home": QStyle.StandardPixmap.SP_DirHomeIcon,
    "Lines": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "Areas": QStyle.StandardPixmap.SP_DriveNetIcon,
    "Applications": QStyle.StandardPixmap.SP_FileIcon,
    "Orders": QStyle.StandardPixmap.SP_DialogApplyButton,
    "Review": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "Contacts": QStyle.StandardPixmap.SP_DirLinkIcon,
    "Outreach": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "Case summaries": QStyle.StandardPixmap.SP_FileDialogContentsView,
}


def view_title(text: str) -> str:
    """The view's name without its badge: ``Orders (2)`` → ``Orders``."""
    return text.split(" (", 1)[0]


def decorate(window: MainWindow) -> None:
    """Give each view its icon, the list room for the longest name, and the badges."""
    style = window.style()
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        icon = ICONS.get(view_title(item.text()))
        if icon is not None:
            item.setIcon(style.standardIcon(icon))
    metrics = window.nav.fontMetrics()
    widest = max(metrics.horizontalAdvance(f"{t} (99)") for t in ICONS)
    window.nav.setMinimumWidth(widest + 48)
    window.nav.setMaximumWidth(widest + 64)
    update_badges(window)


def update_badges(window: MainWindow) -> None:
    board = window.dashboard_page.board
    waiting = {"Home": board.tasks if board else 0}
    if board is not None:
        work = {group.title: len(group.tasks) for group in board.work}
        waiting["Orders"] = sum(n for title, n in work.items() if "deadline" in title.lower())
        waiting["Outreach"] = work.get("Outreach batches awaiting approval", 0)
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        title = view_title(item.text())
        count = waiting.get(title, 0)
        item.setText(f"{title} ({count})" if count else title)
        item.setToolTip(f"{count} waiting" if count else title)
