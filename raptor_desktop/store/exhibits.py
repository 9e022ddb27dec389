"""Exhibits and the attachment store: files sealed beside the database, checked by SHA-256.

An attached file is kept in ``<database>.attachments/`` sealed (XChaCha20-Poly1305) under a key
derived from the register's key, so a copy of the folder discloses nothing and a changed file
does not open. Its name is a MAC of its SHA-256 under that key: a file held is found from the
exhibit's record, and nobody without the key can tell from the names whether a known file is
there. The SHA-256 of the file as attached is recorded, and checked each time it is used.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from raptor_desktop.core.applications import Officer
from raptor_desktop.core.attachments import SIGNATURES, attachment_problem
from raptor_desktop.core.errors import InputRejected, UnusableFile
from raptor_desktop.store import crypto
from raptor_desktop.store.database import Store, insert_row, utc_now
from raptor_desktop.store.lines import find_number

ATTACHABLE = tuple(SIGNATURES)


class AttachmentDamaged(UnusableFile, ValueError):
    """An attached file is missing or no longer matches the SHA-256 recorded when it was added."""


def attachment_dir(store: Store) -> Path:
    return attachment_dir_of(store.path)


def attachment_dir_of(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}.attachments")


def attachment_key(key: bytes) -> bytes:
    return crypto.subkey(key, "raptor attachments")


def stored_name(key: bytes, digest: str, file_name: str) -> str:
    """The name a file of SHA-256 ``digest`` is kept under: a MAC of it, and its extension."""
    return crypto.mac(attachment_key(key), digest.encode("ascii")) + Path(file_name).suffix.lower()


def seal_file(key: bytes, content: bytes, name: str) -> bytes:
    return crypto.seal(attachment_key(key), content, name.encode("ascii"))


def open_file(key: bytes, sealed: bytes, name: str) -> bytes:
    """A stored file's content; crypto.Unreadable if it was changed, or is another's."""
    return crypto.open_sealed(attachment_key(key), sealed, name.encode("ascii"))


def write_file(folder: Path, name: str, data: bytes) -> None:
    """Write a stored file whole (beside it first, then renamed), owner-only."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class NewExhibit:
    initials: str
    description: str
    exhibit_date: date | None = None
    numbers: tuple[str, ...] = ()
    file: Path | None = None


def _check_maker(db: sqlite_utils.Database, application_id: int, initials: str) -> None:
    """An exhibit is produced by the officer whose statement it goes with: their mark only."""
    row = db.execute("SELECT applicant_name FROM applications WHERE id = ?", [application_id])
    name = row.fetchone()
    maker = Officer(name=name[0]).tidied() if name and name[0] else None
    if maker is not None and maker.initials != initials:
        raise InputRejected(
            f"exhibits in this application are produced by {maker.name}, whose statement they "
            f"go with, and are marked {maker.initials}/…; {initials} is another officer's mark "
            "(their exhibits go with their own statement)"
        )


def add_exhibit(store: Store, application_id: int | None, exhibit: NewExhibit) -> str:
    """Record an exhibit, marked with the officer's initials and their next running number.

    Returns the mark (``RC/3``). An attached file is copied into the attachment store first;
    its SHA-256 is recorded and checked whenever the exhibit is used.
    """
    initials = exhibit.initials.strip().upper()
    if not initials.isalpha():
        raise InputRejected("exhibit marks need the officer's initials (letters only)")
    if not exhibit.description.strip():
        raise InputRejected("describe the exhibit")
    digest, name = "", ""
    if exhibit.file is not None:
        source = Path(exhibit.file)
        if source.is_symlink():
            raise InputRejected(f"{source} is a link to another file: attach the file itself")
        if not source.is_file():
            raise InputRejected(f"{source}: no such file")
        content = source.read_bytes()
        problem = attachment_problem(source.name, source.suffix.lower(), content[:16])
        if problem:
            raise InputRejected(problem)
        digest, name = hashlib.sha256(content).hexdigest(), source.name
        keep_attachment(store, name, content)
    with store.transaction("add exhibit", initials) as db:
        if application_id is not None:
            _check_maker(db, application_id, initials)
        numbers = [find_number(store, n).id for n in exhibit.numbers]
        seq = db.execute(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM exhibits WHERE officer_initials = ?", [initials]
        ).fetchone()[0]
        store.describe(f"{initials}/{seq}: {exhibit.description.strip()}")
        exhibit_id = insert_row(
            db,
            "exhibits",
            {
                "application_id": application_id,
                "officer_initials": initials,
                "seq": seq,
                "description": exhibit.description.strip(),
                "exhibit_date": exhibit.exhibit_date.isoformat() if exhibit.exhibit_date else None,
                "file_name": name,
                "file_sha256": digest,
                "added_at": utc_now(),
                "added_by": store.actor,
            },
        )
        for number_id in numbers:
            db.execute(
                "INSERT OR IGNORE INTO exhibit_numbers VALUES (?, ?)", [exhibit_id, number_id]
            )
    return f"{initials}/{seq}"


def keep_attachment(store: Store, name: str, content: bytes) -> Path | None:
    """Put a file in the attachment store, sealed, unless it is there already; the file
    written, or None if it was there."""
    digest = hashlib.sha256(content).hexdigest()
    kept = stored_name(store.key, digest, name)
    path = attachment_dir(store) / kept
    if path.exists():
        return None
    write_file(attachment_dir(store), kept, seal_file(store.key, content, kept))
    return path


def stored_file(store: Store, file_name: str, digest: str) -> bytes:
    """An attached file's content, checked; AttachmentDamaged if missing or altered."""
    path = attachment_dir(store) / stored_name(store.key, digest, file_name)
    changed = AttachmentDamaged(
        f"the attached file {file_name} has changed since it was added; restore it from a "
        "backup before using it in court"
    )
    try:
        content = open_file(store.key, path.read_bytes(), path.name)
    except FileNotFoundError:
        raise AttachmentDamaged(
            f"the attached file {file_name} is missing from {path.parent}"
        ) from None
    except crypto.Unreadable:
        raise changed from None
    if hashlib.sha256(content).hexdigest() != digest:
        raise changed
    return content


def seal_attachment_store(db_path: Path, key: bytes) -> list[Path]:
    """An older register's attachment store (files named by their SHA-256, in the clear)
    sealed: each file whose content matches its name is sealed under its new name; returns
    the clear files, for the caller to remove once the sealed register is in place. A file
    that does not match its name is left as it is."""
    folder = attachment_dir_of(db_path)
    if not folder.is_dir():
        return []
    clear = []
    for file in sorted(folder.iterdir()):
        digest, suffix = file.stem, file.suffix
        if not file.is_file() or len(digest) != 64:
            continue
        content = file.read_bytes()
        if hashlib.sha256(content).hexdigest() != digest:
            continue
        kept = stored_name(key, digest, f"x{suffix}")
        write_file(folder, kept, seal_file(key, content, kept))
        clear.append(file)
    return clear
