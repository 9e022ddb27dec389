"""The letters to providers: the date each was sent, so the letter is dated as it went out."""

from __future__ import annotations

from datetime import date, datetime, time

from raptor_desktop.core.case_file import UNCONFIRMED, CaseFile
from raptor_desktop.core.dates import full_date
from raptor_desktop.core.deemed_service import (
    ELSEWHERE,
    Sending,
    SendingMethod,
    sending_time_problem,
)
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.wording import lower_first
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store, utc_now
from raptor_desktop.store.errors import Conflict
from raptor_desktop.store.settings import network_routes


def record_letter_sent(
    store: Store,
    reference: str,
    provider: str,
    sent_on: date,
    method: SendingMethod,
    at: time | None = None,
    correction: str = "",
) -> Sending:
    """Record the day the letter to ``provider`` about ``reference`` was sent, how, and (by
    hand, fax, email or in person) at what time: the day it is served turns on them (CPR 6.26).
    It keeps where the letter went, from the network's routes for service: by DX, fax or email
    only where the rules allow it (``core.service_routes``), so those are refused until
    recorded. Returns the letter as it went.

    A notice of the application goes before the hearing; a covering letter served with an
    order without notice goes once an order has been made on that provider's items. With
    notice, a letter on or after the order is the one serving it, kept apart from the notice.

    One letter of each kind is recorded for each provider: the first service is the one that
    counts (CPR 6.26, 23.10(2)), so recording another over it is refused, unless it corrects
    that record, giving the reason (``correction``, logged with the change).
    """
    if sent_on > date.today():
        raise InputRejected(f"the letter's date {full_date(sent_on)} is in the future")
    problem = sending_time_problem("the letter", sent_on, method, at, datetime.now())
    if problem:
        raise InputRejected(problem)
    why = " ".join(correction.split())
    event = "correct letter sent" if why else "record letter sent"
    with store.transaction(event, reference, justification=why) as db:
        case = load_case_file(store, reference, check_files=False)
        # an item ordered and carved out since was served with the order all the same
        live = [i for i in case.items if i.live or i.ordered]
        providers = {i.provider_name for i in live} - {UNCONFIRMED}
        name = next((p for p in providers if p.casefold() == provider.strip().casefold()), None)
        if name is None:
            known = ", ".join(sorted(providers)) or "none yet (confirm the providers first)"
            raise InputRejected(
                f"{reference} has no item to serve on {provider.strip()!r}; its providers: {known}"
            )
        if case.authorised_on and sent_on < case.authorised_on:
            raise InputRejected(
                f"the letter is about an application the superintendent authorised on "
                f"{full_date(case.authorised_on)}; it cannot have been sent on "
                f"{full_date(sent_on)}, before that"
            )
        made = [i.order_date for i in live if i.provider_name == name and i.order_date]
        serving = case.with_notice and bool(made) and sent_on >= min(made)
        if case.with_notice and not serving and case.hearing_date and sent_on > case.hearing_date:
            raise InputRejected(
                f"a notice of the application is sent before the hearing "
                f"({full_date(case.hearing_date)}), not on {full_date(sent_on)}; the letter "
                f"serving an order goes once the order is made, and none is made on {name}'s "
                "items yet"
            )
        if not case.with_notice:
            if not made:
                raise InputRejected(
                    f"without notice, the letter to {name} is served with the order, and no "
                    f"order has been made yet on {name}'s items in {reference}"
                )
            if sent_on < min(made):
                raise InputRejected(
                    f"the letter goes with the order made on {full_date(min(made))}; it cannot "
                    f"have been sent on {full_date(sent_on)}"
                )
        routes = network_routes(store, name)
        sent_to, under = routes.destination(method), routes.agreement(method)
        at_time = f" {at.strftime('%H:%M')}" if at else ""  # refused by post or DX
        where = f" to {sent_to}" if method in ELSEWHERE else ""
        store.describe(
            f"{reference} letter to {name} sent {sent_on.isoformat()}{at_time} by {method.value}"
            f"{where}"
        )
        table = "order_letters" if serving else "provider_letters"  # with notice: two letters
        _check_correction(case, serving, name, why)
        db.execute(
            f"INSERT INTO {table} (application_id, provider, sent_on, method, sent_at, "
            "sent_to, sent_under, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (application_id, provider) DO UPDATE SET sent_on = excluded.sent_on, "
            "method = excluded.method, sent_at = excluded.sent_at, sent_to = excluded.sent_to, "
            "sent_under = excluded.sent_under, recorded_at = excluded.recorded_at, "
            "recorded_by = excluded.recorded_by",
            [
                application_id(store, reference),
                name,
                sent_on.isoformat(),
                method.value,
                at.strftime("%H:%M") if at else "",
                sent_to,
                under,
                utc_now(),
                store.actor,
            ],
        )
    return Sending(sent_on, method, at, sent_to, under)


def _check_correction(case: CaseFile, serving: bool, provider: str, why: str) -> None:
    """A letter recorded already is the service that counts: another over it only corrects it,
    with a reason; a correction needs a letter to correct."""
    letters = case.order_letters_sent if serving else case.letters_sent
    recorded = letters.get(provider)
    kind = "letter serving the order on" if serving and case.with_notice else "letter to"
    if recorded and not why:
        how = f" {lower_first(recorded.how)}" if recorded.method else ""
        raise Conflict(
            f"the {kind} {provider} is recorded as sent on {full_date(recorded.on)}{how}: the "
            "first service is the one that counts (CPR 6.26); if that record is wrong, record "
            "this one as a correction, giving the reason (it is logged with the change)"
        )
    if why and not recorded:
        raise InputRejected(f"no {kind} {provider} is recorded yet: there is nothing to correct")
