"""The first window comes up without loading what only later windows need (issue 13: the
command line, the views and the documents were two thirds of start-up)."""

from __future__ import annotations

import subprocess
import sys

from raptor_desktop.__main__ import _window_arguments

LATER = (
    "reportlab",
    "pypdf",
    "holidays",
    "raptor_desktop.cli",
    "raptor_desktop.gui.main_window",
    # the register itself: opened when the officer signs in, not to show the sign-in
    "sqlite_utils",
    "sqlcipher3",
    "nacl",
    "raptor_desktop.store",
    "raptor_desktop.services",
)


def test_the_sign_in_loads_nothing_the_main_window_needs_later() -> None:
    probe = (
        "import sys\n"
        "import raptor_desktop.gui.app\n"
        f"print([m for m in sys.modules if m.split('.')[0] in {LATER!r} or m in {LATER!r}])\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]", loaded


def test_only_the_window_s_own_options_skip_the_command_line() -> None:
    assert _window_arguments([]) == (None, False)
    assert _window_arguments(["--db", "x.sqlite3", "--demo"]) == ("x.sqlite3", True)
    assert _window_arguments(["--db=x.sqlite3"]) == ("x.sqlite3", False)
    for command_line in (["lines"], ["--help"], ["--version"], ["--db"], ["--selftest"]):
        assert _window_arguments(command_line) is None


def test_the_main_window_loads_no_document_library_until_one_is_written() -> None:
    """ReportLab, pypdf, pypdfium2 and openpyxl are 56 MB of the window's memory: they load
    when a pack, a list or a summary is written, not with the window."""
    probe = (
        "import sys\n"
        "import raptor_desktop.gui.main_window\n"
        "print([m for m in ('reportlab', 'pypdf', 'pypdfium2', 'openpyxl') if m in sys.modules])\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]", loaded
