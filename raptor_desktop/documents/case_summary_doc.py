"""The case summary as a PDF on the unit's page template: a cover, the key figures, the
charts, the lines, the applications and outcomes, the outreach figures, and a chronology."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from raptor_desktop.core.case_summary import (
    APPLICATION_HEADERS,
    NUMBER_ROW_HEADERS,
    OUTREACH_HEADERS,
    CaseSummary,
    application_rows,
    key_figures,
    linking_rows,
    outreach_rows,
)
from raptor_desktop.core.charts import month_label
from raptor_desktop.core.dates import full_date, uk_date
from raptor_desktop.core.figures import OUTREACH_KEYS
from raptor_desktop.documents.charts import chart_drawing
from raptor_desktop.documents.compact import compact_pdf
from raptor_desktop.documents.headed import headed
from raptor_desktop.documents.heading import esc
from raptor_desktop.documents.render import render
from raptor_desktop.documents.stamp import Furniture, stamp
from raptor_desktop.documents.styles import BODY, HEADING, SMALL, TITLE
from raptor_desktop.documents.tables import grid_table as _table

APPLICATION_WIDTHS = [2.6 * cm, 4.1 * cm, 2.2 * cm, 2 * cm] + [2.0 * cm] * 7
"""The applications table's columns: each outcome's column as wide as its title's longest word
("withdrawn", "adjourned"), which a narrower one broke in two."""


def case_summary_pdf(summary: CaseSummary) -> bytes:
    f = summary.figures
    story: list[Flowable] = [
        Paragraph("CASE SUMMARY", TITLE),
        Paragraph(f"<b>Scope:</b> {esc(summary.scope)}", BODY),
        Paragraph(f"<b>Covers:</b> {esc(summary.covers())}", BODY),
        Paragraph(
            f"<b>Prepared:</b> {full_date(summary.prepared_on)} by {esc(summary.prepared_by)}", BODY
        ),
        Paragraph(f"<b>Reference:</b> {esc(summary.reference)}", BODY),
        Paragraph(
            "Figures are counted from the register as it stood when this summary was prepared. "
            "Takings are estimates from the sources the officers recorded, not measured sums. "
            "Contacts are counted, never named.",
            SMALL,
        ),
        Spacer(1, 0.4 * cm),
        Paragraph("Key figures", HEADING),
        _table(["What", "Figure"], key_figures(f), [10 * cm, 6.5 * cm]),
        PageBreak(),
        Paragraph("Charts", HEADING),
    ]
    for number, chart in enumerate(summary.charts):
        if number == 2:
            story.append(PageBreak())  # two charts to a page
        if chart.empty:
            story.append(Paragraph(f"{esc(chart.title)}: nothing to show yet.", BODY))
            continue
        parts: list[Flowable] = [chart_drawing(chart)]
        if chart.note:
            parts.append(Paragraph(esc(chart.note), SMALL))
        story += [KeepTogether(parts), Spacer(1, 0.4 * cm)]
    story += [
        PageBreak(),
        *headed(
            "Lines",
            _table(
                list(NUMBER_ROW_HEADERS),
                [row for line in summary.lines for row in line.number_rows(uk_date)],
                [2.4 * cm, 2.8 * cm, 2.6 * cm, 2.0 * cm, 2.8 * cm, 2.2 * cm, 4.6 * cm, 5.4 * cm],
            ),
        ),
        *headed(
            "Applications and outcomes",
            _table(
                list(APPLICATION_HEADERS),
                [[str(c) for c in row] for row in application_rows(summary, uk_date)]
                or [["none"] + [""] * (len(APPLICATION_HEADERS) - 1)],
                APPLICATION_WIDTHS,
            ),
        ),
        *headed(
            "Outreach (counts only)",
            _table(
                list(OUTREACH_HEADERS),
                [[str(c) for c in row] for row in outreach_rows(f)],
                [6 * cm, 3 * cm, 3 * cm, 3 * cm, 3 * cm],
            ),
        ),
        *headed(
            "Outreach by month the contacts were found (counts only)",
            _table(
                ["Month", *OUTREACH_HEADERS[1:]],
                [
                    [month_label(m), *(str(c[k]) for k in OUTREACH_KEYS)]
                    for m, c in f.outreach_by_month.items()
                ]
                or [["none", "", "", "", ""]],
                [6 * cm, 3 * cm, 3 * cm, 3 * cm, 3 * cm],
            ),
        ),
        *headed(
            "Contacts found on two or more of these lines (never named)",
            _table(
                ["Contact", "Lines", "Deal lines"],
                [[str(c) for c in row] for row in linking_rows(summary)] or [["none", "", ""]],
                [3 * cm, 2 * cm, 20 * cm],
            ),
        ),
        *headed(
            "Chronology",
            _table(
                ["Date", "Event"],
                [[uk_date(e.on), e.what] for e in summary.chronology] or [["", "no events"]],
                [2.6 * cm, 22.4 * cm],
            ),
        ),
    ]
    pdf = render(story, title=f"Case summary {summary.reference}", wide=True)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf)))
    stamp(writer, Furniture(summary.marking, summary.reference, summary.training))
    writer.add_metadata(
        {"/Title": f"Case summary {summary.reference}", "/Author": "Raptor Desktop"}
    )
    return compact_pdf(writer)
