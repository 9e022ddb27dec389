"""The schedule of relevant items: each item in full, once, numbered for every document."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from raptor_desktop.core.case_file import UNCONFIRMED, CaseFile, CaseItem
from raptor_desktop.core.dates import full_date, plural
from raptor_desktop.core.wording import upper_first
from raptor_desktop.documents.headed import ROOM, headed
from raptor_desktop.documents.heading import case_heading, esc
from raptor_desktop.documents.order_doc import CARVE_OUT_CLAUSE
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import (
    BODY,
    IDENTIFIER,
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


def _cell(text: str) -> Paragraph:
    return Paragraph(esc(text) if text else "—", SMALL)


def _lines(values: list[str] | tuple[str, ...]) -> Paragraph:
    return Paragraph("<br/>".join(esc(v) for v in values) or "—", IDENTIFIER)


def _msisdn(item: CaseItem) -> Paragraph:
    """National format in bold over E.164, neither broken across lines."""
    national = esc(item.display).replace(" ", "&nbsp;")
    crown = (
        f"<br/><i>{esc(item.crown_dependency)}: Crown Dependency, provider may be outside the "
        "jurisdiction</i>"
        if item.crown_dependency
        else ""
    )
    return Paragraph(f"<b>{national}</b><br/>{esc(item.e164)}{crown}", SMALL)


OUTCOMES = {
    "refused": "None: refused by the court",
    "withdrawn": "None: withdrawn by the applicant",
    "adjourned": f"{ACTION} (adjourned: not yet determined)",
    "carved out": "None now: ceased to apply (regulation 3(3))",
}


def _action(case: CaseFile, item: CaseItem) -> str:
    """What the provider must do with the item, as its outcome (if any) left it: a carve-out
    whose notice is not yet deemed given leaves the order applying until that day."""
    ceased = case.ceased_on(item)
    if item.outcome == "carved out" and ceased and ceased > case.prepared_on:
        return (
            f"{ACTION} until {full_date(ceased)}; the order then ceases to apply "
            f"({CARVE_OUT_CLAUSE})"
        )
    return OUTCOMES.get(str(item.outcome), ACTION)


def _row(case: CaseFile, number: int, item: CaseItem) -> list[Paragraph]:
    return [
        _cell(str(number)),
        _msisdn(item),
        _lines(item.imei),
        _lines(item.imsi),
        _lines(item.iccid),
        _cell(item.range_holder),
        _cell(item.serve_on),
        _cell(_action(case, item)),
    ]


class ContinuedTable(Table):
    """A table that, split over pages, opens each page after its first with the heading
    :attr:`continued`: a provider's items over three pages say on each whose they are (the
    pages after the first had borne no provider's name)."""

    continued = ""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        if len(parts) < 2 or not self.continued:
            return parts
        first, *rest = parts
        for part in rest:
            if isinstance(part, ContinuedTable):
                part.continued = self.continued  # and on, should it run on again
        # the rest starts a page (the first part took all the room a row would): the heading
        # goes to that page with it, not under the first part
        return [first, CondPageBreak(ROOM), Paragraph(self.continued, SMALL_BOLD), *rest]


def schedule_table(case: CaseFile, widths: list[float]) -> list[Flowable]:
    """One table per provider, rows numbered across the whole schedule (the one numbering the
    application, the order and the statement refer to)."""
    headers = HEADERS
    flowables: list[Flowable] = []
    number = 0
    for provider, items in case.providers().items():
        legal = case.legal_names.get(items[0].provider_name, "").strip()
        respondent = case.respondent(items[0].provider_name)  # as the claim numbers it
        heading = f"{upper_first(respondent)}: {esc(provider)}"
        if provider != UNCONFIRMED:  # the company the order binds, beside the brand
            heading += f" — {esc(legal or '[legal name not recorded]')}"
        rows = [[Paragraph(h, SMALL_BOLD) for h in headers]]
        for item in items:
            number += 1
            rows.append(_row(case, number, item))
        table = ContinuedTable(rows, colWidths=widths, repeatRows=1)
        table.continued = f"{heading} (continued)"
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, "#555555"),
                    ("BACKGROUND", (0, 0), (-1, 0), "#e6e6e6"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ]
            )
        )
        flowables += headed(heading, table)
    return flowables


# The landscape frame's 25.2 cm; each identifier column holds its longest value on one line
# (a 22-digit ICCID, a 15-digit IMEI or IMSI, the E.164 form).
SCHEDULE_WIDTHS = [1.0 * cm, 3.0 * cm, 2.8 * cm, 2.8 * cm, 4.0 * cm, 2.9 * cm, 3.4 * cm, 5.3 * cm]
PADDING = 3  # points, each side of a cell


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
