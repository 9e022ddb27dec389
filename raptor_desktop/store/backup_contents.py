"""What a backup must hold before a restore may use it, checked member by member.

A backup is a ZIP from outside the register's control: a USB stick, a share, an e-mail. Before
anything of it is used it must be a sane archive (no member that unpacks to far more than it
takes, as a zip bomb does; streams that decompress), with a manifest that is an object with
the fields a backup writes, attachments each named by the SHA-256 of its content (so one
file cannot be swapped for another under its name), and a database with exactly the schema
of a Raptor Desktop register of its version: the same tables with the same columns, the same
indexes and the same triggers (the log's append-only triggers among them).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from contextlib import closing
from functools import cache
from typing import TYPE_CHECKING

from raptor_desktop.core.errors import UnusableFile
from raptor_desktop.store import engine
from raptor_desktop.store.crypto import Unreadable
from raptor_desktop.store.engine import Connection
from raptor_desktop.store.exhibits import ATTACHABLE, open_file, stored_name
from raptor_desktop.store.migrations import apply_migration
from raptor_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from raptor_desktop.store.database import Store

MAX_MEMBER = 8 * 1024**3  # no register nor exhibit comes near this unpacked
MAX_RATIO = 100  # a member unpacking to more than 100 times its size is a bomb, not data
RATIO_FLOOR = 16 * 1024**2  # small members compress as they like
ATTACHMENT = re.compile(r"^attachments/([0-9a-f]{64})(\.[a-z]+)$")
UNREADABLE = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError)


class BackupRefused(UnusableFile, ValueError):
    """The file is not a usable backup (damaged, foreign, wrong passphrase); says why."""


def check_members(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse an archive with a member that would unpack to far more than it takes."""
    for member in archive.infolist():
        size, packed = member.file_size, max(member.compress_size, 1)
        if size > MAX_MEMBER or (size > RATIO_FLOOR and size / packed > MAX_RATIO):
            raise BackupRefused(
                f"{name}: its member {member.filename!r} would unpack to {size:,} bytes from "
                f"{packed:,}; this is not a backup the program wrote"
            )


def read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    try:
        return archive.read(member)
    except UNREADABLE as error:
        raise BackupRefused(f"{name} is damaged: {member} cannot be read ({error})") from None


def check_manifest(manifest: object, name: str) -> dict[str, object]:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("database_sha256"), str):
        raise BackupRefused(f"{name}: its manifest is not one a backup writes")
    return manifest


def check_attachment(member: str, data: bytes, name: str, key: bytes | None) -> str:
    """The file name an attachment is stored under, once its content is shown to match it:
    sealed under the register's ``key`` and named by the MAC of its SHA-256 (or, in a backup
    written before registers were sealed, ``key`` None, named by its SHA-256)."""
    found = ATTACHMENT.match(member)
    if found is None or found.group(2) not in ATTACHABLE:
        raise BackupRefused(f"{name}: {member!r} is not an attachment the program stores")
    stored = f"{found.group(1)}{found.group(2)}"
    swapped = BackupRefused(
        f"{name}: the attachment {member} does not match its name: its file was changed or swapped"
    )
    if key is None:
        if hashlib.sha256(data).hexdigest() != found.group(1):
            raise swapped
        return stored
    try:
        content = open_file(key, data, stored)
    except Unreadable:
        raise swapped from None
    if stored_name(key, hashlib.sha256(content).hexdigest(), stored) != stored:
        raise swapped
    return stored


def _shape(conn: Connection) -> dict[str, object]:
    """A database's schema as structure, not text: each table's columns, the indexes, the
    triggers (a table's SQL text changes with whitespace and with the order columns were
    added). A trigger is its words, whitespace aside: one of the same name that does nothing
    is no guard."""
    names = [
        (kind, name, f"{table}: {' '.join(sql.split())}" if kind == "trigger" else table)
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        )
    ]
    tables = {
        table: sorted(
            (str(c[1]), str(c[2]).upper(), int(c[3]), int(c[5]))
            for c in conn.execute(f'PRAGMA table_info("{table}")')
        )
        for kind, table, _ in names
        if kind == "table"
    }
    return {
        "tables": tables,
        "indexes": sorted((n, t) for kind, n, t in names if kind == "index"),
        "triggers": sorted((n, t) for kind, n, t in names if kind == "trigger"),
    }


@cache
def expected_shape(version: int) -> dict[str, object]:
    """The schema a register of ``version`` has: every migration up to it, in a memory DB."""
    with closing(engine.connect(":memory:", None)) as conn:
        for migration in MIGRATIONS:
            if migration.version <= version:
                apply_migration(conn, migration, bytes(engine.KEY_BYTES))
        return _shape(conn)


def check_schema(conn: Connection, version: int, name: str) -> None:
    """Refuse a database whose schema is not exactly that of a register of its version."""
    differences = schema_differences(conn, version)
    if differences:
        raise BackupRefused(
            f"{name} does not hold a Raptor Desktop register of version {version}: "
            + "; ".join(differences[:6])
        )


def reshaped(store: Store) -> list[str]:
    """How the open register's schema differs from the program's (none, unless changed)."""
    return schema_differences(store.db.conn, SCHEMA_VERSION)


def schema_differences(conn: Connection, version: int) -> list[str]:
    """How the database's schema differs from that of a register of ``version`` (a table,
    index or trigger missing, added or changed): none for a register as the program made it.
    A trigger dropped is the log's guard against deletion gone."""
    found, wanted = _shape(conn), expected_shape(version)
    if found == wanted:
        return []
    have_tables, want_tables = found["tables"], wanted["tables"]
    assert isinstance(have_tables, dict) and isinstance(want_tables, dict)
    differences = [f"table {t} missing" for t in sorted(set(want_tables) - set(have_tables))]
    differences += [
        f"table {t} is not the program's" for t in sorted(set(have_tables) - set(want_tables))
    ]
    differences += [
        f"table {t} has other columns"
        for t in sorted(set(want_tables) & set(have_tables))
        if want_tables[t] != have_tables[t]
    ]
    for part, label in (("indexes", "index"), ("triggers", "trigger")):
        have, want = set(map(tuple, found[part])), set(map(tuple, wanted[part]))  # type: ignore[call-overload]
        differences += [f"{label} {n} missing" for n, _ in sorted(want - have)]
        differences += [f"{label} {n} added" for n, _ in sorted(have - want)]
    return differences
