"""The SQLite the register runs on: SQLCipher, an SQLite that encrypts every page.

SQLCipher (through the ``sqlcipher3`` package) is SQLite with AES-256 page encryption and a
page HMAC: without the register's key the file reads as noise, and a page edited without the
key fails loudly the next time it is read. It keeps the rest of SQLite (WAL, FTS5, the backup
API), so sqlite-utils works on it unchanged once it is told to use this module: sqlite-utils
takes ``pysqlite3`` when it is installed, and ``sqlcipher3`` is a build of ``pysqlite3``. This
module is imported by ``raptor_desktop.store`` before any module that imports sqlite-utils.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import sqlcipher3

if TYPE_CHECKING:  # sqlcipher3 has no type hints; its API is the standard library's
    import sqlite3 as sqlite
else:
    from sqlcipher3 import dbapi2 as sqlite

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlite)

Connection = sqlite.Connection
Error = sqlite.Error
KEY_BYTES = 32
PLAINTEXT_HEADER = b"SQLite format 3\x00"


def key_pragma(key: bytes) -> str:
    """The ``PRAGMA key`` value for a raw 256-bit key: used as it is, with no slow derivation
    (the key is random, and it comes from the account's unwrapped key, see ``keyring``)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a register key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def connect(
    path: str,
    key: bytes | None,
    *,
    timeout: float = 5.0,
    read_only: bool = False,
    autocommit: bool = False,
) -> Connection:
    """A connection to ``path``; ``key`` None opens a plaintext SQLite file (an older register
    being sealed, a key file, or ``:memory:``). ``read_only`` writes nothing, not even WAL's
    shared-memory file: on read-only media the file is opened as immutable. ``autocommit``
    leaves transactions to explicit ``BEGIN`` and ``COMMIT``."""
    level: Literal["DEFERRED"] | None = None if autocommit else "DEFERRED"
    if read_only:
        uri = Path(path).resolve().as_uri()
        mode = "mode=ro" if os.access(Path(path).parent, os.W_OK) else "immutable=1"
        conn = sqlite.connect(f"{uri}?{mode}", timeout=timeout, uri=True, isolation_level=level)
    else:
        conn = sqlite.connect(path, timeout=timeout, isolation_level=level)
    if key is not None:
        conn.execute(f"PRAGMA key = {key_pragma(key)}")
    return conn


def is_plaintext(path: str) -> bool:
    """Whether the file at ``path`` is an unencrypted SQLite database (an older register).

    Asked of SQLite (a connection without a key reads it or not), never by opening the file
    here: on POSIX, closing any descriptor of a file drops every lock this process holds on
    it, those of its open SQLite connections included (SQLite keeps its own descriptors open
    for that reason), and another process could then take the register from under them.
    """
    target = Path(path)
    try:
        if not target.is_file() or target.stat().st_size < len(PLAINTEXT_HEADER):
            return False
    except OSError:
        return False
    uri = target.resolve().as_uri()
    for mode in ("mode=ro", "immutable=1"):  # immutable: on read-only media
        try:
            conn = sqlite.connect(f"{uri}?{mode}", uri=True)
        except sqlite.Error:
            continue
        try:
            conn.execute("PRAGMA schema_version").fetchone()
            return True
        except sqlite.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) == sqlite.SQLITE_NOTADB:
                return False
        finally:
            conn.close()
    return False
