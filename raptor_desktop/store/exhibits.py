"""Exhibits and the attachment store: files copied in beside the database, checked by SHA-256."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from raptor_desktop.core.applications import Officer
from raptor_desktop.core.attachments import SIGNATURES, attachment_problem
from raptor_desktop.core.errors import InputRejected, UnusableFile
from raptor_desktop.store.database import Store, insert_row, utc_now
from raptor_desktop.store.lines import find_number

ATTACHABLE = tuple(SIGNATURES)


class AttachmentDamaged(UnusableFile, ValueError):
    """An attached file is missing or no longer matches the SHA-256 recorded when it was added."""


def attachment_dir(store: Store) -> Path:
    return store.path.with_name(f"{store.path.stem}.attachments")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
        with source.open("rb") as handle:
            problem = attachment_problem(source.name, source.suffix.lower(), handle.read(16))
        if problem:
            raise InputRejected(problem)
        digest, name = sha256_of(source), source.name
        target = attachment_dir(store) / f"{digest}{source.suffix.lower()}"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
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


def stored_file(store: Store, file_name: str, digest: str) -> Path:
    """The checked path of an attached file; AttachmentDamaged if missing or altered."""
    path = attachment_dir(store) / f"{digest}{Path(file_name).suffix.lower()}"
    if not path.is_file():
        raise AttachmentDamaged(f"the attached file {file_name} is missing from {path.parent}")
    if sha256_of(path) != digest:
        raise AttachmentDamaged(
            f"the attached file {file_name} has changed since it was added (SHA-256 mismatch); "
            "restore it from a backup before using it in court"
        )
    return path
