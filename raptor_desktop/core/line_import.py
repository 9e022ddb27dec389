"""Turning the rows of a spreadsheet into lines and numbers, with a reason for every reject.

Column headers are matched without regard to case, spacing or punctuation, with the synonyms
officers and analysts use ("MSISDN", "Phone", "Line name", "Brand", "Area(s)").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from raptor_desktop.core.dates import parse_date
from raptor_desktop.core.errors import InputRejected, UnusableFile
from raptor_desktop.core.lines import LineDetails, SeenDates
from raptor_desktop.core.numbers import MobileNumber, NumberRejected, parse_mobile
from raptor_desktop.core.register import parse_drug, split_list
from raptor_desktop.core.tabular import Table

MAX_TEXT = 10_000

PHONE_HEADERS = (
    "number",
    "phone",
    "phone number",
    "msisdn",
    "mobile",
    "mobile number",
    "telephone",
    "tel",
    "telephone number",
)
"""How spreadsheets head a column of phone numbers, for every importer."""

COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "number": (*PHONE_HEADERS, "line number", "deal line number"),
    "brand": ("line name", "brand", "line", "name", "deal line", "line brand", "brand name"),
    "areas": ("area", "areas", "district", "districts", "areas served"),
    "drugs": ("drugs", "drug", "products", "product", "drugs offered"),
    "notes": ("notes", "note", "comments", "comment"),
    "operation": ("operation", "op", "operation name"),
    "first_seen": ("first seen", "date identified", "identified", "first seen date"),
    "last_seen": ("last seen", "last seen date"),
    "intel_refs": (
        "intelligence",
        "intel",
        "intel refs",
        "intel ref",
        "intelligence references",
        "intelligence reference",
    ),
}


def _normalise_header(text: str) -> str:
    text = re.sub(r"\(s\)", "s", text.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


@dataclass
class ColumnMap:
    """Which column of the file holds which field, and which columns are not used."""

    columns: dict[str, int]
    ignored: list[str] = field(default_factory=list)

    @classmethod
    def from_headers(
        cls, headers: list[str], synonyms: dict[str, tuple[str, ...]] = COLUMN_SYNONYMS
    ) -> ColumnMap:
        lookup = {syn: name for name, syns in synonyms.items() for syn in syns}
        columns: dict[str, int] = {}
        ignored: list[str] = []
        for index, header in enumerate(headers):
            name = lookup.get(_normalise_header(header))
            if name and name not in columns:
                columns[name] = index
            elif header:
                ignored.append(header)
        return cls(columns, ignored)

    def cell(self, cells: list[str], name: str) -> str:
        index = self.columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""


class NoNumberColumn(UnusableFile, ValueError):
    """No header of the file names a phone number column."""


@dataclass
class RowDefaults:
    area: str | None = None
    operation: str | None = None


@dataclass
class ImportRow:
    row: int
    number: MobileNumber
    details: LineDetails
    dates: SeenDates


@dataclass
class RejectedRow:
    row: int
    reason: str
    cells: list[str]


def column_map(table: Table, synonyms: dict[str, tuple[str, ...]] = COLUMN_SYNONYMS) -> ColumnMap:
    """The file's columns by field; a file without a number column is refused, naming why."""
    mapping = ColumnMap.from_headers(table.headers, synonyms)
    if "number" not in mapping.columns:
        examples = ", ".join(synonyms["number"][:4])
        raise NoNumberColumn(
            f"{table.source}: no number column; the header row needs a column called "
            f"{examples} or similar (found: {', '.join(h for h in table.headers if h) or 'none'})"
        )
    return mapping


def read_date(text: str, label: str) -> date | None:
    """A date cell: ``dd/mm/yyyy`` or ISO (a spreadsheet's ``2026-05-14 00:00:00`` too)."""
    if not text:
        return None
    iso_moment = re.fullmatch(r"(\d{4}-\d{1,2}-\d{1,2})[T ].*", text.strip())
    try:
        return parse_date(iso_moment.group(1) if iso_moment else text)
    except ValueError as error:
        raise InputRejected(f"{label}: {error}") from None


FAULT_SEPARATOR = " | "
"""Between the faults of one rejected row (a fault's own words may hold a semicolon)."""

AreaCheck = Callable[[list[str]], str | None]
"""What is wrong with a row's areas (the register knows its areas), or None."""


def read_row(
    mapping: ColumnMap,
    row: int,
    cells: list[str],
    defaults: RowDefaults,
    *,
    training: bool,
    area_check: AreaCheck | None = None,
) -> ImportRow | RejectedRow:
    """Check one data row. A reject names every fault of the row, each with its field, so
    that one correction makes the row good."""
    faults: list[str] = []
    if any(len(c) > MAX_TEXT for c in cells):
        return RejectedRow(row, f"a cell is longer than {MAX_TEXT:,} characters", cells)
    number: MobileNumber | None = None
    try:
        number = parse_mobile(mapping.cell(cells, "number"), training=training)
    except NumberRejected as error:
        faults.append(f"number: {error}")
    areas = split_list(mapping.cell(cells, "areas")) or ([defaults.area] if defaults.area else [])
    drugs: set[str] = set()
    for name in split_list(mapping.cell(cells, "drugs")):
        try:
            drugs.add(parse_drug(name))
        except ValueError as error:
            faults.append(f"drugs: {error}")
    details = LineDetails(
        brand=mapping.cell(cells, "brand"),
        operation=mapping.cell(cells, "operation") or defaults.operation or "",
        areas=areas,
        drugs=sorted(drugs),
        intel_refs=mapping.cell(cells, "intel_refs"),
        notes=mapping.cell(cells, "notes"),
    )
    seen: list[date | None] = []
    for column, label in (("first_seen", "first seen"), ("last_seen", "last seen")):
        try:
            seen.append(read_date(mapping.cell(cells, column), label))
        except ValueError as error:
            faults.append(str(error))
            seen.append(None)
    dates = SeenDates(*seen)
    problems = details.problems()
    problems.pop("operation", None)  # the store fills in the default operation
    faults += [f"{name}: {problem}" for name, problem in problems.items()]
    if dates.problem():
        faults.append(f"dates: {dates.problem()}")
    area_fault = area_check(areas) if area_check and areas else None
    if area_fault:
        faults.append(f"areas: {area_fault}")
    if faults or number is None:
        return RejectedRow(row, FAULT_SEPARATOR.join(faults), cells)
    return ImportRow(row, number, details, dates)
