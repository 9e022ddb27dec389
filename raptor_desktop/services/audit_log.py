"""The data-protection log: reading it (a consultation), exporting it (a disclosure), checking."""

from __future__ import annotations

from pathlib import Path

from raptor_desktop.core.audit import AuditEntry
from raptor_desktop.core.dates import plural
from raptor_desktop.core.tabular import write_rows_csv
from raptor_desktop.services.disclosure import Recipient, record_consultation, record_disclosure
from raptor_desktop.services.session import Session
from raptor_desktop.store.accounts import unlock_key
from raptor_desktop.store.audit import AuditFilter, as_dict, entries
from raptor_desktop.store.database import Store
from raptor_desktop.store.integrity import IntegrityReport, verify

__all__ = [
    "AUDIT_COLUMNS",
    "AuditEntry",
    "AuditFilter",
    "IntegrityReport",
    "as_dict",
    "check_register",
    "export_log",
    "read_log",
    "verify",
    "verify_register",
]

AUDIT_COLUMNS = ("id", "at", "user", "category", "event", "records", "justification", "recipient")


def read_log(store: Store, flt: AuditFilter | None = None) -> list[AuditEntry]:
    """The entries ``flt`` selects (administrators); reading the log is itself logged."""
    found = entries(store, flt)
    record_consultation(store, "read audit log", plural(len(found), "entry", "entries"))
    return found


def export_log(store: Store, flt: AuditFilter | None, target: Path, to: Recipient) -> int:
    """Write the entries ``flt`` selects to a CSV file, then log the disclosure; how many."""
    checked = to.checked()
    found = entries(store, flt)
    write_rows_csv(target, AUDIT_COLUMNS, ([getattr(e, c) for c in AUDIT_COLUMNS] for e in found))
    record_disclosure(
        store, "export audit log", f"{plural(len(found), 'entry', 'entries')} -> {target}", checked
    )
    return len(found)


def check_register(session: Session) -> IntegrityReport:
    """SQLite's own checks and the audit chain, on a connection of its own (for a worker)."""
    with session.connect() as store:
        return verify(store)


def verify_register(path: Path, username: str, password: str) -> IntegrityReport:
    """Check the register at ``path`` with a read-only connection, so that nothing is written
    to it (no sign-in entry, no new note of the log's head) before the check has been made;
    it works on read-only media too. The password only unwraps the key (a wrong one counts
    towards the lock-out, where the key file can be written)."""
    key = unlock_key(path, username, password)
    with Store.open_read_only(path, key=key) as store:
        return verify(store)
