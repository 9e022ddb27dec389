"""Contacts of deal lines: the numbers found buying from a line, read from a spreadsheet.

A contact is "a contact of a deal line", never a suspect: a number in a seized handset's
address book or call list, or on a line's marketing list. Numbers are borrowed and
reassigned, so nothing here says who holds one. Names in the source (an address book's
"Dave P") are not kept: the unit needs the number and where it was found, nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.line_import import (
    FAULT_SEPARATOR,
    MAX_TEXT,
    PHONE_HEADERS,
    ColumnMap,
    NoNumberColumn,
    RejectedRow,
    column_map,
    read_date,
)
from raptor_desktop.core.numbers import MobileNumber, NumberRejected, parse_mobile
from raptor_desktop.core.tabular import Table

SOURCES = ("seized phone", "call data", "marketing list", "other")
DEFAULT_SOURCE = SOURCES[0]

CONTACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("number", "contact", "contact number", *PHONE_HEADERS[1:]),
    "line": ("deal line", "deal line number", "line", "line number", "found on"),
    "source": ("source", "found in", "from"),
    "found_on": ("date", "found", "date found", "found on date", "seen", "last contact"),
}


SOURCE_WORDS: dict[str, str] = {
    "seized handset": "seized phone",
    "handset": "seized phone",
    "phone": "seized phone",
    "seized mobile": "seized phone",
    "phone download": "seized phone",
    "cdr": "call data",
    "cdrs": "call data",
    "call records": "call data",
    "call data records": "call data",
    "billing": "call data",
    "marketing": "marketing list",
    "marketing text": "marketing list",
    "bulk text": "marketing list",
}
"""The words officers write for each source, and the source each stands for."""


def parse_source(text: str) -> str:
    """One of :data:`SOURCES`, or a word officers use for one (``handset``, ``CDR``,
    ``marketing``), matched without regard to case; anything else is refused with the list."""
    wanted = " ".join(text.lower().replace("_", " ").split())
    if wanted in SOURCES:
        return wanted
    if wanted in SOURCE_WORDS:
        return SOURCE_WORDS[wanted]
    accepted = ", ".join((*SOURCES, *SOURCE_WORDS))
    raise InputRejected(f"source {text!r} is not one of: {accepted}")


@dataclass(frozen=True)
class ContactDefaults:
    """What applies to rows that do not say: the deal line, the source and the date found."""

    line: MobileNumber | None = None
    source: str = DEFAULT_SOURCE
    found_on: date | None = None


class NoDealLine(NoNumberColumn):
    """The file names no deal line for its rows and none was chosen for the whole file."""


def contact_columns(table: Table, defaults: ContactDefaults) -> ColumnMap:
    """The file's columns; refused before any row is read when no deal line can be known."""
    mapping = column_map(table, CONTACT_COLUMNS)
    if "line" not in mapping.columns and defaults.line is None:
        raise NoDealLine(
            f"{table.source}: no deal line column; choose the deal line these contacts were "
            "found on (--line NUMBER), or add a column called deal line"
        )
    return mapping


@dataclass(frozen=True)
class ContactRow:
    row: int
    number: MobileNumber
    line: MobileNumber
    source: str
    found_on: date
    source_as_written: str = ""  # the word in the file, when it was not the source's own name


def read_contact_row(
    mapping: ColumnMap,
    row: int,
    cells: list[str],
    defaults: ContactDefaults,
    *,
    training: bool,
    today: date,
    read_line: Callable[[str], MobileNumber] | None = None,
) -> ContactRow | RejectedRow:
    """Check one row of a contacts file; a reject names every fault of the row, each with
    its field.

    ``read_line`` reads the deal line's number (an import passes one that remembers: a
    seized phone's 2,000 rows name the same line 2,000 times)."""
    if any(len(cell) > MAX_TEXT for cell in cells):
        return RejectedRow(row, f"a cell is longer than {MAX_TEXT:,} characters", cells)
    faults: list[str] = []
    number = line = None
    try:
        number = parse_mobile(mapping.cell(cells, "number"), training=training)
    except NumberRejected as error:
        faults.append(f"number: {error}")
    line_text = mapping.cell(cells, "line")
    if line_text:
        try:
            line = read_line(line_text) if read_line else parse_mobile(line_text, training=training)
        except ValueError as error:  # not a number, or (read by an import) not a deal line
            faults.append(f"deal line: {error}")
    elif defaults.line is not None:
        line = defaults.line
    else:
        faults.append("deal line: the row names no deal line and none was chosen")
    if line is not None and number is not None and line.e164 == number.e164:
        faults.append("number: this is the deal line's own number, not a contact")
    source_text = mapping.cell(cells, "source")
    source = defaults.source
    try:
        source = parse_source(source_text) if source_text else defaults.source
    except ValueError as error:
        faults.append(str(error))
    found_on = None
    try:
        found_on = read_date(mapping.cell(cells, "found_on"), "date found")
    except ValueError as error:
        faults.append(str(error))
    found_on = found_on or defaults.found_on or today
    if found_on > today:
        faults.append(f"date found {found_on:%d/%m/%Y} is in the future")
    if faults or number is None or line is None:
        return RejectedRow(row, FAULT_SEPARATOR.join(faults), cells)
    written = " ".join(source_text.split()) if source_text else ""
    return ContactRow(
        row, number, line, source, found_on, written if written.lower() != source else ""
    )
