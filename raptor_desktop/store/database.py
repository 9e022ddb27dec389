"""Opening a register: connection settings, migration, first-run seeding, and the write path.

Every change to the register goes through :meth:`Store.transaction`, so that one place decides
what a write is: one SQLite transaction, and (later) the officer and audit entry that go with it.
"""

from __future__ import annotations

import getpass
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from raptor_desktop import __version__
from raptor_desktop.core.accounts import Permission, Role, require
from raptor_desktop.core.applications import COURTS
from raptor_desktop.core.audit import Category, category_of
from raptor_desktop.core.networks import NETWORKS
from raptor_desktop.core.register import DEFAULT_OPERATION, ESSEX_DISTRICTS
from raptor_desktop.store import audit
from raptor_desktop.store.audit_anchor import write_anchor
from raptor_desktop.store.errors import StoreError, translate
from raptor_desktop.store.migrations import migrate, refuse_foreign

log = logging.getLogger(__name__)

BUSY_TIMEOUT_SECONDS = 5.0


def insert_row(db: sqlite_utils.Database, table: str, record: dict[str, object]) -> int:
    """Insert one row and return its id."""
    pk = db.table(table).insert(record).last_pk
    if pk is None:
        raise RuntimeError(f"insert into {table} returned no id")
    return int(pk)


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _owner_only(path: Path) -> None:
    """A register made by an older version, or copied in, is made readable by its owner only."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if file.exists() and file.stat().st_mode & 0o077:
                file.chmod(0o600)
        except OSError:  # a file someone else owns, or read-only media: left as it is
            log.warning("cannot make %s owner-only", file)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        refuse_foreign(conn, str(path))
    except BaseException:
        conn.close()
        raise
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    _owner_only(path)
    return conn


class Store:
    """An open register database and the officer working on it."""

    def __init__(
        self, db: sqlite_utils.Database, path: Path, actor: str, role: Role = Role.OFFICER
    ) -> None:
        self.db = db
        self.path = path
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
        training: bool = False,
        actor: str | None = None,
        role: Role = Role.OFFICER,
        backup_dir: Path | None = None,
    ) -> Store:
        """Open (creating if need be) the register at ``path``.

        ``training`` only matters when the database is created: it is a fixed property of the
        file from then on.
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
            conn = _connect(path)
            migrate(conn, str(path), backup_dir if backup_dir else path.parent / "backups")
        except sqlite3.Error as error:
            raise translate(error, str(path)) or error from error
        store = cls(sqlite_utils.Database(conn), path, actor or _os_user(), role)
        store._seed_if_new(training)
        store._seed_lists_if_empty()
        return store

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def training(self) -> bool:
        return self.meta("training") == "1"

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
                    at=utc_now(),
                    user=self.actor,
                    category=category,
                    event=event,
                    records=records if described is None else described,
                    justification=justification,
                    recipient=recipient,
                )
        except sqlite3.Error as error:
            raise translate(error, str(self.path)) or error from error
        if not self.db.conn.in_transaction:
            write_anchor(self.db.conn, self.path)

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

    def _seed_if_new(self, training: bool) -> None:
        if self.meta("created_at") is not None:
            return
        with self.transaction("create database", "training" if training else "live"):
            now = utc_now()
            self.db.table("meta").insert_all(
                [
                    {"key": "created_at", "value": now},
                    {"key": "created_by_version", "value": __version__},
                    {"key": "training", "value": "1" if training else "0"},
                ],
                replace=True,
            )
            self.db.table("operations").insert({"name": DEFAULT_OPERATION}, ignore=True)
            self.db.table("areas").insert_all(({"name": n} for n in ESSEX_DISTRICTS), ignore=True)
        # a note left by a database that was here before belongs to that one, not this
        write_anchor(self.db.conn, self.path, replace=True)
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
