"""The case heading and small helpers shared by the court documents."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from raptor_desktop.core.applications import Officer
from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.dates import full_date
from raptor_desktop.documents.styles import CENTRE, CENTRE_BOLD, PLAIN, RIGHT

ACT = "section 80A of the Serious Crime Act 2015"
REGULATIONS_SHORT = "the Drug Dealing Telecommunications Restriction Orders Regulations 2017"
REGULATIONS = f"{REGULATIONS_SHORT} (SI 2017/1240)"


def esc(text: object) -> str:
    """User-written text made safe for ReportLab's paragraph mark-up."""
    return escape(str(text)).replace("\n", "<br/>")


def case_heading(case: CaseFile) -> list[Flowable]:
    """Court, claim number and the matter, as at the head of every court document."""
    court = (case.court or "the County Court").upper()
    if not court.startswith("IN THE"):
        court = f"IN THE {court}"
    top = Table(
        [
            [
                Paragraph(f"<b>{esc(court)}</b>", PLAIN),
                Paragraph(f"<b>Claim No.</b> {esc(case.claim_text)}", RIGHT),
            ]
        ],
        colWidths=["62%", "38%"],
    )
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        top,
        Spacer(1, 0.4 * cm),
        Paragraph(
            "IN THE MATTER OF AN APPLICATION FOR DRUG DEALING TELECOMMUNICATIONS RESTRICTION "
            f"ORDERS UNDER {ACT.upper()}",
            CENTRE_BOLD,
        ),
        Spacer(1, 0.2 * cm),
        _between(case),
        Spacer(1, 0.2 * cm),
        Paragraph(f"Reference: {esc(case.reference)} — {esc(case.operation)}", CENTRE),
        Spacer(1, 0.5 * cm),
    ]


def _between(case: CaseFile) -> Table:
    """BETWEEN the Applicant and the Respondents, each provider numbered as in the claim, the
    party's description set against the last line of its names, as the court heads a claim."""
    applicant = case.authoriser.described() or "a police officer of the rank of superintendent"
    force = case.applicant.force or "the police"
    parties = case.parties()
    respondents = [
        f"({n}) {esc(case.party(p))}" if len(parties) > 1 else esc(case.party(p))
        for n, p in enumerate(parties, start=1)
    ]
    rows = [
        [Paragraph("BETWEEN", PLAIN), ""],
        [
            Paragraph(f"<b>{esc(applicant)}, {esc(force)}</b>", CENTRE),
            Paragraph("Applicant", RIGHT),
        ],
        [Paragraph("- and -", CENTRE), ""],
        *[[Paragraph(f"<b>{name}</b>", CENTRE), ""] for name in respondents],
    ]
    if respondents:
        rows[-1][1] = Paragraph("Respondents" if len(respondents) > 1 else "Respondent", RIGHT)
    table = Table(rows, colWidths=["78%", "22%"])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


class _Whole(Table):
    """A table that moves to the next page whole rather than split."""

    def split(self, _width: float, _height: float) -> list[Flowable]:
        return []


def signature_block(name: str, role: str, *, dated: bool = True, on: date | None = None) -> Table:
    """Signed, name, position and (unless the document is dated already) date: ``on``, the
    day the document records it was signed, else a line to write it on (a blank under a
    statement dated in its box had let the two dates differ). A table never split across
    pages."""
    rows = [["Signed:", "_" * 38], ["Name:", name], ["Position:", role]]
    rows += [["Date:", full_date(on) if on else "_" * 20]] if dated else []
    table = _Whole(rows, colWidths=[2.6 * cm, 9 * cm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "RaptorSerif", 11),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def position(officer: Officer) -> str:
    """The signature block's position line: rank, collar number and force."""
    collar = f" {officer.collar}" if officer.collar else ""
    return ", ".join(p for p in (f"{officer.rank}{collar}".strip(), officer.force) if p)


def item_identifiers(imei: tuple[str, ...], imsi: tuple[str, ...], iccid: tuple[str, ...]) -> str:
    parts = [f"IMEI {v}" for v in imei] + [f"IMSI {v}" for v in imsi]
    parts += [f"ICCID {v}" for v in iccid]
    return "; ".join(parts)
