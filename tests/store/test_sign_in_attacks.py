"""Sign-in attacked as an insider would: racing the lock-out, look-alike and folded names,
telling by the time taken whether an account exists (issue 10, findings 3 and 4)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from raptor_desktop.core import accounts as core_accounts
from raptor_desktop.core.accounts import MAX_FAILURES, Role
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store import accounts
from raptor_desktop.store.accounts import SignInRefused, add_user, change_password
from raptor_desktop.store.errors import Conflict
from tests.app_fixtures import CHIEF_PASSWORD, register_with_chief
from tests.registers import open_store, sign_in

PASSWORD = CHIEF_PASSWORD


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return register_with_chief(tmp_path)


def _events(path: Path) -> list[tuple[str, str]]:
    with open_store(path) as store:
        return [
            (str(e), str(r))
            for e, r in store.db.execute("SELECT event, records FROM audit_log ORDER BY id")
        ]


def test_concurrent_wrong_sign_ins_cannot_outrun_the_lock_out(register: Path) -> None:
    checked: list[str] = []
    real = core_accounts.password_matches

    def counting(password: str, stored: str) -> bool:
        checked.append(password)
        return real(password, stored)

    attempts = 16
    start = threading.Barrier(attempts)
    refusals: list[str] = []

    def guess(n: int) -> None:
        with open_store(register) as store:
            start.wait()
            try:
                sign_in(store, "chief", f"guess number {n:04d}")
            except SignInRefused as refused:
                refusals.append(str(refused))

    accounts.password_matches = counting  # type: ignore[assignment]
    try:
        threads = [threading.Thread(target=guess, args=(n,)) for n in range(attempts)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        accounts.password_matches = real  # type: ignore[assignment]
    assert len(refusals) == attempts
    assert len(checked) == MAX_FAILURES  # the guesses after the fifth were never tried
    assert sum("is locked" in r for r in refusals) == attempts - MAX_FAILURES
    with open_store(register) as store, pytest.raises(SignInRefused, match="is locked"):
        sign_in(store, "chief", PASSWORD)


def test_failed_sign_ins_and_the_lock_out_are_logged(register: Path) -> None:
    with open_store(register) as store:
        for _ in range(MAX_FAILURES):
            with pytest.raises(SignInRefused):
                sign_in(store, "chief", "not the password")
        with pytest.raises(SignInRefused):
            sign_in(store, "nobody", "not the password")
    events = _events(register)
    refused = [r for e, r in events if e == "sign-in refused"]
    assert refused[: MAX_FAILURES - 1] == ["chief: wrong password"] * (MAX_FAILURES - 1)
    assert ("account locked", f"chief: after {MAX_FAILURES} failed sign-ins") in events
    assert refused[-1] == "nobody: no such account"


def test_an_unknown_name_costs_a_password_check_as_a_known_one_does(
    register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    real = core_accounts.password_matches
    monkeypatch.setattr(accounts, "password_matches", lambda p, s: checked.append(s) or real(p, s))
    with open_store(register) as store:
        for name in ("chief", "nobody"):
            with pytest.raises(SignInRefused, match="wrong username or password"):
                sign_in(store, name, "not the password")
    assert len(checked) == 2 and all(s.startswith("scrypt$") for s in checked)


def test_names_that_fold_together_are_one_name(register: Path) -> None:
    with open_store(register) as store:
        sign_in(store, "chief", PASSWORD)
        add_user(store, "j.strauss", "J Strauss", Role.ADMINISTRATOR, PASSWORD)
        for same in ("j.strauß", "J.STRAUSS", "ｊ.strauss"):  # sharp s, capitals, full width
            with pytest.raises(Conflict, match="already an account"):
                add_user(store, same, "", Role.OFFICER, "officer password 1")
        add_user(store, "pc.jones", "", Role.OFFICER, "officer password 1")
    with open_store(register) as officer:
        sign_in(officer, "PC.Jones", "officer password 1")  # signs in under the one name
        assert officer.actor == "pc.jones"
        from raptor_desktop.core.accounts import NotPermitted

        with pytest.raises(NotPermitted):
            change_password(officer, "j.strauß", "taken over at last")


def test_look_alike_names_are_refused(register: Path) -> None:
    with open_store(register) as store:
        sign_in(store, "chief", PASSWORD)
        for name in ("аdmin", "chiеf", "pc\u200bjones", "ad min"):  # Cyrillic а, е; zero width
            with pytest.raises(InputRejected, match="username"):
                add_user(store, name, "", Role.OFFICER, "officer password 1")
        add_user(store, "иванов", "", Role.OFFICER, "officer password 1")  # one script: fine
