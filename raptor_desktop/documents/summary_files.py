"""A case summary's files: the PDF, or its data as CSV files (one per table) or a workbook
(one sheet per table). Every cell from a user is neutralised against formulas; numbers stay
numbers; dates are ISO."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from raptor_desktop.core.case_summary import CaseSummary, DataTable, data_tables
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.tabular import spreadsheet_safe
from raptor_desktop.documents.case_summary_doc import case_summary_pdf

KINDS = (".pdf", ".csv", ".xlsx")


def summary_files(summary: CaseSummary, target: Path) -> dict[Path, bytes]:
    """The files to write for ``target``: its suffix says which kind."""
    kind = target.suffix.lower()
    if kind == ".pdf":
        return {target: case_summary_pdf(summary)}
    tables = data_tables(summary)
    if kind == ".csv":
        return {
            target.with_name(f"{target.stem}-{t.name.replace(' ', '-')}.csv"): csv_bytes(t)
            for t in tables
        }
    if kind == ".xlsx":
        return {target: workbook_bytes(tables)}
    raise InputRejected(f"{target.name}: a summary is written as {', '.join(KINDS)}")


def csv_bytes(table: DataTable) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow([spreadsheet_safe(h) for h in table.headers])
    writer.writerows([spreadsheet_safe(c) for c in row] for row in table.rows)
    return ("\ufeff" + text.getvalue()).encode("utf-8")  # Excel reads UTF-8 with the mark


def workbook_bytes(tables: list[DataTable]) -> bytes:
    from openpyxl import Workbook  # only a workbook export pays for loading it

    book = Workbook(write_only=True)
    for table in tables:
        sheet = book.create_sheet(table.name[:31])
        sheet.append([spreadsheet_safe(h) for h in table.headers])
        for row in table.rows:
            sheet.append([spreadsheet_safe(c) for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
