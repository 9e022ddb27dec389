"""Review and disposal of records under the Management of Police Information (MoPI).

Every line (with its numbers), every application and every contact has a review date: a set
period (a setting, default 6 years) after its last activity, or the date set when it was last
reviewed and kept. The reviewer keeps it (to a new date) or disposes of it, with a reason. Disposal
erases the personal data and logs the erasure: the fact, never the data. The log's older entries
that named the record's numbers, devices or line keep their place in the chain, with those words
replaced by keyed pseudonyms (``audit.pseudonymise``); the files only the record used are deleted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

import sqlite_utils

from raptor_desktop.core.accounts import Permission
from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.orders import add_months
from raptor_desktop.store.audit import pseudonymise
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.exhibits import attachment_dir, stored_name
from raptor_desktop.store.settings import REVIEW_YEARS, get_int

log = logging.getLogger(__name__)

LINE_ACTIVITY = """
    SELECT l.id, l.brand, MAX(l.updated_at, COALESCE(MAX(n.updated_at), ''),
           COALESCE(MAX(c.changed_at), '')) AS last_activity, COUNT(DISTINCT n.id)
    FROM lines l LEFT JOIN numbers n ON n.line_id = l.id
    LEFT JOIN status_changes c ON c.number_id = n.id
    GROUP BY l.id
"""
APPLICATION_ACTIVITY = """
    SELECT a.id, a.reference, a.updated_at, COUNT(an.number_id)
    FROM applications a LEFT JOIN application_numbers an ON an.application_id = a.id
    GROUP BY a.id
"""
CONTACT_ACTIVITY = """
    SELECT c.id, c.e164, MAX(c.updated_at, COALESCE(MAX(k.found_on), '')), COUNT(k.number_id)
    FROM contacts c LEFT JOIN contact_links k ON k.contact_id = c.id
    GROUP BY c.id
"""
ACTIVITY = {"line": LINE_ACTIVITY, "application": APPLICATION_ACTIVITY, "contact": CONTACT_ACTIVITY}


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # "line", "application" or "contact"
    record_id: int
    name: str
    last_activity: date
    review_on: date
    size: int


def _kept_until(store: Store) -> dict[tuple[str, int], date]:
    """The next review date set by the latest "keep" decision on each record (one query)."""
    kept: dict[tuple[str, int], date] = {}
    for kind, record_id, next_review in store.db.execute(
        "SELECT record_kind, record_id, next_review FROM reviews "
        "WHERE decision = 'keep' ORDER BY id"
    ):
        kept[(kind, record_id)] = date.fromisoformat(next_review)
    return kept


def review_list(
    store: Store, today: date | None = None, *, due_only: bool = True
) -> list[ReviewItem]:
    """Lines, applications and contacts with their review dates; by default only those due.

    For those who decide reviews (administrators): the list names every record's subject.
    """
    store.require(Permission.RETENTION)
    today = today or date.today()
    years = get_int(store, REVIEW_YEARS)
    kept = _kept_until(store)
    found = []
    for kind, sql in ACTIVITY.items():
        for record_id, name, last, size in store.db.execute(sql).fetchall():
            last_day = date.fromisoformat(str(last)[:10])
            if kind == "contact":
                name = national_format(name)
            review_on = kept.get((kind, record_id)) or add_months(last_day, 12 * years)
            if not due_only or review_on <= today:
                found.append(
                    ReviewItem(kind, record_id, name or "(unnamed)", last_day, review_on, size)
                )
    return sorted(found, key=lambda item: (item.review_on, item.kind, item.record_id))


def keep(store: Store, kind: str, record_id: int, reason: str, next_review: date) -> None:
    store.require(Permission.RETENTION)
    if not reason.strip():
        raise InputRejected("give the reason for keeping the record")
    if next_review <= date.today():
        raise InputRejected("the next review must be in the future")
    with store.transaction(
        "review: keep", f"{kind} {record_id} until {next_review}", justification=reason
    ) as db:
        _check_exists(db, kind, record_id)
        db.execute(
            "INSERT INTO reviews (record_kind, record_id, decision, reason, next_review, "
            "decided_at, decided_by) VALUES (?, ?, 'keep', ?, ?, ?, ?)",
            [kind, record_id, reason.strip(), next_review.isoformat(), utc_now(), store.actor],
        )


def dispose(store: Store, kind: str, record_id: int, reason: str) -> str:
    """Erase a line (with its numbers), an application or a contact; returns what was erased,
    in figures."""
    store.require(Permission.RETENTION)
    if not reason.strip():
        raise InputRejected("give the reason for disposal")
    if kind not in ERASERS:
        raise InputRejected(f"{kind!r} is not a kind of record under review")
    with store.transaction("erase record", f"{kind} {record_id}", justification=reason) as db:
        _check_exists(db, kind, record_id)
        summary = erase(db, store.key, kind, record_id)
        store.describe(f"{kind} {record_id}: {summary}")
        db.execute(
            "INSERT INTO reviews (record_kind, record_id, decision, reason, decided_at, "
            "decided_by) VALUES (?, ?, 'dispose', ?, ?, ?)",
            [kind, record_id, reason.strip(), utc_now(), store.actor],
        )
    remove_unused_attachments(store)
    return summary


def erase(db: sqlite_utils.Database, key: bytes, kind: str, record_id: int) -> str:
    """Inside a transaction: erase the record, pseudonymise the log's words that named its
    subjects, and rewrite the search index's segments so that the erased words leave them
    too (not merely marked deleted until some later merge). Returns what was erased."""
    erased = identifiers(db, kind, record_id)
    summary = ERASERS[kind](db, record_id)
    return summary + forget(db, key, erased)


def forget(db: sqlite_utils.Database, key: bytes, erased: list[str]) -> str:
    """After an erasure: the log's words that named its subjects pseudonymised, and the search
    index's segments rewritten, so that the erased words leave them too (not merely marked
    deleted until some later merge)."""
    changed = pseudonymise(db, key, erased)
    db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    return f"; {changed} log entries pseudonymised" if changed else ""


def remove_unused_attachments(store: Store) -> None:
    """After a disposal: delete the attached files no exhibit refers to any more, so that the
    attachment store and every later backup no longer hold what was erased."""
    folder = attachment_dir(store)
    if not folder.is_dir():
        return
    used = {
        stored_name(store.key, digest, name)
        for digest, name in store.db.execute(
            "SELECT file_sha256, file_name FROM exhibits WHERE file_sha256 <> ''"
        )
    }
    for file in folder.iterdir():
        if file.is_file() and file.name not in used:
            try:
                file.unlink()
            except OSError:
                log.warning("the erased record's file %s could not be deleted", file)


_TABLES = {"line": "lines", "application": "applications", "contact": "contacts"}


def _check_exists(db: sqlite_utils.Database, kind: str, record_id: int) -> None:
    if kind not in _TABLES:
        raise InputRejected(f"{kind!r} is not a kind of record under review")
    table = _TABLES[kind]
    if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone() is None:
        raise RecordNotFound(f"there is no {kind} {record_id} in the register")


def identifiers(db: sqlite_utils.Database, kind: str, record_id: int) -> list[str]:
    """What identifies the record's subjects in the log's words: its numbers (in every form
    the log writes them), its devices' identifiers and its line's name."""
    if kind == "number":
        found = db.execute("SELECT e164 FROM numbers WHERE id = ?", [record_id]).fetchall()
        values = db.execute("SELECT value FROM devices WHERE number_id = ?", [record_id])
        return _number_forms([r[0] for r in found]) + [str(d[0]) for d in values]
    if kind == "line":
        numbers = [
            r[0] for r in db.execute("SELECT e164 FROM numbers WHERE line_id = ?", [record_id])
        ]
        devices = db.execute(
            "SELECT d.value FROM devices d JOIN numbers n ON n.id = d.number_id "
            "WHERE n.line_id = ?",
            [record_id],
        ).fetchall()
        brand = db.execute("SELECT brand FROM lines WHERE id = ?", [record_id]).fetchone()
        names = [brand[0]] if brand and len(brand[0].strip()) >= 3 else []
        return _number_forms(numbers) + [str(d[0]) for d in devices] + names
    if kind == "contact":
        return _number_forms(
            [r[0] for r in db.execute("SELECT e164 FROM contacts WHERE id = ?", [record_id])]
        )
    return []  # an application's own words name its numbers' lines, which are kept


def _number_forms(numbers: list[str]) -> list[str]:
    forms = []
    for e164 in numbers:
        national = national_format(e164)
        forms += [e164, national, national.replace(" ", ""), e164.lstrip("+")]
    return forms


def _erase_line(db: sqlite_utils.Database, line_id: int) -> str:
    if not db.execute("SELECT 1 FROM lines WHERE id = ?", [line_id]).fetchone():
        raise RecordNotFound(f"line {line_id} is not in the register")
    numbers = [r[0] for r in db.execute("SELECT id FROM numbers WHERE line_id = ?", [line_id])]
    erase_numbers(db, numbers)
    for table in ("evidence", "line_areas", "line_drugs"):
        db.execute(f"DELETE FROM {table} WHERE line_id = ?", [line_id])
    db.execute("DELETE FROM lines WHERE id = ?", [line_id])
    return f"line {line_id} with {plural(len(numbers), 'number')}"


def erase_numbers(db: sqlite_utils.Database, numbers: list[int]) -> None:
    """Erase numbers with everything recorded about them (a line's, or one sent by a peer)."""
    marks = ",".join("?" * len(numbers)) or "NULL"
    for table in (
        "orders",
        "application_numbers",
        "exhibit_numbers",
        "devices",
        "status_changes",
        "contact_links",  # the contacts stay, each with its own review
    ):
        db.execute(f"DELETE FROM {table} WHERE number_id IN ({marks})", numbers)
    db.execute(
        f"UPDATE numbers SET replaces_number_id = NULL WHERE replaces_number_id IN ({marks})",
        numbers,
    )
    db.execute(f"DELETE FROM numbers WHERE id IN ({marks})", numbers)


def _erase_application(db: sqlite_utils.Database, application_id: int) -> str:
    if not db.execute("SELECT 1 FROM applications WHERE id = ?", [application_id]).fetchone():
        raise RecordNotFound(f"application {application_id} does not exist")
    exhibits = [
        r[0]
        for r in db.execute("SELECT id FROM exhibits WHERE application_id = ?", [application_id])
    ]
    for exhibit in exhibits:
        db.execute("DELETE FROM exhibit_numbers WHERE exhibit_id = ?", [exhibit])
    db.execute("DELETE FROM exhibits WHERE application_id = ?", [application_id])
    db.execute("DELETE FROM orders WHERE application_id = ?", [application_id])
    db.execute("DELETE FROM application_numbers WHERE application_id = ?", [application_id])
    db.execute(
        "UPDATE applications SET renews_application_id = NULL WHERE renews_application_id = ?",
        [application_id],
    )
    db.execute("DELETE FROM applications WHERE id = ?", [application_id])
    return f"application {application_id} with {plural(len(exhibits), 'exhibit')}"


def _erase_contact(db: sqlite_utils.Database, contact_id: int) -> str:
    if not db.execute("SELECT 1 FROM contacts WHERE id = ?", [contact_id]).fetchone():
        raise RecordNotFound(f"contact {contact_id} is not in the register")
    links = db.execute(
        "SELECT COUNT(*) FROM contact_links WHERE contact_id = ?", [contact_id]
    ).fetchone()[0]
    db.execute("DELETE FROM contact_links WHERE contact_id = ?", [contact_id])
    db.execute("DELETE FROM outreach_recipients WHERE contact_id = ?", [contact_id])
    db.execute("DELETE FROM contacts WHERE id = ?", [contact_id])
    return f"contact {contact_id} with {links} findings"


ERASERS = {"line": _erase_line, "application": _erase_application, "contact": _erase_contact}
