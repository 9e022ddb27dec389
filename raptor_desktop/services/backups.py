"""Backups by hand, automatic backups, and restoring one: for both faces, logged once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from raptor_desktop.core.accounts import (
    Permission,
    Role,
    normalise_username,
    passphrase_problem,
    require,
)
from raptor_desktop.core.audit import Category
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.services.disclosure import Recipient, record_disclosure
from raptor_desktop.services.session import Session
from raptor_desktop.store.audit import newest_entry
from raptor_desktop.store.backup import (
    LEGACY_MAGIC,
    SUFFIX,
    BackupInfo,
    BackupRefused,
    Credentials,
    auto_backup,
    backup_folder,
    check_backup,
    make_backup,
    refuse_if_reshaped,
    restore_backup,
)
from raptor_desktop.store.database import Store
from raptor_desktop.store.settings import BACKUPS_KEPT, get_int

__all__ = [
    "SUFFIX",
    "BackupInfo",
    "BackupRefused",
    "Restored",
    "automatic_backup",
    "back_up",
    "backup_folder",
    "check_passphrase",
    "needs_passphrase",
    "restore",
    "restore_elsewhere",
]


def check_passphrase(passphrase: str) -> str:
    """A passphrase good enough to encrypt a backup, or a refusal saying why not."""
    problem = passphrase_problem(passphrase)
    if problem:
        raise InputRejected(problem)
    return passphrase


def needs_passphrase(path: Path) -> bool:
    """Whether the backup at ``path`` opens only with a passphrase: one written before
    registers were sealed, and encrypted then (an unreadable file needs none)."""
    try:
        with open(path, "rb") as file:
            return file.read(len(LEGACY_MAGIC)) == LEGACY_MAGIC
    except OSError:
        return False


def _credentials(session: Session, passphrase: str | None) -> Credentials:
    return Credentials(key=session.key, register=session.register, passphrase=passphrase or "")


def back_up(session: Session, target: Path, passphrase: str | None = None) -> BackupInfo:
    """Back up the register to ``target`` (administrators), then log it as a disclosure.

    Runs on a connection of its own (safe off the GUI thread). The written file is checked
    before the entry is made: what is logged was really written.
    """
    if passphrase is not None:
        check_passphrase(passphrase)
    with session.connect() as store:
        refuse_if_reshaped(store, "so no backup of it was written")
        path = make_backup(store, target, passphrase)
        info = check_backup(path, _credentials(session, None), work_dir=session.path.parent)
        record_disclosure(store, "backup", str(path), Recipient(str(path), "backup"))
    return info


def automatic_backup(store: Store, *, daily: bool) -> Path | None:
    """The rotating backup (on closing, and daily on opening), keeping as many as the setting."""
    return auto_backup(
        store,
        get_int(store, BACKUPS_KEPT),
        if_older_than=timedelta(days=1) if daily else None,
    )


@dataclass(frozen=True)
class Restored:
    store: Store  # a connection to the restored register, acting as the same officer
    safety_copy: Path  # the register as it was, kept in the backups folder


def restore(session: Session, backup: Path, passphrase: str | None = None) -> Restored:
    """Replace the register (all its connections closed) with ``backup``, logged as the officer.

    The backup is checked completely first; a refused one leaves the register untouched. It
    must be of the same kind (training or live) and hold an administrator account of the
    officer restoring it, who stays signed in afterwards. The restored log goes back to the
    backup's time: the restore entry names the safety copy that keeps the later entries.
    """
    require(session.role, Permission.BACKUP)
    credentials = _credentials(session, passphrase)
    info = check_backup(backup, credentials, work_dir=session.path.parent)
    if info.register != session.register:
        raise BackupRefused(
            f"{backup} is a backup of another register"
            + (" (written before registers were encrypted)" if not info.register else ""),
            "Restore it into a new database of its own: raptor --db NEW.sqlite3 restore FILE.",
        )
    if info.training != session.training:
        kinds = ("a training", "live") if info.training else ("a live", "training")
        raise BackupRefused(
            f"{backup} is {kinds[0]} backup; it cannot replace this {kinds[1]} register",
            "Restore it into a new database of its own kind instead.",
        )
    if normalise_username(session.officer) not in {
        normalise_username(a) for a in info.administrators
    }:
        raise BackupRefused(
            f"the backup has no administrator account {session.officer!r}, so after the "
            "restore nobody signed in now could go on",
            "Sign in as an administrator who is in the backup, then restore it.",
        )
    with session.connect() as current:
        before = newest_entry(current)
    safety = restore_backup(session.path, backup, credentials, role=session.role).safety
    if safety is None:  # the register was there: a safety copy is always made of it
        raise RuntimeError(f"no safety copy was made of {session.path}")
    store = session.connect()
    kept = (
        f", with entries {info.last_entry + 1}–{before} of its log"
        if before > info.last_entry
        else ""
    )
    store.log(
        Category.ALTERATION,
        "restore from backup",
        f"{backup}; the register as it was is kept in {safety}{kept}",
    )
    return Restored(store, safety)


def restore_elsewhere(target: Path, backup: Path, credentials: Credentials) -> BackupInfo:
    """Restore ``backup`` as a new register at ``target`` (nothing there yet): a workstation
    that lost its register, or a backup of another register. It opens with the password of
    an administrator in the backup, the backup's passphrase or the recovery key (each an
    administrator's); the register's own accounts then sign in to it as before (a backup
    written before v11 is sealed at the first sign-in). The restore is the new register's
    newest log entry, naming who made it and with what.

    The backup's header opens with every account's password, an officer's too: an officer
    who could make a register of an older backup would be back in after a lock, with the
    log since then undone."""
    if target.exists():
        raise BackupRefused(
            f"there is already a database at {target}",
            "Restore into a new file, or sign in to that register and restore over it.",
        )
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = check_backup(backup, credentials, work_dir=target.parent)
    name = normalise_username(credentials.username)
    if name and name not in {normalise_username(a) for a in info.administrators}:
        raise BackupRefused(
            f"{credentials.username} is not an administrator in {backup}: only an "
            "administrator may make a register of a backup",
            "Give the password of an administrator in the backup, its passphrase or the "
            "register's recovery key.",
        )
    placed = restore_backup(target, backup, credentials, role=Role.ADMINISTRATOR)
    if placed.key is not None:
        opened_with = _opened_with(credentials)
        actor = credentials.username or opened_with
        with Store.open(
            target, key=placed.key, register=placed.register, actor=actor, role=Role.ADMINISTRATOR
        ) as store:
            store.log(
                Category.ALTERATION,
                "restore from backup",
                f"{backup}, as a new register at {target}; opened with {opened_with}",
            )
    return info


def _opened_with(credentials: Credentials) -> str:
    """What opened a backup restored as a new register, as its log entry names it."""
    if credentials.username:
        return f"{credentials.username}'s password"
    return "the backup's passphrase" if credentials.passphrase else "the recovery key"
