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


# Collation (QCollator, which Qt's file dialog sorts file names with) and zone names
# (QTimeZone.displayName), the ICU data Qt reads, in the program's locale.
ICU_PROBE = """
import functools
from PySide6.QtCore import QCollator, QLocale, Qt, QTimeZone
gb = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
collator = QCollator(gb)
collator.setNumericMode(True)
collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
names = ["b10.csv", "B2.csv", "a1.csv", "Zed.pdf", "émile.txt", "Øre", "_x", "ßtraße", "zoë"]
print(sorted(names, key=functools.cmp_to_key(collator.compare)))
zone = QTimeZone(b"Europe/London")
for kind in QTimeZone.TimeType:
    for style in QTimeZone.NameType:
        print(zone.displayName(kind, style, gb))
print(next(line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line))
"""


@pytest.mark.bundle
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle cuts ICU on Linux")
def test_reduced_icu_data_sorts_and_names_zones_as_the_full_data(tmp_path: Path) -> None:
    import importlib.util

    import PySide6

    spec = importlib.util.spec_from_file_location("icu_data", ROOT / "build" / "icu_data.py")
    assert spec and spec.loader
    icu_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icu_data)
    (full_library,) = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")
    icu_data.reduce_library(full_library, tmp_path / full_library.name)

    def probe(**env: str) -> list[str]:
        run = subprocess.run(
            [sys.executable, "-c", ICU_PROBE],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return run.stdout.splitlines()

    *full, full_from = probe()
    *reduced, reduced_from = probe(LD_LIBRARY_PATH=str(tmp_path))
    assert Path(full_from).resolve() == full_library.resolve()
    assert Path(reduced_from).parent == tmp_path
    assert reduced == full
    assert full[0] == str(
        ["_x", "a1.csv", "B2.csv", "b10.csv", "émile.txt", "Øre", "ßtraße", "Zed.pdf", "zoë"]
    )
    assert "British Summer Time" in full
