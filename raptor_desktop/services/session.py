"""Making a register and signing in to it: the session every later step acts under.

A register is encrypted (see ``store.engine``), so nothing in it can be read before a sign-in:
the officer's password unwraps the register's key from the key file beside it, the key opens
the register, and the sign-in is logged in it. A :class:`Session` is made once, then; it names
the register, the officer, the role and the key, and every worker thread opens its own
connection from it, so every connection acts as the same officer with the same rights.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from raptor_desktop.core.accounts import (
    Role,
    normalise_username,
    password_problem,
    username_problem,
)
from raptor_desktop.core.audit import Category
from raptor_desktop.core.demo_scenario import (
    DEMO_OFFICER_NAME,
    DEMO_PASSWORD,
    DEMO_SUPERVISOR,
    DEMO_USER,
)
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.paths import register_exists
from raptor_desktop.store import crypto, engine
from raptor_desktop.store.accounts import (
    SignInRefused,
    account_roles,
    add_user,
    change_password,
    has_users,
    set_disabled,
    unlock_key,
)
from raptor_desktop.store.accounts import sign_in as _sign_in
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import Conflict, StoreError
from raptor_desktop.store.keyring import Keyring, keyring_path
from raptor_desktop.store.sealing import seal_older_register

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_SUPERVISOR",
    "DEMO_USER",
    "NewRegister",
    "Session",
    "SignInRefused",
    "SignedIn",
    "Store",
    "StoreError",
    "create_register",
    "ensure_demo_register",
    "has_users",
    "recover",
    "register_exists",
    "sign_in",
    "sign_in_again",
    "switch_officer",
]


@dataclass(frozen=True)
class Session:
    """Who is signed in to which register, with its key."""

    path: Path
    officer: str
    role: Role
    training: bool
    register: str
    key: bytes = field(repr=False)

    @classmethod
    def of(cls, store: Store) -> Session:
        """The session of a connection an officer signed in on."""
        return cls(store.path, store.actor, store.role, store.training, store.register, store.key)

    def connect(self) -> Store:
        """A new connection acting as this officer (for a worker thread, or after a restore)."""
        return Store.open(
            self.path, key=self.key, register=self.register, actor=self.officer, role=self.role
        )


@dataclass(frozen=True)
class NewRegister:
    """A register just made (or sealed): the recovery key is shown once, to be kept safe."""

    training: bool
    recovery_key: str
    need_passwords: tuple[str, ...] = ()  # accounts of a sealed older register without a seal


@dataclass(frozen=True)
class SignedIn:
    store: Store
    sealed: NewRegister | None = None  # set when this sign-in sealed an older register


def _open(path: Path, key: bytes) -> Store:
    with Keyring.open(path) as ring:
        register = ring.register
    return Store.open(path, key=key, register=register)


def sign_in(path: Path, username: str, password: str) -> SignedIn:
    """Unwrap the key with the officer's password, open the register, log the sign-in.

    A register written before registers were encrypted is sealed by its first
    administrator's sign-in (see ``store.sealing``); the result then carries the recovery key.
    """
    sealed = None
    if engine.is_plaintext(str(path)):
        done = seal_older_register(path, username, password)
        key = done.key
        sealed = NewRegister(False, done.recovery_key, done.unsealed_accounts)
    else:
        key = unlock_key(path, username, password)
    store = _open(path, key)
    try:
        _sign_in(store, username)
        if sealed is not None:
            sealed = NewRegister(store.training, sealed.recovery_key, sealed.need_passwords)
    except BaseException:
        store.close()
        raise
    return SignedIn(store, sealed)


def sign_in_again(store: Store, password: str) -> None:
    """After the idle lock: only the officer already signed in may carry on."""
    unlock_key(store.path, store.actor, password)
    _sign_in(store, store.actor)


def switch_officer(store: Store, username: str, password: str) -> None:
    """Another officer signs in to the register already open (after Sign out)."""
    if unlock_key(store.path, username, password) != store.key:
        raise SignInRefused("that account's key does not open this register")
    _sign_in(store, username)


def create_register(
    path: Path, *, training: bool, admin: str, password: str, display_name: str = ""
) -> NewRegister:
    """A new register at ``path`` with its first administrator, who can then sign in.

    A register already there is refused, unless it is an older one with no account yet (it
    is sealed, and ``admin`` becomes its first administrator).
    """
    problem = username_problem(admin) or password_problem(password)
    if problem:  # refused before any file exists, so a mistake leaves nothing to clear up
        raise InputRejected(problem)
    if register_exists(path):
        if not engine.is_plaintext(str(path)):
            raise Conflict(f"a database already exists at {path}; choose another path with --db")
        sealed = seal_older_register(path, admin, password, first_administrator=True)
        with _open(path, sealed.key) as store:
            add_user(store, admin, display_name or admin, Role.ADMINISTRATOR, password)
            return NewRegister(store.training, sealed.recovery_key)
    return _create(path, training, admin, display_name or admin, password)[0]


def _create(
    path: Path, training: bool, admin: str, display_name: str, password: str
) -> tuple[NewRegister, Store]:
    """A new register with its key file and its first administrator; the register is left
    open (nobody signed in) for the caller to close."""
    key = crypto.new_key()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with Keyring.create(path) as ring:
            recovery = ring.set_recovery(key)
            register = ring.register
        store = Store.open(path, key=key, register=register, training=training)
        try:
            add_user(store, admin, display_name, Role.ADMINISTRATOR, password)
        except BaseException:
            store.close()
            raise
    except BaseException:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), keyring_path(path)):
            leftover.unlink(missing_ok=True)
        raise
    return NewRegister(training, recovery), store


def ensure_demo_register(path: Path) -> None:
    """The demo training register at ``path``, made and filled if it is not there yet."""
    if register_exists(path):
        return
    _made, store = _create(path, True, DEMO_USER, DEMO_OFFICER_NAME, DEMO_PASSWORD)
    with store:
        from raptor_desktop.store.demo import seed_demo  # the scenario: only for the demo

        seed_demo(store)


def recover(path: Path, recovery_key: str, admin: str, password: str) -> SignedIn:
    """Every administrator's password forgotten: the recovery key opens the register, and
    ``admin`` (an existing administrator, or a new one) gets ``password`` and signs in."""
    with Keyring.open(path) as ring:
        key = ring.unwrap_recovery(recovery_key)
    if key is None:
        raise SignInRefused("the recovery key is wrong")
    name = normalise_username(admin)
    with _open(path, key) as store:
        store.actor, store.role = "(recovery key)", Role.ADMINISTRATOR
        store.log(Category.CONSULTATION, "open with the recovery key", f"for {name}")
        roles = {normalise_username(str(u[0])): str(u[1]) for u in account_roles(store)}
        if name not in roles:
            add_user(store, name, name, Role.ADMINISTRATOR, password)
        elif roles[name] != Role.ADMINISTRATOR.value:
            raise InputRejected(f"{name} is not an administrator; name an administrator")
        else:
            set_disabled(store, name, False)
            change_password(store, name, password)
    return sign_in(path, admin, password)
