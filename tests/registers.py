"""Registers for tests: made, sealed and opened as the program does, with one test key holder.

:func:`open_store` is what ``Store.open`` was before registers were encrypted: it makes the
register if there is none (with no account yet, and the key wrapped for the test officer
``tester``), seals an older plaintext one (a fixture), and opens it with the key unwrapped by
``tester``'s password, acting as whom the test says, without a sign-in entry.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from raptor_desktop.core.accounts import Role, User
from raptor_desktop.store import crypto, engine
from raptor_desktop.store.accounts import sign_in as _sign_in
from raptor_desktop.store.accounts import unlock_key
from raptor_desktop.store.backup_format import Credentials, open_backup
from raptor_desktop.store.database import Store
from raptor_desktop.store.demo import DEMO_PASSWORD, DEMO_USER
from raptor_desktop.store.keyring import Keyring
from raptor_desktop.store.sealing import seal_older_register

TESTER = "tester"
PASSWORD = "correct horse battery staple"
FIXTURE_ADMIN, FIXTURE_PASSWORD = "admin", "training-only-password"  # make_old_databases.py


def _seal(path: Path) -> None:
    plain = engine.connect(str(path), None)
    try:
        has_admin = (
            plain.execute("SELECT 1 FROM sqlite_master WHERE name = 'users'").fetchone()
            and plain.execute("SELECT 1 FROM users").fetchone()
        )
    finally:
        plain.close()
    if has_admin:
        sealed = seal_older_register(path, FIXTURE_ADMIN, FIXTURE_PASSWORD)
    else:
        sealed = seal_older_register(path, TESTER, PASSWORD, first_administrator=True)
    with Keyring.open(path) as ring:
        ring.wrap(TESTER, PASSWORD, sealed.key)


def open_store(
    path: str | Path,
    *,
    training: bool = False,
    actor: str | None = None,
    role: Role = Role.OFFICER,
    backup_dir: Path | None = None,
) -> Store:
    path = Path(path)
    if not (path.exists() and path.stat().st_size):
        key = crypto.new_key()
        with Keyring.create(path) as ring:
            ring.wrap(TESTER, PASSWORD, key)
            ring.set_recovery(key)
    elif engine.is_plaintext(str(path)):
        _seal(path)
    key = register_key(path)
    with Keyring.open(path) as ring:
        register = ring.register
    return Store.open(
        path,
        key=key,
        register=register,
        training=training,
        actor=actor,
        role=role,
        backup_dir=backup_dir,
    )


KNOWN_ACCOUNTS = (
    (TESTER, PASSWORD),
    (DEMO_USER, DEMO_PASSWORD),
    (FIXTURE_ADMIN, FIXTURE_PASSWORD),
)


def register_key(path: str | Path) -> bytes:
    """The key of a test register, unwrapped with whichever test account it has."""
    with Keyring.open(Path(path)) as ring:
        for user, password in KNOWN_ACCOUNTS:
            key = ring.unwrap(user, password)
            if key is not None:
                return key
    raise AssertionError(f"no test account opens {path}")


def raw_connection(path: str | Path) -> engine.Connection:
    """The register's file opened with its key, bypassing the program: what an insider who
    knows a password and has SQLCipher's own tools could do to it."""
    return engine.connect(str(path), register_key(path))


def sign_in(store: Store, username: str, password: str) -> User:
    """Sign in on a register already open, as the program does: the password unwraps the key
    (a wrong one counts towards the lock-out), then the sign-in is checked and logged."""
    if unlock_key(store.path, username, password) != store.key:
        raise AssertionError("that account's key is another register's")
    return _sign_in(store, username)


def backup_members(backup: Path, store: Store) -> list[str]:
    """The names inside a backup of ``store``'s register, opened with its key."""
    opened = open_backup(backup.read_bytes(), Credentials(store.key, store.register), str(backup))
    with zipfile.ZipFile(io.BytesIO(opened.body)) as archive:
        return archive.namelist()
