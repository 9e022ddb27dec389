"""A database in a folder the officer cannot write to: a clear message and nothing changed.

Root ignores file permissions, so when the suite runs as root (as in CI) the program runs
without the capabilities that let root do so (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), through
util-linux's ``setpriv``: still root, owning its files, but bound by their permission bits.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from raptor_desktop.__main__ import main

PASSWORD = "correct horse battery staple"


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "read-only"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)  # so that pytest can clean up


def bound_by_permissions(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to test permissions as root"
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", *command]


def test_a_read_only_folder_gets_a_clear_message_and_no_damage(read_only_folder: Path) -> None:
    database = read_only_folder / "register.sqlite3"
    assert main(["--db", str(database), "init", "--training", "--admin", "admin"]) == 0
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    files_before = sorted(p.name for p in read_only_folder.iterdir())
    database.chmod(0o444)
    read_only_folder.chmod(0o555)
    result = subprocess.run(
        bound_by_permissions(
            [sys.executable, "-m", "raptor_desktop", "--db", str(database), "add-line"]
            + ["07700 900123"]
        ),
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "RAPTOR_USER": "admin", "RAPTOR_PASSWORD": PASSWORD},
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "read-only" in result.stderr and str(database) in result.stderr
    assert "Copy the database to a folder you can write to" in result.stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in read_only_folder.iterdir()) == files_before


def test_verify_works_on_read_only_media_and_writes_nothing(read_only_folder: Path) -> None:
    """An auditor checks a copy kept on write-protected media (issue 10, finding 12)."""
    database = read_only_folder / "register.sqlite3"
    assert main(["--db", str(database), "init", "--training", "--admin", "admin"]) == 0
    files = sorted(read_only_folder.iterdir())
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    for file in files:
        file.chmod(0o444)
    read_only_folder.chmod(0o555)
    result = subprocess.run(
        bound_by_permissions(
            [sys.executable, "-m", "raptor_desktop", "--db", str(database), "verify"]
        ),
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "RAPTOR_USER": "admin", "RAPTOR_PASSWORD": PASSWORD},
    )
    assert result.returncode == 0, result.stderr
    assert "audit log chain intact" in result.stdout
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in read_only_folder.iterdir()}
    assert after == before
