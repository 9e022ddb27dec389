"""The register's key, wrapped once per account and once under the recovery key.

The register (an SQLCipher file) is encrypted with a random 256-bit key that is stored
nowhere in the clear. ``<database>.keys`` beside it (a small, unencrypted SQLite file) holds
that key sealed once under each account's password (Argon2id, see ``crypto``) and once under
the recovery key shown when the register was made, for the unit to keep in its safe. Signing
in unwraps the key; a wrong password does not open the seal. Each wrap is bound to the
register's id and the account's name, so it cannot be moved to another account or register.

The same file counts failed sign-ins (the register cannot be opened to count them in it) and
keeps refused attempts until the next sign-in moves them into the register's log. A sign-in's
bookkeeping is one ``BEGIN IMMEDIATE`` transaction here, so concurrent guesses queue and each
is counted. Someone who can write this file can reset the counts; they could equally guess
offline against the wraps, which Argon2id makes slow, so the counts guard the program's own
sign-in screen, and the wraps guard the file.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from raptor_desktop.store import crypto, engine
from raptor_desktop.store.errors import StoreError

RECOVERY = "(recovery)"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS wraps (
    holder TEXT PRIMARY KEY, passes INTEGER NOT NULL, memory INTEGER NOT NULL,
    salt TEXT NOT NULL, sealed TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS failures (
    holder TEXT PRIMARY KEY, count INTEGER NOT NULL DEFAULT 0, locked_until TEXT);
CREATE TABLE IF NOT EXISTS refused (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, name TEXT NOT NULL, why TEXT NOT NULL);
"""


class KeyringProblem(StoreError):
    """The key file is missing, unreadable or not this register's; ``str()`` says which."""


def keyring_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def _context(register: str, holder: str) -> bytes:
    return f"raptor register key\0{register}\0{holder}".encode()


@dataclass(frozen=True)
class Attempt:
    id: int
    at: str
    name: str
    why: str


@dataclass(frozen=True)
class Wrap:
    """One sealed copy of the register key, as stored (and carried in backups)."""

    holder: str
    passes: int
    memory: int
    salt: str
    sealed: str


class Keyring:
    """An open key file."""

    def __init__(self, conn: engine.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, db_path: Path, *, create: bool = False) -> Keyring:
        path = keyring_path(db_path)
        if not create and not path.exists():
            raise KeyringProblem(
                f"{db_path} is not a Raptor Desktop register, or its key file ({path.name}) is "
                "missing",
                "Choose the register's own file; if its key file was lost, put it back from "
                "the register's folder or restore a backup into a new database.",
            )
        try:
            conn = engine.connect(str(path), None, autocommit=True)
            if create:
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    conn.execute(statement)
                path.chmod(0o600)
            conn.execute("SELECT COUNT(*) FROM wraps").fetchone()
        except (engine.Error, OSError) as error:
            raise KeyringProblem(
                f"the register's key file {path} cannot be used: {error}"
            ) from None
        ring = cls(conn, path)
        if not create and not ring.register:
            conn.close()
            raise KeyringProblem(f"{path} is not a Raptor Desktop key file")
        return ring

    @classmethod
    def create(cls, db_path: Path, register: str = "") -> Keyring:
        """A new key file for a new register (or one being sealed), replacing any old one."""
        keyring_path(db_path).unlink(missing_ok=True)
        ring = cls.open(db_path, create=True)
        ring.conn.execute(
            "INSERT INTO meta VALUES ('register', ?)", [register or secrets.token_hex(16)]
        )
        return ring

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Keyring:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def register(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'register'").fetchone()
        return str(row[0]) if row else ""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, holding the file's lock from its first read."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # -- wrapping --------------------------------------------------------------------

    def wrap(self, name: str, password: str, key: bytes) -> None:
        """Seal ``key`` under ``name``'s password (a new salt each time)."""
        self._put(wrap_with_password(name, password, key, self.register))
        self.conn.execute("DELETE FROM failures WHERE holder = ?", [name])

    def put_wraps(self, wraps: list[Wrap]) -> None:
        """Take the wraps a backup carries (a register restored where its key file is lost)."""
        for wrap in wraps:
            self._put(wrap)

    def _put(self, wrap: Wrap) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO wraps VALUES (?, ?, ?, ?, ?)",
            [wrap.holder, wrap.passes, wrap.memory, wrap.salt, wrap.sealed],
        )

    def remove(self, name: str) -> None:
        self.conn.execute("DELETE FROM wraps WHERE holder = ?", [name])

    def holders(self) -> set[str]:
        return {str(r[0]) for r in self.conn.execute("SELECT holder FROM wraps")} - {RECOVERY}

    def wraps(self) -> list[Wrap]:
        return [Wrap(*row) for row in self.conn.execute("SELECT * FROM wraps ORDER BY holder")]

    def unwrap(self, name: str, password: str) -> bytes | None:
        """The register key if ``password`` is ``name``'s; None if not, or no such wrap.

        A name without a wrap costs one key derivation, as a known one does.
        """
        return unwrap_from(self.wraps(), self.register, name, password)

    def set_recovery(self, key: bytes) -> str:
        """Seal ``key`` under a new recovery key, and return that key, to be shown once."""
        secret = secrets.token_bytes(20)
        sealed = crypto.seal(_recovery_kek(secret), key, _context(self.register, RECOVERY))
        self._put(Wrap(RECOVERY, 0, 0, "", sealed.hex()))
        text = base64.b32encode(secret).decode("ascii")
        return "-".join(text[i : i + 4] for i in range(0, len(text), 4))

    def unwrap_recovery(self, text: str) -> bytes | None:
        return recovery_unwrap_from(self.wraps(), self.register, text)

    # -- failed sign-ins -------------------------------------------------------------

    def locked_until(self, name: str, now: datetime) -> datetime | None:
        row = self.conn.execute(
            "SELECT locked_until FROM failures WHERE holder = ?", [name]
        ).fetchone()
        if not row or not row[0]:
            return None
        moment = datetime.fromisoformat(str(row[0]))
        return moment if moment > now else None

    def count_failure(self, name: str, now: datetime, limit: int, minutes: int) -> bool:
        """Count one wrong password for ``name``; True when that locks the account."""
        row = self.conn.execute("SELECT count FROM failures WHERE holder = ?", [name]).fetchone()
        count = (int(row[0]) if row else 0) + 1
        locked = count >= limit
        self.conn.execute(
            "INSERT OR REPLACE INTO failures VALUES (?, ?, ?)",
            [
                name,
                0 if locked else count,
                (now + timedelta(minutes=minutes)).isoformat() if locked else None,
            ],
        )
        return locked

    def failures(self) -> dict[str, tuple[int, str | None]]:
        rows = self.conn.execute("SELECT holder, count, locked_until FROM failures")
        return {str(h): (int(c), lu) for h, c, lu in rows}

    def clear_failures(self, name: str) -> None:
        self.conn.execute("DELETE FROM failures WHERE holder = ?", [name])

    def refuse(self, name: str, why: str) -> None:
        at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.conn.execute(
            "INSERT INTO refused (at, name, why) VALUES (?, ?, ?)", [at, name[:64], why]
        )

    def refused(self) -> list[Attempt]:
        return [Attempt(*row) for row in self.conn.execute("SELECT * FROM refused ORDER BY id")]

    def forget_refused(self, up_to: int) -> None:
        self.conn.execute("DELETE FROM refused WHERE id <= ?", [up_to])


def wrap_with_password(holder: str, password: str, key: bytes, register: str) -> Wrap:
    cost = crypto.PASSWORD_COST
    salt = secrets.token_bytes(crypto.SALT_BYTES)
    kek = crypto.password_key(password, salt, cost)
    sealed = crypto.seal(kek, key, _context(register, holder))
    return Wrap(holder, cost.passes, cost.memory, salt.hex(), sealed.hex())


def unwrap_from(wraps: list[Wrap], register: str, name: str, password: str) -> bytes | None:
    """The key from ``name``'s wrap among ``wraps`` (a key file's, or a backup's)."""
    wrap = next((w for w in wraps if w.holder == name and name != RECOVERY), None)
    if wrap is None:
        crypto.password_key(password, _decoy_salt(), crypto.PASSWORD_COST)
        return None
    try:
        cost = crypto.KdfCost(int(wrap.passes), int(wrap.memory))
        kek = crypto.password_key(password, bytes.fromhex(wrap.salt), cost)
        return crypto.open_sealed(kek, bytes.fromhex(wrap.sealed), _context(register, name))
    except (ValueError, crypto.Unreadable):
        return None


def recovery_unwrap_from(wraps: list[Wrap], register: str, text: str) -> bytes | None:
    wrap = next((w for w in wraps if w.holder == RECOVERY), None)
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if wrap is None:
        return None
    try:
        kek = _recovery_kek(base64.b32decode(cleaned))
        return crypto.open_sealed(kek, bytes.fromhex(wrap.sealed), _context(register, RECOVERY))
    except (ValueError, crypto.Unreadable):
        return None


def _recovery_kek(secret: bytes) -> bytes:
    return crypto.subkey(secret, "raptor recovery key")


@cache
def _decoy_salt() -> bytes:
    return secrets.token_bytes(crypto.SALT_BYTES)
