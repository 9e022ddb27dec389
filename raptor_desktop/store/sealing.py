"""Sealing a register written before v11: encrypting it, re-keying its log, making its keys.

Such a register is a plain SQLite file whose accounts carry scrypt password hashes. An
administrator's sign-in seals it: the password is checked against the old hash, a new random
key is made, the register is copied into an SQLCipher file under that key (SQLCipher's
``sqlcipher_export``) beside the original, migrated there (an encrypted copy of it as it was
kept first, in the backups folder; its log re-chained under the key at v11),
the key file is written with the administrator's seal and a recovery key, and only then does
the sealed copy replace the original, in one rename. A failure at any step leaves the
original as it was. Other accounts have no seal yet: an administrator sets their passwords.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from raptor_desktop.core.accounts import Role, normalise_username
from raptor_desktop.core.audit import Category
from raptor_desktop.store import audit, crypto, engine
from raptor_desktop.store.accounts import SignInRefused
from raptor_desktop.store.audit_anchor import anchor_path, write_anchor
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.keyring import Keyring
from raptor_desktop.store.migrations import migrate, refuse_foreign, schema_version

LAST_PLAINTEXT_VERSION = 10  # registers up to this version are plain SQLite files


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
    sealing = db_path.with_name(f".{db_path.name}.sealing")
    key = crypto.new_key()
    plain = engine.connect(str(db_path), None)
    try:
        refuse_foreign(plain, str(db_path))
        plain.execute("PRAGMA journal_mode = DELETE")  # the WAL folded in: one file to copy
        others = _check_administrator(plain, db_path, name, password, first_administrator)
        note = _old_note(plain, db_path)
        sealing.unlink(missing_ok=True)
        plain.execute(f"ATTACH DATABASE ? AS sealed KEY {engine.key_pragma(key)}", [str(sealing)])
        plain.execute("SELECT sqlcipher_export('sealed')")
        plain.execute(f"PRAGMA sealed.user_version = {schema_version(plain)}")
        plain.execute("DETACH DATABASE sealed")
    finally:
        plain.close()
    try:
        with Keyring.create(db_path) as ring:
            conn = engine.connect(str(sealing), key)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                # the copy kept before migrating is of the register as it was, encrypted
                migrate(conn, str(db_path), db_path.parent / "backups", key)
                conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('register_id', ?)", [ring.register]
                )
                waiting = (
                    f"; accounts needing a new password: {', '.join(others)}" if others else ""
                )
                audit.append(
                    sqlite_utils.Database(conn),
                    crypto.log_key(key),
                    at=utc_now(),
                    user=name,
                    category=Category.ALTERATION,
                    event="seal register",
                    records=f"encrypted under a new key; {note}{waiting}",
                )
                conn.commit()
            finally:
                conn.close()
            if not first_administrator:
                ring.wrap(name, password, key)
            recovery = ring.set_recovery(key)
            register = ring.register
            from raptor_desktop.store.exhibits import seal_attachment_store  # an old register's

            clear = seal_attachment_store(db_path, key)
        sealing.replace(db_path)
        for file in clear:  # a crash before this leaves them to the next disposal's clean-up
            file.unlink(missing_ok=True)
    except BaseException:
        sealing.unlink(missing_ok=True)
        raise
    with Store.open(db_path, key=key, register=register) as store:
        write_anchor(store, replace=True)  # the old, unkeyed note was checked above
    return Sealed(key, recovery, others)


def _old_note(plain: engine.Connection, db_path: Path) -> str:
    """How the unkeyed note of the newest entry (written before v11) stood against the log."""
    try:
        noted = json.loads(anchor_path(db_path).read_text(encoding="utf-8"))
        noted_id, noted_hash = int(noted["id"]), str(noted["hash"])
    except FileNotFoundError:
        return "there was no note of the newest entry"
    except (OSError, ValueError, KeyError, TypeError):
        return "the note of the newest entry was unreadable"
    row = plain.execute("SELECT hash FROM audit_log WHERE id = ?", [noted_id]).fetchone()
    if row is None:
        return f"the note named entry {noted_id}, which the log no longer held"
    if row[0] != noted_hash:
        return f"the note named entry {noted_id} as it no longer was"
    return f"the note of the newest entry (entry {noted_id}) matched"


def _check_administrator(
    plain: engine.Connection, db_path: Path, name: str, password: str, first_administrator: bool
) -> tuple[str, ...]:
    """The other accounts, once ``name``'s old password and role are checked."""
    has_users = plain.execute("SELECT 1 FROM sqlite_master WHERE name = 'users'").fetchone()
    rows = (
        plain.execute("SELECT username, role, password_hash, disabled FROM users").fetchall()
        if has_users
        else []
    )
    if first_administrator:
        if rows:
            raise SealingRefused(f"the register at {db_path} already has accounts; sign in to it")
        return ()
    mine = [r for r in rows if normalise_username(str(r[0])) == name]
    if len(mine) != 1 or mine[0][3] or not legacy_password_matches(password, str(mine[0][2])):
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


def legacy_password_matches(password: str, stored: str) -> bool:
    """Whether ``password`` is the one a register before v11 hashed (``scrypt$n$r$p$salt$hash``)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(digest)
        candidate = crypto.scrypt(
            password, bytes.fromhex(salt), int(n), int(r), int(p), len(expected)
        )
    except ValueError:
        return False
    return hmac.compare_digest(candidate, expected)
