"""Contacts of deal lines (never "suspects"): listing them is a consultation, logged here."""

from __future__ import annotations

from pathlib import Path

from raptor_desktop.core.dates import plural
from raptor_desktop.core.tabular import write_rows_csv
from raptor_desktop.services.disclosure import Recipient, record_consultation, record_disclosure
from raptor_desktop.store.contact_network import (
    EDGE_HEADERS,
    CommonContact,
    common_contacts,
    contact_edges,
)
from raptor_desktop.store.contacts import (
    ContactRecord,
    add_contact,
    contact_ids,
    contacts_by_id,
    deal_line_problem,
    list_contacts,
    set_do_not_contact,
    set_opted_out,
)
from raptor_desktop.store.database import Store

__all__ = [
    "CommonContact",
    "ContactRecord",
    "export_contact_links",
    "find_common_contacts",
    "add_contact",
    "contact_ids",
    "contacts_by_id",
    "deal_line_problem",
    "find_contact_ids",
    "find_contacts",
    "set_do_not_contact",
    "set_opted_out",
]


def _record_listing(store: Store, shown: int, search: str) -> None:
    """Reading the list of contacts is a consultation of their records (DPA 2018 s62)."""
    asked = f" (search {search.strip()})" if search.strip() else ""
    record_consultation(store, "list contacts", f"{plural(shown, 'contact')}{asked}")


def find_contact_ids(store: Store, search: str = "") -> list[int]:
    """The ids of the contacts a view shows (``search``: part of a number); logged."""
    ids = contact_ids(store, search)
    _record_listing(store, len(ids), search)
    return ids


def find_contacts(store: Store, search: str = "") -> list[ContactRecord]:
    """Every contact (or those matching ``search``), newest first; the listing is logged."""
    found = list_contacts(store, search)
    _record_listing(store, len(found), search)
    return found


def find_common_contacts(store: Store) -> list[CommonContact]:
    """Contacts found on two or more deal lines, most lines first; a logged consultation."""
    found = common_contacts(store)
    record_consultation(store, "common contacts", plural(len(found), "contact"))
    return found


def export_contact_links(store: Store, target: Path, to: Recipient) -> int:
    """Every contact–deal line link as an edge-list CSV (i2, Gephi); a logged disclosure."""
    checked = to.checked()
    rows = contact_edges(store)
    partial = target.with_name(f".{target.name}.partial")
    try:
        write_rows_csv(partial, EDGE_HEADERS, rows)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    record_disclosure(
        store, "export contact links", f"{plural(len(rows), 'link')} -> {target}", checked
    )
    return len(rows)
