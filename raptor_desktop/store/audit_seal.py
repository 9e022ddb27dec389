"""Sealing an older register's log: its unkeyed SHA-256 chain re-made under the register key.

Registers before v11 chained their log with plain SHA-256, which anyone able to write the file
could recompute. When such a register is sealed, its chain is checked as it was, then every
entry gets its keyed MACs (see ``core.audit``), and a last entry says how the old chain stood,
so a break found then stays on record instead of being covered by the new MACs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import sqlite_utils

from raptor_desktop.core.audit import GENESIS, AuditEntry, Category, chain_mac, legacy_first_break
from raptor_desktop.store import audit, crypto
from raptor_desktop.store.engine import Connection

UPDATE_GUARD = """
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    NEW.pseudonymised = 1 AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.user = OLD.user
    AND NEW.category = OLD.category AND NEW.event = OLD.event
    AND NEW.prev_hash = OLD.prev_hash AND NEW.content_hash = OLD.content_hash
    AND NEW.hash = OLD.hash
)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END
"""
"""The log stays append-only; the one change allowed is a disposal's pseudonymisation of an
entry's words, which leaves its place in the chain and its MACs as they were."""


def seal_log(conn: Connection, key: bytes) -> None:
    log_key = crypto.log_key(key)
    columns = "id, at, user, category, event, records, justification, recipient, prev_hash"
    rows = conn.execute(f"SELECT {columns}, hash FROM audit_log ORDER BY id").fetchall()
    before = legacy_first_break([(AuditEntry(*row[:9]), row[9]) for row in rows])
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    previous = GENESIS
    for row in rows:
        entry = replace(AuditEntry(*row[:9]), prev_hash=previous)
        content = entry.content_mac(log_key)
        previous = chain_mac(log_key, entry.id, previous, content)
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, content_hash = ?, hash = ? WHERE id = ?",
            [entry.prev_hash, content, previous, entry.id],
        )
    conn.execute(UPDATE_GUARD)
    if rows:
        state = f"it broke at {before}" if before else "it was sound"
        audit.append(
            sqlite_utils.Database(conn),
            log_key,
            at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            user="Raptor Desktop",
            category=Category.ALTERATION,
            event="seal log",
            records=f"entries 1 to {len(rows)} re-chained under the register key; before "
            f"that, the log's unkeyed chain was checked: {state}",
        )
