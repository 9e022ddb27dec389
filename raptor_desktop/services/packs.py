"""The hearing pack: built from the register, then saved or printed as a logged disclosure."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.case_gaps import Gap, case_gaps
from raptor_desktop.core.dates import full_date, plural
from raptor_desktop.core.deemed_service import days_after
from raptor_desktop.core.errors import InputRejected, Refusal
from raptor_desktop.services.disclosure import (
    Recipient,
    record_consultation,
    record_disclosure,
)
from raptor_desktop.services.printing import send_to_printer
from raptor_desktop.services.session import Session
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.saved_packs import (
    SavedPack,
    latest_served,
    record_saved_packs,
    saved_pack,
    served_exhibits,
    supplements_before,
)

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
    exhibits: tuple[str, ...] = ()  # the marks its exhibits list gives
    supplements: SavedPack | None = None  # a supplementary bundle: the saved file it extends
    left_out: tuple[str, ...] = ()  # exhibits added since the bundle was served: not in it
    cautions: tuple[str, ...] = ()  # what to know before using it (see ``pack_cautions``)

    @property
    def left_out_note(self) -> str:
        """Why exhibits recorded for the application are not in this reprint, and where
        they go; empty when none are left out."""
        if not self.left_out:
            return ""
        marks = ", ".join(self.left_out)
        verb = "was" if len(self.left_out) == 1 else "were"
        return (
            f"{marks} {verb} added after the bundle was served, so this reprint leaves "
            f"{'it' if len(self.left_out) == 1 else 'them'} out: the statement and order served "
            "stay as they were. A supplementary bundle adds the new material at the end, with "
            "a further statement producing it (Supplementary bundle… in the window, or raptor "
            f"supplementary-bundle {self.reference} SERVED.pdf --out FILE.pdf)"
        )

    @property
    def notes(self) -> list[str]:
        """What the officer should know before using this pack: exhibits left out of a
        reprint, and where the order goes once a bundle has been served."""
        return [note for note in (self.left_out_note, *self.cautions) if note]

    @property
    def records(self) -> str:
        """What the disclosure entry names: the application and its numbers."""
        kind = " (DRAFT)" if self.draft else ""
        return f"{self.reference}{kind}: {', '.join(self.numbers)}"

    def default_recipient(self) -> Recipient:
        return Recipient(self.court, PACK_JUSTIFICATION)

    @property
    def pages(self) -> int:
        return sum(b.pages for b in self.bundles)


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
    """What stops the application's pack going to court, each with where to fill it in. Gaps
    name numbers, so showing them is logged as a consultation; none found shows nothing (and
    a pack built without gaps is logged as the disclosure it is)."""
    gaps = case_gaps(load_case_file(store, reference, check_files=False))
    if gaps:
        record_consultation(store, "check application", f"{reference}: {plural(len(gaps), 'gap')}")
    return gaps


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
        served = served_exhibits(store, case.reference)
        latest = latest_served(store, case.reference)
    left_out: tuple[str, ...] = ()
    if served is not None:  # once served, a reprint is of what was served
        left_out = tuple(e.mark for e in case.exhibits if e.mark not in served)
        case.exhibits = [e for e in case.exhibits if e.mark in served]
    gaps = case_gaps(case)
    if gaps and not draft:
        raise GapsRemain(case.reference, gaps)
    case.draft = bool(gaps)  # a pack with gaps is marked DRAFT on every page
    if latest is not None and case.decision_dates():  # its index says it is not the one served
        case.reprint_of = latest.file_name
    bundles = hearing_pack(case, progress=progress)
    numbers = tuple(i.e164 for i in case.items)
    marks = tuple(e.mark for e in case.exhibits)
    return HearingPack(
        case.reference,
        case.court,
        numbers,
        bundles,
        case.draft,
        marks,
        left_out=left_out,
        cautions=pack_cautions(case, latest),
    )


def pack_cautions(case: CaseFile, latest: SavedPack | None) -> tuple[str, ...]:
    """What the officer should know before using a whole pack of ``case``, whose bundle
    ``latest`` was saved for service last (None: none yet)."""
    cautions = []
    heard = case.hearing_date
    if heard and heard < case.prepared_on and any(not i.outcome for i in case.items):
        cautions.append(
            f"the hearing was listed for {full_date(heard)}, which has passed, and a number "
            "has no outcome recorded: if the court has decided, record each number's outcome "
            "(Record outcome… in the application's Numbers tab, or raptor record-outcome) "
            "before printing; if the hearing was moved, give its new date as an amendment"
        )
    if latest is not None and case.decision_dates():
        cautions.append(_served_caution(case.reference, latest))
    early = _heard_before_acknowledgment(case)
    if early:
        cautions.append(early)
    certificate = _certificate_due(case)
    if certificate:
        cautions.append(certificate)
    return tuple(cautions)


CERTIFICATE_DAYS = 21  # CPR 6.17(2)(a)


def _certificate_due(case: CaseFile) -> str:
    """Once the claim form has been served: the certificate of service is filed within 21
    days of its service (CPR 6.17(2)(a)), unless every Respondent has acknowledged service."""
    served = {
        provider: day
        for provider in case.parties()
        if (day := case.claim_form_served(provider)) is not None
    }
    if not served:
        return ""
    provider, first = min(served.items(), key=lambda pair: pair[1])
    due = days_after(first, CERTIFICATE_DAYS, case.calendar)
    return (
        f"file the certificate of service (at the end of the pack, signed) at the court by "
        f"{full_date(due)}, {CERTIFICATE_DAYS} days after the claim form was served on "
        f"{provider} (CPR 6.17(2)(a)), unless every Respondent has filed an acknowledgment of "
        "service by then"
    )


def _heard_before_acknowledgment(case: CaseFile) -> str:
    """With notice, a hearing on or before the last day a Respondent has to acknowledge
    service (CPR 8.3): a matter for the court, so said before the pack is used."""
    hearing = case.hearing_date
    if hearing is None or any(i.outcome for i in case.items):
        return ""
    late = {
        provider: days[1]
        for provider in case.respondents()
        if (days := case.acknowledge_by(provider)) and hearing <= days[1]
    }
    if not late:
        return ""
    who = "; ".join(f"{p} by {full_date(d)}" for p, d in late.items())
    return (
        f"the hearing on {full_date(hearing)} comes before the end of the time to acknowledge "
        f"service of the claim form ({who}: 14 days after it is deemed served, CPR 8.3): "
        "consider asking the court to shorten that time (CPR 3.1(2)(a)) or to list the hearing "
        "after it"
    )


def _served_caution(reference: str, latest: SavedPack) -> str:
    """After the order, when a bundle was served: a whole pack renumbers what was served."""
    return (
        f"{latest.file_name} (saved {latest.saved_at[:10]}) is the bundle served"
        f"{', as supplemented' if latest.supplements_id else ''}. This pack "
        "renumbers its pages, with the order in place of the draft order the court read: for "
        "the court and the providers, put the order, the note of events and the letters "
        "serving it at the end of the served bundle instead (Supplementary bundle… in the "
        f"window, or raptor supplementary-bundle {reference} SERVED.pdf --out FILE.pdf)"
    )


def build_supplement(session: Session, reference: str, served: Path) -> HearingPack:
    """A supplementary bundle: the served bundle ``served`` with the exhibits added since.

    ``served`` must be a bundle of ``reference`` saved from this register and unchanged
    since (its SHA-256 is looked up), and not a DRAFT. The result's first bytes are the
    served file's, so every page already served is kept byte for byte.
    """
    from pypdf import PdfReader

    from raptor_desktop.documents.bundle_contents import exhibit_key, read_contents
    from raptor_desktop.documents.pack import MAX_PAGES, Bundle
    from raptor_desktop.documents.supplement import addition_to, supplement, supplement_file_name

    try:
        data = Path(served).read_bytes()
    except OSError as error:
        raise InputRejected(f"{served}: cannot be read ({error.strerror})") from error
    with session.connect() as store:
        case = load_case_file(store, reference)
        earlier = saved_pack(store, case.reference, hashlib.sha256(data).hexdigest())
        statements = case.statement_number + supplements_before(store, earlier)
    if earlier.draft:
        raise InputRejected(
            f"{Path(served).name} was a DRAFT bundle, which is not served; supplement the "
            "bundle that was served"
        )
    gaps = case_gaps(case)
    if gaps:
        raise GapsRemain(case.reference, gaps)
    held = read_contents(PdfReader(io.BytesIO(data)), case.decision_dates())
    addition = addition_to(case, held | {exhibit_key(m) for m in earlier.exhibits}, statements)
    if not addition:
        held_text = (
            "every exhibit, the order and the letters serving it, and the note of events since, are"
            if case.decision_dates()
            else "every exhibit is"
        )
        raise InputRejected(
            f"nothing has been added to {case.reference} since {Path(served).name} was saved "
            f"({earlier.saved_at[:10]}): {held_text} already in it"
        )
    pdf, pages = supplement(data, case, addition, earlier.bundle)
    if pages > MAX_PAGES:
        raise InputRejected(
            f"the supplement would take {Path(served).name} to {pages} pages, over the "
            f"{MAX_PAGES} a bundle may have"
        )
    name = supplement_file_name(Path(served).name)
    bundle = Bundle(earlier.bundle, name, pdf, (), pages)
    marks = tuple(e.mark for e in case.exhibits)
    numbers = tuple(i.e164 for i in case.items)
    return HearingPack(case.reference, case.court, numbers, [bundle], False, marks, earlier)


def check_pack_file(path: Path) -> PackReport:
    """Read a saved bundle back and check the court's bundle rules (no register needed)."""
    from raptor_desktop.documents.pack_check import check_pack

    return check_pack(Path(path))


def preview_pack(store: Store, pack: HearingPack) -> list[bytes]:
    """The pack's PDFs, to be shown on screen: looking at the whole pack is logged."""
    record_consultation(store, "preview hearing pack", pack.records)
    return [bundle.pdf for bundle in pack.bundles]


def pdf_target(target: Path) -> Path:
    """Where a pack goes: a folder, or a file named .pdf (".pdf" is added to a name without
    an ending); a name with another ending is refused, for a PDF saved as "pack.txt" or
    "pack.docx" opens in nothing the court uses."""
    if target.is_dir() or target.suffix.lower() == ".pdf":
        return target
    if not target.suffix:
        return target.with_name(f"{target.name}.pdf")
    raise InputRejected(
        f"{target.name}: a hearing pack is a PDF; give a file name ending .pdf, or a folder"
    )


def save_pack(store: Store, pack: HearingPack, target: Path, to: Recipient) -> list[Path]:
    """Write the pack's PDF files, then log the disclosure; returns the files written.

    If a later file of a split pack cannot be written, the disclosure of those already written
    is still logged before the failure is reported.
    """
    from raptor_desktop.documents.pack import write_bundles

    checked = to.checked()
    written: list[Path] = []
    try:
        write_bundles(pack.bundles, pdf_target(Path(target)), written)
    finally:
        if written:
            files = ", ".join(map(str, written))
            out = zip(pack.bundles, written, strict=False)  # the first bundles, if not all
            record_saved_packs(
                store,
                pack.reference,
                [_saved(pack, bundle, path) for bundle, path in out],
                f"{pack.records} -> {files}",
                recipient=checked.name,
                justification=checked.justification,
            )
    return written


def _saved(pack: HearingPack, bundle: Bundle, path: Path) -> SavedPack:
    """What the register keeps of a bundle file just written: enough to know it again."""
    return SavedPack(
        path.name,
        hashlib.sha256(bundle.pdf).hexdigest(),
        len(bundle.pdf),
        bundle.pages,
        bundle.letter,
        pack.exhibits,
        pack.draft,
        pack.supplements.id if pack.supplements else None,
    )


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
