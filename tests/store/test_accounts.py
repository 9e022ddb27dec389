from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from raptor_desktop.core.accounts import (
    NotPermitted,
    Permission,
    Role,
)
from raptor_desktop.store import accounts
from raptor_desktop.store.accounts import (
    SignInRefused,
    add_user,
    change_password,
    list_users,
    set_disabled,
)
from raptor_desktop.store.applications import submit
from raptor_desktop.store.database import Store
from raptor_desktop.store.keyring import Keyring
from raptor_desktop.store.sealing import legacy_password_matches
from raptor_desktop.store.settings import PROTECTIVE_MARKING, set_value
from tests.app_fixtures import make_application
from tests.registers import sign_in

ADMIN_PASSWORD = "administrator password"


@pytest.fixture
def admin(training_store: Store) -> Store:
    add_user(training_store, "chief", "Chief Admin", Role.ADMINISTRATOR, ADMIN_PASSWORD)
    sign_in(training_store, "chief", ADMIN_PASSWORD)
    return training_store


def test_an_older_registers_scrypt_hash_is_still_checked() -> None:
    salt = b"sixteen byte sal"
    digest = hashlib.scrypt(b"a long passphrase", salt=salt, n=2**14, r=8, p=1, dklen=32)
    stored = f"scrypt${2**14}$8$1${salt.hex()}${digest.hex()}"  # as versions before v11 wrote
    assert legacy_password_matches("a long passphrase", stored)
    assert not legacy_password_matches("a long passphrasE", stored)
    assert not legacy_password_matches("a long passphrase", "argon2$whatever")


def test_first_account_must_be_administrator(training_store: Store) -> None:
    with pytest.raises(ValueError, match="first account must be an administrator"):
        add_user(training_store, "pc1", "", Role.OFFICER, "officer password 1")
    with pytest.raises(ValueError, match="at least 12 characters"):
        add_user(training_store, "chief", "", Role.ADMINISTRATOR, "short")


def test_sign_in_sets_who_acts_and_is_logged(admin: Store) -> None:
    assert (admin.actor, admin.role) == ("chief", Role.ADMINISTRATOR)
    last = admin.db.execute("SELECT user, event FROM audit_log ORDER BY id DESC").fetchone()
    assert last == ("chief", "sign in")


def test_five_failures_lock_for_five_minutes(admin: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    said = []
    for password in ["not the password"] * 5 + [ADMIN_PASSWORD]:  # the sixth: locked
        with pytest.raises(SignInRefused) as refused:
            sign_in(admin, "chief", password)
        said.append(str(refused.value))
    with pytest.raises(SignInRefused) as unknown:
        sign_in(admin, "nobody", "not the password")
    # one answer to all: the keyboard is not told which names exist, nor which are locked
    assert set(said) == {str(unknown.value)}
    assert "(or the account is locked: 5 failed sign-ins lock it for 5 minutes)" in said[0]
    assert "chief" not in said[0]
    later = datetime.now(UTC) + timedelta(minutes=6)
    monkeypatch.setattr(accounts, "_now", lambda: later)
    assert sign_in(admin, "chief", ADMIN_PASSWORD).role is Role.ADMINISTRATOR
    events = [e for (e,) in admin.db.execute("SELECT event FROM audit_log")]
    assert "account locked" in events  # the log, read by an administrator, tells it


def test_roles_limit_what_an_officer_may_do(admin: Store, demo_store: Store) -> None:
    add_user(admin, "pc1", "PC One", Role.OFFICER, "officer password 1")
    add_user(admin, "sgt", "Sgt Two", Role.SUPERVISOR, "supervisor pass 2")
    sign_in(admin, "pc1", "officer password 1")
    with pytest.raises(NotPermitted, match="only an administrator may change settings"):
        set_value(admin, PROTECTIVE_MARKING, "OFFICIAL")
    with pytest.raises(NotPermitted):
        add_user(admin, "pc2", "", Role.OFFICER, "officer password 2")
    with pytest.raises(NotPermitted):
        change_password(admin, "sgt", "a new password 12")
    change_password(admin, "pc1", "a new password 12")
    demo_store.role = Role.OFFICER
    reference = make_application(demo_store)
    with pytest.raises(NotPermitted, match="supervisor or above may mark applications"):
        submit(demo_store, reference)
    demo_store.role = Role.SUPERVISOR
    submit(demo_store, reference)
    demo_store.require(Permission.SUBMIT_APPLICATION)


def test_disabled_account_cannot_sign_in(admin: Store) -> None:
    add_user(admin, "pc1", "PC One", Role.OFFICER, "officer password 1")
    with Keyring.open(admin.path) as ring:
        kept = ring.wraps()  # a copy of the key file taken before
    set_disabled(admin, "pc1", True)
    with pytest.raises(SignInRefused, match="wrong username or password"):
        sign_in(admin, "pc1", "officer password 1")  # its seal of the key is destroyed
    with Keyring.open(admin.path) as ring:
        assert "pc1" not in ring.holders() and len(ring.wraps()) == len(kept) - 1
    set_disabled(admin, "pc1", False)  # enabled again: it needs a new password first
    assert {u["username"]: u["state"] for u in list_users(admin)}["pc1"] == "needs a new password"
    change_password(admin, "pc1", "officer password 2")
    with pytest.raises(ValueError, match="your own account"):
        set_disabled(admin, "chief", True)
    assert sign_in(admin, "pc1", "officer password 2").username == "pc1"
