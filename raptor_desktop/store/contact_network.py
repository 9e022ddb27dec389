"""Who links deal lines: the contacts found on two or more of them, and every contact–line
link as an edge list for link-analysis tools (i2 Analyst's Notebook, Gephi)."""

from __future__ import annotations

from dataclasses import dataclass

from raptor_desktop.core.lines import line_name
from raptor_desktop.core.numbers import national_format
from raptor_desktop.store.database import Store


@dataclass(frozen=True)
class CommonContact:
    contact_id: int
    display: str
    lines: tuple[str, ...]  # "Tony (07700 900101)", by name


def common_contacts(store: Store, least: int = 2) -> list[CommonContact]:
    """Contacts found on ``least`` or more deal lines, those on most lines first."""
    rows = store.db.execute(
        """
        SELECT c.id, c.e164, group_concat(DISTINCT l.id)
        FROM contacts c JOIN contact_links k ON k.contact_id = c.id
        JOIN numbers n ON n.id = k.number_id JOIN lines l ON l.id = n.line_id
        GROUP BY c.id HAVING COUNT(DISTINCT l.id) >= ?
        """,
        [least],
    ).fetchall()
    names = {
        int(line_id): f"{line_name(brand)} ({national_format(e164)})"
        for line_id, brand, e164 in store.db.execute(
            "SELECT l.id, l.brand, MIN(n.e164) FROM lines l JOIN numbers n ON n.line_id = l.id "
            "GROUP BY l.id"
        )
    }
    found = [
        CommonContact(
            int(cid),
            national_format(e164),
            tuple(sorted((names[int(i)] for i in str(ids).split(",")), key=str.casefold)),
        )
        for cid, e164, ids in rows
    ]
    return sorted(found, key=lambda c: (-len(c.lines), c.display))


EDGE_HEADERS = ("Source", "Target", "Line", "Found by", "Found on")


def contact_edges(store: Store) -> list[list[str]]:
    """One row per contact–deal line link: the contact's number, the line's number, its name,
    how and when it was found (the columns link-analysis tools import as an edge list)."""
    return [
        [national_format(c), national_format(n), str(brand or ""), str(source), str(found)]
        for c, n, brand, source, found in store.db.execute(
            "SELECT c.e164, n.e164, l.brand, k.source, k.found_on FROM contact_links k "
            "JOIN contacts c ON c.id = k.contact_id JOIN numbers n ON n.id = k.number_id "
            "JOIN lines l ON l.id = n.line_id ORDER BY c.search_digits, n.search_digits"
        )
    ]
