"""The covering letter to each provider, listing only that provider's items."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer

from raptor_desktop.core.case_file import CaseFile, CaseItem
from raptor_desktop.core.dates import full_date
from raptor_desktop.documents.heading import (
    ACT,
    esc,
    item_identifiers,
    position,
    signature_block,
)
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, NUMBERED, PLAIN, RIGHT, SUBJECT


def provider_name(items: list[CaseItem]) -> str:
    """The provider the letter goes to (its items all share it)."""
    return items[0].provider_name if items else ""


def letter_pdf(case: CaseFile, provider: str, items: list[CaseItem]) -> bytes:
    officer = case.applicant
    applicant = case.authoriser.described() or "the applicant"
    story: list[Flowable] = [
        Paragraph(esc(case.unit or officer.force), RIGHT),
        Paragraph(esc(officer.work_address), RIGHT),
        Spacer(1, 0.6 * cm),
        Paragraph(full_date(case.prepared_on), PLAIN),
        Spacer(1, 0.4 * cm),
        Paragraph(f"To: {esc(provider)}", PLAIN),
        Paragraph(
            esc(
                case.addresses.get(provider_name(items), "").strip()
                or "[address for service not recorded]"
            ),
            PLAIN,
        ),
        Paragraph(f"Our reference: {esc(case.reference)}", PLAIN),
        Spacer(1, 0.5 * cm),
        Paragraph("Dear Sir or Madam,", PLAIN),
        Spacer(1, 0.3 * cm),
        Paragraph(
            f"<b>Application for a drug dealing telecommunications restriction order "
            f"under {ACT}</b>",
            SUBJECT,
        ),
        Paragraph(
            f"I write to tell you that {esc(applicant)} "
            f"will apply to the {esc(case.court or 'county court')} on "
            f"{esc(case.hearing_text)} for an order in respect of the following "
            + (
                "item, for which you are the provider:"
                if len(items) == 1
                else f"{len(items)} items, for which you are the provider:"
            ),
            BODY,
        ),
    ]
    for number, item in enumerate(items, start=1):
        devices = item_identifiers(item.imei, item.imsi, item.iccid)
        story.append(
            Paragraph(
                f"{number}.&nbsp;&nbsp;{esc(item.display)} ({esc(item.e164)})"
                + (f"; {esc(devices)}" if devices else ""),
                NUMBERED,
            )
        )
    story += [
        Paragraph(
            "If an order is made you will be served with it. Unless the court sets another time "
            "at our request, an order must be complied with by the end of the fifth working day "
            "after the date on which it is made (regulation 3(5)). We would welcome agreeing an "
            "earlier time with you, as regulation 3(6) allows: please say if you can comply "
            "sooner.",
            BODY,
        ),
        Paragraph(
            "You are invited to make representations: please tell us, before the hearing, of any "
            "reason the items above are not held by you, or any other matter the court should "
            "know, and we will put it before the court.",
            BODY,
        ),
        Paragraph(
            "Enclosed: the claim form, the draft order and the schedule of relevant items "
            "(your items only are listed above).",
            BODY,
        ),
        Paragraph(
            "Contact: "
            + esc(
                ", ".join(
                    p
                    for p in (officer.described(), case.unit or officer.force, officer.work_address)
                    if p
                )
            )
            + f", quoting {esc(case.reference)}.",
            BODY,
        ),
        Paragraph("Yours faithfully,", BODY),
        Spacer(1, 0.8 * cm),
        signature_block(officer.name, position(officer)),
    ]
    return render(story, title=f"{case.reference} letter to {provider}")
