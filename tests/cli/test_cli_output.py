"""What the command line prints for scripts and readers: help, pipes, singular counts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from raptor_desktop.__main__ import main
from tests.test_cli import run


@pytest.mark.parametrize(
    ("command", "columns"),
    [
        ("import-lines", ["number", "brand", "areas", "first_seen", "headed line name, brand"]),
        ("import-contacts", ["number", "line", "source", "found_on", "headed deal line"]),
    ],
)
def test_import_help_lists_the_columns_and_the_exit_status(
    capsys: pytest.CaptureFixture[str], command: str, columns: list[str]
) -> None:
    """An officer with a spreadsheet had to guess its headings from the source code."""
    with pytest.raises(SystemExit):
        main([command, "--help"])
    shown = capsys.readouterr().out
    assert all(column in shown for column in columns)
    assert "1 when any\nrow was rejected" in shown
    assert max(len(line) for line in shown.splitlines()) <= 80


def test_one_of_a_thing_is_counted_in_the_singular_and_a_line_without_a_name_is_named_alike(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """'1 lines', 'Add 1 number(s)', and '(unnamed)' here but '(no name)' there (found by an
    officer's review)."""
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    assert run(capsys, *db, "add-line", "07700 900901", "--area", "Rochford")[0] == 0
    _, out, _ = run(capsys, *db, "lines", "--search", "900901")
    assert out.startswith("07700 900901  (no name) ")
    _, out, _ = run(capsys, *db, "areas")
    [rochford] = [line for line in out.splitlines() if line.startswith("Rochford")]
    assert rochford.split()[1:3] == ["1", "line"]


def test_a_listing_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    """`raptor lines | head -1` had printed 'raptor: error: Broken pipe' and exited 2."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "raptor_desktop", "--db", str(tmp_path / "d.sqlite3")]
    bulk = tmp_path / "bulk.csv"  # a listing far longer than a pipe holds (64 KiB)
    bulk.write_text("Phone\n" + "".join(f"07700 900{n:03d}\n" for n in range(1000)), "utf-8")
    imported = subprocess.run(
        [*command, "--demo", "import-lines", str(bulk)], env=env, capture_output=True, timeout=120
    )
    assert imported.returncode in (0, 1), imported.stderr
    listing = subprocess.Popen(
        [*command, "--demo", "lines", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert listing.stdout is not None and listing.stderr is not None
    assert listing.stdout.readline() == "[\n"
    listing.stdout.close()  # the reader has its line, as `head -1` would
    assert (listing.wait(timeout=120), listing.stderr.read()) == (141, "")


def test_a_reprint_after_serving_says_what_it_leaves_out_and_where_it_goes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An exhibit added after serving went silently into a reprint's statement No. 1."""
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    served = tmp_path / "served.pdf"
    assert run(capsys, *db, "hearing-pack", "RAP-2026-003", "--out", str(served))[0] == 0
    added = ("add-exhibit", "RAP-2026-003", "--initials", "RC", "--description", "Photograph")
    code, mark, _ = run(capsys, *db, *added, "--number", "07700 900104")
    reprint = ("hearing-pack", "RAP-2026-003", "--out", str(tmp_path / "reprint.pdf"))
    code, _, err = run(capsys, *db, *reprint)
    assert code == 0 and f"note: {mark.strip()} was added after the bundle was served" in err
    out = tmp_path / "supplemented.pdf"
    supplement = ("supplementary-bundle", "RAP-2026-003", str(served), "--out", str(out))
    code, said, err = run(capsys, *db, *supplement)
    assert code == 0, err
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "SUPPLEMENTARY WITNESS STATEMENT" in text and f"marked {mark.strip()}" in text


def test_check_pack_fails_a_draft_and_a_missing_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A DRAFT bundle passed (exit 0) as fit to serve; a file not there exited 1, where the
    README says a file that cannot be read is 2."""
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    new = ("new-application", "--hearing", "2026-12-14", "--applicant", "DC Rachel Carter")
    _, out, _ = run(capsys, *db, *new, "07700 900103")
    draft = tmp_path / "draft.pdf"
    code, _, err = run(capsys, *db, "hearing-pack", out.split()[-1], "--draft", "--out", str(draft))
    assert code == 0, err
    code, out, _ = run(capsys, *db, "check-pack", str(draft))
    assert code == 1 and "note  marked DRAFT — NOT FOR SERVICE" in out
    code, _, err = run(capsys, *db, "check-pack", str(tmp_path / "none.pdf"))
    assert code == 2 and "none.pdf" in err and "cannot be read" in err
