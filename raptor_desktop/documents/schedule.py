"""The schedule of relevant items and the draft order built around it."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from raptor_desktop.core.case_file import CaseFile, CaseItem
from raptor_desktop.core.dates import plural
from raptor_desktop.documents.heading import ACT, REGULATIONS, case_heading, esc
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import (
    BODY,
    HEADING,
    IDENTIFIER,
    NUMBERED,
    SMALL,
    SMALL_BOLD,
    TITLE,
)

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


COMPACT_HEADERS = ("No.", "MSISDN", "Device identifiers", "Provider to serve", "Action required")


def _cell(text: str) -> Paragraph:
    return Paragraph(esc(text) if text else "—", SMALL)


def _lines(values: list[str] | tuple[str, ...]) -> Paragraph:
    return Paragraph("<br/>".join(esc(v) for v in values) or "—", IDENTIFIER)


def _msisdn(item: CaseItem) -> Paragraph:
    """National format in bold over E.164, neither broken across lines."""
    national = esc(item.display).replace(" ", "&nbsp;")
    return Paragraph(f"<b>{national}</b><br/>{esc(item.e164)}", SMALL)


def _row(number: int, item: CaseItem) -> list[Paragraph]:
    return [
        _cell(str(number)),
        _msisdn(item),
        _lines(item.imei),
        _lines(item.imsi),
        _lines(item.iccid),
        _cell(item.range_holder),
        _cell(item.serve_on),
        _cell(ACTION),
    ]


def _compact_row(number: int, item: CaseItem) -> list[Paragraph]:
    """For a portrait page: the device identifiers in one column, each with its kind."""
    identifiers = [
        f"{kind}&nbsp;{esc(value)}"
        for kind, values in (("IMEI", item.imei), ("IMSI", item.imsi), ("ICCID", item.iccid))
        for value in values
    ]
    return [
        _cell(str(number)),
        _msisdn(item),
        Paragraph("<br/>".join(identifiers) or "—", IDENTIFIER),
        _cell(item.serve_on),
        _cell(ACTION),
    ]


def schedule_table(case: CaseFile, widths: list[float], *, compact: bool = False) -> list[Flowable]:
    """One table per provider, rows numbered across the whole schedule.

    ``compact`` (for the portrait draft order) puts the device identifiers in one column and
    leaves out the range holder, which the order does not need.
    """
    headers, make_row = (COMPACT_HEADERS, _compact_row) if compact else (HEADERS, _row)
    flowables: list[Flowable] = []
    number = 0
    for provider, items in case.providers().items():
        rows = [[Paragraph(h, SMALL_BOLD) for h in headers]]
        for item in items:
            number += 1
            rows.append(make_row(number, item))
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


SCHEDULE_WIDTHS = [1.2 * cm, 3.0 * cm, 3.1 * cm, 3.1 * cm, 3.9 * cm, 2.9 * cm, 4.0 * cm, 4.7 * cm]


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
    story += schedule_table(case, [1.2 * cm, 3.0 * cm, 5.0 * cm, 3.1 * cm, 4.2 * cm], compact=True)
    return render(story, title=f"{case.reference} draft order")
