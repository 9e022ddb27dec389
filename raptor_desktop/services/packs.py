"""The hearing pack: built from the register, then saved or printed as a logged disclosure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from raptor_desktop.services.disclosure import (
    Recipient,
    record_consultation,
    record_disclosure,
)
from raptor_desktop.services.printing import send_to_printer
from raptor_desktop.services.session import Session
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store

if TYPE_CHECKING:
    from raptor_desktop.documents.pack import Bundle

PACK_JUSTIFICATION = "hearing bundle for the DDTRO application"
PackProgress = Callable[[int, int, str], None]
"""Called with (sections done, sections in all, the section being drawn); may raise to stop."""


@dataclass(frozen=True)
class HearingPack:
    """A built pack, not yet disclosed to anyone."""

    reference: str
    court: str
    numbers: tuple[str, ...]
    bundles: list[Bundle]

    @property
    def records(self) -> str:
        """What the disclosure entry names: the application and its numbers."""
        return f"{self.reference}: {', '.join(self.numbers)}"

    def default_recipient(self) -> Recipient:
        return Recipient(self.court, PACK_JUSTIFICATION)

    @property
    def pages(self) -> int:
        return sum(b.entries[-1].last_page if b.entries else 1 for b in self.bundles)


def build_pack(
    session: Session, reference: str, progress: PackProgress | None = None
) -> HearingPack:
    """Build the pack of ``reference`` on a connection of its own (safe off the GUI thread).

    Attached exhibits are checked against their SHA-256 as they are read.
    """
    from raptor_desktop.documents.pack import hearing_pack  # ReportLab loads on first use

    with session.connect() as store:
        case = load_case_file(store, reference)
    bundles = hearing_pack(case, progress=progress)
    return HearingPack(case.reference, case.court, tuple(i.e164 for i in case.items), bundles)


def preview_pack(store: Store, pack: HearingPack) -> list[bytes]:
    """The pack's PDFs, to be shown on screen: looking at the whole pack is logged."""
    record_consultation(store, "preview hearing pack", pack.records)
    return [bundle.pdf for bundle in pack.bundles]


def save_pack(store: Store, pack: HearingPack, target: Path, to: Recipient) -> list[Path]:
    """Write the pack's PDF files, then log the disclosure; returns the files written.

    If a later file of a split pack cannot be written, the disclosure of those already written
    is still logged before the failure is reported.
    """
    from raptor_desktop.documents.pack import write_bundles

    checked = to.checked()
    written: list[Path] = []
    try:
        write_bundles(pack.bundles, Path(target), written)
    finally:
        if written:
            files = ", ".join(map(str, written))
            record_disclosure(
                store, "hearing pack (saved as PDF)", f"{pack.records} -> {files}", checked
            )
    return written


def record_pack_printed(store: Store, pack: HearingPack, to: Recipient, to_file: str = "") -> None:
    """Log the disclosure of a pack whose print job has just been sent (by the window).

    ``to_file``: the file the print dialog printed to, when it printed to a file.
    """
    where = f" -> {to_file}" if to_file else ""
    record_disclosure(store, "hearing pack (printed)", f"{pack.records}{where}", to)


def print_pack(store: Store, pack: HearingPack, to: Recipient, printer: str | None) -> None:
    """Send every bundle to the system's printer, then log the disclosure.

    If the spooler refuses a later bundle, those already sent are logged before the refusal.
    """
    checked = to.checked()
    sent: list[str] = []
    try:
        for bundle in pack.bundles:
            send_to_printer(bundle.pdf, printer)
            sent.append(bundle.letter or "")
    finally:
        if len(sent) == len(pack.bundles):
            record_pack_printed(store, pack, checked)
        elif sent:
            part = f" (bundles {', '.join(sent)} only)"
            record_disclosure(store, "hearing pack (printed)", f"{pack.records}{part}", checked)
