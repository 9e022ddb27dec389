"""Sealing a register written before v11: encrypting it, re-keying its log, making its keys.

Such a register is a plain SQLite file whose accounts carry scrypt password hashes. An
administrator's sign-in seals it: the password is checked against the old hash, a new random
key is made, the register is copied into an SQLCipher file under that key (SQLCipher's
``sqlcipher_export``) beside the original, migrated there (its log re-chained under the key),
the key file is written with the administrator's seal and a recovery key, and only then does
the sealed copy replace the original, in one rename. A failure at any step leaves the
original as it was. Other accounts have no seal yet: an administrator sets their passwords.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from raptor_desktop.core.accounts import Role, normalise_username, password_matches
from raptor_desktop.store import crypto, engine
from raptor_desktop.store.accounts import SignInRefused
from raptor_desktop.store.keyring import Keyring
from raptor_desktop.store.migrations import migrate, refuse_foreign, schema_version

LAST_PLAINTEXT_VERSION = 10


class SealingRefused(SignInRefused):
    """The person signing in may not seal this register (wrong password, not an administrator)."""


@dataclass(frozen=True)
class Sealed:
    key: bytes
    recovery_key: str
    unsealed_accounts: tuple[str, ...]  # accounts that need a new password to sign in


def seal_older_register(
    db_path: Path, username: str, password: str, *, first_administrator: bool = False
) -> Sealed:
    """Seal the plaintext register at ``db_path`` for the administrator ``username``.

    With ``first_administrator`` the register has no accounts yet and ``username`` is about to
    become its first (``init --admin``): no old password is checked.
    """
    name = normalise_username(username)
    plain = engine.connect(str(db_path), None)
    try:
        refuse_foreign(plain, str(db_path))
        plain.execute("PRAGMA journal_mode = DELETE")  # the WAL folded in: one file to copy
        migrate(plain, str(db_path), None, None, up_to=LAST_PLAINTEXT_VERSION)
        others = _check_administrator(plain, db_path, name, password, first_administrator)
        key = crypto.new_key()
        sealing = db_path.with_name(f".{db_path.name}.sealing")
        sealing.unlink(missing_ok=True)
        plain.execute(
            f"ATTACH DATABASE ? AS sealed KEY {engine.key_pragma(key)}", [str(sealing)]
        )
        plain.execute("SELECT sqlcipher_export('sealed')")
        plain.execute(f"PRAGMA sealed.user_version = {schema_version(plain)}")
        plain.execute("DETACH DATABASE sealed")
    finally:
        plain.close()
    try:
        ring = Keyring.create(db_path)
        with ring:
            conn = engine.connect(str(sealing), key)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                migrate(conn, str(db_path), db_path.parent / "backups", key)
                conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('register_id', ?)", [ring.register]
                )
                conn.commit()
            finally:
                conn.close()
            if not first_administrator:
                ring.wrap(name, password, key)
            recovery = ring.set_recovery(key)
        sealing.replace(db_path)
    except BaseException:
        sealing.unlink(missing_ok=True)
        raise
    return Sealed(key, recovery, others)


def _check_administrator(
    plain: engine.Connection, db_path: Path, name: str, password: str, first_administrator: bool
) -> tuple[str, ...]:
    """The other accounts, once ``name``'s old password and role are checked."""
    rows = plain.execute("SELECT username, role, password_hash, disabled FROM users").fetchall()
    if first_administrator:
        if rows:
            raise SealingRefused(f"the register at {db_path} already has accounts; sign in to it")
        return ()
    mine = [r for r in rows if normalise_username(str(r[0])) == name]
    if len(mine) != 1 or mine[0][3] or not password_matches(password, str(mine[0][2])):
        raise SealingRefused(
            "wrong username or password",
            "This register was written by an older version and is encrypted at its first "
            "sign-in by an administrator.",
        )
    if mine[0][1] != Role.ADMINISTRATOR.value:
        raise SealingRefused(
            "this register was written by an older version and must be encrypted first",
            "Ask an administrator to sign in once; you can sign in after that.",
        )
    return tuple(sorted(str(r[0]) for r in rows if r is not mine[0]))
