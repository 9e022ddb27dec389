"""The note of events since the order: what happened after the court made it, dated.

The order as made is reproduced as the court made it; what came after is no part of it and
goes here: the order served on each provider, an item that ceased to apply when the Applicant
discovered it was not used for drug dealing and gave notice (regulation 3(3)), an earlier time
agreed with a provider (3(6)). Events are in date order; an agreement, whose day the register
does not hold, is listed apart with the time agreed.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Paragraph

from raptor_desktop.core.case_file import CaseFile, CaseItem
from raptor_desktop.core.dates import full_date, full_moment
from raptor_desktop.core.wording import numbers_in_ranges
from raptor_desktop.documents.heading import case_heading, esc
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, HEADING, TITLE, numbered

NOTE_TITLE = "Note of events since the order"


def _dated_events(case: CaseFile) -> list[tuple[date, str]]:
    events: list[tuple[date, str]] = []
    numbered = case.numbered_items()
    for provider, sent in case.letters_sent.items():
        served = [n for n, i in numbered if i.ordered and i.provider_name == provider]
        if served:
            noun = "item" if len(served) == 1 else "items"
            events.append(
                (
                    sent,
                    f"The order was served on {esc(provider)} by letter ({noun} "
                    f"{numbers_in_ranges(served)}).",
                )
            )
    for number, item in numbered:
        if item.carved_out_on:
            events.append(
                (
                    item.carved_out_on,
                    f"{_item(number, item)}: the order ceased to apply (regulation 3(3)). The "
                    "Applicant discovered that it was not being used in connection with drug "
                    f"dealing offences and gave notice to {esc(item.provider_name)}.",
                )
            )
    return sorted(events, key=lambda event: event[0])


def _item(number: int, item: CaseItem) -> str:
    return f"Item {number}: {esc(item.display)}"


def _agreements(case: CaseFile) -> list[str]:
    return [
        f"{_item(number, item)} ({esc(item.provider_name)}): to comply by "
        f"{full_moment(item.agreed_deadline)}"
        + (
            f", earlier than the order's {full_moment(item.order_deadline)}"
            if item.order_deadline
            else ""
        )
        + "."
        for number, item in case.numbered_items()
        if item.ordered and item.agreed_deadline
    ]


def recorded_events(case: CaseFile) -> list[str]:
    """Everything the note records, in its order: empty when nothing has happened since the
    order. (Two notes recording the same events say the same.)"""
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
    dated = [f"{full_date(on)} — {text}" for on, text in _dated_events(case)]
    agreed = _agreements(case)
    parts = [
        ("Events, by date", dated),
        ("Earlier times agreed with a Respondent (regulation 3(6))", agreed),
    ]
    paragraphs = iter(range(1, len(dated) + len(agreed) + 1))  # one numbering through both
    for heading, texts in parts:
        if texts:
            story.append(Paragraph(heading, HEADING))
        story += [numbered(f"{next(paragraphs)}.", text) for text in texts]
    return render(story, title=f"{case.reference} note of events since the order")
