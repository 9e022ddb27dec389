"""``raptor lines --json`` is written by SQLite: the same records, in the same order, as the
rows the program reads in Python, and the same national format."""

from __future__ import annotations

import json

import pytest

from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.database import Store
from raptor_desktop.store.line_query import (
    JSON_KEYS,
    NATIONAL_FORMAT,
    LineFilter,
    list_numbers,
    numbers_json,
)


@pytest.mark.parametrize(
    "flt",
    [LineFilter(), LineFilter(status=Status.IDENTIFIED), LineFilter(text="Tony", sort="areas")],
)
def test_the_json_records_are_the_rows_the_program_reads(
    demo_store: Store, flt: LineFilter
) -> None:
    text, count = numbers_json(demo_store, flt)
    records = json.loads(text)
    rows = list_numbers(demo_store, flt)
    assert count == len(records) == len(rows) > 0
    assert records == [{key: row[key] for key in JSON_KEYS} for row in rows]
    assert text.count("\n") == len(records) + 1  # one record a line


@pytest.mark.parametrize(
    # drama-range and malformed UK forms, and a US number from its fictional 555-01xx range
    "e164",
    ["+447700900101", "+447700900999", "+44770090010", "+4477009001011", "+12025550123"],
)
def test_the_national_format_in_sql_is_the_program_s(demo_store: Store, e164: str) -> None:
    sql = NATIONAL_FORMAT.replace("n.e164", "?")
    [(written,)] = demo_store.db.execute(f"SELECT {sql}", [e164] * sql.count("?")).fetchall()
    assert written == national_format(e164)
