"""The last page of a DRAFT pack: what the application still lacks, and where to fill it in."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.documents.heading import case_heading, esc
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, NUMBERED, TITLE


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
