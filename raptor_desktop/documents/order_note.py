"""The note of events since the order: what happened after the court made it, dated.

The order as made is reproduced as the court made it; what came after is no part of it and
goes here: the order served on each provider, each provider's confirmation that it complied
(or its time to comply passing without one), an item that ceased to apply when the Applicant
discovered it was not used for drug dealing and gave notice (regulation 3(3)), an earlier time
agreed with a provider (3(6)). Events are in date order; an agreement recorded without its
day (with the outcome, or before the register kept the day) is listed apart with the time
agreed. Then where each item of the order stands
on the day of the note, and the officer's signature.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from raptor_desktop.core.case_file import CaseFile, CaseItem
from raptor_desktop.core.dates import full_date, full_moment
from raptor_desktop.core.deemed_service import (
    SET_ASIDE_DAYS,
    Sending,
    set_aside_by,
)
from raptor_desktop.core.wording import lower_first, numbers_in_ranges, upper_first
from raptor_desktop.documents.heading import case_heading, esc, position, signature_block
from raptor_desktop.documents.letters import service_agreement
from raptor_desktop.documents.order_doc import CARVE_OUT_CLAUSE
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, HEADING, TITLE, numbered

NOTE_TITLE = "Note of events since the order"


def _dated_events(case: CaseFile) -> list[tuple[date, str]]:
    events: list[tuple[date, str]] = []
    numbered = case.numbered_items()
    for provider in case.letters_sent | case.order_letters_sent:
        served = [n for n, i in numbered if i.ordered and i.provider_name == provider]
        sent = case.serving_letter(provider)
        if served and sent:
            noun = "item" if len(served) == 1 else "items"
            events.append(
                (
                    sent.on,
                    f"The letter serving the order was sent to {esc(provider)} "
                    f"{_how(sent)}({noun} {numbers_in_ranges(served)}). "
                    + service_agreement(provider, sent)
                    + _service(case, provider, sent),
                )
            )
    for number, item in numbered:
        if not item.ordered:
            continue
        deadline = _complies_by(item)
        if item.confirmed_on:
            events.append(
                (
                    item.confirmed_on,
                    f"{_item(number, item)}: {esc(item.provider_name)} confirmed that it had "
                    "complied with the order.",
                )
            )
        elif deadline and _overdue(case, item):
            why = (
                f"without {esc(item.provider_name)}'s confirmation that it had complied"
                if _served_in_time(case, item, deadline)
                else f"before the order was served on {esc(item.provider_name)}"
            )
            events.append(
                (
                    deadline.date(),
                    f"{_item(number, item)}: the time to comply ({full_moment(deadline)}) "
                    f"passed {why}.",
                )
            )
        if item.agreed_deadline and item.agreed_on:
            events.append(
                (
                    item.agreed_on,
                    f"{_item(number, item)}: {esc(item.provider_name)} agreed in writing with "
                    f"the Applicant to comply by {full_moment(item.agreed_deadline)}"
                    + _earlier_than(item)
                    + " (regulation 3(6)).",
                )
            )
        if item.carved_out_on:
            events.append((item.carved_out_on, _carve_out(case, number, item)))
    return sorted(events, key=lambda event: event[0])


def _carve_out(case: CaseFile, number: int, item: CaseItem) -> str:
    """The item carved out: the Applicant's written notice to its provider, how and when it
    went, and the day the order ceased (or, that day not yet come, will cease) to apply."""
    provider = esc(item.provider_name)
    notice = item.carve_out_notice
    if notice is None:  # recorded before the register kept how the notice went
        return (
            f"{_item(number, item)}: the order ceased to apply (regulation 3(3)). The "
            "Applicant discovered that it was not being used in connection with drug "
            f"dealing offences and gave notice to {provider}."
        )
    return (
        f"{_item(number, item)}: the Applicant, having discovered that it was not being used "
        f"in connection with drug dealing offences, gave written notice of that to {provider} "
        f"{_how(notice).rstrip()}. "
        + service_agreement(item.provider_name, notice)
        + f"{upper_first(_ceased(case, item))}."
    )


def _ceased(case: CaseFile, item: CaseItem) -> str:
    """When the order ceased to apply to a carved-out item, and under what: "the notice is
    deemed given on …, and the order ceased to apply to the item on that day (…)"."""
    ceased = case.ceased_on(item)
    if ceased is None:
        return ""
    if item.carve_out_notice is None:
        return f"the order ceased to apply on {full_date(ceased)} (regulation 3(3))"
    verb = "will cease" if ceased > case.prepared_on else "ceased"
    return (
        f"the notice is deemed given on {full_date(ceased)} (CPR 6.26), and the order {verb} "
        f"to apply to the item on that day ({CARVE_OUT_CLAUSE})"
    )


def _item(number: int, item: CaseItem) -> str:
    return f"Item {number}: {esc(item.display)}"


def _complies_by(item: CaseItem) -> datetime | None:
    """The time the provider must comply by: an earlier one agreed, else the order's."""
    return item.agreed_deadline or item.order_deadline


def _overdue(case: CaseFile, item: CaseItem) -> bool:
    """The whole day of the time to comply has passed with no confirmation, and the order
    still applied to the item then."""
    deadline = _complies_by(item)
    if deadline is None or item.confirmed_on or deadline.date() >= case.prepared_on:
        return False
    ceased = case.ceased_on(item)
    return ceased is None or ceased > deadline.date()


def _how(sent: Sending) -> str:
    """How, where to and when the letter went, as the note says it: "by email to
    orders@vodafone.example at 14:00 "."""
    if sent.method is None:
        return ""
    at = f" at {sent.at.strftime('%H:%M')}" if sent.at else ""
    return f"{esc(lower_first(sent.how))}{at} "


def _service(case: CaseFile, provider: str, sent: Sending) -> str:
    """The day the letter counts as served (CPR 6.26) and, for an order made without notice,
    the last day the provider may apply to set it aside or vary it (CPR 23.10(2))."""
    served = sent.deemed_served(case.calendar)
    if served is None:
        return "How it was sent is not recorded, so the day it was served is not known (CPR 6.26)."
    text = f"It is deemed served on {full_date(served)} (CPR 6.26)."
    if not case.with_notice:
        last, plain = set_aside_by(served, case.calendar), served + timedelta(SET_ASIDE_DAYS)
        closed = (
            f"; the court office is closed on {full_date(plain)}, CPR 2.8(5)"
            if last != plain
            else ""
        )
        text += (
            f" {esc(provider)} may apply to set the order aside or vary it on or before "
            f"{full_date(last)} (within {SET_ASIDE_DAYS} days after service, CPR 23.10(2)"
            f"{closed})."
        )
    return text


def _served_in_time(case: CaseFile, item: CaseItem, deadline: datetime) -> bool:
    """The letter serving the order was served (or, how it went unknown, went) by the day
    the provider had to comply by."""
    sent = case.serving_letter(item.provider_name)
    if sent is None:
        return False
    served = sent.deemed_served(case.calendar) or sent.on
    return served <= deadline.date()


def _standing(case: CaseFile) -> list[str]:
    """Where each item the order was made on stands today: served, when it must be dealt
    with, whether the provider has confirmed it, whether the order still applies."""
    lines = []
    for number, item in case.numbered_items():
        if not item.ordered or item.order_date is None:
            continue
        sent = case.serving_letter(item.provider_name)
        served = sent.deemed_served(case.calendar) if sent else None
        parts = [
            f"order made on {full_date(item.order_date)}",
            "the letter serving it has not been sent"
            if sent is None
            else f"the letter serving it sent on {full_date(sent.on)}"
            + (f", deemed served on {full_date(served)}" if served else ""),
        ]
        deadline = _complies_by(item)
        if deadline:
            agreed = " (the earlier time agreed, regulation 3(6))" if item.agreed_deadline else ""
            parts.append(f"to comply by {full_moment(deadline)}{agreed}")
        if item.confirmed_on:
            parts.append(f"compliance confirmed by the provider on {full_date(item.confirmed_on)}")
        elif deadline and _overdue(case, item) and not _served_in_time(case, item, deadline):
            parts.append(  # not the provider's default: the time to comply is the court's
                "<b>not served before that time</b>: serve it and apply to the court (form "
                "N244) to vary the time to comply"
            )
        elif _overdue(case, item):
            parts.append(  # the order asks for no confirmation: its absence is no default
                "<b>the time to comply has passed</b>: no confirmation received from the "
                "provider that it has complied"
            )
        elif not item.carved_out_on:
            parts.append("no confirmation from the provider yet")
        if item.carved_out_on:
            parts.append(_ceased(case, item))
        host = f", host network {esc(item.host)}" if item.host else ""
        lines.append(
            f"{_item(number, item)} ({esc(item.provider_name)}{host}): {'; '.join(parts)}."
        )
    return lines


def _earlier_than(item: CaseItem) -> str:
    if item.order_deadline is None:
        return ""
    return f", earlier than the order's {full_moment(item.order_deadline)}"


def _agreements(case: CaseFile) -> list[str]:
    """The earlier times agreed whose day is not recorded (those with one are dated events)."""
    return [
        f"{_item(number, item)} ({esc(item.provider_name)}): to comply by "
        f"{full_moment(item.agreed_deadline)}{_earlier_than(item)}."
        for number, item in case.numbered_items()
        if item.ordered and item.agreed_deadline and not item.agreed_on
    ]


def recorded_events(case: CaseFile) -> list[str]:
    """Everything that has happened since the order that the note records, in its order:
    empty when nothing has. (Two notes recording the same events say the same.)"""
    return [f"{full_date(on)} — {text}" for on, text in _dated_events(case)] + _agreements(case)


def has_events(case: CaseFile) -> bool:
    """Whether anything has happened since the order that the note would record."""
    return bool(recorded_events(case))


def order_note_pdf(case: CaseFile) -> bytes:
    made = sorted({i.order_date for i in case.items if i.ordered and i.order_date})
    orders = " and ".join(full_date(d) for d in made) or "[date]"
    story: list[Flowable] = [
        *case_heading(case),
        Paragraph(NOTE_TITLE.upper(), TITLE),
        Paragraph(
            f"Dated {full_date(case.prepared_on)}. Prepared for the Applicant by "
            f"{esc(case.applicant.described() or 'the officer in the case')}. This note is not "
            f"part of the order. It records what has happened since the order made on {orders}; "
            "the order in this bundle is the Applicant's copy of its terms, the sealed order "
            "being the court's.",
            BODY,
        ),
    ]
    parts = [
        ("Events, by date", [f"{full_date(on)} — {text}" for on, text in _dated_events(case)]),
        (
            "Earlier times agreed with a Respondent, on a day not recorded (regulation 3(6))",
            _agreements(case),
        ),
        (f"Each item of the order, as at {full_date(case.prepared_on)}", _standing(case)),
    ]
    paragraphs = iter(range(1, sum(len(texts) for _, texts in parts) + 1))  # one numbering
    for heading, texts in parts:
        if texts:
            story.append(Paragraph(heading, HEADING))
        story += [numbered(f"{next(paragraphs)}.", text) for text in texts]
    officer = case.applicant
    signed = [Spacer(1, 0.5 * cm), signature_block(officer.name, position(officer), dated=False)]
    story.append(KeepTogether([story.pop(), *signed]))  # never a signature on its own page
    return render(story, title=f"{case.reference} note of events since the order")
