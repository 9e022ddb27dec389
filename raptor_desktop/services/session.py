"""Opening a register and signing in: the session every later step acts under.

A :class:`Session` is made once, when an officer signs in. It names the register, the officer
and the role; every worker thread opens its own connection from it, so every connection acts
as the same officer with the same rights, and nothing else decides "who is signed in".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from raptor_desktop.core.accounts import Role, password_problem, username_problem
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store.accounts import SignInRefused, add_user, has_users
from raptor_desktop.store.accounts import sign_in as _sign_in
from raptor_desktop.store.database import Store
from raptor_desktop.store.demo import DEMO_PASSWORD, DEMO_SUPERVISOR, DEMO_USER, seed_demo
from raptor_desktop.store.errors import Conflict, StoreError

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_SUPERVISOR",
    "DEMO_USER",
    "Session",
    "SignInRefused",
    "Store",
    "StoreError",
    "create_first_administrator",
    "create_register",
    "has_users",
    "open_register",
    "sign_in",
    "sign_in_again",
]


@dataclass(frozen=True)
class Session:
    """Who is signed in to which register."""

    path: Path
    officer: str
    role: Role
    training: bool

    @classmethod
    def of(cls, store: Store) -> Session:
        """The session of a connection an officer signed in on."""
        return cls(store.path, store.actor, store.role, store.training)

    def connect(self) -> Store:
        """A new connection acting as this officer (for a worker thread, or after a restore)."""
        return Store.open(self.path, actor=self.officer, role=self.role)


def open_register(path: Path, *, training: bool = False, demo: bool = False) -> Store:
    """Open (creating if need be) the register at ``path``; ``demo`` fills a training one.

    Nobody is signed in yet: the connection has the lowest role until :func:`sign_in`.
    """
    store = Store.open(path, training=training or demo)
    try:
        if demo:
            seed_demo(store)
    except BaseException:
        store.close()
        raise
    return store


def create_register(path: Path, *, training: bool, admin: str = "", password: str = "") -> bool:
    """A new register at ``path``, with its first administrator if ``admin`` is named; returns
    whether it is a training register. A register already there is refused, unless it has no
    account yet and ``admin`` names its first administrator."""
    if path.exists() and path.stat().st_size > 0:
        if not admin:
            raise Conflict(f"a database already exists at {path}; choose another path with --db")
        with open_register(path) as store:
            if has_users(store):
                raise Conflict(f"the register at {path} already has accounts; sign in to it")
            create_first_administrator(store, admin, admin, password)
            return store.training
    if admin:  # refused before the file exists, so a mistake leaves nothing to clear up
        problem = username_problem(admin) or password_problem(password)
        if problem:
            raise InputRejected(problem)
    with open_register(path, training=training) as store:
        if admin:
            create_first_administrator(store, admin, admin, password)
        return store.training


def sign_in(store: Store, username: str, password: str) -> Session:
    """Check the officer's password; the connection then acts as them (the sign-in is logged)."""
    _sign_in(store, username, password)
    return Session.of(store)


def create_first_administrator(
    store: Store, username: str, display_name: str, password: str
) -> Session:
    """A register without accounts: its first account, an administrator, signs in at once."""
    add_user(store, username, display_name, Role.ADMINISTRATOR, password)
    return sign_in(store, username, password)


def sign_in_again(store: Store, password: str) -> None:
    """After the idle lock: only the officer already signed in may carry on."""
    _sign_in(store, store.actor, password)
