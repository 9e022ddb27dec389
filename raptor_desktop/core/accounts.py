"""Officer accounts: roles, what each may do, passwords and lock-out.

A password is never stored: it unwraps the register's key (Argon2id, see ``store.keyring``).
Registers before v11 kept scrypt hashes, checked once when such a register is sealed
(``store.sealing``). Five failed sign-ins in a row lock the account for five minutes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from raptor_desktop.core.errors import InputRejected, Refusal
from raptor_desktop.core.password_rules import MIN_PASSPHRASE, MIN_PASSWORD

MAX_FAILURES = 5
LOCK_MINUTES = 5


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


class Permission(StrEnum):
    SUBMIT_APPLICATION = "mark applications submitted"
    APPROVE_OUTREACH = "approve outreach batches"
    HAND_OVER_OUTREACH = "hand outreach batches to the SMS gateway"
    MANAGE_ACCOUNTS = "manage accounts"
    CHANGE_SETTINGS = "change settings"
    BACKUP = "back up and restore"
    RETENTION = "review and dispose of records"
    READ_AUDIT = "read the audit log"
    MANAGE_PEERS = "set up this workstation's identity and its peers"
    MERGE_LINES = "make two lines one"


_RANK = {Role.OFFICER: 0, Role.SUPERVISOR: 1, Role.ADMINISTRATOR: 2}
_NEEDS = {
    Permission.SUBMIT_APPLICATION: Role.SUPERVISOR,
    Permission.APPROVE_OUTREACH: Role.SUPERVISOR,
    Permission.HAND_OVER_OUTREACH: Role.SUPERVISOR,
    Permission.MANAGE_ACCOUNTS: Role.ADMINISTRATOR,
    Permission.CHANGE_SETTINGS: Role.ADMINISTRATOR,
    Permission.BACKUP: Role.ADMINISTRATOR,
    Permission.RETENTION: Role.ADMINISTRATOR,
    Permission.READ_AUDIT: Role.ADMINISTRATOR,
    Permission.MANAGE_PEERS: Role.ADMINISTRATOR,
    Permission.MERGE_LINES: Role.SUPERVISOR,  # it cannot be undone: a second pair of eyes
}


class NotPermitted(Refusal, PermissionError):
    """The signed-in officer's role does not allow this; ``str()`` says which role does."""


def allows(role: Role, permission: Permission) -> bool:
    return _RANK[role] >= _RANK[_NEEDS[permission]]


def require(role: Role, permission: Permission) -> None:
    if not allows(role, permission):
        needed = _NEEDS[permission]
        who = "an administrator" if needed is Role.ADMINISTRATOR else f"a {needed.value} or above"
        raise NotPermitted(f"only {who} may {permission.value}; you are signed in as {role.value}")


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise InputRejected(
            f"unknown role {text!r}; use officer, supervisor or administrator"
        ) from None


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"a password needs at least {MIN_PASSWORD} characters"
    if password.strip() != password:
        return "a password cannot start or end with a space"
    return None


MAX_USERNAME = 64


def normalise_username(username: str) -> str:
    """The one form a username is stored and compared in: NFKC, case-folded (so "J.STRAUß",
    "j.strauss" and full-width "ｊ.strauss" are one name)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", username).casefold()).strip()


def _script(letter: str) -> str:
    """The Unicode script a letter belongs to, as its character name begins (LATIN, CYRILLIC)."""
    return unicodedata.name(letter, "UNKNOWN").split(" ")[0]


def username_problem(username: str) -> str | None:
    name = normalise_username(username)
    if not name or len(name) > MAX_USERNAME:
        return f"a username is 1 to {MAX_USERNAME} characters"
    if any(not (c.isalnum() or c in "._-") for c in name):
        return "a username is letters, digits, dots, dashes or underscores (no spaces)"
    scripts = sorted({_script(c) for c in name if c.isalpha()})
    if len(scripts) > 1:
        return (
            f"a username uses the letters of one alphabet; this one mixes {' and '.join(scripts)} "
            "letters, which can look alike"
        )
    return None


def passphrase_problem(passphrase: str) -> str | None:
    if len(passphrase) < MIN_PASSPHRASE:
        return f"use a passphrase of at least {MIN_PASSPHRASE} characters"
    return None


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: Role
