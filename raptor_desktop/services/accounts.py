"""Officer accounts (administrators) and what each role may do."""

from __future__ import annotations

from raptor_desktop.core.accounts import Permission, Role, allows
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store.accounts import (
    add_user,
    change_password,
    list_users,
    set_disabled,
    unlock_key,
)
from raptor_desktop.store.database import Store
from raptor_desktop.store.profiles import officer_profile, save_officer_profile

__all__ = [
    "Permission",
    "Role",
    "add_user",
    "change_own_password",
    "change_password",
    "list_users",
    "may",
    "officer_profile",
    "save_officer_profile",
    "set_disabled",
]


def may(store: Store, permission: Permission) -> bool:
    """Whether the officer signed in on ``store`` may do this (to show or hide an action).

    The store refuses regardless; this only spares the officer a refusal.
    """
    return allows(store.role, permission)


def change_own_password(store: Store, current: str, new: str, again: str) -> None:
    """The signed-in officer changes their own password, proving it is them with the current
    one (a wrong one counts towards the lock-out, like any sign-in)."""
    if new != again:
        raise InputRejected("the new passwords do not match")
    if new == current:
        raise InputRejected("choose a new password, not the one you have")
    unlock_key(store.path, store.actor, current)
    change_password(store, store.actor, new)
