"""Contacts of deal lines: importing, listing, opt-outs and do-not-contact.

One contact per number, however many lines it was found on (de-duplicated across lines);
each finding is a link to the deal line's number with its source and date. An import is one
transaction, like the line import: every valid row lands or nothing does, and importing the
same file twice changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from raptor_desktop.core.contacts import (
    ContactDefaults,
    ContactRow,
    contact_columns,
    parse_source,
    read_contact_row,
)
from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.line_import import RejectedRow
from raptor_desktop.core.numbers import (
    MobileNumber,
    NumberRejected,
    national_digits,
    national_format,
    parse_mobile,
    search_digits,
)
from raptor_desktop.core.tabular import Table
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.importing import (
    HeldRows,
    ImportResult,
    Progress,
    RowRejected,
    import_rows,
)


@dataclass(frozen=True)
class ContactRecord:
    id: int
    e164: str
    lines: str  # "Tony (07700 900101); K (07700 900102)"
    sources: str
    last_found: str
    opted_out_on: str | None
    do_not_contact: bool
    do_not_contact_reason: str

    @property
    def display(self) -> str:
        return national_format(self.e164)


def import_contacts(
    store: Store,
    table: Table,
    defaults: ContactDefaults,
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportResult:
    """Import the contacts in ``table``, matched against the deal lines in the register."""
    mapping = contact_columns(table, defaults)
    source = Path(table.source).name
    day = today or date.today()
    training = store.training
    deal_lines: dict[str, MobileNumber] = {}
    line_ids: dict[str, int] = {}

    not_held: set[str] = set()

    def read_line(text: str) -> MobileNumber:
        """The deal line a row names, refused when the register does not hold it (each
        answer remembered: 2,000 rows of a seized phone name one line)."""
        if text not in deal_lines and text not in not_held:
            line = parse_mobile(text, training=training)
            if store.db.execute("SELECT 1 FROM numbers WHERE e164 = ?", [line.e164]).fetchone():
                deal_lines[text] = line
            else:
                not_held.add(text)
        if text in not_held:
            raise InputRejected(
                f"{parse_mobile(text, training=training).display} is not in the register"
            )
        return deal_lines[text]

    def read(row_number: int, cells: list[str]) -> ContactRow | RejectedRow:
        return read_contact_row(
            mapping, row_number, cells, defaults, training=training, today=day, read_line=read_line
        )

    read_as: Counter[str] = Counter()

    def apply(db: sqlite_utils.Database, row: ContactRow) -> str:
        if row.source_as_written:
            read_as[f"{row.source_as_written!r} as {row.source}"] += 1
        return _apply(db, row, f"{source} row {row.row}", line_ids, new_contacts)

    new_contacts = _NewContacts()
    result = import_rows(
        store, table, "import contacts", read, apply, progress, mapping.ignored, new_contacts
    )
    result.notes += [f"source {how} ({plural(n, 'row')})" for how, n in sorted(read_as.items())]
    return result


def add_contact(
    store: Store, number: str, line: str, source: str, found_on: date | None = None
) -> str:
    """Record one contact found on a deal line; returns 'imported', 'updated' or 'unchanged'."""
    allow = store.training
    row = ContactRow(
        0,
        parse_mobile(number, training=allow),
        parse_mobile(line, training=allow),
        parse_source(source),
        found_on or date.today(),
    )
    with store.transaction("add contact", f"{row.number.e164} on {row.line.e164}") as db:
        try:
            return _apply(db, row, f"entered by {store.actor}")
        except RowRejected as error:
            raise InputRejected(str(error)) from None


def _apply(
    db: sqlite_utils.Database,
    row: ContactRow,
    recorded_from: str,
    line_ids: dict[str, int] | None = None,
    new_contacts: _NewContacts | None = None,
) -> str:
    """Add or merge one contact; ``line_ids`` remembers the deal lines found (an import's:
    no row adds or removes a deal line), ``new_contacts`` holds an import's new contacts to
    write them together. Every refusal comes before the first write."""
    known = line_ids if line_ids is not None else {}
    if row.line.e164 not in known:
        found_line = db.execute("SELECT id FROM numbers WHERE e164 = ?", [row.line.e164]).fetchone()
        if found_line is None:
            raise RowRejected(f"deal line: {row.line.display} is not in the register")
        known[row.line.e164] = int(found_line[0])
    deal_line = (known[row.line.e164],)
    own = db.execute(
        "SELECT l.brand FROM numbers n JOIN lines l ON l.id = n.line_id WHERE n.e164 = ?",
        [row.number.e164],
    ).fetchone()
    if own is not None:
        brand = f" (line {own[0]!r})" if own[0] else ""
        raise RowRejected(
            f"number: {row.number.display} is a deal line in the register{brand}, not a contact"
        )
    found = db.execute("SELECT id FROM contacts WHERE e164 = ?", [row.number.e164]).fetchone()
    found_on = row.found_on.isoformat()
    if found is None:
        writer = new_contacts or _NewContacts()
        writer.add(db, row, deal_line[0], recorded_from)
        if new_contacts is None:
            writer.write(db)
        return "imported"
    key = [found[0], deal_line[0], row.source]
    link = db.execute(
        "SELECT found_on FROM contact_links WHERE contact_id = ? AND number_id = ? AND source = ?",
        key,
    ).fetchone()
    if link is None:
        db.execute(
            "INSERT INTO contact_links (contact_id, number_id, source, found_on, recorded_from) "
            "VALUES (?, ?, ?, ?, ?)",
            [*key, found_on, recorded_from],
        )
    elif link[0] < found_on:  # found again later: the latest finding counts for review
        db.execute(
            "UPDATE contact_links SET found_on = ? WHERE contact_id = ? AND number_id = ? "
            "AND source = ?",
            [found_on, *key],
        )
    else:
        return "unchanged"
    db.execute("UPDATE contacts SET updated_at = ? WHERE id = ?", [utc_now(), found[0]])
    return "updated"


class _NewContacts(HeldRows[ContactRow]):
    """The contacts an import adds, with their first links, written together."""

    def __init__(self) -> None:
        super().__init__("contacts", "contact_links")

    def add(
        self, db: sqlite_utils.Database, row: ContactRow, deal_line: int, recorded_from: str
    ) -> None:
        now, contact_id = utc_now(), self.new_id(db)
        contact = {
            "id": contact_id,
            "e164": row.number.e164,
            "search_digits": national_digits(row.number.e164),
            "created_at": now,
            "updated_at": now,
        }
        link = {
            "contact_id": contact_id,
            "number_id": deal_line,
            "source": row.source,
            "found_on": row.found_on.isoformat(),
            "recorded_from": recorded_from,
        }
        self.hold(db, row.number.e164, contact, link)


def contact_ids(store: Store, text: str = "") -> list[int]:
    """Ids of the contacts, newest finding first; ``text`` finds any part of the number."""
    where, params = "", []
    if text.strip():
        digits = search_digits(text)
        if digits is None:
            return []
        where, params = " WHERE c.search_digits LIKE ?", [f"%{digits}%"]
    return [
        row[0]
        for row in store.db.execute(
            "SELECT c.id FROM contacts c LEFT JOIN contact_links k ON k.contact_id = c.id"
            f"{where} GROUP BY c.id ORDER BY MAX(k.found_on) DESC, c.e164",
            params,
        )
    ]


CHUNK = 500  # ids per query, well inside SQLite's limit on parameters


def contacts_by_id(store: Store, ids: list[int]) -> dict[int, ContactRecord]:
    """The contacts with these ids, each with the lines it was found on and the sources."""
    found: dict[int, ContactRecord] = {}
    for start in range(0, len(ids), CHUNK):
        found.update(_contact_chunk(store, ids[start : start + CHUNK]))
    return found


def _contact_chunk(store: Store, ids: list[int]) -> dict[int, ContactRecord]:
    marks = ",".join("?" * len(ids))
    lines: dict[int, list[str]] = {}
    sources: dict[int, set[str]] = {}
    for contact_id, brand, e164, source in store.db.execute(
        "SELECT k.contact_id, l.brand, n.e164, k.source FROM contact_links k "
        "JOIN numbers n ON n.id = k.number_id JOIN lines l ON l.id = n.line_id "
        f"WHERE k.contact_id IN ({marks}) ORDER BY k.found_on DESC",
        ids,
    ):
        shown = f"{brand} ({national_format(e164)})" if brand else national_format(e164)
        if shown not in lines.setdefault(contact_id, []):
            lines[contact_id].append(shown)
        sources.setdefault(contact_id, set()).add(source)
    return {
        r[0]: ContactRecord(
            id=r[0],
            e164=r[1],
            lines="; ".join(lines.get(r[0], [])),
            sources=", ".join(sorted(sources.get(r[0], set()))),
            last_found=r[2],
            opted_out_on=r[3],
            do_not_contact=bool(r[4]),
            do_not_contact_reason=r[5],
        )
        for r in store.db.execute(
            "SELECT c.id, c.e164, COALESCE(MAX(k.found_on), ''), c.opted_out_on, "
            "c.do_not_contact, c.do_not_contact_reason FROM contacts c "
            f"LEFT JOIN contact_links k ON k.contact_id = c.id WHERE c.id IN ({marks}) "
            "GROUP BY c.id",
            ids,
        )
    }


def list_contacts(store: Store, text: str = "") -> list[ContactRecord]:
    """Every contact (or those matching ``text``), newest finding first."""
    ids = contact_ids(store, text)
    found = contacts_by_id(store, ids)
    return [found[i] for i in ids]


def deal_line_problem(store: Store, text: str) -> str:
    """Why ``text`` cannot name a deal line in the register, or '' when it can."""
    try:
        e164 = parse_mobile(text, training=store.training).e164
    except NumberRejected as error:
        return f"deal line: {error}"
    if store.db.execute("SELECT 1 FROM numbers WHERE e164 = ?", [e164]).fetchone() is None:
        return f"deal line: {national_format(e164)} is not in the register"
    return ""


def _contact_id(db: sqlite_utils.Database, number: str, training: bool) -> tuple[int, str]:
    e164 = parse_mobile(number, training=training).e164
    row = db.execute("SELECT id FROM contacts WHERE e164 = ?", [e164]).fetchone()
    if row is None:
        raise RecordNotFound(f"{national_format(e164)} is not a contact in the register")
    return row[0], e164


def set_opted_out(store: Store, number: str, opted_out_on: date | None) -> None:
    """Record a STOP reply (never text the number again), or clear it with ``None``."""
    what = f"on {opted_out_on.isoformat()}" if opted_out_on else "cleared"
    with store.transaction("contact opt-out") as db:
        contact_id, e164 = _contact_id(db, number, store.training)
        store.describe(f"{e164}: {what}")
        db.execute(
            "UPDATE contacts SET opted_out_on = ?, updated_at = ? WHERE id = ?",
            [opted_out_on.isoformat() if opted_out_on else None, utc_now(), contact_id],
        )


def set_do_not_contact(store: Store, number: str, reason: str | None) -> None:
    """Put a contact on the do-not-contact list with the reason, or take it off with ``None``."""
    if reason is not None and not reason.strip():
        raise InputRejected("give the reason the number must not be contacted")
    what = reason.strip() if reason else "cleared"
    with store.transaction("do not contact") as db:
        contact_id, e164 = _contact_id(db, number, store.training)
        store.describe(f"{e164}: {what}")
        db.execute(
            "UPDATE contacts SET do_not_contact = ?, do_not_contact_reason = ?, updated_at = ? "
            "WHERE id = ?",
            [int(reason is not None), (reason or "").strip(), utc_now(), contact_id],
        )
