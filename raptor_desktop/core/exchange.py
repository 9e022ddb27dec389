"""Exchanging records between workstations: versions, merging, and identities read aloud.

Each travelling record is a set of named fields. Every field carries a *version vector*: for
each workstation, the count of its own changes that the field's value has seen. A field whose
vector is at least the other's in every place has seen everything the other has, so it wins;
when neither vector covers the other, the two workstations changed the field without knowing
of each other's change: a conflict, never settled by overwriting (unless both wrote the same
value, or, for a number's status, the status rules say which change follows the other).

Plain Python: what is stored and how it travels is in ``store.exchange``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from raptor_desktop.core.statuses import Status, allowed_next

Vector = Mapping[str, int]
"""A workstation's id (its public key, hex) → how many of its changes the value has seen."""


def covers(a: Vector, b: Vector) -> bool:
    """Whether ``a`` has seen every change ``b`` has."""
    return all(a.get(station, 0) >= count for station, count in b.items())


def merged(a: Vector, b: Vector) -> dict[str, int]:
    """The least vector that covers both."""
    return {s: max(a.get(s, 0), b.get(s, 0)) for s in sorted({*a, *b})}


@dataclass(frozen=True)
class FieldState:
    """A field's value, its version vector, and who last changed it and when (UTC)."""

    value: object
    vector: Mapping[str, int] = field(default_factory=dict)
    by: str = ""
    at: str = ""

    def as_json(self) -> list[object]:
        return [self.value, dict(self.vector), self.by, self.at]

    @classmethod
    def from_json(cls, data: list[object]) -> FieldState:
        value, vector, by, at = data
        if not isinstance(vector, dict) or not all(type(n) is int for n in vector.values()):
            raise ValueError("a field's version is not a vector")
        return cls(value, vector, str(by), str(at))


class Outcome(Enum):
    KEEP = "keep"  # what this register has already covers what arrived
    TAKE = "take"  # what arrived covers what this register has
    SAME = "same"  # changed on both sides to the same value: the versions join
    CONFLICT = "conflict"  # changed on both sides, differently


def merge_field(local: FieldState | None, remote: FieldState) -> Outcome:
    """How an arriving version of a field meets this register's. One vector with two values
    is two settlements of the same concurrent changes (made in different orders on two
    registers), not one version: compared again, as concurrent changes are."""
    if local is None or covers(remote.vector, local.vector) and remote.vector != local.vector:
        return Outcome.TAKE
    if covers(local.vector, remote.vector) and (
        local.vector != remote.vector or local.value == remote.value
    ):
        return Outcome.KEEP
    return Outcome.SAME if local.value == remote.value else Outcome.CONFLICT


def later_status(a: FieldState, b: FieldState) -> FieldState | None:
    """Of two statuses set without knowledge of each other, the one that wins by the status
    rules: the later change, when it is a move allowed from the earlier state; else None
    (a conflict for an officer). The same answer whichever register asks."""
    first, second = sorted((a, b), key=lambda s: (s.at, str(s.value)))
    try:
        earlier, later = Status(str(first.value)), Status(str(second.value))
    except ValueError:
        return None
    return second if later in allowed_next(earlier) else None


def station_id(public_key: bytes) -> str:
    """A workstation's name in version vectors: short, and the same wherever it is seen."""
    return hashlib.blake2b(public_key, digest_size=8, person=b"raptor-station").hexdigest()


def fingerprint(public_key: bytes) -> str:
    """Five groups of five digits, the same on both workstations, to compare aloud."""
    digest = hashlib.blake2b(public_key, digest_size=25, person=b"raptor-identity").digest()
    groups = (int.from_bytes(digest[i : i + 5], "big") % 100_000 for i in range(0, 25, 5))
    return " ".join(f"{group:05d}" for group in groups)


def same_fingerprint(typed: str, public_key: bytes) -> bool:
    """Whether what an administrator typed (spaces and dashes as they like) is the key's."""
    digits = "".join(ch for ch in typed if ch.isdigit())
    return digits == fingerprint(public_key).replace(" ", "")
