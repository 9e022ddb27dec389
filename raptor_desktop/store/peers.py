"""This workstation's identity and its peers: the other workstations case packages go to and
come from, each known by the Ed25519 public key an administrator added it with."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from raptor_desktop.store import crypto
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import Conflict, RecordNotFound

IDENTITY_CONTEXT = b"raptor workstation identity"


@dataclass(frozen=True)
class Identity:
    name: str
    public_key: bytes


@dataclass(frozen=True)
class Peer:
    id: int
    name: str
    public_key: bytes
    sent_seq: int
    received_seq: int
    added_at: str
    added_by: str


def identity(store: Store) -> Identity | None:
    return identity_in(store.db)


def identity_in(db: sqlite_utils.Database) -> Identity | None:
    """This workstation's identity, read on a connection already in a transaction."""
    row = db.execute("SELECT name, public_key FROM workstation").fetchone()
    return Identity(row[0], bytes(row[1])) if row else None


def save_identity(store: Store, name: str, public_key: bytes, private_key: bytes) -> None:
    """This workstation's identity, made once; the private key sealed under the register's."""
    sealed = crypto.seal(_identity_key(store), private_key, IDENTITY_CONTEXT)
    with store.transaction("set up workstation identity", name) as db:
        if identity_in(db) is not None:
            raise Conflict("this register already has its workstation identity")
        db.execute(
            "INSERT INTO workstation (id, name, public_key, sealed_private_key, created_at, "
            "created_by) VALUES (1, ?, ?, ?, ?, ?)",
            [name, public_key, sealed, utc_now(), store.actor],
        )


def private_key(store: Store) -> bytes:
    row = store.db.execute("SELECT sealed_private_key FROM workstation").fetchone()
    if row is None:
        raise RecordNotFound("this register has no workstation identity yet")
    return crypto.open_sealed(_identity_key(store), bytes(row[0]), IDENTITY_CONTEXT)


def _identity_key(store: Store) -> bytes:
    return crypto.subkey(store.key, "raptor workstation identity")


def _peer(row: tuple[object, ...]) -> Peer:
    pid, name, key, sent, received, at, by = row
    return Peer(_int(pid), str(name), _bytes(key), _int(sent), _int(received), str(at), str(by))


def _int(value: object) -> int:
    return int(str(value))


def _bytes(value: object) -> bytes:
    if not isinstance(value, (bytes, memoryview)):
        raise TypeError(f"expected bytes, not {type(value).__name__}")
    return bytes(value)


PEER_COLUMNS = "id, name, public_key, sent_seq, received_seq, added_at, added_by"


def peers(store: Store) -> list[Peer]:
    return [_peer(r) for r in store.db.execute(f"SELECT {PEER_COLUMNS} FROM peers ORDER BY name")]


def peer_named(store: Store, name: str) -> Peer:
    return _peer_named(store.db, name)


def _peer_named(db: sqlite_utils.Database, name: str) -> Peer:
    row = db.execute(
        f"SELECT {PEER_COLUMNS} FROM peers WHERE name = ? COLLATE NOCASE", [name]
    ).fetchone()
    if row is None:
        known = ", ".join(str(r[0]) for r in db.execute("SELECT name FROM peers")) or "none yet"
        raise RecordNotFound(f"there is no peer named {name!r} (peers: {known})")
    return _peer(row)


def peer_with_key(store: Store, public_key: bytes) -> Peer | None:
    row = store.db.execute(
        f"SELECT {PEER_COLUMNS} FROM peers WHERE public_key = ?", [public_key]
    ).fetchone()
    return _peer(row) if row else None


def add_peer(store: Store, name: str, public_key: bytes) -> None:
    mine = identity(store)
    if mine is not None and mine.public_key == public_key:
        raise Conflict("that identity file is this workstation's own")
    with store.transaction("add peer workstation", name) as db:
        clash = db.execute(
            "SELECT name FROM peers WHERE name = ? COLLATE NOCASE OR public_key = ?",
            [name, public_key],
        ).fetchone()
        if clash:
            raise Conflict(f"the peer {clash[0]!r} already has that name or that key")
        db.execute(
            "INSERT INTO peers (name, public_key, added_at, added_by) VALUES (?, ?, ?, ?)",
            [name, public_key, utc_now(), store.actor],
        )


def applied_on(store: Store, peer: Peer, seq: int) -> str | None:
    """When package ``seq`` from ``peer`` was applied here, if it was."""
    row = store.db.execute(
        "SELECT applied_at FROM received_packages WHERE peer_id = ? AND seq = ?", [peer.id, seq]
    ).fetchone()
    return str(row[0]) if row else None
