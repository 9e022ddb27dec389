"""The command line as its user runs it: ``run`` gives the exit code and what was printed."""

from __future__ import annotations

import pytest

from raptor_desktop.__main__ import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
