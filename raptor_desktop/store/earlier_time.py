"""An earlier time to comply, agreed in writing between the Applicant and a provider
(regulation 3(6)): an event after the order, recorded with the day it was agreed, not a
correction of the order's terms (which stay as the court made them)."""

from __future__ import annotations

from datetime import date, datetime

from raptor_desktop.core.dates import full_date, full_moment
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.orders import DeadlineKind
from raptor_desktop.store.applications import application_id
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.lines import find_number


def record_earlier_time(
    store: Store, reference: str, text: str, complies_by: datetime, agreed_on: date
) -> None:
    """Record that the provider of number ``text`` in ``reference`` agreed in writing, on
    ``agreed_on``, to comply with the order by ``complies_by``: earlier than the time the
    order set (regulation 3(6) allows no later one). The warnings then watch the agreed time;
    the order's own time is kept, and the order as made still states it."""
    if agreed_on > date.today():
        raise InputRejected(f"the agreement's date {full_date(agreed_on)} is in the future")
    with store.transaction("record earlier time agreed", reference) as db:
        app_id = application_id(store, reference)
        number = find_number(store, text)
        shown = national_format(number.e164)
        store.describe(f"{reference} {number.e164}: comply by {complies_by:%Y-%m-%d %H:%M}")
        row = db.execute(
            "SELECT order_date, COALESCE(ordered_deadline_at, deadline_at) FROM orders "
            "WHERE application_id = ? AND number_id = ?",
            [app_id, number.id],
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"no order on {shown} in {reference}")
        made, own = date.fromisoformat(row[0]), datetime.fromisoformat(row[1])
        if agreed_on < made:
            raise InputRejected(
                f"{shown}: the order was made on {full_date(made)}; a time to comply with it "
                f"cannot have been agreed on {full_date(agreed_on)}"
            )
        if complies_by >= own:
            raise InputRejected(
                f"{shown}: the order's time to comply is {full_moment(own)}; the Applicant and "
                "the provider may agree only an earlier one (regulation 3(6))"
            )
        if complies_by.date() < made:
            raise InputRejected(f"{shown}: the agreed time is before the order was made")
        db.execute(
            "UPDATE orders SET deadline_kind = ?, deadline_at = ?, ordered_deadline_at = ?, "
            "agreed_on = ? WHERE application_id = ? AND number_id = ?",
            [
                DeadlineKind.AGREED.name,
                complies_by.isoformat(timespec="minutes"),
                own.isoformat(timespec="minutes"),
                agreed_on.isoformat(),
                app_id,
                number.id,
            ],
        )
