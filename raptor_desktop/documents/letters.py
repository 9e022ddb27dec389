"""The letter to each provider, listing only that provider's items: before the hearing a
notice of the application (with notice), or the covering letter the order will be served with;
once an order is made on the provider's items, the letter serving it, with the time by which
each item must be dealt with."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from raptor_desktop.core.case_file import UNCONFIRMED, CaseFile, CaseItem
from raptor_desktop.core.dates import full_date, full_moment
from raptor_desktop.core.deemed_service import ACKNOWLEDGE_DAYS, Sending, SendingMethod
from raptor_desktop.core.wording import and_list
from raptor_desktop.documents.heading import (
    REGULATIONS_SHORT,
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


def _respondent(case: CaseFile, items: list[CaseItem]) -> str:
    """The provider's number as a party to the claim, as every document of it gives it."""
    name = provider_name(items)
    return f" ({case.respondent(name)})" if name in case.parties() else ""


def letters_to_write(case: CaseFile) -> list[tuple[str, list[CaseItem]]]:
    """Each provider there is a letter to, with the items it names.

    Refused or withdrawn: no letter needed. An item ordered and later carved out was served
    with the order all the same, if the letter was sent: that letter is a record of service.
    Unsent, it would demand that the provider cut off a number the order no longer covers
    (reassigned, perhaps, to someone with no part in the dealing). A provider not yet known
    has no one to write to.
    """
    letters = []
    for provider, items in case.providers().items():
        sent = case.serving_letter(provider_name(items)) is not None
        live = [item for item in items if item.live or (item.ordered and sent)]
        if provider != UNCONFIRMED and live:
            letters.append((provider, live))
    return letters


def _dated(case: CaseFile, provider: str, serving: bool) -> list[Flowable]:
    """The date the letter was sent, as recorded, and how it went; never the day the pack
    was printed. A letter serving the order is dated only by a letter sent on or after the
    order (one sent before it was the notice of the application)."""
    sent = case.serving_letter(provider) if serving else case.letters_sent.get(provider)
    if sent is None:
        return [Paragraph("Date: ..................... (the day it is sent)", PLAIN)]
    how = [Paragraph(f"<b>{esc(sent.how)}</b>", PLAIN)] if sent.method else []
    return [*how, Paragraph(f"Date: {full_date(sent.on)}", PLAIN)]


def _opening(case: CaseFile, items: list[CaseItem]) -> str:
    """Notice of the application (with notice), or the covering letter it is served with."""
    applicant = esc(case.authoriser.described() or "the applicant")
    which = "item" if len(items) == 1 else f"{len(items)} items"
    if case.with_notice and case.claim_number:  # the claim issued, and listed
        return (
            f"I write to give you notice that {applicant} has brought a claim under CPR Part 8 "
            f"in the {esc(case.court or 'county court')} (claim no. {esc(case.claim_number)}) "
            f"for an order in respect of the following {which}, for which you are the "
            "provider, numbered as in the enclosed schedule of relevant items. The court will "
            f"hear it on {esc(case.hearing_text)}:"
        )
    if case.with_notice:
        return (
            f"I write to give you notice that {applicant} will apply to the "
            f"{esc(case.court or 'county court')} on {esc(case.hearing_text)} for an order in "
            f"respect of the following {which}, for which you are the provider, numbered as in "
            "the enclosed schedule of relevant items:"
        )
    return (
        f"{applicant} is applying to the {esc(case.court or 'county court')}, without notice "
        f"to you, for an order in respect of the following {which}, for which you are the "
        "provider, numbered as in the enclosed schedule of relevant items. If the order is made, "
        "it will be served on you with this letter:"
    )


def _above(items: list[CaseItem]) -> str:
    return "the item above is" if len(items) == 1 else "the items above are"


def _closing(case: CaseFile, items: list[CaseItem]) -> list[str]:
    compliance = (
        "Unless the court sets another time at our request, an order must be complied with by "
        "the end of the fifth working day after the date on which it is made (regulation "
        "3(5)). We would welcome agreeing an earlier time with you, as regulation 3(6) allows: "
        "please say if you can comply sooner."
    )
    if case.with_notice:
        return [
            f"If an order is made you will be served with it. {compliance}",
            "You are invited to make representations: please tell us, before the hearing, of "
            f"any reason {_above(items)} not held by you, or any other matter the court "
            "should know, and we will put it before the court.",
            _acknowledgment(case, provider_name(items)),
        ]
    return [
        compliance,
        "If the order is made, it will have been made without notice to you: you may then "
        "apply to the court to set it aside or vary it within 7 days after the date on which "
        "it is served on you (CPR 23.10(2)); please tell us at "
        f"once of any reason {_above(items)} not held by you.",
    ]


def _acknowledgment(case: CaseFile, provider: str) -> str:
    """What a Respondent must do to take part in the hearing of a claim with notice (CPR 8.3
    to 8.5), with the days its notice fixes once it is recorded as sent; a hearing before the
    last of them is pointed out, since the Respondent would otherwise file too late for it."""
    days = case.acknowledge_by(provider)
    others = "the Applicant and on every other Respondent" if len(case.parties()) > 1 else ""
    text, by = "", ""
    if days is not None:
        served, last = days
        text = f"The claim form enclosed is deemed served on you on {full_date(served)} "
        text += "(CPR 6.14). "
        by = f", that is by {full_date(last)}"
    text += (
        "If you wish to take part in the hearing, you must file at the court an acknowledgment "
        "of service (form N210, enclosed), stating whether you contest the claim, and serve a "
        f"copy on {others or 'the Applicant'}, not more than {ACKNOWLEDGE_DAYS} days after "
        f"service of the claim form on you{by} (CPR 8.3)."
    )
    if days is not None and case.hearing_date and case.hearing_date <= days[1]:
        text += (
            f" The hearing is on {full_date(case.hearing_date)}, before that day: if you wish "
            "to take part in it, please file and serve your acknowledgment before the hearing."
        )
    return text + (
        " Any written evidence you wish to rely on must be filed with it, and a copy served on "
        "the other parties at the same time (CPR 8.5(3) and (4)). If the time for filing it "
        "expires without your having filed one, you may attend a hearing but may take part in "
        "it only if the court gives permission (CPR 8.4)."
    )


def service_agreement(who: str, sent: Sending) -> str:
    """By email or fax: that ``who`` had indicated in writing beforehand that it is willing to
    be served that way at that address or number (PD 6A para 4.1), and where it said so, as
    the register held it the day the letter went; '' for any other way."""
    if sent.method not in (SendingMethod.EMAIL, SendingMethod.FAX) or not sent.under:
        return ""
    what = "address" if sent.method is SendingMethod.EMAIL else "number"
    return (
        f"{esc(who)} had previously indicated in writing that it is willing to accept service "
        f"{sent.method.words.lower()} at that {what} (PD 6A para 4.1): {esc(sent.under)}. "
    )


def carries_claim_form(case: CaseFile, provider: str, serving: bool) -> bool:
    """Whether the letter to ``provider`` serves the claim form: the notice of a claim with
    notice does; without notice, the letter serving the order; with notice, the letter
    serving the order only when no notice to that provider was recorded as sent."""
    return not (serving and case.with_notice and provider in case.letters_sent)


def _serving(case: CaseFile, ordered: list[CaseItem]) -> str:
    """The opening of the letter that serves an order made on the provider's items."""
    made = sorted({i.order_date for i in ordered if i.order_date})
    on = " and ".join(full_date(d) for d in made) or "[date]"
    noun = "an order" if len(made) <= 1 else "orders"
    which = "item" if len(ordered) == 1 else f"{len(ordered)} items"
    return (
        f"On {on} the {esc(case.court or 'county court')} made {noun} under the Drug Dealing "
        f"Telecommunications Restriction Orders Regulations 2017, on the application of "
        f"{esc(case.authoriser.described() or 'the applicant')}. I serve the order on you with "
        f"this letter. It requires you to prevent all use of the following {which}, for which "
        "you are the provider, other than calls to the emergency services, by the time stated "
        f"against {'it' if len(ordered) == 1 else 'each'} (numbered as in the schedule to the "
        "order):"
    )


def _serving_closing(case: CaseFile, ordered: list[CaseItem]) -> list[str]:
    which = "the item has" if len(ordered) == 1 else "each item has"
    confirm = f"Please confirm to us in writing when {which} been dealt with."
    if all(i.agreed_deadline for i in ordered):  # already agreed: not asked again
        closing = [confirm]
    else:
        closing = [
            "If you can comply sooner, we would welcome agreeing an earlier time with you, as "
            f"the order permits (regulation 3(6)). {confirm}"
        ]
    if not case.with_notice:
        closing.append(
            "As the order was made without notice to you, you may apply to the court to set it "
            "aside or vary it within 7 days after the date on which it is served on you (CPR "
            "23.10(2))."
        )
    return closing


def enclosed(case: CaseFile, provider: str, ordered: list[CaseItem]) -> str:
    """What the letter to ``provider`` is sent with: the order once it is made (a sealed
    copy: the order is the sealed one, CPR 40.2), else the draft (with notice) or the order it
    will be served with (without); and, where it serves the claim form
    (:func:`carries_claim_form`), the claim form with the form for acknowledging service that
    must go with it (N210, CPR 7.8(2)(b)) and the evidence in support (CPR 8.5(2); CPR
    23.9(2) with an order made without notice). With notice, the claim form went with the
    notice: the letter serving the order then carries the order alone."""
    order = "the order" if not case.with_notice else "the draft order"
    made = sorted({i.order_date for i in ordered if i.order_date})
    if made:
        judges = " and ".join(j for j in (case.judge_on(d) for d in made) if j)
        order = (
            f"a sealed copy of the order{f' of {esc(judges)}' if judges else ''} dated "
            + " and ".join(full_date(d) for d in made)
        )
    if not carries_claim_form(case, provider, bool(made)):
        return order
    evidence = f"the witness statement of {esc(case.applicant.described() or 'the officer')}" + (
        " and its exhibits" if case.exhibited() else ""
    )
    return and_list(
        [
            order,
            "the claim form",
            evidence,
            "the schedule of relevant items",
            "a form for acknowledging service (form N210)",
        ]
    )


def letter_pdf(
    case: CaseFile, provider: str, items: list[CaseItem], *, notice: bool = False
) -> bytes:
    """The letter to ``provider`` about ``items``: once an order is made on them, the letter
    serving it; before, or with ``notice``, the notice of the application (with notice) or
    the covering letter the order will go with (without)."""
    officer = case.applicant
    ordered = [] if notice else [i for i in items if i.ordered]
    if ordered:  # the letter that serves the order: only what the order covers
        items = ordered
    unit = f"{officer.force} — {case.operation}" if officer.force else case.unit
    numbers = {id(item): n for n, item in case.numbered_items()}
    story: list[Flowable] = [
        Paragraph(esc(unit), RIGHT),
        Paragraph(esc(officer.work_address), RIGHT),
        Spacer(1, 0.6 * cm),
        *_dated(case, provider_name(items), bool(ordered)),
        Spacer(1, 0.4 * cm),
        Paragraph(f"To: {esc(case.party(provider_name(items)))}{_respondent(case, items)}", PLAIN),
        *(
            [Paragraph(f"(host network: {esc(items[0].host)})", PLAIN)]
            if items and items[0].host
            else []
        ),
        Paragraph(
            esc(
                case.addresses.get(provider_name(items), "").strip()
                or "[address for service not recorded]"
            ),
            PLAIN,
        ),
        Paragraph(f"Our reference: {esc(case.reference)}", PLAIN),
        *(
            [Paragraph(f"Claim No.: {esc(case.claim_number)}", PLAIN)]
            if case.claim_number  # the claim issued: the notice quotes it too
            else []
        ),
        Spacer(1, 0.5 * cm),
        Paragraph("Dear Sir or Madam,", PLAIN),
        Spacer(1, 0.3 * cm),
        Paragraph(
            # the order is made under regulation 3; section 80A is what the Regulations are
            # made under
            f"<b>Service of a drug dealing telecommunications restriction order made under "
            f"regulation 3 of {REGULATIONS_SHORT}</b>"
            if ordered
            else f"<b>Application for a drug dealing telecommunications restriction order "
            f"under regulation 3 of {REGULATIONS_SHORT}</b>",
            SUBJECT,
        ),
        Paragraph(_serving(case, items) if ordered else _opening(case, items), BODY),
    ]
    for item in items:
        devices = item_identifiers(item.imei, item.imsi, item.iccid)
        by = f" — comply by {full_moment(item.order_deadline)}" if item.order_deadline else ""
        if item.agreed_deadline:
            by += f" (as agreed with you: by {full_moment(item.agreed_deadline)})"
        story.append(
            Paragraph(
                f"Item {numbers.get(id(item), '?')}:&nbsp;&nbsp;{esc(item.display)} "
                f"({esc(item.e164)})" + (f"; {esc(devices)}" if devices else "") + by,
                NUMBERED,
            )
        )
    closing = _serving_closing(case, items) if ordered else _closing(case, items)
    story += [Paragraph(text, BODY) for text in closing]
    story.append(
        KeepTogether(  # the signature never on a page of its own
            [
                Paragraph(f"Enclosed: {enclosed(case, provider_name(items), ordered)}.", BODY),
                Paragraph(
                    "Contact: "
                    + esc(
                        ", ".join(p for p in (officer.described(), unit, officer.work_address) if p)
                    )
                    + f", quoting {esc(case.reference)}.",
                    BODY,
                ),
                Paragraph("Yours faithfully,", BODY),
                Spacer(1, 0.8 * cm),
                signature_block(officer.name, position(officer), dated=False),  # dated above
            ]
        )
    )
    return render(story, title=f"{case.reference} letter to {provider}")
