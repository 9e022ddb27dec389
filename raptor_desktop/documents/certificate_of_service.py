"""The certificate of service: what the Applicant served on each Respondent, how, where and
when, and the day each document is deemed served; the content of form N215, signed with a
statement of truth.

A letter recorded with the way it went is certified: the notice of the application (with
notice) and the letter serving the order. The claim form, served by the first of them that
carries it, is deemed served on the second business day after the step taken (CPR 6.14); every
other document on the day CPR 6.26 fixes. A letter recorded before the register asked how it
went is left out: how it was served cannot be certified.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from raptor_desktop.core.case_file import UNCONFIRMED, CaseFile, CaseItem
from raptor_desktop.core.dates import full_date
from raptor_desktop.core.deemed_service import (
    ELSEWHERE,
    Sending,
    SendingMethod,
    claim_form_deemed_served,
)
from raptor_desktop.core.service_routes import AddressKind
from raptor_desktop.core.wording import lower_first
from raptor_desktop.documents.heading import case_heading, esc, position, signature_block
from raptor_desktop.documents.letters import (
    carries_claim_form,
    enclosed,
    letters_to_write,
    provider_name,
    service_agreement,
)
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, TITLE, numbered

CERTIFICATE_TITLE = "Certificate of service"

RETURNED = (
    "I confirm that at the time of signing this certificate none of these documents has been "
    "returned to me as undelivered"
)
BOUNCED = ", and no message has been received that an email sending them was not delivered"
STATEMENT_OF_TRUTH = (
    "I believe that the facts stated in this certificate are true. I understand that "
    "proceedings for contempt of court may be brought against anyone who makes, or causes to "
    "be made, a false statement in a document verified by a statement of truth without an "
    "honest belief in its truth."
)


@dataclass(frozen=True)
class _Served:
    """A letter recorded with the way it went: to whom, on which items, how, and whether it
    is the letter serving the order (else the notice of the application)."""

    provider: str
    items: list[CaseItem]
    sent: Sending
    method: SendingMethod
    serving: bool


def _served(case: CaseFile) -> list[_Served]:
    """Each letter recorded with the way it went; for each provider the notice first."""
    letters = []
    for _, items in letters_to_write(case):
        provider = provider_name(items)
        notice = case.letters_sent.get(provider) if case.with_notice else None
        if notice is not None and notice.method is not None:
            letters.append(_Served(provider, items, notice, notice.method, serving=False))
        serving = case.serving_letter(provider)
        if serving is not None and serving.method is not None:
            ordered = [i for i in items if i.ordered]
            letters.append(_Served(provider, ordered, serving, serving.method, serving=True))
    return letters


def certified(case: CaseFile) -> list[str]:
    """The certificate's paragraphs, one a letter (empty when no letter can be certified)."""
    texts = []
    for letter in _served(case):
        sent, provider = letter.sent, letter.provider
        what = "serving the order" if letter.serving else "giving notice of the application"
        clock = f" at {sent.at.strftime('%H:%M')}" if sent.at else ""
        texts.append(
            f"On {full_date(sent.on)}{clock} I served on {esc(case.respondent(provider))}, "
            f"{esc(case.party(provider))}, my letter to it of that date {what}, with "
            f"{enclosed(case, provider, letter.items if letter.serving else [])}, "
            f"{_how(case, provider, sent, letter.method)}. "
            + service_agreement(case.party(provider), sent)
            + _deemed(case, sent, claim_form=carries_claim_form(case, provider, letter.serving))
        )
    return texts


def _how(case: CaseFile, provider: str, sent: Sending, method: SendingMethod) -> str:
    """How and where: "by email to orders@ee.example", "by first class post, addressed to it
    at 1 Park Road, …"."""
    how = lower_first(method.words)
    if method in ELSEWHERE:
        return f"{how} to {esc(sent.to)}" if sent.to else how
    address = " ".join((sent.to or case.addresses.get(provider, "")).split())
    if not address or method is SendingMethod.PERSONAL:
        return how
    verb = "addressed" if method is SendingMethod.POST else "delivered"
    kind = case.address_kinds.get(provider, "")
    being = AddressKind(kind).words if kind else "[what kind of address it is: not recorded]"
    return f"{how}, {verb} to it at {esc(address)}, being {being}"


def _deemed(case: CaseFile, sent: Sending, *, claim_form: bool) -> str:
    """The day the documents are deemed served: the claim form's by CPR 6.14, the rest's by
    CPR 6.26."""
    served = sent.deemed_served(case.calendar)
    others = f"on {full_date(served)} (CPR 6.26)" if served else "(CPR 6.26)"
    if not claim_form:
        return f"They are deemed served {others}."
    claim = claim_form_deemed_served(sent.on, case.calendar)
    if claim == served:
        return (
            f"The claim form (CPR 6.14) and the other documents (CPR 6.26) are deemed served "
            f"on {full_date(claim)}."
        )
    return (
        f"The claim form is deemed served on {full_date(claim)} (CPR 6.14), and the other "
        f"documents {others}."
    )


def _unserved(case: CaseFile) -> list[str]:
    """A Respondent on whom no letter is recorded as served, said to be so: the certificate
    does not pass over it in silence."""
    served = {letter.provider for letter in _served(case)}
    return [
        f"No document in this claim has yet been served on {esc(case.respondent(p))}, "
        f"{esc(case.party(p))}."
        for p in case.parties()
        if p not in served and p != UNCONFIRMED
    ]


def certificate_pdf(case: CaseFile) -> bytes:
    officer = case.applicant
    maker = esc(officer.described() or "the officer in the case")
    address = f", of {esc(officer.work_address)}" if officer.work_address else ""
    address += (
        f", acting for the Applicant, {esc(case.authoriser.described())},"
        if case.authoriser.name
        else ","
    )
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph(CERTIFICATE_TITLE.upper(), TITLE),
        Paragraph(
            f"I, {maker}{address} certify that I served the documents below on the "
            "Respondents named, on the days, in the ways and at the places stated.",
            BODY,
        ),
    ]
    emailed = any(letter.method is SendingMethod.EMAIL for letter in _served(case))
    texts = [*certified(case), *_unserved(case), RETURNED + (BOUNCED if emailed else "") + "."]
    story += [numbered(f"{n}.", text) for n, text in enumerate(texts, start=1)]
    story += [
        Paragraph("<b>Statement of truth</b>", BODY),
        Paragraph(STATEMENT_OF_TRUTH, BODY),
    ]
    signed = [Spacer(1, 0.5 * cm), signature_block(officer.name, position(officer))]
    story.append(KeepTogether([story.pop(), *signed]))  # never a signature on its own page
    return render(story, title=f"{case.reference} certificate of service")
