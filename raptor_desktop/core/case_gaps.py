"""What stops an application going to court: every gap, and where to fill it.

A pack is printed for court only when nothing is missing: a provider to serve and its address
for service for every item, the superintendent's dated authority, the officer's particulars
that the witness statement prints, the date the statement was signed and the hearing date
(from which the draft order's compliance time is computed). While any gap remains the
application cannot be marked submitted and its pack is marked DRAFT on every page.
"""

from __future__ import annotations

from datetime import date

from raptor_desktop.core.applications import (
    ADD_NUMBERS,
    AUTHORITY_DATE,
    NO_NUMBERS,
    ApplicationStatus,
    Gap,
    authority_gaps,
    not_ready_gap,
    officers,
)
from raptor_desktop.core.case_file import UNCONFIRMED, CaseFile, CaseItem
from raptor_desktop.core.dates import full_date
from raptor_desktop.core.deemed_service import SendingMethod
from raptor_desktop.core.statuses import Status
from raptor_desktop.core.wording import numbers_in_ranges

__all__ = ["Gap", "case_gaps"]


def case_gaps(case: CaseFile) -> list[Gap]:
    """Every gap in ``case``, in the order the pack prints them; empty when it may go to court."""
    gaps: list[Gap] = []
    if not case.items:
        gaps.append(Gap(NO_NUMBERS, ADD_NUMBERS))
    if case.status is ApplicationStatus.DRAFT:  # the numbers' statuses move on once it goes
        not_ready = not_ready_gap({i.display: Status(i.status) for i in case.items if i.status})
        gaps += [not_ready] if not_ready else []
        gaps += _lines_without_evidence(case)
    for number, item in case.numbered_items():  # numbered as the pack numbers them
        if item.outcome in ("withdrawn", "refused", "carved out"):
            continue
        if item.provider_name == UNCONFIRMED:
            gaps.append(
                Gap(
                    f"item {number} ({item.display}) has no provider to serve",
                    "record the provider confirmed for the number (Line → Edit line, or "
                    f"raptor set-provider {item.display.replace(' ', '')} NETWORK)",
                )
            )
    gaps += _address_kinds(case)
    for provider in case.respondents():
        if not case.addresses.get(provider, "").strip():
            gaps.append(
                Gap(
                    f"the provider {provider} has no address for service",
                    "an administrator records it in Settings → Networks (or raptor networks "
                    f'--address "{provider}" ADDRESS)',
                )
            )
        if not case.legal_names.get(provider, "").strip():
            gaps.append(
                Gap(
                    f"the provider {provider} has no legal name recorded (the company the "
                    "claim and the order name as a party)",
                    "an administrator records it in Settings → Networks (or raptor networks "
                    f'--legal-name "{provider}" "COMPANY LIMITED")',
                )
            )
    if not case.court_fee:
        gaps.append(
            Gap(
                "the court fee for issuing the claim is not recorded (the claim form's fee box)",
                "an administrator records it in Settings → General, with the fee account "
                "number if the force pays by account (or raptor settings court_fee AMOUNT)",
            )
        )
    gaps += authority_gaps(case.authoriser, case.authorised_on)
    if (
        case.authorised_on is not None
        and case.statement_date is not None
        and case.authorised_on < case.statement_date
    ):
        gaps.append(
            Gap(
                "the authority is dated before the witness statement it says was read",
                AUTHORITY_DATE,
            )
        )
    applicant = case.applicant
    for label, value, option in (
        ("name", applicant.name, '--applicant "NAME"'),
        ("rank", applicant.rank, "--applicant-rank RANK"),
        ("collar number", applicant.collar, "--collar NUMBER"),
        ("work address", applicant.work_address, '--address "ADDRESS"'),
    ):
        if not value.strip():
            gaps.append(Gap(f"the officer in the case's {label} is not recorded", officers(option)))
    if case.statement_date is None:
        gaps.append(
            Gap(
                "the witness statement is not dated (the date the officer signs it)",
                "the application's Details tab in the window (or raptor edit-application "
                "REFERENCE --statement-date DATE)",
            )
        )
    details = (
        "the application's Details tab in the window (or raptor edit-application REFERENCE "
        "--hearing DATE)"
    )
    if case.hearing_date is None:
        gaps.append(
            Gap(
                "the hearing date is not fixed, so the order's compliance time cannot be given",
                details,
            )
        )
    else:
        gaps += _hearing_order_gaps(case, case.hearing_date, details)
    if (
        case.hearing_date is not None
        and case.status is not ApplicationStatus.HEARD  # a hearing held is history
        and not case.calendar.is_working_day(case.hearing_date)
    ):
        holiday = case.calendar.name(case.hearing_date)
        gaps.append(
            Gap(
                f"the hearing is fixed for {case.hearing_date:%A} {full_date(case.hearing_date)}"
                f"{f' ({holiday})' if holiday else ''}, a day the court does not sit: check "
                "the date the court gave",
                details,
            )
        )
    for what, signed, where in (
        (
            "witness statement",
            case.statement_date,
            details.replace("--hearing", "--statement-date"),
        ),
        ("superintendent's authority", case.authorised_on, AUTHORITY_DATE),
    ):
        if signed is not None and signed > case.prepared_on:
            gaps.append(
                Gap(
                    f"the {what} is dated {full_date(signed)}, after today "
                    f"({full_date(case.prepared_on)}): it is dated the day it is signed",
                    where,
                )
            )
    gaps += _order_gaps(case)
    return [gap.about(case.reference) for gap in gaps]


def _address_kinds(case: CaseFile) -> list[Gap]:
    """A letter recorded as posted or delivered to a provider's address: the certificate of
    service says what kind of address that is (form N215; CPR 6.8, 6.9)."""
    posted = {
        provider
        for letters in (case.letters_sent, case.order_letters_sent)
        for provider, sent in letters.items()
        if sent.method in (SendingMethod.POST, SendingMethod.HAND)
    }
    return [
        Gap(
            f"a letter to {provider} went to its address for service, but what kind of address "
            "that is (given for service, its principal office, a place of business or its "
            "registered office: CPR 6.8, 6.9) is not recorded for the certificate of service",
            f"an administrator records it in Settings → Networks (or raptor networks "
            f'--address-kind "{provider}" KIND)',
        )
        for provider in sorted(posted)
        if not case.address_kinds.get(provider)
    ]


def _order_gaps(case: CaseFile) -> list[Gap]:
    """Once the court has made an order, the copy in the bundle names what the sealed order
    does: the claim number the court gave and the judge who made it."""
    made = sorted({i.order_date for i in case.items if i.ordered and i.order_date})
    gaps = []
    where = (
        "the application's Details tab in the window (or raptor edit-application "
        'REFERENCE --claim NUMBER --amendment "claim number given by the court")'
    )
    if made and not case.claim_number.strip():
        gaps.append(
            Gap(
                "an order has been made, but the claim number the court gave is not recorded", where
            )
        )
    elif case.with_notice and case.letters_sent and not case.claim_number.strip():
        # the notice serves the claim form, which exists once the court has issued it
        gaps.append(
            Gap(
                "a notice of the application is recorded as sent, with the claim form, but the "
                "claim number the court gave when it issued the claim is not recorded",
                where,
            )
        )
    for day in made:
        if not case.judge_on(day):
            gaps.append(
                Gap(
                    f"the order made on {full_date(day)} does not name the judge who made it "
                    "(as the sealed order does)",
                    "name the judge as the sealed order does (Judge… in the application's "
                    f'Numbers tab, or raptor name-judge REFERENCE "DISTRICT JUDGE NAME" --date '
                    f"{day.isoformat()})",
                )
            )
    return gaps


def _hearing_order_gaps(case: CaseFile, hearing: date, details: str) -> list[Gap]:
    """A hearing fixed before the application could be heard: before the superintendent
    authorised it, or before the statement it rests on was signed."""
    for what, signed, once in (
        ("the superintendent's authority", case.authorised_on, "it has been authorised"),
        ("the witness statement", case.statement_date, "its statement has been signed"),
    ):
        if signed is not None and hearing < signed:
            return [
                Gap(
                    f"the hearing is fixed for {full_date(hearing)}, before {what} "
                    f"({full_date(signed)}): the court hears an application once {once}",
                    details,
                )
            ]
    return []


NO_EVIDENCE = (
    "record what shows the line is used for drug dealing (Line → Record evidence…, or raptor "
    "add-evidence NUMBER KIND DETAILS --date DATE), dated on or before the witness statement, "
    "or an exhibit of one of its numbers"
)


def _lines_without_evidence(case: CaseFile) -> list[Gap]:
    """The lines of a draft's live items on which the statement can cite nothing.

    Regulation 3(1) asks the court to be satisfied that each item has been, or is likely to be,
    used in connection with drug dealing offences: a line with no evidence known by the day the
    statement is signed, and no exhibit of any of its numbers, gives the court nothing to find
    that on; undated evidence alone does not say whether the use is recent or years old.
    """
    exhibited = {n for e in case.exhibited() for n in e.numbers}
    lines: dict[int, list[tuple[int, CaseItem]]] = {}
    for number, item in case.numbered_items():
        if item.live:
            lines.setdefault(item.line_id, []).append((number, item))
    cited = {e.line_id for e in case.evidence if e.occurred_on}
    undated = {e.line_id for e in case.evidence} - cited
    return [
        Gap(
            f"the line {f'“{items[0][1].brand}”' if items[0][1].brand else 'with no name'} (item"
            f"{'s' if len(items) > 1 else ''} {numbers_in_ranges([n for n, _ in items])}) has "
            + (
                "only undated evidence, which cannot show the court when the line was used"
                if line in undated
                else "no evidence that the witness statement can cite"
            ),
            NO_EVIDENCE,
        )
        for line, items in lines.items()
        if line not in cited and not any(item.display in exhibited for _, item in items)
    ]
