"""A bundle says what it holds; one saved before bundles said so is read from its bookmarks."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader, PdfWriter

from raptor_desktop.documents.bundle_contents import (
    order_key,
    read_contents,
    statement_key,
    write_contents,
)

FIRST, SECOND = date(2026, 12, 10), date(2027, 1, 14)


def _bundle(titles: list[str], held: frozenset[str] | None = None) -> PdfReader:
    writer = PdfWriter()
    for _ in titles:
        writer.add_blank_page(595, 842)
    for page, title in enumerate(titles):
        writer.add_outline_item(title=title, page_number=page)
    if held is not None:
        write_contents(writer, held)
    buffer = io.BytesIO()
    writer.write(buffer)
    return PdfReader(io.BytesIO(buffer.getvalue()))


def test_what_a_bundle_says_it_holds_is_read_back() -> None:
    held = frozenset({order_key(FIRST), statement_key(1)})
    assert read_contents(_bundle(["Index (p. 1)"], held), [FIRST]) == held


def test_an_older_bundle_holds_the_orders_its_bookmarks_name() -> None:
    pre_hearing = _bundle(["Index (p. 1)", "Draft order (pp. 2–3)"])
    assert read_contents(pre_hearing, [FIRST]) == frozenset()
    as_made = _bundle(["Index (p. 1)", "Order (as made) (pp. 2–3)"])
    assert read_contents(as_made, [FIRST, SECOND]) == {order_key(FIRST)}  # the only one then
    both = _bundle(
        [
            "Index (p. 1)",
            "Order made on 10 December 2026 (p. 2)",
            "Order made on 14 January 2027 (p. 3)",
        ]
    )
    assert read_contents(both, [FIRST, SECOND]) == {order_key(FIRST), order_key(SECOND)}
