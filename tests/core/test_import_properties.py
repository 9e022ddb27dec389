"""Whatever file arrives, the importers (lines and contacts) say what is wrong."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raptor_desktop.core.contacts import ContactDefaults, contact_columns, read_contact_row
from raptor_desktop.core.line_import import NoNumberColumn, RowDefaults, column_map, read_row
from raptor_desktop.core.numbers import parse_mobile
from raptor_desktop.core.tabular import UnreadableFile, read_table

DEAL_LINE = parse_mobile("07700 900101", training=True)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def import_bytes(data: bytes, suffix: str = ".csv") -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            table = read_table(path)
            mapping = column_map(table)
        except (UnreadableFile, NoNumberColumn) as error:
            assert str(error)
            return "refused"
        contacts = contact_columns(table, ContactDefaults(line=DEAL_LINE))
        for row, cells in table.rows:
            outcomes = [
                read_row(mapping, row, cells, RowDefaults(), training=True),
                read_contact_row(
                    contacts,
                    row,
                    cells,
                    ContactDefaults(line=DEAL_LINE),
                    training=True,
                    today=date(2026, 11, 29),
                ),
            ]
            for outcome in outcomes:
                assert outcome.row == row
                if hasattr(outcome, "reason"):
                    assert outcome.reason  # a rejected row always says why
        return "read"


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    import_bytes(data)
    import_bytes(data, ".xlsx")


@SETTINGS
@given(
    st.lists(st.lists(st.text(max_size=30), max_size=6), max_size=20),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]),
)
def test_text_tables_in_any_encoding(rows: list[list[str]], encoding: str) -> None:
    text = "number,brand,areas\n" + "\n".join(
        ",".join(c.replace(",", " ") for c in r) for r in rows
    )
    import_bytes(text.encode(encoding, errors="replace"))


@SETTINGS
@given(st.integers(min_value=1, max_value=3000), st.integers(min_value=0, max_value=200_000))
def test_thousands_of_columns_and_huge_cells(columns: int, cell: int) -> None:
    header = ",".join(["number", *[f"c{i}" for i in range(columns)]])
    body = "07700 900123," + ",".join(["x" * min(cell, 100)] * columns) + "\n"
    body += "07700 900124," + "y" * cell + "\n"
    assert import_bytes((header + "\n" + body).encode()) in ("read", "refused")


def test_formulas_are_text_never_evaluated() -> None:
    data = b'number,brand,notes\n07700 900123,"=HYPERLINK(""x"")",=1+1\n=cmd|calc,K,\n'
    assert import_bytes(data) == "read"


def test_written_csv_cells_never_run_as_formulas() -> None:
    from raptor_desktop.core.tabular import spreadsheet_safe

    assert spreadsheet_safe("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("-2+3") == "'-2+3"  # Excel computes it: 1
    assert spreadsheet_safe("-1+1") == "'-1+1" and spreadsheet_safe("+ 1+1") == "'+ 1+1"
    assert spreadsheet_safe("-12") == "-12"
    assert spreadsheet_safe("+44 7700 900123") == "+44 7700 900123"
    assert spreadsheet_safe("+A1") == "'+A1"
    assert spreadsheet_safe(7) == 7


def test_a_written_csvs_header_row_is_made_safe_too(tmp_path: Path) -> None:
    from raptor_desktop.core.tabular import write_rows_csv

    target = tmp_path / "out.csv"
    write_rows_csv(target, ["=HYPERLINK(1)", "number"], [["-1+1", "+44 7700 900123"]])
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["'=HYPERLINK(1),number", "'-1+1,+44 7700 900123"]
