"""``raptor verify``: SQLCipher's and SQLite's own checks and the audit chain, in one report."""

from __future__ import annotations

from dataclasses import dataclass, field

from raptor_desktop.store import bulk_writes, engine
from raptor_desktop.store.audit import check_chain
from raptor_desktop.store.audit_anchor import check_anchor
from raptor_desktop.store.backup_contents import reshaped
from raptor_desktop.store.database import Store
from raptor_desktop.store.exchange_conflicts import received_entry_problems


@dataclass
class IntegrityReport:
    problems: list[str] = field(default_factory=list)
    entries: int = 0

    @property
    def sound(self) -> bool:
        return not self.problems


def verify(store: Store) -> IntegrityReport:
    report = IntegrityReport()
    try:
        _verify(store, report)
    except engine.Error as error:  # a page that fails its HMAC cannot even be read
        report.problems.append(
            f"the database is damaged or was changed outside Raptor Desktop ({error}); "
            "restore the latest backup"
        )
    return report


def _verify(store: Store, report: IntegrityReport) -> None:
    # every page's HMAC (a page changed without the key), then SQLite's structure
    for (problem,) in store.db.execute("PRAGMA cipher_integrity_check").fetchall()[:20]:
        report.problems.append(f"encrypted page check: {problem}")
    results = [r[0] for r in store.db.execute("PRAGMA integrity_check")]
    if results != ["ok"]:
        report.problems += [f"integrity check: {r}" for r in results[:20]]
    for table, rowid, parent, _ in store.db.execute("PRAGMA foreign_key_check").fetchall()[:20]:
        report.problems.append(f"foreign key: {table} row {rowid} refers to a missing {parent}")
    chain_break = check_chain(store.db, store.log_key) or check_anchor(store)
    if chain_break is not None:
        report.problems.append(str(chain_break))
    report.problems += [
        f"the schema is not the program's ({difference}): it was changed outside Raptor Desktop"
        for difference in reshaped(store)[:20]
    ]
    report.problems += received_entry_problems(store.db)[:20]
    for table in bulk_writes.named_tables(store.db):
        report.problems.append(
            f"{table} is named in bulk_writes, so its new rows are neither indexed for "
            "search nor given global ids; the file was changed outside Raptor Desktop"
        )
    report.entries = store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
