"""The hearing-bundle files saved from the register: what each held, and its SHA-256.

A saved bundle is a disclosure; it is recorded in the same transaction as its log entry, so
the register knows every file that went out and can tell a served bundle, byte for byte,
from one changed since (a supplementary bundle is built only onto a file it knows).
"""

from __future__ import annotations

from dataclasses import dataclass

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.database import Store, insert_row, utc_now

SAVED_EVENT = "hearing pack (saved as PDF)"
SUPPLEMENT_EVENT = "supplementary bundle (saved as PDF)"


@dataclass(frozen=True)
class SavedPack:
    file_name: str
    sha256: str
    size: int
    pages: int
    bundle: str | None
    exhibits: tuple[str, ...]
    draft: bool = False
    supplements_id: int | None = None
    id: int = 0
    saved_at: str = ""


def record_saved_packs(
    store: Store,
    reference: str,
    saved: list[SavedPack],
    records: str,
    *,
    recipient: str,
    justification: str,
) -> None:
    """Record the files just written, with the disclosure's log entry, in one transaction."""
    event = SUPPLEMENT_EVENT if any(p.supplements_id for p in saved) else SAVED_EVENT
    with store.transaction(event, records, justification=justification, recipient=recipient) as db:
        app_id = application_id(store, reference)
        for pack in saved:
            insert_row(
                db,
                "saved_packs",
                {
                    "application_id": app_id,
                    "file_name": pack.file_name,
                    "sha256": pack.sha256,
                    "size": pack.size,
                    "pages": pack.pages,
                    "bundle": pack.bundle,
                    "exhibits": ",".join(pack.exhibits),
                    "draft": 1 if pack.draft else 0,
                    "supplements_id": pack.supplements_id,
                    "saved_at": utc_now(),
                    "saved_by": store.actor,
                },
            )


_COLUMNS = (
    "SELECT p.file_name, p.sha256, p.size, p.pages, p.bundle, p.exhibits, p.draft, "
    "p.supplements_id, p.id, p.saved_at FROM saved_packs p "
    "JOIN applications a ON a.id = p.application_id "
)


def _pack(row: tuple[object, ...]) -> SavedPack:
    return SavedPack(
        str(row[0]),
        str(row[1]),
        int(str(row[2])),
        int(str(row[3])),
        None if row[4] is None else str(row[4]),
        tuple(m for m in str(row[5]).split(",") if m),
        bool(row[6]),
        None if row[7] is None else int(str(row[7])),
        int(str(row[8])),
        str(row[9]),
    )


def saved_pack(store: Store, reference: str, sha256: str) -> SavedPack:
    """The bundle of ``reference`` saved with this SHA-256; refused if there is none."""
    row = store.db.execute(
        f"{_COLUMNS}WHERE a.reference = ? AND p.sha256 = ? ORDER BY p.id DESC LIMIT 1",
        [reference.strip(), sha256],
    ).fetchone()
    if row is None:
        raise InputRejected(
            f"this file is not a bundle of {reference.strip()} saved from this register, or it "
            "has been changed since it was saved (its SHA-256 matches no saved bundle)"
        )
    return _pack(row)


def latest_served(store: Store, reference: str) -> SavedPack | None:
    """The bundle of ``reference`` saved for service last (a supplement, if one was saved
    after the bundle first served), or None before one is."""
    row = store.db.execute(
        f"{_COLUMNS}WHERE a.reference = ? AND p.draft = 0 ORDER BY p.id DESC LIMIT 1",
        [reference.strip()],
    ).fetchone()
    return None if row is None else _pack(row)


def served_exhibits(store: Store, reference: str) -> frozenset[str] | None:
    """The exhibit marks of the bundle served for ``reference`` (every bundle saved for
    service that is not a supplement), or None before one is served. A reprint keeps to
    them: the statement and order served are not rewritten."""
    rows = store.db.execute(
        "SELECT p.exhibits FROM saved_packs p JOIN applications a ON a.id = p.application_id "
        "WHERE a.reference = ? AND p.draft = 0 AND p.supplements_id IS NULL",
        [reference.strip()],
    ).fetchall()
    if not rows:
        return None
    return frozenset(m for (marks,) in rows for m in str(marks).split(",") if m)


def supplements_before(store: Store, pack: SavedPack) -> int:
    """How many supplements ``pack`` already carries (0 for the bundle first served): each
    brought a further statement, so the next is numbered after them."""
    row = store.db.execute(
        "WITH RECURSIVE chain(id, up) AS (SELECT id, supplements_id FROM saved_packs "
        "WHERE id = ? UNION ALL SELECT p.id, p.supplements_id FROM saved_packs p "
        "JOIN chain c ON p.id = c.up) SELECT COUNT(*) - 1 FROM chain",
        [pack.id],
    ).fetchone()
    return int(row[0])
