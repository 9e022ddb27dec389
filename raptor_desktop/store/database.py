"""Opening a register: connection settings, migration, first-run seeding, and the write path.

Every change to the register goes through :meth:`Store.transaction`, so that one place decides
what a write is: one SQLite transaction, and (later) the officer and audit entry that go with it.
"""

from __future__ import annotations

import gc
import getpass
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from raptor_desktop import __version__
from raptor_desktop.core.accounts import Permission, Role, require
from raptor_desktop.core.applications import COURTS
from raptor_desktop.core.audit import Category, category_of
from raptor_desktop.core.networks import NETWORKS
from raptor_desktop.core.register import DEFAULT_OPERATION, ESSEX_DISTRICTS
from raptor_desktop.store import audit, bulk_writes, crypto, engine
from raptor_desktop.store.audit_anchor import write_anchor
from raptor_desktop.store.errors import NotARegister, StoreError, UnsealedRegister, translate
from raptor_desktop.store.migrations import migrate, refuse_foreign, schema_version
from raptor_desktop.store.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

BUSY_TIMEOUT_SECONDS = 5.0
SCAN_CACHE_KB = 16 * 1024


def insert_row(db: sqlite_utils.Database, table: str, record: dict[str, object]) -> int:
    """Insert one row and return its id.

    The statement is written here, not by sqlite-utils' ``Table.insert``, which reads the
    table's columns and foreign keys again on every call: an import of 100,000 rows spent more
    time there than in SQLite. The same text each time, so SQLite's statement cache keeps it
    prepared. Table and column names come from the code, never from input.
    """
    cursor = db.execute(_insert_sql(table, record), list(record.values()))
    if cursor.lastrowid is None:
        raise RuntimeError(f"insert into {table} returned no id")
    return int(cursor.lastrowid)


def insert_rows(db: sqlite_utils.Database, table: str, records: list[dict[str, object]]) -> None:
    """Insert many rows of the same columns with one prepared statement (``executemany``);
    those of a table an import fills in thousands with their index rows and global ids
    written in bulk too (see ``bulk_writes``)."""
    if not records:
        return
    sql, values = _insert_sql(table, records[0]), [list(r.values()) for r in records]
    if table in bulk_writes.TABLES:
        bulk_writes.insert_many(db, table, sql, values)
    else:
        db.conn.executemany(sql, values)


def _insert_sql(table: str, record: dict[str, object]) -> str:
    columns = ", ".join(f'"{name}"' for name in record)
    marks = ", ".join("?" * len(record))
    return f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while many rows are read into dicts and lists: it runs
    every 700 new objects and walks the ones made so far again and again, half the time of
    reading 100,000 rows, and such rows hold no cycles to collect."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def utc_now() -> str:
    # time.strftime, not datetime's: datetime's imports the time module on every call, and
    # once PySide6 is loaded each import goes through its hook (a tenth of an import's time)
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _owner_only(path: Path) -> None:
    """A register made by an older version, or copied in, is made readable by its owner only."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if file.exists() and file.stat().st_mode & 0o077:
                file.chmod(0o600)
        except OSError:  # a file someone else owns, or read-only media: left as it is
            log.warning("cannot make %s owner-only", file)


def _connect(path: Path, key: bytes, *, read_only: bool = False) -> engine.Connection:
    if engine.is_plaintext(str(path)):
        raise UnsealedRegister(
            f"{path} is a register written by an older version of Raptor Desktop, not yet "
            "encrypted",
            "An administrator signing in encrypts it; others can sign in after that.",
        )
    conn = engine.connect(str(path), key, timeout=BUSY_TIMEOUT_SECONDS, read_only=read_only)
    try:
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except engine.Error as error:
            if getattr(error, "sqlite_errorcode", None) == engine.sqlite.SQLITE_NOTADB:
                raise NotARegister(
                    f"{path} does not open with this register's key: it is another file, it "
                    "was changed outside Raptor Desktop, or its key file belongs to another "
                    "register",
                    "Restore the latest backup; the file has not been changed.",
                ) from None
            raise
        refuse_foreign(conn, str(path))
    except BaseException:
        conn.close()
        raise
    if read_only:
        return conn
    configure_for_writing(conn)
    _owner_only(path)
    return conn


def configure_for_writing(conn: engine.Connection) -> None:
    """The settings of every connection that writes to a register."""
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    # Deleted content is overwritten with zeros: what a disposal erases does not linger in the
    # file's free pages, nor in a backup, which carries the file's pages as they are.
    conn.execute("PRAGMA secure_delete = ON")
    # 64 MB of pages: a page is decrypted once while it stays in the cache (a register of
    # 100,000 numbers fits; bench/encryption.py measures what a cache too small costs)
    conn.execute("PRAGMA cache_size = -65536")


class Store:
    """An open register database and the officer working on it."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        path: Path,
        key: bytes,
        actor: str,
        role: Role = Role.OFFICER,
    ) -> None:
        self.db = db
        self.path = path
        self.key = key
        self.log_key = crypto.log_key(key)
        self.actor = actor
        # A store opened without a sign-in has the lowest role; signing in (or a session's
        # worker connection) sets the officer and the role.
        self.role = role
        self._records: str | None = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        key: bytes,
        register: str = "",
        training: bool = False,
        actor: str | None = None,
        role: Role = Role.OFFICER,
        backup_dir: Path | None = None,
    ) -> Store:
        """Open (creating if need be) the register at ``path``.

        ``key`` is the register's key (see ``keyring``): without it the file cannot be read.
        ``register`` is the id its key file names: a new database records it, an existing one
        must have it. ``training`` only matters when the database is created: it is a fixed
        property of the file from then on.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"The folder for the database cannot be created ({path.parent}): {error.strerror}",
                "Choose another location with --db or RAPTOR_DB.",
            ) from error
        try:
            conn = _connect(path, key)
            migrate(conn, str(path), backup_dir if backup_dir else path.parent / "backups", key)
        except engine.Error as error:
            raise translate(error, str(path)) or error from error
        store = cls(sqlite_utils.Database(conn), path, key, actor or _os_user(), role)
        try:
            store._seed_if_new(training, register)
            store._seed_lists_if_empty()
            store._check_register(register)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open_read_only(cls, path: Path, *, key: bytes) -> Store:
        """A connection that can write nothing (to check the register, even on read-only
        media); a register of another schema version is refused, not migrated."""
        try:
            conn = _connect(path, key, read_only=True)
        except engine.Error as error:
            raise translate(error, str(path)) or error from error
        version = schema_version(conn)
        if version != SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"{path} is at database version {version}, this program's is {SCHEMA_VERSION}",
                "Open it once with this version (as a copy, if it is evidence) to upgrade it.",
            )
        return cls(sqlite_utils.Database(conn), path, key, _os_user())

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def training(self) -> bool:
        return self.meta("training") == "1"

    @property
    def register(self) -> str:
        """The register's id, shared with its key file and its backups."""
        return self.meta("register_id") or ""

    def _check_register(self, register: str) -> None:
        if register and self.register != register:
            raise NotARegister(
                f"{self.path} is register {self.register or '(no id)'}, but its key file is for "
                f"register {register}",
                "Put the register's own key file beside it, or restore the latest backup.",
            )

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @contextmanager
    def transaction(
        self, action: str, detail: str = "", *, justification: str = "", recipient: str = ""
    ) -> Iterator[sqlite_utils.Database]:
        """The one way to change the register: all or nothing, and logged.

        The data-protection log entry is written in the same transaction as the change, so
        there is never a change without its entry, nor an entry for a change that failed.
        The transaction starts with ``BEGIN IMMEDIATE``: whatever the body reads to decide
        (is it still a draft, has the contact opted out) cannot change before it commits.
        The body may name the records it touched with :meth:`describe` once it has read them.
        """
        with self._logged(category_of(action), action, detail, justification, recipient) as db:
            yield db

    @contextmanager
    def _logged(
        self, category: Category, event: str, records: str, justification: str, recipient: str
    ) -> Iterator[sqlite_utils.Database]:
        """The body, then its log entry, in one transaction; the log's head noted after."""
        try:
            with self.immediate():
                outer, self._records = self._records, None
                try:
                    yield self.db
                    described = self._records
                finally:
                    self._records = outer
                audit.append(
                    self.db,
                    self.log_key,
                    at=utc_now(),
                    user=self.actor,
                    category=category,
                    event=event,
                    records=records if described is None else described,
                    justification=justification,
                    recipient=recipient,
                )
        except engine.Error as error:
            raise translate(error, str(self.path)) or error from error
        if not self.db.conn.in_transaction:
            write_anchor(self)

    @contextmanager
    def immediate(self) -> Iterator[None]:
        """A write transaction that holds the write lock from its first read, or a savepoint."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.conn.execute("COMMIT")
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise

    def describe(self, records: str) -> None:
        """Inside :meth:`transaction`: the records its log entry names, known once read."""
        self._records = records

    def for_scans(self) -> Store:
        """This connection reads through whole tables, each page once (the home screen's
        figures): a 16 MB page cache, not the 64 MB of one that reads pages again and again
        (the Lines view), so that it does not hold 50 MB more beside the window's own."""
        self.db.execute(f"PRAGMA cache_size = -{SCAN_CACHE_KB}")
        return self

    def require(self, permission: Permission) -> None:
        """Refuse, saying which role may, unless the signed-in officer's role allows it."""
        require(self.role, permission)

    def log(
        self,
        category: Category,
        event: str,
        records: str,
        *,
        justification: str = "",
        recipient: str = "",
    ) -> None:
        """Log a use that changes nothing: a consultation or a disclosure (s62)."""
        with self._logged(category, event, records, justification, recipient):
            pass

    def _seed_if_new(self, training: bool, register: str) -> None:
        if self.meta("created_at") is not None:
            return
        if not register:
            raise ValueError("a new register needs the id of its key file")
        with self.transaction("create database", "training" if training else "live"):
            now = utc_now()
            self.db.table("meta").insert_all(
                [
                    {"key": "created_at", "value": now},
                    {"key": "created_by_version", "value": __version__},
                    {"key": "training", "value": "1" if training else "0"},
                    {"key": "register_id", "value": register},
                ],
                replace=True,
            )
            self.db.table("operations").insert({"name": DEFAULT_OPERATION}, ignore=True)
            self.db.table("areas").insert_all(({"name": n} for n in ESSEX_DISTRICTS), ignore=True)
        # a note left by a database that was here before belongs to that one, not this
        write_anchor(self, replace=True)
        log.info("created %s database at %s", "training" if training else "live", self.path)

    def _seed_lists_if_empty(self) -> None:
        """Courts and networks: seeded once, in new databases and in those migrated to v3."""
        if self.db.execute("SELECT EXISTS (SELECT 1 FROM courts)").fetchone()[0]:
            return
        with self.transaction("seed reference lists"):
            self.db.table("courts").insert_all(({"name": c} for c in COURTS), ignore=True)
            self.db.table("networks").insert_all(
                ({"name": n, "host": h} for n, h in NETWORKS.items()), ignore=True
            )


def _os_user() -> str:
    """Who acts before anyone signs in: said to be no officer, with the workstation's login."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "unknown"
    return f"(not signed in: {login})"
