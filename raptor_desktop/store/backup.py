"""Backups: the register as it is on disk (encrypted), its key's wraps, and its attachments.

A backup is one file (see ``backup_format``): a readable header with the register's id and the
wraps of its key, and a body sealed under the register's key holding a ZIP of the manifest, the
SQLCipher database (copied by SQLite's online backup, so still encrypted) and the attachments. A
restore opens and checks the file completely in a private folder of the register's own
(authentication, SQLCipher's page check, SQLite's check, the schema of its version, the keyed
log chain) before it touches the current register, and keeps a backup of that first.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from raptor_desktop import __version__
from raptor_desktop.core.accounts import Permission, Role, require
from raptor_desktop.core.audit import AuditEntry, legacy_first_break
from raptor_desktop.store import audit, crypto, engine
from raptor_desktop.store.audit_anchor import write_anchor
from raptor_desktop.store.backup_contents import (
    BackupRefused,
    check_attachment,
    check_manifest,
    check_members,
    check_schema,
    read_member,
    reshaped,
)
from raptor_desktop.store.backup_format import (
    LEGACY_MAGIC,
    MAGIC,
    Credentials,
    Header,
    Opened,
    open_backup,
    passphrase_wrap,
    write,
)
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.exhibits import attachment_dir
from raptor_desktop.store.keyring import Keyring, keyring_path
from raptor_desktop.store.migrations import backup_copy
from raptor_desktop.store.schema import SCHEMA_VERSION
from raptor_desktop.store.sealing import LAST_PLAINTEXT_VERSION

SUFFIX = ".raptorbackup"
AUTO_PREFIX = "auto-"
DEFAULT_KEEP = 14
MAX_BACKUP = 4 * 1024**3
__all__ = ["LEGACY_MAGIC", "MAGIC", "BackupRefused", "Credentials"]


@dataclass(frozen=True)
class BackupInfo:
    created_at: str
    schema_version: int
    training: bool
    numbers: int
    attachments: int
    administrators: tuple[str, ...] = ()  # the accounts that could sign in to the restored copy
    last_entry: int = 0  # the newest entry of its audit log
    register: str = ""  # "" for a backup written before registers were sealed


def _database_image(store: Store) -> bytes:
    """The register as SQLCipher writes it (encrypted with the same key), copied by SQLite's
    online backup into an owner-only folder beside it, read and removed.

    SQLite copies from one read snapshot, so writers carry on meanwhile and the copy holds
    exactly what was committed. The register's file is never opened here: on POSIX, closing a
    descriptor of it would drop the locks this process's connections hold on it.
    """
    with tempfile.TemporaryDirectory(dir=store.path.parent, prefix=".raptor-copy-") as folder:
        copy = backup_copy(store.db.conn, Path(folder) / "copy.sqlite3", store.key)
        return copy.read_bytes()


def make_backup(
    store: Store, target: Path, passphrase: str | None = None, *, automatic: bool = False
) -> Path:
    """Write a backup of ``store`` to ``target`` (written beside it first, then renamed).

    Backups on request are for administrators; the automatic rotation runs for everyone. With
    ``passphrase``, the backup can also be opened with that passphrase alone.
    """
    if not automatic:
        store.require(Permission.BACKUP)
    target = Path(target)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = _database_image(store)
    created = utc_now()
    manifest = {
        "format": 2,
        "app_version": __version__,
        "created_at": created,
        "schema_version": SCHEMA_VERSION,
        "training": store.training,
        "register": store.register,
        "database_sha256": hashlib.sha256(data).hexdigest(),
    }
    buffer = io.BytesIO()
    # Stored, not deflated: the register and its attachments are encrypted already, and
    # encrypted bytes do not compress (deflating them was a third of a backup's time).
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        archive.writestr("raptor.sqlite3", data)
        attachments = attachment_dir(store)
        if attachments.is_dir():
            for file in sorted(attachments.iterdir()):
                archive.write(file, f"attachments/{file.name}")
    with Keyring.open(store.path) as ring:
        wraps = ring.wraps()
    if passphrase:
        wraps.append(passphrase_wrap(passphrase, store.key, store.register))
    header = Header(store.register, created, SCHEMA_VERSION, store.training, tuple(wraps))
    payload = write(header, buffer.getvalue(), store.key)
    handle, partial = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}", suffix=".partial"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)  # only the finished, sealed backup goes there
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return target


def _open(path: Path, credentials: Credentials) -> tuple[Opened, zipfile.ZipFile]:
    try:
        if Path(path).stat().st_size > MAX_BACKUP:
            raise BackupRefused(f"{path} is larger than any backup the program writes")
        data = Path(path).read_bytes()
    except OSError as error:
        raise BackupRefused(f"{path}: cannot be read ({error.strerror})") from None
    opened = open_backup(data, credentials, str(path))
    try:
        archive = zipfile.ZipFile(io.BytesIO(opened.body))
        archive.getinfo("manifest.json")
        archive.getinfo("raptor.sqlite3")
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError):
        raise BackupRefused(f"{path} is not a Raptor Desktop backup") from None
    check_members(archive, str(path))
    return opened, archive


@dataclass(frozen=True)
class _Checked:
    info: BackupInfo
    opened: Opened
    database: bytes
    attachments: dict[str, bytes]


def _check(path: Path, credentials: Credentials, work_dir: Path) -> _Checked:
    opened, archive = _open(path, credentials)
    with archive:
        try:
            manifest = check_manifest(
                json.loads(read_member(archive, "manifest.json", str(path))), str(path)
            )
        except ValueError as error:
            raise BackupRefused(f"{path}: its manifest cannot be read ({error})") from None
        data = read_member(archive, "raptor.sqlite3", str(path))
        attachments = {
            check_attachment(
                m, content := read_member(archive, m, str(path)), str(path), opened.key
            ): content
            for m in archive.namelist()
            if m not in ("manifest.json", "raptor.sqlite3")
        }
    if hashlib.sha256(data).hexdigest() != manifest.get("database_sha256"):
        raise BackupRefused(f"{path} is damaged: the database does not match its checksum")
    header = opened.header
    if header is not None and manifest.get("register") != header.register:
        raise BackupRefused(f"{path}: its manifest and its header name different registers")
    with tempfile.TemporaryDirectory(dir=work_dir, prefix=".raptor-check-") as folder:
        copy = Path(folder) / "check.sqlite3"
        copy.write_bytes(data)
        info = _check_database(copy, opened, str(path))
    info = BackupInfo(
        str(manifest.get("created_at", "")),
        info.schema_version,
        bool(manifest.get("training")),
        info.numbers,
        len(attachments),
        info.administrators,
        info.last_entry,
        header.register if header else "",
    )
    return _Checked(info, opened, data, attachments)


def _check_database(copy: Path, opened: Opened, name: str) -> BackupInfo:
    """The database of a backup, unpacked to ``copy``, checked as a register of its version."""
    sealed = opened.header is not None
    if sealed == engine.is_plaintext(str(copy)):
        raise BackupRefused(f"{name} does not hold the kind of database its format says")
    conn = engine.connect(str(copy), opened.key)
    try:
        if sealed and conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise BackupRefused(f"{name} is damaged: its database fails the page check")
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupRefused(f"{name} is damaged: its database fails SQLite's check")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION or (sealed and version <= LAST_PLAINTEXT_VERSION):
            raise BackupRefused(f"{name} holds a database of version {version}, which it cannot")
        check_schema(conn, version, name)
        if opened.key is not None:
            broken = audit.check_chain(sqlite_utils.Database(conn), crypto.log_key(opened.key))
            register = conn.execute("SELECT value FROM meta WHERE key = 'register_id'")
            if opened.header is not None and register.fetchone() != (opened.header.register,):
                raise BackupRefused(f"{name}: its database is not the register its header names")
        else:
            rows = conn.execute(
                "SELECT id, at, user, category, event, records, justification, "
                "recipient, prev_hash, hash FROM audit_log ORDER BY id"
            ).fetchall()
            broken = legacy_first_break([(AuditEntry(*r[:9]), r[9]) for r in rows])
        if broken is not None:
            raise BackupRefused(f"{name}: the audit log in the backup is not intact ({broken})")
        numbers = conn.execute("SELECT COUNT(*) FROM numbers").fetchone()[0]
        last = conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]
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
    except engine.Error as error:
        raise BackupRefused(f"{name} does not hold a Raptor Desktop database ({error})") from None
    finally:
        conn.close()
    return BackupInfo("", version, False, numbers, 0, administrators, last)


def check_backup(path: Path, credentials: Credentials, *, work_dir: Path) -> BackupInfo:
    """Check a backup completely (authentication, checksums, page and SQLite checks, schema,
    audit chain). The database is unpacked to be checked in an owner-only folder inside
    ``work_dir``, the register's own folder: never on the backup's medium (a USB stick) nor in
    a shared temporary folder."""
    return _check(path, credentials, work_dir).info


@dataclass(frozen=True)
class Placed:
    """A backup put in place: the safety copy of the register it replaced (None when there
    was none), and the key and id of the register now there (None and "" for a backup
    written before registers were sealed)."""

    safety: Path | None
    key: bytes | None
    register: str


def restore_backup(db_path: Path, backup: Path, credentials: Credentials, *, role: Role) -> Placed:
    """Replace the register at ``db_path`` (closed) with the backup.

    Only an administrator (``role``) may. The backup is checked first; a damaged or foreign
    file leaves everything untouched. The database, its key file (when the backup is of
    another register) and the attachments it needs are staged in a private folder beside the
    register, then put in place.
    """
    require(role, Permission.BACKUP)
    db_path = Path(db_path)
    checked = _check(backup, credentials, db_path.parent)
    safety = None
    if db_path.exists() and credentials.key is not None:
        safety = db_path.parent / "backups" / f"before-restore-{_stamp()}{SUFFIX}"
        with Store.open(db_path, key=credentials.key, actor="restore") as current:
            make_backup(current, safety, automatic=True)
            current.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    header = checked.opened.header
    with tempfile.TemporaryDirectory(dir=db_path.parent, prefix=".raptor-restore-") as folder:
        staged = Path(folder) / "restored.sqlite3"
        staged.write_bytes(checked.database)
        target_dir = db_path.with_name(f"{db_path.stem}.attachments")
        target_dir.mkdir(mode=0o700, exist_ok=True)
        for name, content in checked.attachments.items():  # named by content: kept if here
            placed = target_dir / name
            if not placed.exists():
                arriving = Path(folder) / name
                arriving.write_bytes(content)
                os.replace(arriving, placed)
        if header is not None and header.register != credentials.register:
            with Keyring.create(Path(folder) / "restored.sqlite3", header.register) as ring:
                ring.put_wraps(list(header.wraps))
            os.replace(keyring_path(staged), keyring_path(db_path))
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(staged, db_path)
    if checked.opened.key is None or header is None:
        return Placed(safety, None, "")
    with Store.open(db_path, key=checked.opened.key, register=header.register) as restored:
        write_anchor(restored, replace=True)  # the restored log's head is expected now
    return Placed(safety, checked.opened.key, header.register)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def refuse_if_reshaped(store: Store, so: str) -> None:
    """Refuse to back up a register whose schema is not the program's (a guard of the log
    dropped, say): no restore would take that backup, as ``check_backup`` refuses it."""
    differences = reshaped(store)
    if differences:
        raise BackupRefused(
            f"{store.path} is not as Raptor Desktop keeps it ({'; '.join(differences[:3])}), "
            f"{so}; run raptor verify, and restore the newest backup"
        )


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
    try:
        problems = [r[0] for r in store.db.execute("PRAGMA quick_check")]
    except engine.Error as error:  # a page that fails its HMAC cannot even be read
        problems = [str(error)]
    if problems != ["ok"]:
        raise BackupRefused(
            f"{store.path} fails SQLite's check ({problems[0]}), so it was not backed up over "
            "the good backups; restore the newest backup, or run raptor verify",
        )
    refuse_if_reshaped(store, "so it was not backed up over the good backups")
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
