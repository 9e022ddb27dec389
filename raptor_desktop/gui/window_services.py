"""What the main window lends the views that act beyond themselves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog

from raptor_desktop.core.numbers import national_format
from raptor_desktop.gui.import_task import StartImport


@dataclass(frozen=True)
class WindowServices:
    run_dialog: Callable[[QDialog], bool]  # tests answer dialogs through it
    start_import: StartImport  # a file imported in the background, with progress
    selected_numbers: Callable[[], list[str]]  # E.164 numbers selected in the Lines view

    def selected_line(self) -> str:
        """The one deal line selected in the Lines view, as officers write it, or ''."""
        selected = self.selected_numbers()
        return national_format(selected[0]) if len(selected) == 1 else ""
