"""The application (claim form content) and the superintendent's authority."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from raptor_desktop.core.applications import AUTHORISING_RANKS
from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.dates import full_date, plural
from raptor_desktop.core.wording import and_list
from raptor_desktop.documents.heading import (
    ACT,
    REGULATIONS,
    case_heading,
    esc,
    item_identifiers,
    position,
    signature_block,
)
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, HEADING, NUMBERED, TITLE


def application_pdf(case: CaseFile) -> bytes:
    items = case.items
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph("APPLICATION FOR DRUG DEALING TELECOMMUNICATIONS RESTRICTION ORDERS", TITLE),
        Paragraph("Part 8 claim (CPR Part 8; Practice Direction 49E, paragraph 24.1)", BODY),
        Paragraph("1. The parties", HEADING),
        Paragraph(
            f"The applicant is {esc(case.authoriser.described() or '[authorising officer]')} of "
            f"{esc(case.applicant.force)}, an officer of the rank of superintendent or above, as "
            f"{ACT} requires. The case is prepared by "
            f"{esc(case.applicant.described() or '[officer in the case]')}.",
            BODY,
        ),
        Paragraph(
            "The communications providers on whom the order would be served are: "
            + esc(and_list(list(case.providers())))
            + ".",
            BODY,
        ),
        Paragraph("2. The order sought", HEADING),
        Paragraph(
            f"The applicant asks the court to make a drug dealing telecommunications restriction "
            f"order under {ACT} and {REGULATIONS} in respect of the "
            f"{plural(len(items), 'item')} listed in the schedule of relevant items, requiring "
            "each provider to prevent the use of those items, by the end of the fifth working "
            "day after the date of the order or such earlier time as is agreed. A draft order "
            "is in the bundle.",
            BODY,
        ),
        Paragraph("3. The grounds", HEADING),
        Paragraph(
            "The applicant asks the court to be satisfied, on the balance of probabilities, that "
            "each item has been, is likely to have been, or is likely to be used in connection "
            "with drug dealing offences, and that there are reasonable grounds to believe that "
            "the order will prevent or restrict that use (regulation 3(1)). For each number:",
            BODY,
        ),
    ]
    for index, item in enumerate(items, start=1):
        devices = item_identifiers(item.imei, item.imsi, item.iccid)
        extra = f" Devices: {esc(devices)}." if devices else ""
        story.append(
            Paragraph(
                f"3.{index}&nbsp;&nbsp;<b>{esc(item.display)}</b> ({esc(item.e164)}), line "
                f"“{esc(item.brand or 'unnamed')}”. {esc(item.grounds)}{extra}",
                NUMBERED,
            )
        )
    story += [
        Paragraph("4. The hearing", HEADING),
        Paragraph(f"Hearing: {esc(case.hearing_text)}, {esc(case.court)}.", BODY),
        Spacer(1, 12),
        signature_block(case.authoriser.name, position(case.authoriser) or "Applicant"),
    ]
    return render(story, title=f"{case.reference} application")


def authority_pdf(case: CaseFile) -> bytes:
    officer = case.authoriser
    dated = full_date(case.authorised_on) if case.authorised_on else "[date not recorded]"
    rank_ok = officer.rank in AUTHORISING_RANKS
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph("AUTHORITY OF A SUPERINTENDENT", TITLE),
        Paragraph(
            f"I, {esc(officer.described() or '[name, rank and collar number]')}, of "
            f"{esc(case.applicant.force)}, hold the rank of "
            f"{esc(officer.rank or '[rank]')}, which is the rank of superintendent or above.",
            BODY,
        ),
        Paragraph(
            f"I have read the application {esc(case.reference)}, the witness statement of "
            f"{esc(case.applicant.described())} and the exhibits. I am satisfied that the "
            f"application should be made, and I make it under {ACT} and {REGULATIONS} in respect "
            f"of the {plural(len(case.items), 'item')} in the schedule of relevant items.",
            BODY,
        ),
        Paragraph(f"Date of this authority: {dated}.", BODY),
    ]
    if not rank_ok:
        story.append(
            Paragraph(
                "<b>Note: no officer of the rank of superintendent or above is recorded. This "
                "application cannot be made until one authorises it.</b>",
                BODY,
            )
        )
    story += [Spacer(1, 18), signature_block(officer.name, position(officer))]
    return render(story, title=f"{case.reference} authority")
