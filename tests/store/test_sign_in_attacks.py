"""Sign-in attacked as an insider would: racing the lock-out, look-alike and folded names,
telling by the time taken whether an account exists (issue 10, findings 3 and 4)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import MAX_FAILURES, Role
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store import crypto
from raptor_desktop.store.accounts import SignInRefused, add_user, change_password, unlock_key
from raptor_desktop.store.errors import Conflict
from raptor_desktop.store.keyring import Keyring
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


def _counting_key_derivations(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every Argon2id derivation the sign-in makes (the salt of each)."""
    salts: list[bytes] = []
    real = crypto.password_key

    def counting(password: str, salt: bytes, cost: crypto.KdfCost) -> bytes:
        salts.append(salt)
        return real(password, salt, cost)

    monkeypatch.setattr(crypto, "password_key", counting)
    return salts


def test_concurrent_wrong_sign_ins_cannot_outrun_the_lock_out(
    register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = 16
    start = threading.Barrier(attempts)
    refusals: list[str] = []
    salts = _counting_key_derivations(monkeypatch)

    def guess(n: int) -> None:
        start.wait()
        try:
            unlock_key(register, "chief", f"guess number {n:04d}")
        except SignInRefused as refused:
            refusals.append(str(refused))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(refusals) == attempts
    assert len(salts) == MAX_FAILURES  # the guesses after the fifth were never tried
    assert len(set(refusals)) == 1  # the keyboard is told nothing of the lock-out
    with Keyring.open(register) as ring:  # the key file (and then the log) knows it
        reasons = [attempt.why for attempt in ring.refused()]
    assert sum(why == "account locked" for why in reasons) == attempts - MAX_FAILURES
    with pytest.raises(SignInRefused):
        unlock_key(register, "chief", PASSWORD)  # the right password, while it is locked
    with Keyring.open(register) as ring:
        assert ring.refused()[-1].why == "account locked"


def test_failed_sign_ins_and_the_lock_out_are_logged(register: Path) -> None:
    with open_store(register) as store:
        sign_in(store, "chief", PASSWORD)
        add_user(store, "deputy", "Deputy", Role.ADMINISTRATOR, "deputy's own password")
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused):
            unlock_key(register, "chief", "not the password")
    with pytest.raises(SignInRefused):
        unlock_key(register, "nobody", "not the password")
    # The register cannot be opened to log a refusal: the key file keeps them until the next
    # sign-in moves them into the log, each with its own time.
    with open_store(register) as store:
        sign_in(store, "deputy", "deputy's own password")
    events = _events(register)
    refused = [r for e, r in events if e == "sign-in refused"]
    noted = " (noted in the key file)"
    assert refused[: MAX_FAILURES - 1] == [f"chief: wrong password{noted}"] * (MAX_FAILURES - 1)
    assert (
        "account locked",
        f"chief: account locked after {MAX_FAILURES} failed sign-ins{noted}",
    ) in events
    assert refused[-1] == f"nobody: no such account, or none that can sign in{noted}"
    with Keyring.open(register) as ring:
        assert ring.refused() == []  # moved, not copied


def test_an_unknown_name_costs_a_key_derivation_as_a_known_one_does(
    register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    salts = _counting_key_derivations(monkeypatch)
    for name in ("chief", "nobody"):
        with pytest.raises(SignInRefused, match="wrong username or password"):
            unlock_key(register, name, "not the password")
    assert len(salts) == 2 and len(set(salts)) == 2  # the unknown name's is a decoy salt


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
