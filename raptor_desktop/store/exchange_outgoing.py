"""What goes out in a case package: the records changed since the last package to a peer, or
those of a scope (an application, a line), with their versions, their files and the log
entries of the changes; and, once the file is written, the peer's marks moved on."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlite_utils

from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.exchange_aliases import aliases_of
from raptor_desktop.store.exchange_records import KINDS
from raptor_desktop.store.exchange_versions import version_changes
from raptor_desktop.store.exhibits import stored_file
from raptor_desktop.store.peers import Peer


@dataclass
class Outgoing:
    records: list[tuple[str, str, str]] = field(default_factory=list)  # kind, gid, fields (JSON)
    erased: list[list[str]] = field(default_factory=list)  # [kind, gid]
    aliases: list[list[str]] = field(default_factory=list)  # [kind, alias, gid] of the records
    log: list[dict[str, object]] = field(default_factory=list)
    journal_head: int = 0
    log_head: int = 0


def outgoing_since(store: Store, peer: Peer) -> Outgoing:
    """Everything changed here since the last package to ``peer``, and the log entries of the
    changes (consultations stay behind: they change nothing)."""
    with store.immediate():  # versioned and read at one moment
        db = store.db
        version_changes(db)
        sent_changed, sent_log = db.execute(
            "SELECT sent_changed, sent_log FROM peers WHERE id = ?", [peer.id]
        ).fetchone()
        out = _records(db, "r.changed > ?", [sent_changed])
        out.erased = [
            [str(k), str(g)]
            for k, g in db.execute(
                "SELECT kind, gid FROM erased_records WHERE changed > ? ORDER BY changed",
                [sent_changed],
            )
        ]
        out.log = _log_entries(db, "id > ? AND category <> 'consultation'", [sent_log])
    return out


def outgoing_everything(store: Store) -> Outgoing:
    """Every travelling record, every erasure and the log entries of every change: a package
    that replaces all the ones before it (one was lost)."""
    with store.immediate():
        db = store.db
        version_changes(db)
        out = _records(db, "1", [])
        out.erased = [
            [str(k), str(g)]
            for k, g in db.execute("SELECT kind, gid FROM erased_records ORDER BY changed")
        ]
        out.log = _log_entries(db, "category <> 'consultation'", [])
    return out


SCOPE_OF_LINES = """
    (r.kind = 'line' AND r.local_id IN ({lines}))
    OR (r.kind = 'closure' AND r.local_id IN ({lines}))
    OR (r.kind = 'number' AND r.local_id IN (SELECT id FROM numbers WHERE line_id IN ({lines})))
    OR (r.kind = 'evidence' AND r.local_id IN (SELECT id FROM evidence WHERE line_id IN ({lines})))
    OR (r.kind IN ('status_change', 'device', 'check_back') AND r.local_id IN (
        SELECT c.id FROM status_changes c JOIN numbers n ON n.id = c.number_id
        WHERE r.kind = 'status_change' AND n.line_id IN ({lines})
        UNION ALL SELECT d.id FROM devices d JOIN numbers n ON n.id = d.number_id
        WHERE r.kind = 'device' AND n.line_id IN ({lines})
        UNION ALL SELECT k.id FROM check_backs k JOIN numbers n ON n.id = k.number_id
        WHERE r.kind = 'check_back' AND n.line_id IN ({lines})))
"""
"""The records of some lines: the lines, their closures, numbers, evidence, status histories,
devices and check-backs; ``{lines}`` is a query of the lines' ids (named parameters only)."""


def outgoing_application(store: Store, application: int) -> Outgoing:
    """An application with its exhibits and orders, its numbers, their lines (with all that
    belongs to them) and the log entries that name it, whatever was sent before."""
    lines = (
        "SELECT n.line_id FROM application_numbers x JOIN numbers n ON n.id = x.number_id "
        "WHERE x.application_id = :application"
    )
    where = (
        "(r.kind = 'application' AND r.local_id = :application) OR (r.kind = 'exhibit' AND "
        "r.local_id IN (SELECT id FROM exhibits WHERE application_id = :application)) OR "
        "(r.kind = 'order' AND r.local_id IN (SELECT id FROM orders "
        "WHERE application_id = :application)) OR " + SCOPE_OF_LINES.format(lines=lines)
    )
    with store.immediate():
        version_changes(store.db)
        out = _records(store.db, where, {"application": application})
        reference = store.db.execute(
            "SELECT reference FROM applications WHERE id = ?", [application]
        ).fetchone()[0]
        out.log = _log_entries(
            store.db,
            "category <> 'consultation' AND (records LIKE ? OR event LIKE ?)",
            [f"%{reference}%", f"%{reference}%"],
        )
    return out


def outgoing_line(store: Store, brand: str) -> Outgoing:
    """A line by its brand, with all that belongs to it."""
    found = [
        r[0]
        for r in store.db.execute(
            "SELECT id FROM lines WHERE brand = ? COLLATE NOCASE AND brand <> ''", [brand.strip()]
        )
    ]
    if not found:
        raise RecordNotFound(f"there is no line with the brand {brand.strip()!r}")
    where = SCOPE_OF_LINES.format(lines="SELECT value FROM json_each(:lines)")
    with store.immediate():
        version_changes(store.db)
        out = _records(store.db, where, {"lines": json.dumps(found)})
    return out


def _records(
    db: sqlite_utils.Database, where: str, params: Sequence[object] | dict[str, object]
) -> Outgoing:
    out = Outgoing()
    order = {name: n for n, name in enumerate(KINDS)}
    rows = db.execute(
        "SELECT r.kind, r.gid, v.fields FROM record_ids r JOIN record_versions v ON v.gid = r.gid "
        f"WHERE {where} ORDER BY r.changed",
        params,
    ).fetchall()
    out.records = [(k, g, f) for k, g, f in sorted(rows, key=lambda r: order[r[0]])]
    out.aliases = aliases_of(db, where, params)
    out.journal_head = int(db.execute("SELECT n FROM exchange_clock").fetchone()[0])
    out.log_head = int(db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0])
    return out


def attachments_of(store: Store, out: Outgoing) -> list[tuple[str, str, bytes]]:
    """The files the exhibits going out have attached: name, SHA-256 and content (checked)."""
    found: dict[str, tuple[str, str, bytes]] = {}
    for kind, _gid, text in out.records:
        if kind != "exhibit":
            continue
        fields = json.loads(text)
        name, digest = str(fields["file_name"][0]), str(fields["file_sha256"][0])
        if digest and digest not in found:
            found[digest] = (name, digest, stored_file(store, name, digest))
    return list(found.values())


LOG_FIELDS = ("id", "at", "user", "category", "event", "records", "justification", "recipient")


def _log_entries(
    db: sqlite_utils.Database, where: str, params: list[object]
) -> list[dict[str, object]]:
    return [
        dict(zip(LOG_FIELDS, row, strict=True))
        for row in db.execute(
            f"SELECT {', '.join(LOG_FIELDS)} FROM audit_log WHERE {where} ORDER BY id", params
        )
    ]


def mark_sent(
    store: Store,
    peer: Peer,
    seq: int,
    out: Outgoing,
    *,
    since_last: bool,
    records: str,
    justification: str,
) -> None:
    """The package numbered ``seq`` was written for ``peer``: a disclosure, logged with its
    recipient and justification; one of everything since the last moves the peer's marks on."""
    with store.transaction(
        "export case package", records, justification=justification, recipient=peer.name
    ) as db:
        db.execute("UPDATE peers SET sent_seq = ? WHERE id = ?", [seq, peer.id])
        if since_last:
            db.execute(
                "UPDATE peers SET sent_changed = ?, sent_log = ? WHERE id = ?",
                [out.journal_head, out.log_head, peer.id],
            )
