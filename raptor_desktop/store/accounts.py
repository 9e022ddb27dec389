"""Officer accounts: creating them, signing in, passwords, locking.

An account is a row in the register (name, role, disabled) and a seal of the register's key
under its password in the key file (``keyring``): the password is checked by opening that
seal, before the register can be read at all.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from raptor_desktop.core.accounts import (
    LOCK_MINUTES,
    MAX_FAILURES,
    Permission,
    Role,
    User,
    normalise_username,
    password_problem,
    username_problem,
)
from raptor_desktop.core.audit import Category
from raptor_desktop.core.errors import InputRejected, Refusal
from raptor_desktop.store import audit, engine
from raptor_desktop.store.audit_anchor import write_anchor
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import Conflict, RecordNotFound
from raptor_desktop.store.keyring import Keyring


class SignInRefused(Refusal, PermissionError):
    """Wrong name or password, a locked or disabled account; ``str()`` says which."""


def has_users(store: Store) -> bool:
    return bool(store.db.execute("SELECT EXISTS (SELECT 1 FROM users)").fetchone()[0])


def account_roles(store: Store) -> list[tuple[str, str]]:
    """Every account's name and role."""
    return [(str(n), str(r)) for n, r in store.db.execute("SELECT username, role FROM users")]


def list_users(store: Store) -> list[dict[str, object]]:
    """The accounts, with whether each can sign in (has a key wrap) and is locked out."""
    store.require(Permission.MANAGE_ACCOUNTS)
    cursor = store.db.execute(
        "SELECT username, display_name, role, disabled FROM users ORDER BY username"
    )
    names = [c[0] for c in cursor.description]
    users = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    with Keyring.open(store.path) as ring:
        holders, failures, now = ring.holders(), ring.failures(), _now()
        for user in users:
            name = str(user["username"])
            user["has_password"] = name in holders
            user["failed_attempts"] = failures.get(name, (0, None))[0]
            locked = ring.locked_until(name, now)
            user["locked_until"] = locked.isoformat() if locked else None
            user["state"] = (
                "disabled"
                if user["disabled"]
                else "locked"
                if locked
                else "active"
                if user["has_password"]
                else "needs a new password"
            )
    return users


def account_row(db: sqlite_utils.Database, username: str) -> tuple[object, ...] | None:
    """The account whose name, normalised, is ``username`` normalised (or None).

    Names are compared in their one normalised form, never by SQLite's NOCASE (which folds
    only ASCII); accounts made by older versions are compared the same way.
    """
    wanted = normalise_username(username)
    found = [
        row
        for row in db.execute("SELECT id, username, display_name, role, disabled FROM users")
        if normalise_username(str(row[1])) == wanted
    ]
    if len(found) > 1:
        raise SignInRefused(
            f"{len(found)} accounts are called {wanted!r} once case and width are folded; an "
            "administrator must rename all but one"
        )
    return tuple(found[0]) if found else None


def add_user(store: Store, username: str, display_name: str, role: Role, password: str) -> None:
    """Add an account, and seal the register's key under its password.

    The first account of a register must be an administrator; whether it is the first is
    read inside the transaction that adds it, so two first sign-ins at once cannot both make
    an administrator without a permission check. The name is stored in its normalised form,
    and refused if it folds into an existing one. The key file is written before the
    account's row commits: if it cannot be, the account is not added.
    """
    name = normalise_username(username)
    problem = username_problem(username) or password_problem(password)
    if problem:
        raise InputRejected(problem)
    with store.transaction("add account", f"{name} ({role.value})") as db:
        first = not has_users(store)
        if first and role is not Role.ADMINISTRATOR:
            raise InputRejected("the first account must be an administrator")
        if not first:
            store.require(Permission.MANAGE_ACCOUNTS)
        if account_row(db, name) is not None:
            raise Conflict(f"there is already an account called {name!r}")
        now = utc_now()
        db.execute(
            "INSERT INTO users (username, display_name, role, created_at, password_changed_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [name, display_name.strip(), role.value, now, now],
        )
        _wrap_for(store, name, password)


def _wrap_for(store: Store, name: str, password: str) -> None:
    with Keyring.open(store.path) as ring, ring.transaction():
        ring.wrap(name, password, store.key)


def _now() -> datetime:
    return datetime.now(UTC)


def unlock_key(db_path: Path, username: str, password: str) -> bytes:
    """The register's key, unwrapped with the officer's password; five wrong passwords in a
    row lock the account for five minutes.

    Reading the count, trying the password, counting a failure and noting the refusal are one
    write transaction on the key file, so concurrent guesses queue behind each other and
    cannot outrun the lock-out. An unknown name costs one key derivation, as a known one does,
    so the time taken does not tell whether an account exists.
    """
    name = normalise_username(username)[:64]
    with Keyring.open(db_path) as ring:
        try:
            with ring.transaction():
                key, why = _try_unwrap(ring, name, password)
        except engine.Error as error:
            if not _read_only(error):
                raise
            # read-only media (a copy kept as evidence): nothing can be counted there, and
            # whoever holds the copy could try the wraps anyway
            key = ring.unwrap(name, password)
            why = "wrong username or password"
    if key is None:
        raise SignInRefused(why)
    return key


def _read_only(error: Exception) -> bool:
    return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF == engine.sqlite.SQLITE_READONLY


REFUSED = (
    f"wrong username or password (or the account is locked: {MAX_FAILURES} failed sign-ins "
    f"lock it for {LOCK_MINUTES} minutes)"
)
"""One answer to every refused sign-in: whether an account of that name exists, or is locked
now, is not told to whoever is trying names at the keyboard (the log records which it was)."""


def _try_unwrap(ring: Keyring, name: str, password: str) -> tuple[bytes | None, str]:
    now = _now()
    if ring.locked_until(name, now) is not None:
        ring.refuse(name, "account locked")
        return None, REFUSED
    key = ring.unwrap(name, password)
    if key is not None:
        ring.clear_failures(name)
        return key, ""
    if name not in ring.holders():
        ring.refuse(name, "no such account, or none that can sign in")
        return None, REFUSED
    if ring.count_failure(name, now, MAX_FAILURES, LOCK_MINUTES):
        ring.refuse(name, f"account locked after {MAX_FAILURES} failed sign-ins")
        return None, REFUSED
    ring.refuse(name, "wrong password")
    return None, REFUSED


def authenticate(store: Store, username: str) -> User:
    """Once the key has opened the register: the account, checked and its sign-in logged.

    The refused attempts noted in the key file since the last sign-in are moved into the log
    in the same transaction, each with the time it happened.
    """
    with Keyring.open(store.path) as ring:
        pending = ring.refused()
        with store.immediate():
            for attempt in pending:
                event = "account locked" if "locked after" in attempt.why else "sign-in refused"
                audit.append(
                    store.db,
                    store.log_key,
                    at=attempt.at,
                    user="(not signed in)",
                    category=Category.CONSULTATION,
                    event=event,
                    records=f"{attempt.name}: {attempt.why} (noted in the key file)",
                )
            user, why = _account_state(store, username)
            audit.append(
                store.db,
                store.log_key,
                at=utc_now(),
                user=user.username if user else store.actor,
                category=Category.CONSULTATION,
                event="sign in" if user else "sign-in refused",
                records=f"{user.username} ({user.role.value})" if user else why,
            )
        if pending:
            with ring.transaction():
                ring.forget_refused(pending[-1].id)
    write_anchor(store)
    if user is None:
        raise SignInRefused(why)
    return user


def _account_state(store: Store, username: str) -> tuple[User | None, str]:
    row = account_row(store.db, username)
    if row is None:
        return None, (
            f"{normalise_username(username)}: the key file has a key for an account the "
            "register does not have"
        )
    _id, name, display, role, disabled = row
    if disabled:
        return None, f"the account {name} is disabled; ask an administrator"
    return User(str(name), str(display), Role(str(role))), ""


def sign_in(store: Store, username: str) -> User:
    """After :func:`unlock_key` opened ``store``: the officer is its actor for every later
    change and log entry."""
    user = authenticate(store, username)
    store.actor, store.role = user.username, user.role
    return user


def change_password(store: Store, username: str, new_password: str) -> None:
    """Officers change their own password; an administrator may reset anyone's. Either way the
    register's key is sealed again under the new password, and the old seal is gone."""
    if normalise_username(username) != normalise_username(store.actor):
        store.require(Permission.MANAGE_ACCOUNTS)
    problem = password_problem(new_password)
    if problem:
        raise InputRejected(problem)
    with store.transaction("change password", normalise_username(username)) as db:
        row = account_row(db, username)
        if row is None:
            raise RecordNotFound(f"no account called {username.strip()!r}")
        db.execute("UPDATE users SET password_changed_at = ? WHERE id = ?", [utc_now(), row[0]])
        _wrap_for(store, str(row[1]), new_password)


def set_disabled(store: Store, username: str, disabled: bool) -> None:
    """Disable an account (its key seal is destroyed, so its password opens nothing), or
    enable it again and clear its lock-out (a disabled account then needs a new password)."""
    store.require(Permission.MANAGE_ACCOUNTS)
    if disabled and normalise_username(username) == normalise_username(store.actor):
        raise InputRejected("you cannot lock your own account")
    event = "lock account" if disabled else "unlock account"
    with store.transaction(event, normalise_username(username)) as db:
        row = account_row(db, username)
        if row is None:
            raise RecordNotFound(f"no account called {username.strip()!r}")
        db.execute("UPDATE users SET disabled = ? WHERE id = ?", [1 if disabled else 0, row[0]])
        with Keyring.open(store.path) as ring, ring.transaction():
            if disabled:
                ring.remove(str(row[1]))
            ring.clear_failures(str(row[1]))
