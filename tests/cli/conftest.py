"""A demo register for the command line's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import run


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """``--db`` and ``--demo`` for a demo register made by its first command."""
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    assert run(capsys, *db, "warnings")[0] == 0
    return db
