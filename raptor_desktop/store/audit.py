"""Writing, reading and checking the append-only data-protection log."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING

import sqlite_utils

if TYPE_CHECKING:
    from raptor_desktop.store.database import Store

from raptor_desktop.core.accounts import Permission
from raptor_desktop.core.audit import (
    GENESIS,
    AuditEntry,
    Category,
    ChainBreak,
    StoredEntry,
    chain_mac,
    first_break,
)
from raptor_desktop.store import crypto


def append(
    db: sqlite_utils.Database,
    log_key: bytes,
    *,
    at: str,
    user: str,
    category: Category,
    event: str,
    records: str,
    justification: str = "",
    recipient: str = "",
) -> int:
    """Add one entry chained to the last; call inside the transaction of the change it logs."""
    last = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    entry = AuditEntry(
        id=(last[0] + 1) if last else 1,
        at=at,
        user=user,
        category=category.value,
        event=event,
        records=records,
        justification=justification.strip(),
        recipient=recipient.strip(),
        prev_hash=last[1] if last else GENESIS,
    )
    content_hash = entry.content_mac(log_key)
    db.execute(
        "INSERT INTO audit_log (id, at, user, category, event, records, justification, "
        "recipient, prev_hash, content_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            entry.id,
            entry.at,
            entry.user,
            entry.category,
            entry.event,
            entry.records,
            entry.justification,
            entry.recipient,
            entry.prev_hash,
            content_hash,
            chain_mac(log_key, entry.id, entry.prev_hash, content_hash),
        ],
    )
    return entry.id


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    category: str | None = None
    record: str | None = None
    since: date | None = None
    until: date | None = None


_COLUMNS = "id, at, user, category, event, records, justification, recipient, prev_hash"


def entries(store: Store, flt: AuditFilter | None = None) -> list[AuditEntry]:
    """The log's entries that ``flt`` selects, oldest first: for administrators only.

    Reading the log is itself a consultation; the caller logs it (see ``services.audit_log``).
    """
    store.require(Permission.READ_AUDIT)
    flt = flt or AuditFilter()
    clauses, params = [], []
    if flt.user:
        clauses.append("user = ?")
        params.append(flt.user)
    if flt.category:
        clauses.append("category = ?")
        params.append(flt.category)
    if flt.record:  # the words as written: % and _ are not wildcards here
        literal = flt.record.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("records LIKE ? ESCAPE '\\'")
        params.append(f"%{literal}%")
    if flt.since:
        clauses.append("at >= ?")
        params.append(flt.since.isoformat())
    if flt.until:
        clauses.append("at < date(?, '+1 day')")
        params.append(flt.until.isoformat())
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.db.execute(f"SELECT {_COLUMNS} FROM audit_log{where} ORDER BY id", params)
    return [AuditEntry(*row) for row in rows]


def newest_entry(store: Store) -> int:
    """The id of the log's newest entry (0 for an empty log)."""
    return int(store.db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0])


def stored_entries(db: sqlite_utils.Database) -> list[StoredEntry]:
    rows = db.execute(
        f"SELECT {_COLUMNS}, content_hash, hash, pseudonymised FROM audit_log ORDER BY id"
    ).fetchall()
    return [StoredEntry(AuditEntry(*row[:9]), row[9], row[10], bool(row[11])) for row in rows]


def check_chain(db: sqlite_utils.Database, log_key: bytes) -> ChainBreak | None:
    return first_break(stored_entries(db), log_key)


def as_dict(entry: AuditEntry) -> dict[str, object]:
    data = asdict(entry)
    data.pop("prev_hash")
    return data


def pseudonym(key: bytes, identifier: str) -> str:
    """The same words stand for the same identifier in every entry, and cannot be turned back
    into it without the register's key."""
    return (
        f"[erased {crypto.mac(crypto.subkey(key, 'raptor pseudonyms'), identifier.encode())[:12]}]"
    )


def pseudonymise(db: sqlite_utils.Database, key: bytes, identifiers: list[str]) -> int:
    """Replace ``identifiers`` in the words of every log entry by their pseudonyms; returns how
    many entries changed. Each changed entry is marked pseudonymised: its content MAC stays the
    one it was written with, so the chain still verifies (the append-only trigger allows this
    change and no other)."""
    wanted = sorted({i for i in identifiers if i.strip()}, key=len, reverse=True)
    if not wanted:
        return 0
    pattern = re.compile("|".join(rf"(?<![\w+]){re.escape(i)}(?!\w)" for i in wanted))
    replacements = {i: pseudonym(key, i) for i in wanted}
    changed = 0
    # the peers' entries received with case packages name them too; their signatures were
    # made over the words erased, and are kept with the mark that says so
    for entry_id, entry in db.execute("SELECT id, entry FROM received_log_entries").fetchall():
        new_entry = pattern.sub(lambda m: replacements[m.group(0)], str(entry))
        if new_entry != entry:
            db.execute(
                "UPDATE received_log_entries SET entry = ?, pseudonymised = 1 WHERE id = ?",
                [new_entry, entry_id],
            )
            changed += 1
    rows = db.execute("SELECT id, records, justification, recipient FROM audit_log").fetchall()
    for entry_id, *fields in rows:
        new = [pattern.sub(lambda m: replacements[m.group(0)], str(f)) for f in fields]
        if new != [str(f) for f in fields]:
            db.execute(
                "UPDATE audit_log SET records = ?, justification = ?, recipient = ?, "
                "pseudonymised = 1 WHERE id = ?",
                [*new, entry_id],
            )
            changed += 1
    return changed
