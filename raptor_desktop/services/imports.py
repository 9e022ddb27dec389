"""Importing a spreadsheet: reading the file, then one transaction, for both faces.

An :data:`Importer` applies a read table to the register (lines, contacts, a gateway's
delivery report); :func:`run_import` reads the file and runs it on a connection of its own,
so the window can run it off the GUI thread and the command line the same way.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from raptor_desktop.core.contacts import ContactDefaults
from raptor_desktop.core.line_import import NoNumberColumn, RejectedRow, RowDefaults
from raptor_desktop.core.tabular import Table, UnreadableFile, read_table, write_rows_csv
from raptor_desktop.services.session import Session
from raptor_desktop.store.contacts import deal_line_problem, import_contacts
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.importing import ImportCancelled, ImportResult, Progress
from raptor_desktop.store.line_import import import_lines
from raptor_desktop.store.outreach import import_delivery_report
from raptor_desktop.store.reference import area_names

__all__ = [
    "ImportCancelled",
    "ImportResult",
    "Importer",
    "NoNumberColumn",
    "RejectedRow",
    "UnreadableFile",
    "contacts_importer",
    "delivery_report_importer",
    "lines_importer",
    "rejects_beside",
    "run_import",
    "write_rejects",
]

Importer = Callable[[Store, Table, Progress | None], ImportResult]


def lines_importer(defaults: RowDefaults | None = None) -> Importer:
    """Numbers and their lines; ``defaults`` for rows that name no area or operation."""
    defaults = defaults or RowDefaults()

    def run(store: Store, table: Table, progress: Progress | None) -> ImportResult:
        if defaults.area and defaults.area.casefold() not in {
            a.casefold() for a in area_names(store)
        }:
            raise RecordNotFound(f"area: unknown area {defaults.area!r}")
        return import_lines(store, table, defaults, progress)

    return run


def contacts_importer(defaults: ContactDefaults) -> Importer:
    """Contacts of deal lines (a seized phone's contacts, call data, a marketing list)."""

    def run(store: Store, table: Table, progress: Progress | None) -> ImportResult:
        if defaults.line is not None:  # the line chosen for the whole file must be a deal line
            problem = deal_line_problem(store, defaults.line.e164)
            if problem:
                raise RecordNotFound(problem)
        return import_contacts(store, table, defaults, progress)

    return run


def delivery_report_importer(reference: str, note: str) -> Importer:
    """A gateway's report of the texts of batch ``reference`` it could not deliver."""

    def run(store: Store, table: Table, progress: Progress | None) -> ImportResult:
        return import_delivery_report(store, reference, table, note, progress)

    return run


def run_import(
    session: Session,
    path: Path,
    importer: Importer,
    progress: Progress | None = None,
    *,
    rejects_to: Path | None = None,
) -> ImportResult:
    """Read ``path`` and import it in one transaction on a connection of its own.

    With ``rejects_to``, the rejected rows are written there. A place where no file can be
    written refuses the import before anything is stored: else the rows would be stored and
    the reasons for the others lost, under an error that reads as if nothing happened.
    """
    if rejects_to is not None:
        _check_writable(rejects_to)
    table = read_table(path)
    with session.connect() as store:
        result = importer(store, table, progress)
    if rejects_to is not None and result.rejected:
        try:
            write_rejects(result, rejects_to)
        except OSError as error:
            raise OSError(
                error.errno,
                f"{result.summary()} (stored), but the rejected rows could not be written "
                f"({error.strerror}); importing the file again changes nothing and writes them",
                str(rejects_to),
            ) from error
    return result


def rejects_beside(source: Path, chosen: Path | None = None) -> Path:
    """Where an import's rejected rows go: ``chosen``, or ``NAME.rejects.csv`` beside it."""
    return chosen or source.with_name(f"{source.stem}.rejects.csv")


def _check_writable(target: Path) -> None:
    folder = target.parent
    if not folder.is_dir():
        problem = (errno.ENOENT, "that folder does not exist")
    elif target.is_dir():
        problem = (errno.EISDIR, "that is a folder")
    elif not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        problem = (errno.EACCES, "it cannot be written there")
    else:
        return
    raise OSError(
        problem[0],
        f"the rejected rows would go here, but {problem[1]}, so nothing was imported; "
        "choose another place for them",
        str(target),
    )


def write_rejects(result: ImportResult, target: Path) -> None:
    """Every rejected row with its file, row number and reason, beside the columns the
    import reads (corrected and imported again, the first three are left out as not used).
    A column it does not use is not copied out: a seized address book's names are kept
    nowhere, this file included."""
    ignored = set(result.ignored_columns)
    kept = [i for i, heading in enumerate(result.headers) if heading not in ignored]
    write_rows_csv(
        target,
        ["file", "row", "reason", *(result.headers[i] for i in kept)],
        (
            [result.source, r.row, r.reason, *(r.cells[i] for i in kept if i < len(r.cells))]
            for r in result.rejected
        ),
    )
