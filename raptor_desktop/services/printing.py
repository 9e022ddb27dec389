"""Printing a document from the command line, through the system's print spooler (CUPS' lp).

The window prints through Qt's print dialog instead; both log the disclosure the same way.
"""

from __future__ import annotations

from shutil import which
from subprocess import run

from raptor_desktop.core.errors import Refusal


class CannotPrint(Refusal):
    """The system has no spooler to print with, or the spooler refused the job."""


def send_to_printer(pdf: bytes, printer: str | None = None) -> None:
    """Hand ``pdf`` to ``lp`` (the default printer, or ``printer``); returns once it is queued."""
    lp = which("lp")
    if lp is None:
        raise CannotPrint(
            "printing from the command line needs the lp command (CUPS)",
            "Save the pack with --out and print the file, or print from the window.",
        )
    command = [lp, *(["-d", printer] if printer else []), "-"]
    done = run(command, input=pdf, capture_output=True, check=False)
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise CannotPrint(f"the print spooler refused the job: {reason}")
