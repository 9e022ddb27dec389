"""The operation a line or an application goes in when none is named is the unit's setting,
not a name built into the program ("Operation Raptor" for every unit that used it)."""

from __future__ import annotations

from pathlib import Path

from raptor_desktop.core.lines import LineDetails
from raptor_desktop.core.tabular import read_table
from raptor_desktop.store.applications import create_application
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.line_detail import line_details
from raptor_desktop.store.line_import import import_lines
from raptor_desktop.store.lines import add_number, find_number
from raptor_desktop.store.settings import OPERATION, get_text, set_value
from tests.app_fixtures import details


def _operation_of(store: Store, number: str) -> str:
    return line_details(store, find_number(store, number).line_id).operation


def test_a_line_an_import_and_an_application_go_in_the_default_operation(
    training_store: Store, tmp_path: Path
) -> None:
    assert get_text(training_store, OPERATION) == "Operation Raptor"  # until the unit says
    set_value(training_store, OPERATION, "Operation  Orchid")
    add_number(training_store, "07700 900501", LineDetails(brand="Tony"))
    assert _operation_of(training_store, "07700 900501") == "Operation Orchid"
    named = LineDetails(brand="Tony", operation="Operation Raptor")
    add_number(training_store, "07700 900502", named)  # a name given is kept
    assert _operation_of(training_store, "07700 900502") == "Operation Raptor"
    sheet = tmp_path / "lines.csv"
    sheet.write_text("number,brand\n07700 900503,K\n", encoding="utf-8")
    import_lines(training_store, read_table(sheet))
    assert _operation_of(training_store, "07700 900503") == "Operation Orchid"
    reference = create_application(training_store, details(), ["07700 900503"])
    case = load_case_file(training_store, reference, check_files=False)
    assert case.operation == "Operation Orchid"
