from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from raptor_desktop.core.lines import LineDetails
from raptor_desktop.core.statuses import Status
from raptor_desktop.gui.areas_page import AreasTableModel
from raptor_desktop.gui.lines_model import ID_ROLE, LinesTableModel
from raptor_desktop.store.database import Store
from raptor_desktop.store.line_query import LineFilter
from raptor_desktop.store.lines import add_number


def test_lines_model_passes_the_model_tester(qtmodeltester: ModelTester, demo_store: Store) -> None:
    model = LinesTableModel(demo_store)
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filter(LineFilter(text="tony"))
    qtmodeltester.check(model)


def test_areas_model_passes_the_model_tester(qtmodeltester: ModelTester, demo_store: Store) -> None:
    qtmodeltester.check(AreasTableModel(demo_store))


def test_cells_show_uk_format(demo_store: Store) -> None:
    model = LinesTableModel(demo_store)
    assert model.rowCount() == 13
    assert model.data(model.index(0, 0)) == "07700 900101"
    assert model.data(model.index(0, 1)) == "Tony"
    first_seen = model.data(model.index(0, 4))
    assert isinstance(first_seen, str) and first_seen[2] == "/" and first_seen[5] == "/"
    assert model.data(model.index(0, 0), ID_ROLE) == model.number_id(0)


def test_sorting_and_filtering_happen_in_the_query(demo_store: Store) -> None:
    model = LinesTableModel(demo_store)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 1)) == "Ace"
    model.set_filter(LineFilter(status=Status.DISCONNECTED))
    assert {model.data(model.index(r, 1)) for r in range(model.rowCount())} == {"Tony", "Benz"}
    assert model.current_filter.sort == "line"


def test_many_rows_are_fetched_in_blocks(training_store: Store) -> None:
    for i in range(450):
        add_number(training_store, f"07700 900{i:03d}", LineDetails(brand=f"L{i:03d}"))
    model = LinesTableModel(training_store)
    assert model.rowCount() == 450
    assert model.data(model.index(449, 1)) == "L449"
    assert len(model._cache) == 50  # only the last block was read


def test_the_lines_view_reads_the_register_once_as_it_opens(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Switching sorting on sorted by the header's (descending) indicator, then by number: two
    # more reads of every id, each a tenth of a second over 100,000 numbers.
    from raptor_desktop.gui import lines_model
    from raptor_desktop.gui.lines_page import LinesPage

    reads: list[str] = []
    for name in ("find_number_ids", "matching_ids"):
        real = getattr(lines_model, name)
        monkeypatch.setattr(
            lines_model, name, lambda *a, _r=real, _n=name: reads.append(_n) or _r(*a)
        )
    page = LinesPage(demo_store)
    qtbot.addWidget(page)
    assert reads == ["find_number_ids"]  # once, logged as the officer's consultation
    assert page.model.current_filter.sort == "number" and page.model.rowCount() == 13


def test_a_filter_keystroke_keeps_the_columns_the_officer_set(
    qtbot: QtBot, demo_store: Store
) -> None:
    from raptor_desktop.gui.lines_page import LinesPage

    page = LinesPage(demo_store)
    qtbot.addWidget(page)
    page.table.setColumnWidth(1, 333)
    page.search.setText("Tony")
    page.apply_filter()
    assert page.model.rowCount() < 13
    assert page.table.columnWidth(1) == 333  # not fitted again under the officer's typing
