"""The tables and triggers behind exchanging case packages between workstations (schema v16).

Every record that travels has a global id beside its local integer id, in ``record_ids``:
a UUIDv7 (time-ordered, random in its last 74 bits), made by SQLite in the trigger that sees
the record inserted, so every write path gives one, an import's as well as an officer's. The
same triggers keep the change journal: each insert, update or deletion of a travelling record,
or of a row it owns (a line's areas and drugs, an application's numbers), stamps the record
with the next value of one counter (``exchange_clock``) and the newest log entry before the
change, in the same transaction as the change. A deleted record's global id moves to
``erased_records``, kept for good, so that no package can bring it back; its snapshot and
any conflict about it go with it (they hold its personal data).

Why a journal written by triggers, and not SQLite's session extension: the session extension
does work on the encrypted register (checked with the SQLite3 Multiple Ciphers build of apsw,
which reads SQLCipher's format), but it records only the changes made through the connection
it is attached to, so every write of the program, through sqlite-utils on sqlcipher3, would
have to move to apsw; and a changeset names rows by their primary key, which here is a local
integer that means another record on every workstation, so each change would have to be
rewritten to global ids going out and back again coming in. The triggers see every write on
any connection, in its own transaction, and name records by global id from the start.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Travelling:
    kind: str
    table: str
    key: str = "id"  # the row's local id (a Type 1 closure's is its line's)


@dataclass(frozen=True)
class Owned:
    """Rows that belong to a travelling record: a change to them is a change to it."""

    table: str
    kind: str
    column: str  # the owning record's local id


TRAVELLING = (
    Travelling("line", "lines"),
    Travelling("number", "numbers"),
    Travelling("status_change", "status_changes"),
    Travelling("evidence", "evidence"),
    Travelling("application", "applications"),
    Travelling("exhibit", "exhibits"),
    Travelling("device", "devices"),
    Travelling("order", "orders"),
    Travelling("check_back", "check_backs"),
    Travelling("closure", "line_closures", key="line_id"),
)
OWNED = (
    Owned("line_areas", "line", "line_id"),
    Owned("line_drugs", "line", "line_id"),
    Owned("application_numbers", "application", "application_id"),
    Owned("exhibit_numbers", "exhibit", "exhibit_id"),
)

_MS = "printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"
UUID7 = (
    f"substr({_MS}, 1, 8) || '-' || substr({_MS}, 9, 4) || '-7' || "
    "substr(lower(hex(randomblob(2))), 1, 3) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 1, 3) || "
    "'-' || lower(hex(randomblob(6)))"
)
"""A UUIDv7 made by SQLite: 48 bits of Unix time in milliseconds, version 7, the variant,
and random bits; an expression without a subquery, so that it is made again for each row."""

TICK = "UPDATE exchange_clock SET n = n + 1;"
NOW_CHANGED = "(SELECT n FROM exchange_clock)"
LOG_HEAD = "(SELECT COALESCE(MAX(id), 0) FROM audit_log)"

TABLES = """
CREATE TABLE IF NOT EXISTS exchange_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL
);
INSERT OR IGNORE INTO exchange_clock (id, n) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS record_ids (
    kind TEXT NOT NULL,
    local_id INTEGER NOT NULL,
    gid TEXT NOT NULL UNIQUE,
    changed INTEGER NOT NULL,
    log_after INTEGER NOT NULL,
    PRIMARY KEY (kind, local_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS record_ids_changed ON record_ids(changed);
CREATE TABLE IF NOT EXISTS erased_records (
    gid TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    changed INTEGER NOT NULL,
    erased_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS erased_records_changed ON erased_records(changed);
CREATE TABLE IF NOT EXISTS gid_aliases (
    alias TEXT PRIMARY KEY,
    gid TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS record_versions (
    gid TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    fields TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS workstation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    public_key BLOB NOT NULL,
    sealed_private_key BLOB NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    versioned_to INTEGER NOT NULL DEFAULT -1,
    version_clock INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS peers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    public_key BLOB NOT NULL UNIQUE,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    sent_seq INTEGER NOT NULL DEFAULT 0,
    sent_changed INTEGER NOT NULL DEFAULT -1,
    sent_log INTEGER NOT NULL DEFAULT 0,
    received_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS received_packages (
    peer_id INTEGER NOT NULL REFERENCES peers(id),
    seq INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    applied_by TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (peer_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS received_log_entries (
    id INTEGER PRIMARY KEY,
    peer_id INTEGER NOT NULL REFERENCES peers(id),
    package_seq INTEGER NOT NULL,
    entry TEXT NOT NULL,
    signature BLOB NOT NULL,
    pseudonymised INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS exchange_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never a settled conflict's number again
    gid TEXT NOT NULL,
    kind TEXT NOT NULL,
    field TEXT NOT NULL,
    local TEXT NOT NULL,
    remote TEXT NOT NULL,
    peer TEXT NOT NULL,
    found_at TEXT NOT NULL,
    UNIQUE (gid, field)
);
"""


def travelling_for(table: str) -> Travelling | None:
    """The travelling kind of ``table``'s rows, if they travel."""
    return next((item for item in TRAVELLING if item.table == table), None)


def insert_trigger_sql(item: Travelling, when: str = "") -> str:
    """The trigger that gives a new record its global id and journal stamp (``when``:
    unless that holds)."""
    guard = f" WHEN {when}" if when else ""
    return f"""
CREATE TRIGGER IF NOT EXISTS exchange_{item.table}_insert AFTER INSERT ON {item.table}{guard} BEGIN
    {TICK}
    INSERT INTO record_ids (kind, local_id, gid, changed, log_after)
    VALUES ('{item.kind}', NEW.{item.key}, {UUID7}, {NOW_CHANGED}, {LOG_HEAD});
END;"""


def identified_rows_sql(item: Travelling, where: str) -> tuple[str, str]:
    """Global ids and one journal stamp for ``item``'s records that ``where`` picks (two
    statements), as its insert trigger would give them to each."""
    return TICK, (
        "INSERT INTO record_ids (kind, local_id, gid, changed, log_after) "
        f"SELECT '{item.kind}', {item.key}, {UUID7}, {NOW_CHANGED}, {LOG_HEAD} "
        f"FROM {item.table} WHERE {where}"
    )


def given_ids_sql(item: Travelling) -> tuple[str, str]:
    """The same, for records that came with their global ids: the second statement takes
    each record's local id and global id."""
    return TICK, (
        "INSERT INTO record_ids (kind, local_id, gid, changed, log_after) "
        f"VALUES ('{item.kind}', ?, ?, {NOW_CHANGED}, {LOG_HEAD})"
    )


def _travelling_sql(item: Travelling) -> str:
    kind, table, key = item.kind, item.table, item.key
    mine = f"kind = '{kind}' AND local_id = OLD.{key}"
    return f"""{insert_trigger_sql(item)}
CREATE TRIGGER IF NOT EXISTS exchange_{table}_update AFTER UPDATE ON {table} BEGIN
    {TICK}
    UPDATE record_ids SET changed = {NOW_CHANGED}, log_after = {LOG_HEAD}
    WHERE kind = '{kind}' AND local_id = NEW.{key};
END;
CREATE TRIGGER IF NOT EXISTS exchange_{table}_delete AFTER DELETE ON {table} BEGIN
    {TICK}
    INSERT OR IGNORE INTO erased_records (gid, kind, changed, erased_at)
    SELECT gid, kind, {NOW_CHANGED}, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM record_ids WHERE {mine};
    DELETE FROM record_versions WHERE gid IN (SELECT gid FROM record_ids WHERE {mine});
    DELETE FROM exchange_conflicts WHERE gid IN (SELECT gid FROM record_ids WHERE {mine});
    DELETE FROM record_ids WHERE {mine};
END;
INSERT OR IGNORE INTO record_ids (kind, local_id, gid, changed, log_after)
SELECT '{kind}', {key}, {UUID7}, 0, 0 FROM {table};
"""


def _owned_sql(item: Owned) -> str:
    def touch(row: str) -> str:
        return (
            f"{TICK} UPDATE record_ids SET changed = {NOW_CHANGED}, log_after = {LOG_HEAD} "
            f"WHERE kind = '{item.kind}' AND local_id = {row}.{item.column};"
        )

    name = f"exchange_{item.table}"
    return f"""
CREATE TRIGGER IF NOT EXISTS {name}_insert AFTER INSERT ON {item.table} BEGIN {touch("NEW")} END;
CREATE TRIGGER IF NOT EXISTS {name}_update AFTER UPDATE ON {item.table} BEGIN {touch("NEW")} END;
CREATE TRIGGER IF NOT EXISTS {name}_delete AFTER DELETE ON {item.table} BEGIN {touch("OLD")} END;
"""


def exchange_sql() -> str:
    """Schema v16: the exchange's tables, the journal's triggers, and global ids for the
    records already held (journal stamp 0: none has been sent anywhere yet)."""
    return "\n".join(
        [TABLES, *(_travelling_sql(t) for t in TRAVELLING), *(_owned_sql(o) for o in OWNED)]
    )
