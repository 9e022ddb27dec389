"""A list the window shows (numbers, contacts, orders, applications…) exported as CSV, a
workbook or a printable PDF, or printed: each a disclosure, logged once here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from raptor_desktop.core.case_summary import DataTable
from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.documents.files import write_all
from raptor_desktop.services.disclosure import Recipient, record_disclosure
from raptor_desktop.store.database import Store
from raptor_desktop.store.settings import PROTECTIVE_MARKING, get_text

KINDS = (".csv", ".xlsx", ".pdf")


@dataclass(frozen=True)
class ShownList:
    """A list as shown: its title, its column titles, its rows of text."""

    title: str
    headers: list[str]
    rows: list[list[str]]


def printable(store: Store, shown: ShownList) -> bytes:
    """The list as pages on the unit's template (marking, reference, Page X of Y)."""
    from raptor_desktop.documents.list_doc import list_pdf  # ReportLab: loaded when printing
    from raptor_desktop.documents.stamp import Furniture

    reference = f"LIST-{datetime.now():%Y%m%d-%H%M}"
    furniture = Furniture(get_text(store, PROTECTIVE_MARKING), reference, store.training)
    return list_pdf(shown.title, shown.headers, shown.rows, furniture, store.actor, datetime.now())


def export_list(store: Store, shown: ShownList, target: Path, to: Recipient) -> Path:
    checked = to.checked()
    kind = target.suffix.lower()
    if kind not in KINDS:
        raise InputRejected(f"{target.name}: a list is exported as {', '.join(KINDS)}")
    # the writers (and ReportLab, openpyxl) load when a list is exported, not with the window
    from raptor_desktop.documents.summary_files import csv_bytes, workbook_bytes

    table = DataTable(shown.title, tuple(shown.headers), [list(r) for r in shown.rows])
    data = (
        csv_bytes(table)
        if kind == ".csv"
        else workbook_bytes([table])
        if kind == ".xlsx"
        else printable(store, shown)
    )
    [written] = write_all({target: data})
    record_disclosure(
        store,
        "export list",
        f"{shown.title}: {plural(len(shown.rows), 'row')} -> {written}",
        checked,
    )
    return written


def record_list_printed(store: Store, shown: ShownList, printer: str, to: Recipient) -> None:
    record_disclosure(
        store,
        "print list",
        f"{shown.title}: {plural(len(shown.rows), 'row')} -> printer {printer}",
        to,
    )
