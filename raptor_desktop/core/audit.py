"""The data-protection log (Data Protection Act 2018, section 62), as plain rules.

Every collection, alteration, consultation, disclosure (including transfer), combination and
erasure is logged with the UTC time, the user, the records, and where the law asks for one the
justification and, for a disclosure, who received it. The log is append-only and tamper-evident:
each entry carries a SHA-256 over its content and the previous entry's hash, so an entry that
is altered, removed or inserted breaks the chain at that point.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from enum import StrEnum

GENESIS = "0" * 64


class Category(StrEnum):
    COLLECTION = "collection"
    ALTERATION = "alteration"
    CONSULTATION = "consultation"
    DISCLOSURE = "disclosure"
    COMBINATION = "combination"
    ERASURE = "erasure"


EVENT_CATEGORY: dict[str, Category] = {
    "create database": Category.COLLECTION,
    "add number": Category.COLLECTION,
    "add device": Category.COLLECTION,
    "add evidence": Category.COLLECTION,
    "add exhibit": Category.COLLECTION,
    "create application": Category.COLLECTION,
    "seed demo scenario": Category.COLLECTION,
    "import lines": Category.COMBINATION,
    "import contacts": Category.COMBINATION,
    "add contact": Category.COLLECTION,
    "draft outreach batch": Category.COMBINATION,
    "hand over outreach batch": Category.DISCLOSURE,
    "hearing pack (saved as PDF)": Category.DISCLOSURE,
    "supplementary bundle (saved as PDF)": Category.DISCLOSURE,
    "erase record": Category.ERASURE,
}
"""Events that are not alterations; every other write is an alteration."""


def category_of(event: str) -> Category:
    return EVENT_CATEGORY.get(event, Category.ALTERATION)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    user: str
    category: str
    event: str
    records: str
    justification: str
    recipient: str
    prev_hash: str

    def digest(self) -> str:
        """SHA-256 of the entry's content, its position and the previous entry's hash."""
        canonical = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    problem: str

    def __str__(self) -> str:
        return f"audit entry {self.entry_id}: {self.problem}"


def first_break(entries: list[tuple[AuditEntry, str]]) -> ChainBreak | None:
    """Walk ``(entry, stored hash)`` pairs in id order; name the first entry that is wrong."""
    previous_hash, previous_id = GENESIS, 0
    for entry, stored in entries:
        if entry.id != previous_id + 1:
            return ChainBreak(
                entry.id,
                f"entries {previous_id + 1} to {entry.id - 1} were removed"
                if entry.id > previous_id + 1
                else "entry ids are out of order",
            )
        if entry.prev_hash != previous_hash:
            return ChainBreak(
                entry.id,
                "does not follow the entry before it (an entry was "
                "inserted, removed or altered before it)",
            )
        if entry.digest() != stored:
            return ChainBreak(entry.id, "its content was altered after it was written")
        previous_hash, previous_id = stored, entry.id
    return None
