"""Kill the program (SIGKILL) at random points of long work: nothing is ever half-written."""

from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.registers import raw_connection

ROWS = 40_000


def raptor(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "raptor_desktop", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_after(process: subprocess.Popen[bytes], seconds: float) -> None:
    time.sleep(seconds)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.fixture
def big_csv(tmp_path: Path) -> Path:
    path = tmp_path / "big.csv"
    rows = "".join(f"07700 900{i % 1000:03d},Brand{i % 1000},Thurrock\n" for i in range(ROWS))
    path.write_text("number,brand,area\n" + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_import_killed_at_random_is_all_or_nothing(
    tmp_path: Path, big_csv: Path, seed: int
) -> None:
    db = tmp_path / "crash.sqlite3"
    assert (
        subprocess.run(
            [
                sys.executable,
                "-m",
                "raptor_desktop",
                "--db",
                str(db),
                "init",
                "--training",
                "--admin",
                "tester",
            ],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    kill_after(
        raptor("--db", str(db), "import-lines", str(big_csv)), random.Random(seed).uniform(0.8, 3.0)
    )
    conn = raw_connection(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    numbers = conn.execute("SELECT COUNT(*) FROM numbers").fetchone()[0]
    lines = conn.execute("SELECT COUNT(*) FROM lines").fetchone()[0]
    changes = conn.execute("SELECT COUNT(*) FROM status_changes").fetchone()[0]
    conn.close()
    assert (numbers, lines, changes) in ((0, 0, 0), (1000, 1000, 1000))


@pytest.mark.parametrize("seed", [1, 2])
def test_pack_killed_at_random_leaves_no_partial_file(tmp_path: Path, seed: int) -> None:
    db, out = tmp_path / "demo.sqlite3", tmp_path / "pack.pdf"
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "raptor_desktop",
            "--db",
            str(db),
            "--demo",
            "new-application",
            "--court",
            "County Court at Chelmsford",
            "--hearing",
            "2026-12-01",
            "--applicant",
            "Rachel Carter",
            *[f"07700 900{n}" for n in range(101, 114) if n != 104],  # 104 awaits the court
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    reference = made.stdout.strip().splitlines()[-1]
    out.write_bytes(b"%PDF-1.4 previous pack")
    kill_after(
        raptor("--db", str(db), "--demo", "hearing-pack", reference, "--out", str(out)),
        random.Random(seed).uniform(0.5, 2.5),
    )
    data = out.read_bytes()
    if data != b"%PDF-1.4 previous pack":
        assert len(PdfReader(io.BytesIO(data)).pages) > 5
    conn = raw_connection(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
