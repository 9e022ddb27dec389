"""Checking a hearing bundle by reading the PDF back, as a court clerk's tools would.

Each rule of the judiciary's electronic bundle guidance that can be read from the file is
checked, and every failure names its page: page 1 is the index; every page is numbered
"Page N of T" with N its PDF page ("Page A12 of A300" in bundle A of a split pack); every
page carries the protective marking top and bottom; one bookmark per index entry, each naming
its page numbers and leading to that page; the index links to each document; the file opens
at page 1 at 100 %; page labels run 1…N (A1…AN); no more than 300 pages; no larger than the
36 MB courts accept by e-mail. And what can be read of its words: nothing printed as "not
recorded", no blank court fee, and from the order as made on, nothing left "for the court to
complete" and no claim number "to be allocated".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdfium2 import PdfiumError

from raptor_desktop.documents.index_page import SUPPLEMENT_TITLE
from raptor_desktop.documents.page_text import page_texts

MAX_PAGES = 300
MAX_BYTES = 36 * 1024 * 1024
_PAGES_IN_TITLE = re.compile(r"\((?:p\. ([A-Z]?)(\d+)|pp\. ([A-Z]?)(\d+)–[A-Z]?(\d+))\)$")


@dataclass
class PackReport:
    """What the check found: a line per rule that passed, and each failure with its page."""

    file: Path
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    draft: bool = False  # marked DRAFT: however sound, never a bundle to serve

    @property
    def sound(self) -> bool:
        return not self.failed

    @property
    def fit_to_serve(self) -> bool:
        return self.sound and not self.draft

    def rule(self, ok: bool, what: str, failures: list[str]) -> None:
        if ok:
            self.passed.append(what)
        else:
            self.failed += failures or [what]


def _marking(reader: PdfReader) -> str:
    metadata = reader.metadata
    subject = str(metadata.get("/Subject", "")) if metadata is not None else ""
    return subject.split(":", 1)[0].removesuffix(" — TRAINING").strip()


def _every_bookmark(outline: list) -> list:  # type: ignore[type-arg]
    """Every bookmark, nested ones included."""
    found = []
    for item in outline:
        found += _every_bookmark(item) if isinstance(item, list) else [item]
    return found


NOT_RECORDED = re.compile(r"\[[^\]]*not recorded\]")
"""What a document prints where the register lacks a fact: "[legal name not recorded]"."""
LEFT_FOR_THE_COURT = ("[for the court to complete]", "Claim No. to be allocated")
"""Left for the court in a draft order and a claim not yet issued; wrong once the order is
made (the copy must say what the sealed order says)."""
_BLANK_FEE = re.compile(r"Court fee\s*£(?!\s*\d)")


def _blanks(texts: list[str], prefix: str) -> list[str]:
    """Each page that leaves blank what the register should have said: a fact not recorded,
    the fee, or (from the first page of an order as made on) what the court has since
    filled in."""
    found = []
    made_from = next(
        (n for n, text in enumerate(texts, start=1) if "ORDER (as made)" in text), None
    )
    for n, text in enumerate(texts, start=1):
        flat = " ".join(text.split())
        found += [f"page {prefix}{n}: {blank}" for blank in NOT_RECORDED.findall(flat)]
        if _BLANK_FEE.search(flat):
            found.append(f"page {prefix}{n}: the court fee is blank")
        if made_from is not None and n >= made_from:
            found += [
                f"page {prefix}{n}: {blank!r}, after the order was made"
                for blank in LEFT_FOR_THE_COURT
                if blank in flat
            ]
    return found


def check_pack(path: Path) -> PackReport:
    """Read the bundle at ``path`` and check every rule above."""
    try:
        data = path.read_bytes()
    except OSError as error:
        report = PackReport(path)
        report.failed.append(f"the file cannot be read ({error.strerror})")
        return report
    return check_bundle(data, path)


def check_bundle(data: bytes, path: Path) -> PackReport:
    """Check the bundle whose file (``path``, for the report) holds ``data``."""
    report = PackReport(path)
    size = len(data)
    try:
        reader = PdfReader(io.BytesIO(data))
        texts = page_texts(data)
    except (PdfReadError, PdfiumError, ValueError, OSError) as error:
        report.failed.append(f"the file cannot be read as a PDF ({error})")
        return report
    total = len(texts)
    labels = reader.page_labels
    prefix = labels[0].removesuffix("1") if labels and labels[0].endswith("1") else ""
    report.rule(
        bool(texts) and ("INDEX TO" in texts[0] or "MASTER INDEX" in texts[0]),
        "page 1 is the index",
        ["page 1: it is not the index"],
    )
    # A supplement starts a new run: its pages say "of" its own last page, the served
    # pages before it keep the total they were served with.
    starts = [n for n, text in enumerate(texts, start=1) if n > 1 and SUPPLEMENT_TITLE in text]
    ends = {}
    for start, end in zip([1, *starts], [*starts, total + 1], strict=True):
        ends.update({n: end - 1 for n in range(start, end)})
    if starts:
        report.notes.append("supplemented: " + ", ".join(f"from page {prefix}{n}" for n in starts))
    unnumbered = [
        f"page {n}: not numbered 'Page {prefix}{n} of {prefix}{ends[n]}'"
        for n, text in enumerate(texts, start=1)
        if f"Page {prefix}{n} of {prefix}{ends[n]}" not in text
    ]
    report.rule(
        not unnumbered,
        f"every page is numbered 'Page {prefix}N of {prefix}T', N its PDF page",
        unnumbered,
    )
    marking = _marking(reader)
    unmarked = [
        f"page {n}: the marking {marking!r} is not at the top and the bottom"
        for n, text in enumerate(texts, start=1)
        if text.count(marking) < 2
    ]
    report.rule(
        bool(marking) and not unmarked,
        f"every page carries the marking {marking!r} top and bottom",
        unmarked or ["the file does not say its protective marking"],
    )
    outline = [item for item in reader.outline if not isinstance(item, list)]
    every = _every_bookmark(reader.outline)
    wrong_marks = []
    for item in every:
        target = reader.get_destination_page_number(item)
        page = target + 1 if target is not None else 0
        found = _PAGES_IN_TITLE.search(str(item.title))
        letter = (found.group(1) or found.group(3) or "") if found else ""
        first = int(found.group(2) or found.group(4)) if found else None
        if first != page or letter != prefix:
            wrong_marks.append(
                f"bookmark {item.title!r}: does not name page {prefix}{page}, its target"
            )
    nested = len(every) - len(outline)
    report.rule(
        bool(outline) and not wrong_marks,
        f"{len(outline)} bookmarks"
        + (f" and {nested} within them" if nested else "")
        + ", each naming the page it leads to",
        wrong_marks or ["the file has no bookmarks"],
    )
    links = [
        a
        for n in [1, *starts]
        for a in (reader.pages[n - 1].get("/Annots") or [])
        if a.get_object().get("/Dest")
    ]
    documents = len(outline) - 1 - len(starts)  # every bookmark but the indexes'
    report.rule(
        documents > 0 and len(links) >= documents,
        "the index links to each document",
        [
            f"page 1: {len(links)} links for {documents} documents"
            if documents > 0
            else "no document is bookmarked, so the index can link to none"
        ],
    )
    fitted = [
        f"bookmark {item.title!r}: opens its page with {item['/Type']}, not at the reader's zoom"
        for item in _every_bookmark(reader.outline)
        if str(item.get("/Type", "/XYZ")) != "/XYZ"
    ] + [
        f"page {n}: an index link opens its page with {link.get_object()['/Dest'][1]}"
        for n in [1, *starts]
        for link in (reader.pages[n - 1].get("/Annots") or [])
        if link.get_object().get("/Dest") and str(link.get_object()["/Dest"][1]) != "/XYZ"
    ]
    report.rule(not fitted, "bookmarks and links keep the reader's zoom (no /Fit)", fitted)
    action = reader.root_object.get("/OpenAction")
    steps = list(action) if isinstance(action, list) else []
    opens = len(steps) == 5 and str(steps[1]) == "/XYZ" and steps[4] == 1
    report.rule(opens, "it opens at page 1 at 100 %", ["the file does not open at 100 %"])
    report.rule(
        labels == [f"{prefix}{n}" for n in range(1, total + 1)],
        f"page labels run {prefix}1 to the last page",
        [f"the page labels do not run {prefix}1…{prefix}N"],
    )
    report.rule(
        total <= MAX_PAGES,
        f"{total} pages, within {MAX_PAGES}",
        [f"{total} pages: over {MAX_PAGES}, split it into bundles"],
    )
    megabytes = size / (1024 * 1024)
    report.rule(
        size <= MAX_BYTES,
        f"{megabytes:.1f} MB, within the 36 MB courts accept by e-mail",
        [f"{megabytes:.1f} MB: over the 36 MB courts accept by e-mail"],
    )
    blanks = _blanks(texts, prefix)
    if any("DRAFT — NOT FOR SERVICE" in text for text in texts):
        report.draft = True
        report.notes.append("marked DRAFT — NOT FOR SERVICE: the application had gaps")
    if report.draft and blanks:  # the gaps it lists, shown where they fall
        shown = "; ".join(blanks[:3]) + (f"; and {len(blanks) - 3} more" if len(blanks) > 3 else "")
        report.notes.append(f"left blank for the gaps this draft lists: {shown}")
    else:
        report.rule(
            not blanks, "nothing left blank that the register should have filled in", blanks
        )
    if any("TRAINING — NOT FOR COURT USE" in text for text in texts):
        report.notes.append("a training pack: not for court use")
    return report
