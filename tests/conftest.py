"""Fixtures: a fresh database per test, kept away from the user's real data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from raptor_desktop.core.accounts import Role
from raptor_desktop.store.database import Store


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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.sqlite3"


@pytest.fixture
def live_store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, actor="tester", role=Role.ADMINISTRATOR) as store:
        yield store


@pytest.fixture
def training_store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, training=True, actor="tester", role=Role.ADMINISTRATOR) as store:
        yield store


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    from raptor_desktop.store.demo import seed_demo

    with Store.open(
        tmp_path / "demo.sqlite3", training=True, actor="tester", role=Role.ADMINISTRATOR
    ) as store:
        seed_demo(store)
        yield store
