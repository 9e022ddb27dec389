"""Backups: the database (through SQLite's online backup API) and its attachment store.

A backup is one file: a ZIP holding ``raptor.sqlite3``, ``attachments/`` and a manifest with
the database's SHA-256; optionally encrypted as a whole with AES-256-GCM under a key derived
from a passphrase with scrypt. A restore checks the file completely before it touches the
current database, and keeps a copy of the current database first.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import sqlite3
import tempfile
import zipfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from raptor_desktop import __version__
from raptor_desktop.core.accounts import Permission, Role, require
from raptor_desktop.core.audit import AuditEntry, first_break
from raptor_desktop.store.audit_anchor import write_anchor
from raptor_desktop.store.backup_contents import (
    BackupRefused,
    check_attachment,
    check_manifest,
    check_members,
    check_schema,
    read_member,
)
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.exhibits import attachment_dir
from raptor_desktop.store.schema import SCHEMA_VERSION

MAGIC = b"RAPTORBK1"
SUFFIX = ".raptorbackup"
AUTO_PREFIX = "auto-"
DEFAULT_KEEP = 14


@dataclass(frozen=True)
class BackupInfo:
    created_at: str
    schema_version: int
    training: bool
    numbers: int
    attachments: int
    administrators: tuple[str, ...] = ()  # the accounts that could sign in to the restored copy
    last_entry: int = 0  # the newest entry of its audit log


def _key(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=2**15, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32
    )


def _encrypt(data: bytes, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    return MAGIC + salt + nonce + AESGCM(_key(passphrase, salt)).encrypt(nonce, data, MAGIC)


def _decrypt(data: bytes, passphrase: str | None) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not passphrase:
        raise BackupRefused("this backup is encrypted: give its passphrase")
    salt, nonce, body = data[9:25], data[25:37], data[37:]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, body, MAGIC)
    except InvalidTag:
        raise BackupRefused("the passphrase is wrong, or the backup is damaged") from None


def make_backup(
    store: Store, target: Path, passphrase: str | None = None, *, automatic: bool = False
) -> Path:
    """Write a backup of ``store`` to ``target`` (written beside it first, then renamed).

    Backups on request are for administrators; the automatic rotation runs for everyone.
    """
    if not automatic:
        store.require(Permission.BACKUP)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The copy is made in memory: no plaintext copy of the register is ever written to the
    # destination (a USB stick keeps deleted files), nor anywhere else.
    with closing(sqlite3.connect(":memory:")) as memory:
        store.db.conn.backup(memory)
        data = memory.serialize()
    manifest = {
        "format": 1,
        "app_version": __version__,
        "created_at": utc_now(),
        "schema_version": SCHEMA_VERSION,
        "training": store.training,
        "database_sha256": hashlib.sha256(data).hexdigest(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        archive.writestr("raptor.sqlite3", data)
        attachments = attachment_dir(store)
        if attachments.is_dir():
            for file in sorted(attachments.iterdir()):
                archive.write(file, f"attachments/{file.name}")
    payload = buffer.getvalue()
    if passphrase:
        payload = _encrypt(payload, passphrase)
    handle, partial = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}", suffix=".partial"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)  # only the finished (encrypted, if asked) backup goes there
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return target


MAX_BACKUP = 4 * 1024**3


def _open_archive(path: Path, passphrase: str | None) -> zipfile.ZipFile:
    try:
        if Path(path).stat().st_size > MAX_BACKUP:
            raise BackupRefused(f"{path} is larger than any backup the program writes")
        data = Path(path).read_bytes()
    except OSError as error:
        raise BackupRefused(f"{path}: cannot be read ({error.strerror})") from None
    if data.startswith(MAGIC):
        data = _decrypt(data, passphrase)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.getinfo("manifest.json")
        archive.getinfo("raptor.sqlite3")
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError):
        raise BackupRefused(f"{path} is not a Raptor Desktop backup") from None
    check_members(archive, str(path))
    return archive


def check_backup(path: Path, passphrase: str | None = None, *, work_dir: Path) -> BackupInfo:
    """Check a backup completely (checksum, SQLite integrity, schema, audit chain).

    The database is unpacked to be checked in an owner-only folder inside ``work_dir``, the
    register's own folder: never on the backup's medium (a USB stick) nor in a shared
    temporary folder, where a plaintext copy of the register could be left behind.
    """
    with _open_archive(path, passphrase) as archive:
        try:
            manifest = check_manifest(
                json.loads(read_member(archive, "manifest.json", str(path))), str(path)
            )
        except ValueError as error:
            raise BackupRefused(f"{path}: its manifest cannot be read ({error})") from None
        data = read_member(archive, "raptor.sqlite3", str(path))
        names = archive.namelist()
        for member in names:
            if member not in ("manifest.json", "raptor.sqlite3"):
                check_attachment(member, read_member(archive, member, str(path)), str(path))
    if hashlib.sha256(data).hexdigest() != manifest.get("database_sha256"):
        raise BackupRefused(f"{path} is damaged: the database does not match its checksum")
    with tempfile.TemporaryDirectory(dir=work_dir, prefix=".raptor-check-") as folder:
        copy = Path(folder) / "check.sqlite3"
        copy.write_bytes(data)
        conn = sqlite3.connect(copy)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupRefused(f"{path} is damaged: its database fails SQLite's check")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise BackupRefused(
                    f"{path} comes from a newer Raptor Desktop (database version {version})"
                )
            check_schema(conn, version, str(path))
            rows = conn.execute(
                "SELECT id, at, user, category, event, records, justification, "
                "recipient, prev_hash, hash FROM audit_log ORDER BY id"
            ).fetchall()
            broken = first_break([(AuditEntry(*r[:9]), r[9]) for r in rows])
            if broken is not None:
                raise BackupRefused(f"{path}: the audit log in the backup is not intact ({broken})")
            numbers = conn.execute("SELECT COUNT(*) FROM numbers").fetchone()[0]
            has_users = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'"
            ).fetchone()
            administrators = (
                tuple(
                    r[0]
                    for r in conn.execute(
                        "SELECT username FROM users WHERE role = 'administrator' AND NOT disabled"
                    )
                )
                if has_users
                else ()
            )
        except sqlite3.DatabaseError as error:
            raise BackupRefused(
                f"{path} does not hold a Raptor Desktop database ({error})"
            ) from None
        finally:
            conn.close()
    return BackupInfo(
        str(manifest.get("created_at", "")),
        version,
        bool(manifest.get("training")),
        numbers,
        sum(n.startswith("attachments/") for n in names),
        administrators,
        rows[-1][0] if rows else 0,
    )


def restore_backup(
    db_path: Path, backup: Path, passphrase: str | None = None, *, role: Role
) -> Path:
    """Replace the database at ``db_path`` (closed) with the backup; returns the safety copy.

    Only an administrator (``role``) may. The backup is checked first; a damaged or foreign
    file leaves everything untouched.
    """
    require(role, Permission.BACKUP)
    check_backup(backup, passphrase, work_dir=Path(db_path).parent)
    db_path = Path(db_path)
    safety = db_path.parent / "backups" / f"before-restore-{_stamp()}{SUFFIX}"
    if db_path.exists():
        with Store.open(db_path, actor="restore") as current:
            make_backup(current, safety, automatic=True)
            current.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with (
        _open_archive(backup, passphrase) as archive,
        tempfile.TemporaryDirectory(dir=db_path.parent) as folder,
    ):
        staged = Path(folder) / "restored.sqlite3"
        staged.write_bytes(archive.read("raptor.sqlite3"))
        attachments = [n for n in archive.namelist() if n.startswith("attachments/")]
        target_dir = db_path.with_name(f"{db_path.stem}.attachments")
        target_dir.mkdir(exist_ok=True)
        for name in attachments:  # named by their content, checked: one already here is kept
            placed = target_dir / Path(name).name
            if not placed.exists():
                arriving = Path(folder) / placed.name
                arriving.write_bytes(archive.read(name))
                os.replace(arriving, placed)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(staged, db_path)
    with closing(sqlite3.connect(db_path)) as restored:
        write_anchor(restored, db_path, replace=True)  # the restored log's head is expected now
    return safety


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def backup_folder(store: Store) -> Path:
    return store.path.parent / "backups"


def auto_backup(
    store: Store, keep: int = DEFAULT_KEEP, *, if_older_than: timedelta | None = None
) -> Path | None:
    """An automatic backup into the rotation (the newest ``keep`` are kept).

    With ``if_older_than``, only when the newest automatic backup is older than that (daily).
    A register that fails SQLite's quick check is not backed up into the rotation, where it
    would push the good backups out: BackupRefused says so, and the old backups stay.
    """
    problems = [r[0] for r in store.db.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise BackupRefused(
            f"{store.path} fails SQLite's check ({problems[0]}), so it was not backed up over "
            "the good backups; restore the newest backup, or run raptor verify",
        )
    folder = backup_folder(store)
    existing = sorted(folder.glob(f"{store.path.stem}-{AUTO_PREFIX}*{SUFFIX}"))
    if if_older_than is not None and existing:
        newest = datetime.fromtimestamp(existing[-1].stat().st_mtime, UTC)
        if datetime.now(UTC) - newest < if_older_than:
            return None
    path = make_backup(
        store, folder / f"{store.path.stem}-{AUTO_PREFIX}{_stamp()}{SUFFIX}", automatic=True
    )
    for old in sorted(folder.glob(f"{store.path.stem}-{AUTO_PREFIX}*{SUFFIX}"))[:-keep]:
        old.unlink(missing_ok=True)
    return path
