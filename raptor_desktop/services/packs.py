"""The hearing pack: built from the register, then saved or printed as a logged disclosure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from raptor_desktop.core.case_gaps import Gap, case_gaps
from raptor_desktop.core.errors import Refusal
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
    from raptor_desktop.documents.pack_check import PackReport

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
    draft: bool = False  # gaps remain: marked DRAFT, not for service

    @property
    def records(self) -> str:
        """What the disclosure entry names: the application and its numbers."""
        kind = " (DRAFT)" if self.draft else ""
        return f"{self.reference}{kind}: {', '.join(self.numbers)}"

    def default_recipient(self) -> Recipient:
        return Recipient(self.court, PACK_JUSTIFICATION)

    @property
    def pages(self) -> int:
        return sum(b.entries[-1].last_page if b.entries else 1 for b in self.bundles)


class GapsRemain(Refusal):
    """The application has gaps, so its pack cannot go to court; ``gaps`` says each and where."""

    def __init__(self, reference: str, gaps: list[Gap]) -> None:
        listed = "; ".join(str(g) for g in gaps)
        super().__init__(
            f"{reference} is not ready for court: {listed}",
            "Fill these in, or build a pack marked DRAFT to check the documents.",
        )
        self.gaps = gaps


def pack_gaps(store: Store, reference: str) -> list[Gap]:
    """What stops the application's pack going to court, each with where to fill it in."""
    return case_gaps(load_case_file(store, reference, check_files=False))


def build_pack(
    session: Session,
    reference: str,
    progress: PackProgress | None = None,
    *,
    draft: bool = False,
) -> HearingPack:
    """Build the pack of ``reference`` on a connection of its own (safe off the GUI thread).

    Attached exhibits are checked against their SHA-256 as they are read. While the
    application has gaps the pack is refused, unless ``draft`` asks for one marked DRAFT.
    """
    from raptor_desktop.documents.pack import hearing_pack  # ReportLab loads on first use

    with session.connect() as store:
        case = load_case_file(store, reference)
    gaps = case_gaps(case)
    if gaps and not draft:
        raise GapsRemain(case.reference, gaps)
    case.draft = bool(gaps)  # a pack with gaps is marked DRAFT on every page
    bundles = hearing_pack(case, progress=progress)
    numbers = tuple(i.e164 for i in case.items)
    return HearingPack(case.reference, case.court, numbers, bundles, case.draft)


def check_pack_file(path: Path) -> PackReport:
    """Read a saved bundle back and check the court's bundle rules (no register needed)."""
    from raptor_desktop.documents.pack_check import check_pack

    return check_pack(Path(path))


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
