from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

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
