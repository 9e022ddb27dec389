"""Officer accounts in the database: creating them, signing in, passwords, locking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from raptor_desktop.core.accounts import (
    LOCK_MINUTES,
    MAX_FAILURES,
    Permission,
    Role,
    User,
    hash_password,
    password_matches,
    password_problem,
    username_problem,
)
from raptor_desktop.core.errors import InputRejected, Refusal
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


def add_user(store: Store, username: str, display_name: str, role: Role, password: str) -> None:
    """Add an account; the first account of a database must be an administrator.

    Whether it is the first is read inside the transaction that adds it, so two first
    sign-ins at once cannot both make an administrator without a permission check.
    """
    name = username.strip()
    problem = username_problem(name) or password_problem(password)
    if problem:
        raise InputRejected(problem)
    with store.transaction("add account", f"{name} ({role.value})") as db:
        first = not has_users(store)
        if first and role is not Role.ADMINISTRATOR:
            raise InputRejected("the first account must be an administrator")
        if not first:
            store.require(Permission.MANAGE_ACCOUNTS)
        if db.execute("SELECT 1 FROM users WHERE username = ?", [name]).fetchone():
            raise Conflict(f"there is already an account called {name!r}")
        now = utc_now()
        db.execute(
            "INSERT INTO users (username, display_name, role, password_hash, created_at, "
            "password_changed_at) VALUES (?, ?, ?, ?, ?, ?)",
            [name, display_name.strip(), role.value, hash_password(password), now, now],
        )


def _now() -> datetime:
    return datetime.now(UTC)


def authenticate(store: Store, username: str, password: str) -> User:
    """Check a sign-in; five failures in a row lock the account for five minutes."""
    row = store.db.execute(
        "SELECT id, username, display_name, role, password_hash, failed_attempts, "
        "locked_until, disabled FROM users WHERE username = ?",
        [username.strip()],
    ).fetchone()
    if row is None:
        raise SignInRefused("wrong username or password")
    user_id, name, display, role, stored, failures, locked_until, disabled = row
    if disabled:
        raise SignInRefused(f"the account {name} is disabled; ask an administrator")
    if locked_until and datetime.fromisoformat(locked_until) > _now():
        raise SignInRefused(
            f"the account {name} is locked after {MAX_FAILURES} failed sign-ins; "
            f"try again after {datetime.fromisoformat(locked_until):%H:%M} UTC"
        )
    if not password_matches(password, stored):
        failures += 1
        locked = failures >= MAX_FAILURES
        until = (_now() + timedelta(minutes=LOCK_MINUTES)).isoformat() if locked else None
        with store.db.atomic():  # committed before the refusal is raised
            store.db.execute(
                "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                [0 if locked else failures, until, user_id],
            )
        if locked:
            raise SignInRefused(
                f"wrong password; the account {name} is now locked for {LOCK_MINUTES} minutes"
            )
        raise SignInRefused("wrong username or password")
    with store.db.atomic():
        store.db.execute(
            "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?", [user_id]
        )
    return User(name, display, Role(role))


def sign_in(store: Store, username: str, password: str) -> User:
    """Authenticate and make the officer the store's actor for every later change and log."""
    user = authenticate(store, username, password)
    store.actor, store.role = user.username, user.role
    store.log_sign_in()
    return user


def change_password(store: Store, username: str, new_password: str) -> None:
    """Officers change their own password; an administrator may reset anyone's."""
    if username.strip().casefold() != store.actor.casefold():
        store.require(Permission.MANAGE_ACCOUNTS)
    problem = password_problem(new_password)
    if problem:
        raise InputRejected(problem)
    with store.transaction("change password", username.strip()) as db:
        cursor = db.execute(
            "UPDATE users SET password_hash = ?, password_changed_at = ?, failed_attempts = 0, "
            "locked_until = NULL WHERE username = ?",
            [hash_password(new_password), utc_now(), username.strip()],
        )
        if cursor.rowcount == 0:
            raise RecordNotFound(f"no account called {username.strip()!r}")


def set_disabled(store: Store, username: str, disabled: bool) -> None:
    store.require(Permission.MANAGE_ACCOUNTS)
    if disabled and username.strip().casefold() == store.actor.casefold():
        raise InputRejected("you cannot lock your own account")
    with store.transaction("lock account" if disabled else "unlock account", username) as db:
        cursor = db.execute(
            "UPDATE users SET disabled = ?, failed_attempts = 0, locked_until = NULL "
            "WHERE username = ?",
            [1 if disabled else 0, username.strip()],
        )
        if cursor.rowcount == 0:
            raise RecordNotFound(f"no account called {username.strip()!r}")
