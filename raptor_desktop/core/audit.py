"""The data-protection log (Data Protection Act 2018, section 62), as plain rules.

Every collection, alteration, consultation, disclosure (including transfer), combination and
erasure is logged with the UTC time, the user, the records, and where the law asks for one the
justification and, for a disclosure, who received it. The log is append-only and tamper-evident:
each entry carries a MAC of its content (``content_hash``) and a MAC of its id, the previous
entry's hash and that content MAC (``hash``), both keyed with the register's log key. An entry
altered, removed or inserted breaks the chain at that point, and without the key nobody can
recompute the chain after editing it. Keeping the content's MAC apart from the chain lets a
MoPI disposal replace personal data in old entries by pseudonyms: the chain still verifies,
and the entry says it was pseudonymised.
"""

from __future__ import annotations

import hashlib
import hmac
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
    "case summary (exported)": Category.DISCLOSURE,
    "erase record": Category.ERASURE,
    "delete draft application": Category.ERASURE,
    "export case package": Category.DISCLOSURE,
    "import case package": Category.COMBINATION,
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

    def legacy_digest(self) -> str:
        """The unkeyed SHA-256 that registers before v11 chained (checked once, when sealed)."""
        canonical = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def content_mac(self, key: bytes) -> str:
        """The MAC of what the entry says (not where it sits in the chain)."""
        content = asdict(self)
        del content["id"], content["prev_hash"]
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return _mac(key, b"content\0" + canonical.encode("utf-8"))


def chain_mac(key: bytes, entry_id: int, prev_hash: str, content_hash: str) -> str:
    """The MAC that links an entry to the one before it."""
    return _mac(key, f"chain\0{entry_id}\0{prev_hash}\0{content_hash}".encode("ascii"))


def _mac(key: bytes, data: bytes) -> str:
    return hashlib.blake2b(data, key=key, digest_size=32).hexdigest()


@dataclass(frozen=True)
class StoredEntry:
    """An entry as the log holds it: what it says, and the MACs stored with it."""

    entry: AuditEntry
    content_hash: str
    hash: str
    pseudonymised: bool = False


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    problem: str

    def __str__(self) -> str:
        return f"audit entry {self.entry_id}: {self.problem}"


def first_break(entries: list[StoredEntry], key: bytes) -> ChainBreak | None:
    """Walk the stored entries in id order; name the first entry that is wrong.

    A pseudonymised entry's content no longer matches its content MAC, by design: its place
    in the chain is still checked.
    """
    previous_hash, previous_id = GENESIS, 0
    for stored in entries:
        entry = stored.entry
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
        if not hmac.compare_digest(
            chain_mac(key, entry.id, entry.prev_hash, stored.content_hash), stored.hash
        ):
            return ChainBreak(entry.id, "its MAC is wrong: it was altered or forged")
        if not stored.pseudonymised and not hmac.compare_digest(
            entry.content_mac(key), stored.content_hash
        ):
            return ChainBreak(entry.id, "its content was altered after it was written")
        previous_hash, previous_id = stored.hash, entry.id
    return None


def legacy_first_break(entries: list[tuple[AuditEntry, str]]) -> ChainBreak | None:
    """The first break in an unkeyed (pre-v11) chain of ``(entry, stored hash)`` pairs."""
    previous_hash, previous_id = GENESIS, 0
    for entry, stored in entries:
        if entry.id != previous_id + 1 or entry.prev_hash != previous_hash:
            return ChainBreak(entry.id, "does not follow the entry before it")
        if entry.legacy_digest() != stored:
            return ChainBreak(entry.id, "its content was altered after it was written")
        previous_hash, previous_id = stored, entry.id
    return None
