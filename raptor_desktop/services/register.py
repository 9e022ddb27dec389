"""The register of lines: numbers, their lines, statuses, devices and areas.

Each change is one transaction in ``store``. Viewing a number's details and listing numbers
are consultations, logged here once for both faces.
"""

from __future__ import annotations

from raptor_desktop.core.dates import plural
from raptor_desktop.services.disclosure import record_consultation
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.evidence import add_number_evidence
from raptor_desktop.store.line_detail import NumberDetail, number_detail
from raptor_desktop.store.line_import import import_lines
from raptor_desktop.store.line_merge import LinesNotMerged, merge_lines
from raptor_desktop.store.line_query import (
    ROW_KEYS,
    LineFilter,
    counts_by_status,
    list_numbers,
    matching_ids,
    numbers_json,
    rows_by_id,
)
from raptor_desktop.store.lines import (
    add_device,
    add_number,
    find_number,
    parse_for,
    save_edit,
    set_status,
    undo_status_change,
)
from raptor_desktop.store.number_move import Moved, NoSuchLine, NumberNotMoved, move_number
from raptor_desktop.store.reference import (
    add_area,
    area_names,
    area_status_counts,
    line_names,
    operation_names,
)

__all__ = [
    "NoSuchLine",
    "RecordNotFound",
    "ROW_KEYS",
    "LineFilter",
    "LinesNotMerged",
    "Moved",
    "NumberNotMoved",
    "NumberDetail",
    "add_area",
    "add_device",
    "add_number_evidence",
    "add_number",
    "area_names",
    "area_status_counts",
    "counts_by_status",
    "find_number",
    "find_number_ids",
    "import_lines",
    "matching_ids",
    "merge_lines",
    "move_number",
    "number_detail",
    "line_names",
    "operation_names",
    "parse_for",
    "rows_by_id",
    "save_edit",
    "search_numbers",
    "set_status",
    "undo_status_change",
    "view_number",
    "view_number_of",
]


def merge_lines_of(store: Store, keep: str, other: str) -> str:
    """The line of the number ``other`` made part of the line of the number ``keep``."""
    return merge_lines(store, find_number(store, keep).line_id, find_number(store, other).line_id)


def view_number(store: Store, number_id: int) -> NumberDetail:
    """A number with its line, devices, evidence and history; the viewing is logged."""
    detail = number_detail(store, number_id)
    record_consultation(store, "view number", detail.e164)
    return detail


def view_number_of(store: Store, text: str) -> NumberDetail:
    """The number written ``text`` (any format), viewed as :func:`view_number` does."""
    return view_number(store, find_number(store, text).id)


def _record_listing(store: Store, flt: LineFilter, count: int) -> None:
    asked = ", ".join(
        f"{k} {v}"
        for k, v in (("search", flt.text), ("area", flt.area), ("status", flt.status))
        if v
    )
    record_consultation(
        store, "list numbers", plural(count, "number") + (f" ({asked})" if asked else "")
    )


def find_number_ids(store: Store, flt: LineFilter) -> list[int]:
    """The ids of the numbers a view shows for ``flt``, in its order; the listing is logged."""
    ids = matching_ids(store, flt)
    _record_listing(store, flt, len(ids))
    return ids


def search_numbers(store: Store, flt: LineFilter) -> list[dict[str, object]]:
    """Every number ``flt`` matches, as rows; the listing is logged with what was asked."""
    _check_area(store, flt)
    rows = list_numbers(store, flt)
    _record_listing(store, flt, len(rows))
    return rows


def search_numbers_json(store: Store, flt: LineFilter) -> str:
    """The same listing as a JSON array (``raptor lines --json``); logged the same way."""
    _check_area(store, flt)
    text, count = numbers_json(store, flt)
    _record_listing(store, flt, count)
    return text


def _check_area(store: Store, flt: LineFilter) -> None:
    if flt.area and flt.area.casefold() not in {a.casefold() for a in area_names(store)}:
        raise RecordNotFound(f"unknown area {flt.area!r}")
