"""The first window comes up without loading what only later windows need (issue 13: the
command line, the views and the documents were two thirds of start-up)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


SHOW_SIGN_IN = """
import sys
from pathlib import Path
import PySide6.QtCore as core
from raptor_desktop.paths import setup_logging
from raptor_desktop.gui import app

setup_logging()
application = app.make_application()
from raptor_desktop.gui.sign_in import sign_in_to

for path in (Path(sys.argv[1]), Path(sys.argv[2])):  # a new register's dialog, then a sign-in
    sign_in_to(path, lambda dialog: dialog.show() or application.processEvents() or False)
print("Qt" in core.__dict__, "logging.handlers" in sys.modules, "dataclasses" in sys.modules)
"""


def test_showing_the_sign_in_makes_none_of_qt_s_flags_nor_loads_the_log_s_rotation(
    tmp_path: Path,
) -> None:
    """The first use of any of Qt's own flags (``Qt.…``) makes every one of them, a tenth
    of the window's start-up; ``logging.handlers`` brings ``socket`` and ``pickle``; the
    accounts' rules bring ``dataclasses``: none of them is needed to show the sign-in."""
    existing = tmp_path / "existing.sqlite3"
    existing.write_bytes(b"not empty")  # the sign-in dialog, not the new register's
    shown = subprocess.run(
        [sys.executable, "-c", SHOW_SIGN_IN, str(tmp_path / "new.sqlite3"), str(existing)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ).stdout
    assert shown.split() == ["False", "False", "False"], shown


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
