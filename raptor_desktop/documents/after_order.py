"""The documents that come after the order, each with the key that says a bundle holds it.

Once a bundle has been served, what follows the hearing goes at its end as a supplement (the
bundle guidance: later material is added at the end, nothing served is renumbered): the
order made on each day, the note of events since the order, the letter serving the order
on each provider (again once it has been sent, dated), and the certificate of service once
what it certifies has changed. ``held_by_pack`` gives the keys of a
bundle built whole, so that a supplement to it adds only what it lacks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.dates import full_date
from raptor_desktop.core.wording import numbers_in_ranges
from raptor_desktop.documents.bundle_contents import (
    certificate_key,
    exhibit_key,
    letter_key,
    note_key,
    order_key,
    statement_key,
)
from raptor_desktop.documents.certificate_of_service import (
    CERTIFICATE_TITLE,
    certificate_pdf,
    certified,
)
from raptor_desktop.documents.letters import letter_pdf, letters_to_write, provider_name
from raptor_desktop.documents.order_doc import order_pdf
from raptor_desktop.documents.order_note import NOTE_TITLE, order_note_pdf, recorded_events


@dataclass(frozen=True)
class LaterDocument:
    key: str
    title: str
    make: Callable[[], bytes]


def _serving_letters(case: CaseFile) -> list[LaterDocument]:
    """Each letter serving the order, keyed by its addressee, its items and when it went."""
    numbers = {id(item): n for n, item in case.numbered_items()}
    letters = []
    for serve_on, items in letters_to_write(case):
        ordered = [numbers[id(i)] for i in items if i.ordered]
        if not ordered:  # nothing ordered on this provider's items: nothing to serve
            continue
        to = provider_name(items)
        sent = case.serving_letter(to)
        title = f"Letter to {to} serving the order" + (
            f", as sent on {full_date(sent.on)}" if sent else " (not yet sent)"
        )
        key = letter_key(to, numbers_in_ranges(ordered), sent)
        letters.append(LaterDocument(key, title, partial(letter_pdf, case, serve_on, items)))
    return letters


def after_order(case: CaseFile) -> list[LaterDocument]:
    """Every document that follows the order, as it stands today, in bundle order."""
    later = [
        LaterDocument(
            order_key(day), f"Order made on {full_date(day)}", partial(order_pdf, case, day)
        )
        for day in case.decision_dates()
    ]
    events = recorded_events(case)
    if events:
        later.append(
            LaterDocument(
                note_key(events),
                f"{NOTE_TITLE}, dated {full_date(case.prepared_on)}",
                partial(order_note_pdf, case),
            )
        )
    later += _serving_letters(case)
    service = certified(case)
    if service:
        later.append(
            LaterDocument(
                certificate_key(service), CERTIFICATE_TITLE, partial(certificate_pdf, case)
            )
        )
    return later


def held_by_pack(case: CaseFile) -> frozenset[str]:
    """The keys of a pack of ``case`` built whole: its statement, its exhibits, and the
    documents after the order that are in it."""
    return frozenset(
        {statement_key(case.statement_number)}
        | {exhibit_key(e.mark) for e in case.exhibits}
        | {d.key for d in after_order(case)}
    )
