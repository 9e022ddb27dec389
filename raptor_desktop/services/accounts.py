"""Officer accounts (administrators) and what each role may do."""

from __future__ import annotations

from raptor_desktop.core.accounts import Permission, Role, allows
from raptor_desktop.store.accounts import add_user, change_password, list_users, set_disabled
from raptor_desktop.store.database import Store

__all__ = [
    "Permission",
    "Role",
    "add_user",
    "change_password",
    "list_users",
    "may",
    "set_disabled",
]


def may(store: Store, permission: Permission) -> bool:
    """Whether the officer signed in on ``store`` may do this (to show or hide an action).

    The store refuses regardless; this only spares the officer a refusal.
    """
    return allows(store.role, permission)
