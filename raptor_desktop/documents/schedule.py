"""The schedule of relevant items and the draft order built around it."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from raptor_desktop.core.case_file import CaseFile, CaseItem
from raptor_desktop.core.dates import plural
from raptor_desktop.documents.heading import ACT, REGULATIONS, case_heading, esc
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, HEADING, NUMBERED, SMALL, SMALL_BOLD, TITLE

ACTION = "Prevent all use of the item (disconnect or deactivate it)"
HEADERS = (
    "No.",
    "MSISDN",
    "IMEI",
    "IMSI",
    "ICCID",
    "Range holder",
    "Provider to serve",
    "Action required",
)


def _cell(text: str) -> Paragraph:
    return Paragraph(esc(text) if text else "—", SMALL)


def _row(number: int, item: CaseItem) -> list[Paragraph]:
    msisdn = Paragraph(f"<b>{esc(item.display)}</b><br/>{esc(item.e164)}", SMALL)
    return [
        _cell(str(number)),
        msisdn,
        _cell("\n".join(item.imei)),
        _cell("\n".join(item.imsi)),
        _cell("\n".join(item.iccid)),
        _cell(item.range_holder),
        _cell(item.serve_on),
        _cell(ACTION),
    ]


def schedule_table(case: CaseFile, widths: list[float]) -> list[Flowable]:
    """One table per provider, rows numbered across the whole schedule."""
    flowables: list[Flowable] = []
    number = 0
    for provider, items in case.providers().items():
        rows = [[Paragraph(h, SMALL_BOLD) for h in HEADERS]]
        for item in items:
            number += 1
            rows.append(_row(number, item))
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, "#555555"),
                    ("BACKGROUND", (0, 0), (-1, 0), "#e6e6e6"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        flowables += [Paragraph(f"Provider: {esc(provider)}", HEADING), table]
    return flowables


SCHEDULE_WIDTHS = [1.0 * cm, 3.0 * cm, 3.2 * cm, 3.2 * cm, 3.8 * cm, 3.0 * cm, 4.2 * cm, 4.5 * cm]


def schedule_pdf(case: CaseFile) -> bytes:
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph("SCHEDULE OF RELEVANT ITEMS", TITLE),
        Paragraph(
            f"{plural(len(case.items), 'number')}, grouped by the provider to be served. The "
            "range holder is the network the number was first allocated to; the number may "
            "since have been ported, so the provider to serve is the one confirmed.",
            BODY,
        ),
        *schedule_table(case, SCHEDULE_WIDTHS),
    ]
    return render(story, title=f"{case.reference} schedule", wide=True)


def draft_order_pdf(case: CaseFile) -> bytes:
    applicant = case.authoriser.described() or "the applicant"
    clauses = [
        "Each communications provider named in the schedule shall take the action required in "
        "respect of each item listed against it.",
        "<b>Compliance.</b> The provider shall comply by the end of the fifth working day after "
        "the date of this order (regulation 3(4)), or by such other time as the court directs, "
        "or by such earlier time as may be agreed between the applicant and the provider "
        "(regulation 3(5) and (6)).",
        "<b>Carve-out.</b> This order shall cease to apply to any item in the schedule which the "
        "court, on the application of the applicant or of any person affected, is satisfied "
        "is not being used in connection with drug dealing offences (regulation 3(3)).",
        "<b>Duration.</b> This order has effect until [date] / for a period of [period] from "
        "the date of this order / until it is discharged (regulation 3(2)).",
        "The restriction does not prevent calls to the emergency services (999 and 112).",
        "Any person affected by this order may apply to the court to vary or discharge it "
        "(application notice, form N244).",
    ]
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph("DRAFT ORDER", TITLE),
        Paragraph(f"UPON the application of {esc(applicant)} under {ACT} and {REGULATIONS};", BODY),
        Paragraph(
            "AND UPON the court being satisfied on the balance of probabilities that each item in "
            "the schedule has been, is likely to have been, or is likely to be used in "
            "connection with drug dealing offences, and having reasonable grounds to believe "
            "that this order will prevent or restrict such use;",
            BODY,
        ),
        Paragraph("IT IS ORDERED THAT:", HEADING),
    ]
    story += [
        Paragraph(f"{n}.&nbsp;&nbsp;{text}", NUMBERED) for n, text in enumerate(clauses, start=1)
    ]
    story += [Spacer(1, 0.3 * cm), Paragraph("SCHEDULE", HEADING)]
    story += schedule_table(
        case, [0.8 * cm, 2.6 * cm, 2.0 * cm, 2.0 * cm, 2.2 * cm, 1.9 * cm, 2.5 * cm, 2.5 * cm]
    )
    return render(story, title=f"{case.reference} draft order")
