"""``make bench`` runs to its table: each benchmark, on a small fraction of its data.

The budgets are not judged here (a fiftieth of the data proves nothing about speed, and the
issue keeps timings out of unit tests); what is checked is that every figure is measured
through to the end, so that a benchmark that no longer runs is found by ``make test``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _run(script: str, tmp_path: Path, scale: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "RAPTOR_BENCH_SCALE": scale,
        "RAPTOR_BENCH_RESULTS": str(tmp_path / "results.json"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    done = subprocess.run(
        [sys.executable, str(BENCH / script)],
        cwd=BENCH,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr[-3000:]  # 1: a budget missed, at this scale
    return done


def test_the_ratio_benchmark_measures_every_figure(tmp_path: Path) -> None:
    kept = BENCH / "results.json"  # a developer's last full run
    before = kept.read_bytes() if kept.exists() else None
    done = _run("ratios.py", tmp_path, "0.002")
    figures = json.loads((tmp_path / "results.json").read_text())
    names = [f["what"] for f in figures]
    for expected in (
        "import 200 numbers (CSV)",
        "import 400 contacts (CSV)",
        "lines --json, 200 numbers",
        "back up the whole register",
        "restore's checks of that backup",
        "Lines view: slowest scrolling frame",
        "peak memory of the window",
        "verify, 200 log entries",
        "hearing pack, 500 numbers",
        "case package of 200 new numbers: export and import",
        "start-up to the first window",
    ):
        assert expected in names, names
        assert expected in done.stdout
    assert all(f["figure_s"] > 0 and f["bound_s"] > 0 for f in figures), figures
    # each run does what the officer's would: no import into a copy of the register that
    # finds its notes of the log's head missing (and so skips moving them on)
    assert "are not moved on" not in done.stderr, done.stderr[-3000:]
    assert (kept.read_bytes() if kept.exists() else None) == before


def test_the_encryption_benchmark_compares_both_sides(tmp_path: Path) -> None:
    done = _run("encryption.py", tmp_path, "0.01")
    rows = [line for line in done.stdout.splitlines() if line.count("|") == 5][1:]
    assert [row.split("|")[0].strip() for row in rows] == [
        "Lines view over 1,000 numbers",
        "import 1,000 numbers (CSV)",
    ]
    for row in rows:
        sealed, clear = (float(cell) for cell in row.split("|")[1:3])
        assert sealed > 0 and clear > 0
