"""The draft order (before the hearing) and the order as made (after it).

Written to what SI 2017/1240 regulation 3 requires of an order: the test the court applied
(3(1)), its duration resolved to what is asked or was ordered (3(2)), the carve-out for items
the applicant discovers are not used for drug dealing (3(3)), the compliance date and time
specified (3(4)), by default the end of the fifth working day after the order (3(5)), and the
applicant and provider's freedom to agree an earlier time (3(6)). Its formal parts follow the
county court's: before whom and when (left for the court), recitals, the order, service,
liberty to apply to vary or discharge (regulation 10, form N244), the right to have an order
made without notice set aside (CPR 23.10), and costs. Each item is in full once, in the
Schedule, numbered as in the schedule of relevant items; the order refers to those numbers.

The order as made is the court's, word for word, however late it is printed: an item that
later ceased to apply (3(3)), an earlier time agreed (3(6)) and service are events after it,
and go in the note of events since the order (``order_note``), never into the order's text.
"""

from __future__ import annotations

from datetime import date, datetime

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from raptor_desktop.core.case_file import UNCONFIRMED, CaseFile, CaseItem, provider_order
from raptor_desktop.core.dates import full_date, full_moment
from raptor_desktop.core.orders import Duration
from raptor_desktop.core.wording import and_list, numbers_in_ranges, upper_first
from raptor_desktop.documents.heading import ACT, REGULATIONS_SHORT, case_heading, esc
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, HEADING, NUMBERED, SMALL, TITLE, numbered

BLANK = "<u>" + "&nbsp;" * 28 + "</u>"
FOR_THE_COURT = "<i>[for the court to complete]</i>"
APPLICANTS_COPY = (
    "<i>The Applicant's copy of the terms of the order, not sealed: the sealed order of the "
    "court is the order (CPR 40.2), and is what is served.</i>"
)
STRUCK = {  # what became of an item the order does not (or no longer) bind
    "refused": "refused by the court",
    "withdrawn": "withdrawn by the Applicant",
}


DEVICE_ROLES = {  # what each device identifier of an item is (regulation 2: "device ID")
    "IMEI": "the handset used with the number",
    "IMSI": "the SIM of the number",
    "ICCID": "the SIM card of the number",
}


def numbers_text(pairs: list[tuple[int, CaseItem]]) -> str:
    return numbers_in_ranges([n for n, _ in pairs])


def _made(case: CaseFile) -> bool:
    return any(item.outcome for item in case.items)


def duration_text(duration: Duration, order_date: date | None) -> str:
    """How long the order has effect, its last day included in so many words ("until 10
    December 2027" leaves a reader to ask whether the 10th is in it). A period of months
    from the order's date ends with the corresponding day (the corresponding date rule)."""
    if duration.end_date:
        return f"until the end of {full_date(duration.end_date)}"
    if duration.months:
        ends = duration.end(order_date) if order_date else None
        end = f", that is until the end of {full_date(ends)}" if ends else ""
        noun = "month" if duration.months == 1 else "months"
        return f"for a period of {duration.months} {noun} from the date of this order{end}"
    return "until it is discharged under regulation 10 of the Regulations"


def _same(values: set[object]) -> object | None:
    """The one value every operative item shares, or None when they differ."""
    return next(iter(values)) if len(values) == 1 else None


def _duration_clause(case: CaseFile, operative: list[tuple[int, CaseItem]]) -> str:
    if not _made(case):
        return f"This order has effect {duration_text(case.requested, case.hearing_date)}."
    terms = {(i.order_duration, i.order_date) for _, i in operative if i.order_duration}
    if len(terms) == 1:
        duration, on = terms.pop()
        if duration is not None:
            return f"This order has effect {duration_text(duration, on)}."
    return "This order has effect, for each item, for the period the Schedule states against it."


CARVE_OUT_CLAUSE = "paragraph 4 of the order; regulation 3(3)"
"""Where the order provides for an item it ceases to apply to: its fourth paragraph (the
clauses below, in their fixed order), under regulation 3(3)."""


def _compliance_clause(case: CaseFile, operative: list[tuple[int, CaseItem]]) -> str:
    if _made(case):
        when = _same({i.order_deadline for _, i in operative if i.order_deadline})
        if isinstance(when, datetime):
            return f"Each Respondent shall comply with paragraph 1 by {full_moment(when)} " + (
                "(regulation 3(4))."
            )
        return (
            "Each Respondent shall comply with paragraph 1 by the date and time stated against "
            "each item in the Schedule (regulation 3(4))."
        )
    if case.draft_deadline is None:
        return (
            "Each Respondent shall comply with paragraph 1 by midnight at the end of the fifth "
            "working day after the date of this order (regulation 3(4) and (5))."
        )
    return (
        f"Each Respondent shall comply with paragraph 1 by {full_moment(case.draft_deadline)}, "
        "being the end of the fifth working day after the date of this order if it is made on "
        "the day of the hearing"
        + (f", {full_date(case.hearing_date)}" if case.hearing_date else "")
        # no other time is offered: the court sets one only at the Applicant's request
        # (regulation 3(5)), which the claim does not make
        + " (regulation 3(4) and (5)) [if it is made on another day, the end of the fifth "
        "working day after that day: for the court to complete]."
    )


def _recitals(case: CaseFile, any_struck: bool, withdrawn: list[tuple[int, CaseItem]]) -> list[str]:
    authoriser = esc(case.authoriser.described() or "[authorising officer]")
    applicant = esc(case.applicant.described() or "[officer in the case]")
    signed = full_date(case.statement_date) if case.statement_date else "[date]"
    authorised = full_date(case.authorised_on) if case.authorised_on else "[date]"
    recitals = [
        f"UPON the application of {authoriser} of {esc(case.applicant.force)} (“the "
        f"Applicant”), {applicant_capacity(case.authoriser.rank)}, under regulation 3 of "
        f"{REGULATIONS_SHORT} (“the Regulations”) made under {ACT}",
        *([] if _made(case) else [_attendance(case)]),
        f"AND UPON reading the claim form, the witness statement of {applicant} dated {signed}"
        f"{' and its exhibits' if case.exhibits else ''}, and the authority of the Applicant "
        f"dated {authorised}",
        _notice_recital(case),
    ]
    if withdrawn:
        noun = "items" if len(withdrawn) > 1 else "item"
        recitals.append(
            "AND UPON the Applicant withdrawing the claim in so far as it concerns "
            f"{noun} {numbers_text(withdrawn)}"
        )
    which = (
        "each relevant item in the Schedule that is not struck through"
        if any_struck
        else "each relevant item in the Schedule"
    )
    recitals.append(
        f"AND UPON the court being satisfied that {which} has been, or is likely to have been, "
        "used, or is likely to be used in the future, in connection with drug dealing offences "
        "(regulation 3(1)(a)), and having reasonable grounds to believe that this order would "
        "prevent or restrict the use of a communication device in connection with drug dealing "
        "offences (regulation 3(1)(b))"
    )
    return recitals


def _notice_recital(case: CaseFile) -> str:
    """Whether the Respondents had notice: with notice, those recorded as given it named
    when some were not (the order recites no notice that was not given)."""
    if not case.with_notice:
        return "AND UPON the application being made without notice to the Respondents"
    parties = [p for p in case.parties() if p != UNCONFIRMED]
    given = [p for p in parties if p in case.letters_sent]
    if not given or len(given) == len(parties):
        who = "the Respondents" if len(case.parties()) > 1 else "the Respondent"
        return f"AND UPON {who} having been given notice of the application"
    return (
        f"AND UPON {_respondents(case, given)} having been given notice of the application, "
        f"and {_respondents(case, [p for p in parties if p not in given])} not having been "
        "given it"
    )


def _respondents(case: CaseFile, providers: list[str]) -> str:
    """ "Respondent 2", "Respondents 1 and 3", as the claim numbers them."""
    numbers = [case.respondent(p).split()[-1] for p in providers]
    noun = "Respondent" if len(numbers) == 1 else "Respondents"
    return f"{noun} {and_list(numbers)}"


def _attendance(case: CaseFile) -> str:
    """In the draft, who the court heard, left for it to complete: an order recites who
    appeared. (The Applicant's copy of the order as made gives its terms; who appeared is in
    the sealed order.)"""
    applicant = f"AND UPON hearing {BLANK} for the Applicant"
    if not case.with_notice:
        return f"{applicant} {FOR_THE_COURT}"
    return (
        f"{applicant}, and {BLANK} for the Respondents (or: no one attending for a Respondent "
        f"given notice) {FOR_THE_COURT}"
    )


def capacity_limb(rank: str) -> str:
    """The limb of s80A(5) the applicant applies under, cited."""
    limb = "(a)" if rank.startswith("NCA ") else "(b)"
    return f"section 80A(5){limb} of the Serious Crime Act 2015"


def applicant_capacity(rank: str) -> str:
    """Under which limb of s80A(5) the applicant applies, as their rank says."""
    if rank.startswith("NCA "):
        return "the Director General or a Deputy Director General of the National Crime Agency"
    return "a police officer of the rank of superintendent or above"


def _clauses(
    case: CaseFile, operative: list[tuple[int, CaseItem]], refused: list[tuple[int, CaseItem]]
) -> list[str]:
    noun = "items" if len(operative) > 1 else "item"
    clauses = [
        f"Each Respondent shall prevent all use, other than calls to the emergency services, of "
        f"each relevant item listed against it in the Schedule ({noun} "
        f"{numbers_text(operative)}), by disconnecting or deactivating it on its network."
        if operative
        else "No item is subject to this order.",
        _compliance_clause(case, operative),
        "The Applicant and a Respondent may agree in writing a date and time earlier than that "
        "in paragraph 2 by which that Respondent is to comply, and that Respondent shall then "
        "comply by the agreed date and time (regulation 3(6)).",
        "This order, and each of its requirements, does not apply in relation to any relevant "
        "item that the Applicant discovers is not being used in connection with drug dealing "
        "offences, from the time the Applicant gives written notice of that discovery to the "
        "Respondent for the item (regulation 3(3)). The Applicant shall give that notice "
        "without delay.",
        _duration_clause(case, operative),
        _service_clause(case),
        "The Applicant, any Respondent and any other person affected by this order may apply to "
        "the court to vary or discharge it (regulation 10 of the Regulations), by application "
        "notice (form N244).",
    ]
    if not case.with_notice:  # the statement an order made without notice must contain
        clauses.append(
            "This order was made without notice to the Respondents. A Respondent, or any other "
            "person affected by it, may apply to set it aside or vary it within 7 days after "
            "the date on which it was served on them (CPR 23.10(2); this statement is made "
            "under CPR 23.9(3))."
        )
    if refused:  # the claim as to them disposed of, not left undetermined
        noun = "items" if len(refused) > 1 else "item"
        clauses.append(
            f"The claim is dismissed in so far as it concerns {noun} {numbers_text(refused)}."
        )
    clauses.append("There is no order as to costs.")
    return clauses


def _service_clause(case: CaseFile) -> str:
    """Who serves the order, what, and when; not where or how, which CPR Part 6 governs (at
    the address in the Schedule, or by email where the Respondent agreed to it in writing,
    PD 6A para 4.1). Made without notice, the claim and its evidence go with it."""
    with_it = "" if case.with_notice else ", with the claim form and the evidence in support"
    return (
        "The Applicant shall serve a sealed copy of this order on each Respondent as soon as "
        f"practicable{with_it}."
    )


def _what_became_of(case: CaseFile, item: CaseItem) -> str:
    """After the hearing: the item's order (when, until when, by when), or why it has none."""
    if not _made(case):
        return ""
    if item.outcome in STRUCK:
        return ""
    if item.outcome is None:
        return " — no outcome recorded yet"
    if not item.ordered:
        return " — adjourned: not yet determined"
    return ". " + "; ".join(_order_parts(item))


def _order_parts(item: CaseItem) -> list[str]:
    """What the court ordered for the item: when, by when to comply, for how long."""
    parts = [f"Order made on {full_date(item.order_date)}" if item.order_date else "Order made"]
    if item.order_deadline:
        parts.append(f"comply by {full_moment(item.order_deadline)}")
    if item.order_duration:
        parts.append(f"has effect {duration_text(item.order_duration, item.order_date)}")
    return parts


def _schedule(case: CaseFile, pairs: list[tuple[int, CaseItem]]) -> list[Flowable]:
    """The schedule, laid out so that no heading is left alone at the foot of a page: the
    schedule's heading, each respondent's heading and address travel with its first item;
    the other items may run on to the next page one by one."""
    heading: list[Flowable] = [
        Paragraph("SCHEDULE: THE RESPONDENTS AND THE RELEVANT ITEMS", HEADING)
    ]
    flowables: list[Flowable] = []
    by_provider: dict[str, list[tuple[int, CaseItem]]] = {}
    for number, item in pairs:
        by_provider.setdefault(item.provider_name, []).append((number, item))
    for name, items in sorted(by_provider.items(), key=lambda pair: provider_order(pair[0])):
        respondent = case.respondent(name)
        address = case.addresses.get(name, "").strip() or "[address for service not recorded]"
        block: list[Flowable] = [
            *heading,
            Paragraph(f"{upper_first(respondent)}: {esc(case.party(name))}", HEADING),
            Paragraph(f"Address for service: {esc(address)}", BODY),
        ]
        heading = []
        paragraphs: list[Flowable] = []
        for number, item in items:
            devices = [
                f"{kind}&nbsp;{esc(value)} ({DEVICE_ROLES[kind]})"
                for kind, values in (
                    ("IMEI", item.imei),
                    ("IMSI", item.imsi),
                    ("ICCID", item.iccid),
                )
                for value in values
            ]
            text = f"Item {number}: {esc(item.display)} ({esc(item.e164)})" + "".join(
                f"<br/>{device}" for device in devices
            )
            if item.crown_dependency:
                text += (
                    f"<br/>A {esc(item.crown_dependency)} (Crown Dependency) number: its provider "
                    "may be outside the jurisdiction of the courts of England and Wales"
                )
            note = _what_became_of(case, item)
            if _made(case) and item.outcome in STRUCK:  # struck through, with the reason
                text = f"<strike>{text}</strike> — {STRUCK[str(item.outcome)]}"
            else:
                text += note
            paragraphs.append(Paragraph(text, NUMBERED))
        flowables += [KeepTogether([*block, paragraphs[0]]), *paragraphs[1:]]
    return flowables


def heard_on(case: CaseFile, on: date) -> list[tuple[int, CaseItem]]:
    """The items the order made on ``on`` deals with: those that hearing decided, and, in the
    latest order, any item still undetermined. Numbered as the schedule numbers them."""
    latest = on == case.decision_dates()[-1]
    return [
        (n, i) for n, i in case.numbered_items() if i.decided_on == on or (latest and not i.outcome)
    ]


def order_pdf(case: CaseFile, on: date | None = None) -> bytes:
    """The draft order, or (once outcomes are recorded) the order as made; where hearings on
    different dates decided different items, the order made on ``on``, one for each date."""
    pairs = heard_on(case, on) if on else case.numbered_items()
    made = _made(case)
    operative = [(n, i) for n, i in pairs if i.ordered] if made else pairs
    clauses = _clauses(case, operative, [(n, i) for n, i in pairs if i.outcome == "refused"])
    withdrawn = [(n, i) for n, i in pairs if made and i.outcome == "withdrawn"]
    struck = made and any(i.outcome in STRUCK for _, i in pairs)
    made_on = on or _same({i.order_date for _, i in pairs if i.order_date})
    title = "ORDER (as made)" if made else "DRAFT ORDER"
    court = esc(case.court or "County Court")
    if not made:
        when = f"on {BLANK} {FOR_THE_COURT}"
    elif isinstance(made_on, date):
        when = f"on {full_date(made_on)}"
    else:
        when = "on the dates the Schedule states against each item"
    judge = case.judge_on(made_on) if isinstance(made_on, date) else ""
    # made, the order names its judge; one not recorded is the register's gap, not the court's
    missing = "<i>[the judge's name not recorded]</i>"  # check-pack reports it
    bench = esc(judge) if judge else (missing if made else f"{BLANK} {FOR_THE_COURT}")
    before = f"Before {bench} sitting at the {court} {when}."
    dated = full_date(made_on) if isinstance(made_on, date) else f"{BLANK} {FOR_THE_COURT}"
    schedule = _schedule(case, pairs)
    closing: list[Flowable] = [Spacer(1, 0.4 * cm), Paragraph(f"Dated: {dated}", SMALL)]
    if struck:
        closing.append(
            Paragraph(
                "Items struck through are not subject to this order.",
                SMALL,
            )
        )
    last = schedule.pop()  # the last item is kept on the page with the date
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph(title, TITLE),
        *([Paragraph(APPLICANTS_COPY, SMALL)] if made else []),
        Paragraph(before, BODY),
        *[Paragraph(f"{r};", BODY) for r in _recitals(case, struck, withdrawn)],
        Paragraph("IT IS ORDERED THAT:", HEADING),
        *[numbered(f"{n}.", text) for n, text in enumerate(clauses, start=1)],
        Spacer(1, 0.3 * cm),
        *schedule,
        KeepTogether([last, *closing]),
    ]
    dated_title = f" of {on.isoformat()}" if on else ""
    return render(
        story, title=f"{case.reference} {'order' if made else 'draft order'}{dated_title}"
    )
