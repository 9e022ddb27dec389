"""The application (claim form content) and the superintendent's authority."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from raptor_desktop.core.applications import AUTHORISING_RANKS
from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.dates import full_date, full_moment, plural
from raptor_desktop.core.wording import without_repeats
from raptor_desktop.documents.heading import (
    ACT,
    REGULATIONS,
    case_heading,
    esc,
    position,
    signature_block,
)
from raptor_desktop.documents.order_doc import (
    applicant_capacity,
    capacity_limb,
    duration_text,
    numbers_text,
)
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, HEADING, TITLE, numbered

STATEMENT_OF_TRUTH = (  # the claimant signs it personally: the first-person form of PD 22
    "I believe that the facts stated in this claim form are true. I understand that "
    "proceedings for contempt of court may be brought against anyone who makes, or causes to be "
    "made, a false statement in a document verified by a statement of truth without an honest "
    "belief in its truth."
)


def _fee_box(case: CaseFile) -> Table:
    fee = f"£{float(case.court_fee):,.2f}" if case.court_fee else "£"
    rows = [
        ["Court fee", fee],
        ["Fee account number", case.fee_account or "none: the fee is paid by other means"],
    ]
    table = Table(rows, colWidths=[9.5 * cm, 6 * cm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "RaptorSerif", 10),
                ("GRID", (0, 0), (-1, -1), 0.5, "#555555"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _parties(case: CaseFile) -> list[Flowable]:
    authoriser = esc(case.authoriser.described() or "[authorising officer]")
    force = esc(case.applicant.force)
    address = esc(case.applicant.work_address or "[work address]")
    story: list[Flowable] = [
        Paragraph("1. The parties", HEADING),
        Paragraph(
            f"<b>Claimant (the Applicant):</b> {authoriser} of {force}, who makes this "
            f"application as {applicant_capacity(case.authoriser.rank)} "
            f"({capacity_limb(case.authoriser.rank)}). Address for service: {address}. The "
            f"case is prepared by {esc(case.applicant.described() or '[officer in the case]')}.",
            BODY,
        ),
    ]
    for name in case.parties():
        where = esc(case.addresses.get(name, "").strip() or "[address for service not recorded]")
        story.append(
            Paragraph(
                f"<b>Defendant ({case.respondent(name)}):</b> {esc(case.party(name))}, the "
                "communications "
                f"provider for the items listed against it in the schedule. Address for "
                f"service: {where}.",
                BODY,
            )
        )
    return story


def application_pdf(case: CaseFile) -> bytes:
    """The Part 8 claim, with the content of form N208: every item, as the claim was made."""
    live = case.numbered_items()
    deadline = (
        f" (on the hearing date as the date of the order, {full_moment(case.draft_deadline)})"
        if case.draft_deadline
        else ""
    )
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph("CLAIM FORM (CPR PART 8)", TITLE),
        Paragraph(
            "Application for a drug dealing telecommunications restriction order under "
            f"{REGULATIONS}, regulation 3 (Practice Direction 49E, paragraph 24.1)",
            BODY,
        ),
        *_parties(case),
        Paragraph("2. Details of claim: what the claimant seeks", HEADING),
        Paragraph(
            "An order requiring each defendant to prevent all use of the relevant items listed "
            f"against it in the schedule of relevant items ({'items' if len(live) > 1 else 'item'} "
            f"{numbers_text(live) if live else 'none'}), by the end of the fifth working day "
            f"after the date of the order{deadline} (regulation 3(4) and (5)), or any earlier "
            "time agreed between the claimant and the defendant (regulation 3(6)); providing "
            "that the order does not apply to any item the claimant discovers is not being "
            "used in connection with drug dealing offences, from the time the claimant gives "
            "the defendant written notice of that (regulation 3(3)); and having effect "
            f"{duration_text(case.requested, case.hearing_date).replace('this order', 'the order')}"
            " (regulation 3(2)). A draft order is filed with this claim.",
            BODY,
        ),
        Paragraph("3. The grounds", HEADING),
        Paragraph(
            "The claimant asks the court to be satisfied that each item has been, or is likely "
            "to have been, used, or is likely to be used, in connection with drug dealing "
            "offences, and to have reasonable grounds to believe that the order would prevent "
            "or restrict the use of a communication device in connection with drug dealing "
            "offences (regulation 3(1)). The evidence is in the witness statement"
            + (" and its exhibits" if case.exhibits else "")
            + ". In short, for each item:",
            BODY,
        ),
    ]
    for number, item in live:
        crown = (
            f" It is a {esc(item.crown_dependency)} (Crown Dependency) number: its provider may "
            "be outside the jurisdiction of the courts of England and Wales."
            if item.crown_dependency
            else ""
        )
        story.append(
            numbered(
                f"3.{number}",
                f"Item {number}, {esc(item.display)}, "
                + (f"line “{esc(item.brand)}”. " if item.brand else "a line with no name known. ")
                + f"{esc(without_repeats(item.grounds))}{crown}",
            )
        )
    story += [
        Paragraph("4. The hearing", HEADING),
        Paragraph(f"Hearing: {esc(case.hearing_text)}, {esc(case.court)}.", BODY),
        Paragraph("5. Human Rights Act 1998", HEADING),
        Paragraph("The claim does not include any issue under the Human Rights Act 1998.", BODY),
        KeepTogether(  # the statement of truth, the signature and the fee box on one page
            [
                Paragraph("6. Statement of truth (CPR 22.1)", HEADING),
                Paragraph(STATEMENT_OF_TRUTH, BODY),
                signature_block(case.authoriser.name, position(case.authoriser) or "Claimant"),
                Spacer(1, 12),
                _fee_box(case),
            ]
        ),
    ]
    return render(story, title=f"{case.reference} claim form")


def authority_pdf(case: CaseFile) -> bytes:
    officer = case.authoriser
    dated = full_date(case.authorised_on) if case.authorised_on else "[date not recorded]"
    rank_ok = officer.rank in AUTHORISING_RANKS
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph("AUTHORITY OF THE APPLICANT", TITLE),
        Paragraph(
            f"I, {esc(officer.described() or '[name, rank and collar number]')}, of "
            f"{esc(case.applicant.force)}, "
            + (
                f"am {applicant_capacity(officer.rank)} ({capacity_limb(officer.rank)})."
                if rank_ok
                else f"hold the rank of {esc(officer.rank or '[rank]')}."
            ),
            BODY,
        ),
        Paragraph(
            f"I have read the application {esc(case.reference)} and the witness statement of "
            f"{esc(case.applicant.described())}"
            + (f" dated {full_date(case.statement_date)}" if case.statement_date else "")
            + f"{' and its exhibits' if case.exhibits else ''}. "
            "I am satisfied that the "
            f"application should be made, and I make it under {ACT} and {REGULATIONS} in respect "
            f"of {'the ' + plural(len(case.items), 'item') if len(case.items) > 1 else 'the item'} "
            "in the schedule of relevant items.",
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
    story += [
        Spacer(1, 18),
        signature_block(officer.name, position(officer), on=case.authorised_on),
    ]
    return render(story, title=f"{case.reference} authority")
