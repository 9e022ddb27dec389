"""Builds the standalone bundle with PyInstaller and runs its self-test (about a minute).

Marked ``bundle``: `make test` and CI run it; skip it locally with ``pytest -m "not bundle"``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.bundle
def test_bundle_builds_and_passes_its_selftest(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHON": sys.executable, "RAPTOR_BUILD_WORK": str(tmp_path / "work")}
    build = subprocess.run(
        ["sh", "build/build-linux.sh"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    program = ROOT / "dist" / "raptor" / "raptor"
    for name in ("raptor", "raptor-desktop.desktop", "raptor-desktop.png"):
        assert (program.parent / name).exists(), name
    run = subprocess.run(
        [str(program), "--selftest"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr == ""
    assert "self-test passed" in run.stdout
    assert "ok   main window drawn off-screen" in run.stdout
    about = subprocess.run(
        [str(program), "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert about.stdout.startswith("Raptor Desktop ")
