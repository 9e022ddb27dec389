"""Fixtures: a fresh database per test, kept away from the user's real data folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
import time_machine

from raptor_desktop.core.accounts import Role
from raptor_desktop.store import crypto
from raptor_desktop.store.database import Store
from tests.exchange_units import Unit
from tests.registers import open_store


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the user data folders and settings at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("RAPTOR_DB", raising=False)
    # The command line signs in; a new database makes this officer its administrator.
    monkeypatch.setenv("RAPTOR_USER", "tester")
    monkeypatch.setenv("RAPTOR_PASSWORD", "correct horse battery staple")


LAST_HEARING = date(2026, 12, 20)
"""The latest day the fixtures' courts decide anything: hearings on 10 and 17 December 2026,
a carve-out on the 20th (tests.app_fixtures)."""


@pytest.fixture
def after_the_hearings() -> Iterator[None]:
    """Today is the day after the fixtures' last hearing, or the real day once that is later:
    an outcome is recorded once the court has decided, never for a day to come."""
    day = max(date.today(), date.fromordinal(LAST_HEARING.toordinal() + 1))
    with time_machine.travel(datetime.combine(day, time(12)).astimezone(), tick=True):
        yield


@pytest.fixture(autouse=True)
def _quick_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its least cost in tests: each wrap records its cost, so unwrapping uses the
    cost it was made with. (tests/store/test_keyring.py checks the program's own cost.)"""
    monkeypatch.setattr(crypto, "PASSWORD_COST", crypto.KdfCost(passes=1, memory=8192))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.sqlite3"


@pytest.fixture
def live_store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path, actor="tester", role=Role.ADMINISTRATOR) as store:
        yield store


@pytest.fixture
def training_store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path, training=True, actor="tester", role=Role.ADMINISTRATOR) as store:
        yield store


DEMO_DAY = date(2026, 12, 3)
"""The day the fixtures' demonstration register is seeded as of: its dates are days before or
after its "today", and the tests' dates (a statement signed on 26 November 2026) are fixed."""


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    from raptor_desktop.store.demo import seed_demo

    with open_store(
        tmp_path / "demo.sqlite3", training=True, actor="tester", role=Role.ADMINISTRATOR
    ) as store:
        seed_demo(store, today=DEMO_DAY)
        yield store


@pytest.fixture
def unit(tmp_path: Path) -> Iterator[Unit]:
    """Three registers that know each other as peers (case packages, issue 14)."""
    made = Unit(tmp_path)
    yield made
    made.close()
