"""Officer accounts in the database: creating them, signing in, passwords, locking."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from functools import cache

import sqlite_utils

from raptor_desktop.core.accounts import (
    LOCK_MINUTES,
    MAX_FAILURES,
    Permission,
    Role,
    User,
    hash_password,
    normalise_username,
    password_matches,
    password_problem,
    username_problem,
)
from raptor_desktop.core.audit import Category
from raptor_desktop.core.errors import InputRejected, Refusal
from raptor_desktop.store import audit
from raptor_desktop.store.audit_anchor import write_anchor
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import Conflict, RecordNotFound


class SignInRefused(Refusal, PermissionError):
    """Wrong name or password, a locked or disabled account; ``str()`` says which."""


def has_users(store: Store) -> bool:
    return bool(store.db.execute("SELECT EXISTS (SELECT 1 FROM users)").fetchone()[0])


def list_users(store: Store) -> list[dict[str, object]]:
    store.require(Permission.MANAGE_ACCOUNTS)
    cursor = store.db.execute(
        "SELECT username, display_name, role, disabled, locked_until, failed_attempts "
        "FROM users ORDER BY username"
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _account(db: sqlite_utils.Database, username: str) -> tuple[object, ...] | None:
    """The account whose name, normalised, is ``username`` normalised (or None).

    Names are compared in their one normalised form, never by SQLite's NOCASE (which folds
    only ASCII); accounts made by older versions are compared the same way.
    """
    wanted = normalise_username(username)
    found = [
        row
        for row in db.execute(
            "SELECT id, username, display_name, role, password_hash, failed_attempts, "
            "locked_until, disabled FROM users"
        ).fetchall()
        if normalise_username(str(row[1])) == wanted
    ]
    if len(found) > 1:
        raise SignInRefused(
            f"{len(found)} accounts are called {wanted!r} once case and width are folded; an "
            "administrator must rename all but one"
        )
    return tuple(found[0]) if found else None


def add_user(store: Store, username: str, display_name: str, role: Role, password: str) -> None:
    """Add an account; the first account of a database must be an administrator.

    Whether it is the first is read inside the transaction that adds it, so two first
    sign-ins at once cannot both make an administrator without a permission check. The name
    is stored in its normalised form, and refused if it folds into an existing one.
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
        if _account(db, name) is not None:
            raise Conflict(f"there is already an account called {name!r}")
        now = utc_now()
        db.execute(
            "INSERT INTO users (username, display_name, role, password_hash, created_at, "
            "password_changed_at) VALUES (?, ?, ?, ?, ?, ?)",
            [name, display_name.strip(), role.value, hash_password(password), now, now],
        )


def _now() -> datetime:
    return datetime.now(UTC)


@cache
def _decoy_hash() -> str:
    """A hash no password matches, checked for an unknown name so that it takes as long."""
    return hash_password(secrets.token_hex(16))


def _attempt(store: Store, username: str, password: str) -> tuple[User | None, str, str, str]:
    """Inside the sign-in's transaction: the user, or why not, and the log entry to write."""
    row = _account(store.db, username)
    shown = normalise_username(username)[:64]
    if row is None:
        password_matches(password, _decoy_hash())
        return None, "wrong username or password", "sign-in refused", f"{shown}: no such account"
    user_id, name, display, role, stored, failures, locked_until, disabled = row
    if disabled:
        why = f"the account {name} is disabled; ask an administrator"
        return None, why, "sign-in refused", f"{name}: account disabled"
    if locked_until and datetime.fromisoformat(str(locked_until)) > _now():
        until = datetime.fromisoformat(str(locked_until))
        why = (
            f"the account {name} is locked after {MAX_FAILURES} failed sign-ins; "
            f"try again after {until:%H:%M} UTC"
        )
        return None, why, "sign-in refused", f"{name}: account locked"
    if not password_matches(password, str(stored)):
        count = int(str(failures)) + 1
        locked = count >= MAX_FAILURES
        until_text = (_now() + timedelta(minutes=LOCK_MINUTES)).isoformat() if locked else None
        store.db.execute(
            "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
            [0 if locked else count, until_text, user_id],
        )
        if locked:
            why = f"wrong password; the account {name} is now locked for {LOCK_MINUTES} minutes"
            return None, why, "account locked", f"{name}: after {MAX_FAILURES} failed sign-ins"
        return None, "wrong username or password", "sign-in refused", f"{name}: wrong password"
    store.db.execute(
        "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?", [user_id]
    )
    user = User(str(name), str(display), Role(str(role)))
    return user, "", "sign in", f"{name} ({user.role.value})"


def authenticate(store: Store, username: str, password: str) -> User:
    """Check a sign-in; five failures in a row lock the account for five minutes.

    Reading the account, checking the password, counting the failure and logging the attempt
    (refused or not) are one write transaction, so concurrent guesses queue behind each other
    and cannot outrun the lock-out. An unknown name costs one password check as a known one
    does, so the time taken does not tell whether an account exists.
    """
    with store.immediate():
        user, why, event, records = _attempt(store, username, password)
        audit.append(
            store.db,
            at=utc_now(),
            user=user.username if user else store.actor,
            category=Category.CONSULTATION,
            event=event,
            records=records,
        )
    write_anchor(store.db.conn, store.path)
    if user is None:
        raise SignInRefused(why)
    return user


def sign_in(store: Store, username: str, password: str) -> User:
    """Authenticate and make the officer the store's actor for every later change and log."""
    user = authenticate(store, username, password)
    store.actor, store.role = user.username, user.role
    return user


def change_password(store: Store, username: str, new_password: str) -> None:
    """Officers change their own password; an administrator may reset anyone's."""
    if normalise_username(username) != normalise_username(store.actor):
        store.require(Permission.MANAGE_ACCOUNTS)
    problem = password_problem(new_password)
    if problem:
        raise InputRejected(problem)
    with store.transaction("change password", normalise_username(username)) as db:
        row = _account(db, username)
        if row is None:
            raise RecordNotFound(f"no account called {username.strip()!r}")
        db.execute(
            "UPDATE users SET password_hash = ?, password_changed_at = ?, failed_attempts = 0, "
            "locked_until = NULL WHERE id = ?",
            [hash_password(new_password), utc_now(), row[0]],
        )


def set_disabled(store: Store, username: str, disabled: bool) -> None:
    store.require(Permission.MANAGE_ACCOUNTS)
    if disabled and normalise_username(username) == normalise_username(store.actor):
        raise InputRejected("you cannot lock your own account")
    event = "lock account" if disabled else "unlock account"
    with store.transaction(event, normalise_username(username)) as db:
        row = _account(db, username)
        if row is None:
            raise RecordNotFound(f"no account called {username.strip()!r}")
        db.execute(
            "UPDATE users SET disabled = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
            [1 if disabled else 0, row[0]],
        )
