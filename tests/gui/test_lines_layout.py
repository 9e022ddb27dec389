"""The Lines view as a new officer first sees it: every column in sight beside the detail
panel, and a number's history readable in that panel."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from raptor_desktop.gui.lines_page import DETAIL_MIN
from raptor_desktop.gui.window_state import LINES_SPLIT
from raptor_desktop.store.database import Store
from tests.gui.conftest import make_window


@pytest.fixture(autouse=True)
def _no_split_kept() -> Iterator[None]:
    """Each test a first opening; none leaves its split to the tests after it (the settings
    live as long as the process)."""
    QSettings().remove(LINES_SPLIT)
    yield
    QSettings().remove(LINES_SPLIT)


def _opened(qtbot: QtBot, store: Store, width: int) -> object:
    window = make_window(qtbot, store)
    window.resize(width, 860)
    window.show()
    window.show_page(window.lines_page)
    qtbot.waitExposed(window)
    return window


def test_a_first_opening_shows_every_column_beside_the_detail_panel(
    qtbot: QtBot, demo_store: Store
) -> None:
    page = _opened(qtbot, demo_store, 1440).lines_page  # type: ignore[attr-defined]
    assert page.table.horizontalScrollBar().maximum() == 0  # nothing cut off at the right
    assert page.splitter.sizes()[1] >= DETAIL_MIN


def test_a_window_too_narrow_for_every_column_keeps_the_detail_panel_its_share(
    qtbot: QtBot, demo_store: Store
) -> None:
    page = _opened(qtbot, demo_store, 1024).lines_page  # type: ignore[attr-defined]
    table, detail = page.splitter.sizes()
    assert detail >= (table + detail) // 4 - 2 and table > detail  # its stretch: 3 to 1


def test_the_officers_own_split_is_kept(qtbot: QtBot, demo_store: Store) -> None:
    first = _opened(qtbot, demo_store, 1414)
    first.lines_page.splitter.setSizes([600, 600])  # type: ignore[attr-defined]
    first.close()  # type: ignore[attr-defined]
    page = _opened(qtbot, demo_store, 1414).lines_page  # type: ignore[attr-defined]
    table, detail = page.splitter.sizes()
    assert abs(table - detail) <= 2


def test_a_numbers_history_gives_each_change_its_status_time_officer_and_note(
    qtbot: QtBot, demo_store: Store
) -> None:
    page = _opened(qtbot, demo_store, 1414).lines_page  # type: ignore[attr-defined]
    row = next(
        r for r in range(page.model.rowCount()) if page.model.index(r, 3).data() == "in application"
    )
    page.table.selectRow(row)
    lines = page.detail.toPlainText().split("History", 1)[1].split("\n")
    entry = lines[lines.index("in application") :][:3]
    assert entry[1].endswith("UTC, by trainer")
    assert entry[2].startswith("application RAP-2026-") and entry[2].endswith("submitted")


def test_a_first_opening_reads_each_cell_for_its_width_once(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fitting the columns and sizing the table beside the detail panel measure the same
    cells: over 100,000 numbers a second reading of the first rows was a third of the
    opening's time."""
    from PySide6.QtCore import QModelIndex, Qt

    from raptor_desktop.gui.lines_model import LinesTableModel
    from raptor_desktop.gui.lines_page import LinesPage

    reads: dict[tuple[int, int], int] = {}
    shown = LinesTableModel.data

    def counted(model: LinesTableModel, index: QModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            cell = (index.row(), index.column())
            reads[cell] = reads.get(cell, 0) + 1
        return shown(model, index, role)

    monkeypatch.setattr(LinesTableModel, "data", counted)
    page = LinesPage(demo_store)
    qtbot.addWidget(page)
    page.resize(1414, 800)
    page.show()  # its columns fitted and the split set; nothing painted yet
    assert page.splitter.sizes()[1] >= DETAIL_MIN
    assert reads and max(reads.values()) == 1, sorted(reads.items())[:8]
