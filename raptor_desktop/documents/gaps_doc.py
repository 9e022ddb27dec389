"""The last pages of a DRAFT pack: what the application still lacks, and where to fill it in;
then the bundle rules checked by reading the pack back."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.documents.heading import case_heading, esc
from raptor_desktop.documents.pack_check import PackReport
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, NUMBERED, SMALL, TITLE


def gaps_pdf(case: CaseFile) -> bytes:
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph("GAPS TO FILL BEFORE SERVICE", TITLE),
        Paragraph(
            "This pack is a draft, marked DRAFT — NOT FOR SERVICE on every page, because the "
            "application still lacks what the court documents need. Fill in each of these, then "
            "build the pack again; check the saved file with <i>raptor check-pack FILE</i>.",
            BODY,
        ),
    ]
    for number, gap in enumerate(case_gaps(case), start=1):
        story.append(
            Paragraph(
                f"{number}.&nbsp;&nbsp;{esc(gap.what)}.<br/><i>Fill in: {esc(gap.where)}</i>",
                NUMBERED,
            )
        )
    return render(story, title=f"{case.reference} gaps")


MOST_LINES = 26  # the check's lines that fit on its one page; more are counted, not listed


def bundle_check_pdf(case: CaseFile, reports: list[PackReport]) -> bytes:
    """The page after the gaps: the bundle rules read back from the PDF, for each bundle.

    Always one page, so that the pack can be built with it and checked before it is filled
    in: a long list of failures is cut short with a count.
    """
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph("BUNDLE CHECK", TITLE),
        Paragraph(
            "Each rule of the electronic bundle guidance that can be read from the file, "
            "checked by reading this pack back as it was built (this page aside). Check the "
            "saved file with <i>raptor check-pack FILE</i>.",
            BODY,
        ),
    ]
    lines: list[str] = []
    for report in reports:
        if len(reports) > 1:
            lines.append(f"<b>{esc(report.file.name)}</b>")
        lines += [f"FAIL&nbsp;&nbsp;{esc(line)}" for line in report.failed]
        lines += [f"ok&nbsp;&nbsp;&nbsp;&nbsp;{esc(line)}" for line in report.passed]
    shown = lines[:MOST_LINES]
    if len(lines) > MOST_LINES:
        shown.append(f"… and {len(lines) - MOST_LINES} more: run raptor check-pack on the file")
    story += [Paragraph(line, SMALL) for line in shown]
    return render(story, title=f"{case.reference} bundle check")
